// The interactive view of a result's charts: draw the Plotly figures whose JSON the page
// carries (no inline scripts, so a strict CSP holds). Loaded on the explore page only.
(function () {
  "use strict";
  function draw() {
    if (!window.Plotly) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-figure]"), function (el) {
      var source = document.getElementById(el.dataset.figure);
      if (!source) return;
      var fig = JSON.parse(source.textContent);
      el.textContent = "";
      window.Plotly.newPlot(el, fig.data, fig.layout, { displayModeBar: false, responsive: true })
        .then(function () { el.dataset.drawn = "true"; });
    });
  }
  if (document.readyState !== "loading") draw(); else document.addEventListener("DOMContentLoaded", draw);
})();
