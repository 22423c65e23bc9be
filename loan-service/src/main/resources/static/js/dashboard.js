// The dashboard's charts, from the figures the page carries as JSON (#dashboard-data).
(function () {
  const d = JSON.parse(document.getElementById('dashboard-data').textContent);
  // the charts draw text on a canvas: give them the page's font, which has the Chinese glyphs
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  new Chart(document.getElementById('chart-paid'), {type: 'line', data: {labels: d.months, datasets: [
      {label: d.seriesPaid, data: d.paid, borderColor: '#0d6efd'},
      {label: d.seriesUnlocked, data: d.unlocked, borderColor: '#198754'}]},
    options: {maintainAspectRatio: false, animation: false}});
  new Chart(document.getElementById('chart-delivered'), {type: 'bar', data: {
      labels: d.deliveryMonths, datasets: [{label: d.seriesDelivered, data: d.deliveries, backgroundColor: '#6f42c1'}]},
    options: {maintainAspectRatio: false, animation: false}});
})();
