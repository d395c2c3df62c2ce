// quizapp: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function onReady(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  // Rank items: choose the endings in order (click, tap, or Enter/Space on each ending).
  function enhanceRank(fieldset, texts) {
    var endings = Array.prototype.slice.call(fieldset.querySelectorAll(".ending"));
    var n = endings.length;
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");

    function placeOf(ending) {
      var checked = ending.querySelector("input:checked");
      return checked ? parseInt(checked.value, 10) : 0;
    }
    function setPlace(ending, place) {
      Array.prototype.forEach.call(ending.querySelectorAll("input"), function (input) {
        input.checked = parseInt(input.value, 10) === place;
      });
    }
    function taken() { return endings.map(placeOf).filter(Boolean); }
    function render() {
      endings.forEach(function (ending) {
        var place = placeOf(ending);
        var button = ending.querySelector(".pick");
        button.setAttribute("aria-pressed", place ? "true" : "false");
        button.querySelector(".badge").textContent = place ? String(place) : "";
        button.querySelector(".badge-label").textContent = place ? texts.place + " " + place + ": " : "";
      });
    }
    function choose(ending) {
      var place = placeOf(ending);
      if (place) {
        // Taking a place back frees it and every later place, so the order stays 1, 2, 3 ...
        endings.forEach(function (other) { if (placeOf(other) >= place) setPlace(other, 0); });
      } else {
        var used = taken();
        var next = 1;
        while (used.indexOf(next) !== -1) next += 1;
        setPlace(ending, next);
        var open = endings.filter(function (e) { return !placeOf(e); });
        if (open.length === 1) setPlace(open[0], n);
        live.textContent = texts.place + " " + next + ": " + ending.querySelector(".ending-text").textContent.trim();
      }
      render();
    }

    endings.forEach(function (ending) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pick";
      button.innerHTML = '<span class="badge" aria-hidden="true"></span><span><span class="badge-label visually-hidden"></span><span class="pick-text"></span></span>';
      button.querySelector(".pick-text").textContent = ending.querySelector(".ending-text").textContent.trim();
      button.addEventListener("click", function () { choose(ending); });
      ending.querySelector("fieldset").appendChild(button);
    });
    var tools = document.createElement("div");
    tools.className = "rank-tools";
    var help = document.createElement("span");
    help.textContent = texts.help;
    var reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = texts.reset;
    reset.addEventListener("click", function () {
      endings.forEach(function (e) { setPlace(e, 0); });
      render();
      endings[0].querySelector(".pick").focus();
    });
    tools.appendChild(help);
    tools.appendChild(reset);
    fieldset.appendChild(tools);
    fieldset.appendChild(live);
    // A partly ranked item from an earlier try keeps only places without gaps or ties.
    var seen = {};
    endings.forEach(function (e) { var p = placeOf(e); if (p && seen[p]) setPlace(e, 0); seen[p] = true; });
    render();
  }

  onReady(function () {
    var form = document.querySelector(".quiz-form");
    if (form) {
      var texts = { help: form.dataset.rankHelp, reset: form.dataset.rankReset, place: form.dataset.rankPlace };
      Array.prototype.forEach.call(form.querySelectorAll("[data-rank]"), function (f) { enhanceRank(f, texts); });
    }
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
      if (!navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var input = document.getElementById(button.dataset.copy);
        navigator.clipboard.writeText(input.value).then(function () { button.textContent = button.dataset.done; });
      });
    });
  });
})();

// The name typed for the printout appears in the print header at once. It is never sent:
// the field has no name, and the form is hidden for browsers without this script.
(function () {
  "use strict";
  // As quizapp/text_clean.py: no control characters (NUL, bidi overrides and isolates) that
  // could hide or reorder what is printed.
  var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  function clean(text) { return text.replace(UNSAFE, "").replace(/\s+/g, " ").trim().slice(0, 60); }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-print-name-form]");
    var target = document.querySelector("[data-print-name]");
    if (!form || !target) return;
    var input = form.querySelector("input");
    form.hidden = false;
    input.addEventListener("input", function () { target.textContent = clean(input.value); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });
})();

// A form that stores something is sent once: a second click while the first is on its way
// does nothing (the server also stores one result per set of answers).
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[method=post]")) return;
    if (form.dataset.sending) { event.preventDefault(); return; }
    form.dataset.sending = "1";
    form.setAttribute("aria-busy", "true");
  });
  // Back to a page kept in the browser's memory: it can be sent again.
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-sending]"), function (form) {
      delete form.dataset.sending;
      form.removeAttribute("aria-busy");
    });
  });
})();
