// Draw the Plotly figures whose JSON the page carries (no inline scripts, so a strict CSP holds).
// For printing, each chart is redrawn at the size its data-print-width/-height attributes give.
(function () {
  "use strict";
  var charts = [];

  function draw() {
    if (!window.Plotly) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-figure]"), function (el) {
      var source = document.getElementById(el.dataset.figure);
      if (!source) return;
      var fig = JSON.parse(source.textContent);
      el.textContent = "";
      charts.push({ el: el, height: fig.layout.height, fontSize: (fig.layout.font || {}).size || 12 });
      window.Plotly.newPlot(el, fig.data, fig.layout, { displayModeBar: false, responsive: true })
        .then(function () { el.dataset.drawn = "true"; });
    });
  }

  function toPrint() {
    charts.forEach(function (c) {
      if (!c.el.dataset.printWidth) return;
      window.Plotly.relayout(c.el, { width: +c.el.dataset.printWidth, height: +c.el.dataset.printHeight, autosize: false, "font.size": 10 });
    });
  }
  function toScreen() {
    charts.forEach(function (c) {
      window.Plotly.relayout(c.el, { width: null, height: c.height, autosize: true, "font.size": c.fontSize });
    });
  }

  if (document.readyState !== "loading") draw(); else document.addEventListener("DOMContentLoaded", draw);
  if (window.matchMedia) {
    var media = window.matchMedia("print");
    var listener = function (event) { if (event.matches) toPrint(); else toScreen(); };
    if (media.addEventListener) media.addEventListener("change", listener); else media.addListener(listener);
  }
  window.addEventListener("beforeprint", toPrint);
  window.addEventListener("afterprint", toScreen);
})();
