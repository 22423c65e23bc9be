// Forms: the browser checks first; the server checks again and its message shows beside the field.
document.querySelectorAll('form.needs-validation, #request-form').forEach(function (form) {
  form.addEventListener('submit', function (e) {
    if (!form.checkValidity()) { e.preventDefault(); form.classList.add('was-validated'); }
  });
});
// A choice that reloads the form for what was chosen (the project on a new request).
document.querySelectorAll('[data-submit-on-change]').forEach(function (field) {
  field.addEventListener('change', function () { field.form.submit(); });
});
