// quizapp: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function onReady(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  // Rank items: choose the endings in order (tap, click, or Enter/Space on each ending).
  // Tapping a placed ending again takes back only its own place; the next ending chosen gets
  // the first open place. Arrow keys move between the endings; every change is announced.
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
    function textOf(ending) { return ending.querySelector(".ending-text").textContent.trim(); }
    function openPlaces() {
      var taken = endings.map(placeOf);
      var open = [];
      for (var p = 1; p <= n; p += 1) if (taken.indexOf(p) === -1) open.push(p);
      return open;
    }
    function render() {
      endings.forEach(function (ending) {
        var place = placeOf(ending);
        var button = ending.querySelector(".pick");
        button.setAttribute("aria-pressed", place ? "true" : "false");
        button.querySelector(".badge").textContent = place ? String(place) : "";
        button.querySelector(".badge-label").textContent = place ? texts.place + " " + place + ": " : "";
      });
    }
    function say(message) {
      // A new text node, so that the same message twice is announced twice.
      live.textContent = "";
      window.setTimeout(function () { live.textContent = message; }, 50);
    }
    function choose(ending) {
      var place = placeOf(ending);
      var message;
      if (place) {
        setPlace(ending, 0);
        message = texts.undone.replace("%(place)s", place).replace("%(ending)s", textOf(ending));
      } else {
        place = openPlaces()[0];
        setPlace(ending, place);
        message = texts.place + " " + place + ": " + textOf(ending) + ".";
        var unplaced = endings.filter(function (e) { return !placeOf(e); });
        if (unplaced.length === 1) {
          var last = openPlaces()[0];
          setPlace(unplaced[0], last);
          message += " " + texts.place + " " + last + ": " + textOf(unplaced[0]) + ".";
        }
      }
      var open = openPlaces();
      message += " " + (open.length ? texts.open + " " + open.join(", ") + "." : texts.done);
      render();
      say(message);
    }
    function move(from, key) {
      var buttons = endings.map(function (e) { return e.querySelector(".pick"); });
      var i = buttons.indexOf(from);
      var next = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: n - 1 }[key];
      if (next === undefined) return false;
      buttons[(next + n) % n].focus();
      return true;
    }

    var help = document.createElement("p");
    help.className = "rank-help";
    help.id = fieldset.id + "-help";
    help.textContent = texts.help;
    fieldset.querySelector(".endings").before(help);
    endings.forEach(function (ending) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pick";
      button.setAttribute("aria-describedby", help.id);
      button.innerHTML = '<span class="badge" aria-hidden="true"></span><span><span class="badge-label visually-hidden"></span><span class="pick-text"></span></span>';
      button.querySelector(".pick-text").textContent = textOf(ending);
      button.addEventListener("click", function () { choose(ending); });
      button.addEventListener("keydown", function (event) {
        if (!event.altKey && !event.ctrlKey && !event.metaKey && move(button, event.key)) event.preventDefault();
      });
      ending.querySelector("fieldset").appendChild(button);
    });
    var tools = document.createElement("div");
    tools.className = "rank-tools";
    var reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = texts.reset;
    reset.addEventListener("click", function () {
      endings.forEach(function (e) { setPlace(e, 0); });
      render();
      say(texts.restarted);
      endings[0].querySelector(".pick").focus();
    });
    tools.appendChild(reset);
    fieldset.appendChild(tools);
    fieldset.appendChild(live);
    // A partly ranked item from an earlier try keeps only places without ties.
    var seen = {};
    endings.forEach(function (e) { var p = placeOf(e); if (p && seen[p]) setPlace(e, 0); seen[p] = true; });
    render();
  }

  onReady(function () {
    var form = document.querySelector(".quiz-form");
    if (form) {
      var d = form.dataset;
      var texts = {
        help: d.rankHelp, reset: d.rankReset, place: d.rankPlace, undone: d.rankUndone,
        open: d.rankOpen, done: d.rankDone, restarted: d.rankRestarted
      };
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
