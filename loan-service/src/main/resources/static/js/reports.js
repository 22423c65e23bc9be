// The form's target follows the chosen report and format: /reports/download/{report}.{format}
(function () {
  const form = document.getElementById('report-form');
  form.querySelectorAll('button[data-format]').forEach(b => b.addEventListener('click', () => {
    form.action = form.action.replace(/[^/]+$/, document.getElementById('report-kind').value + '.' + b.dataset.format);
  }));
  // empty optional fields are left out of the address
  form.addEventListener('submit', () => form.querySelectorAll('input,select').forEach(i => { if (!i.value) i.disabled = true; }));
  window.addEventListener('pageshow', () => form.querySelectorAll('input,select').forEach(i => i.disabled = false));
})();
