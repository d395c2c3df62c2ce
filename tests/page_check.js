// Run in the page by test_phone.py: every problem a person would meet on this screen, as text
// (empty when all is well). opts.phone: a phone-sized screen; opts.js: the page's scripts run.
(opts) => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const shown = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
    && !el.closest(".visually-hidden") && el.getClientRects().length > 0;
  const name = (el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.value || el.name || "").trim().slice(0, 40)}"`;

  // No page is wider than the screen: nothing to scroll sideways.
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
  }
  for (const el of document.querySelectorAll("main *, header *, footer *")) {
    if (!shown(el) || el.closest(".table-scroll")) continue;
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1)) {
      problems.push(`${name(el)} sticks out of the screen (${Math.round(box.left)}..${Math.round(box.right)})`);
      break;
    }
  }

  // The header takes at most two lines: the name on one, the controls on the other.
  const header = document.querySelector(".header-row");
  if (header) {
    const brand = header.querySelector(".brand");
    const lineHeight = parseFloat(getComputedStyle(brand).lineHeight);
    if (brand.getBoundingClientRect().height > lineHeight * 1.5) problems.push("the site's name takes two lines");
    const rows = new Set();
    for (const el of header.querySelectorAll(".brand, .menu > summary, .nav-wide a, .langs a")) {
      if (shown(el)) rows.add(Math.round(el.getBoundingClientRect().top / 8));
    }
    const tops = [...rows].sort((a, b) => a - b);
    const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1] > 2).length;
    if (lines > 2) problems.push(`the header takes ${lines} lines`);
  }

  // Every control is a target of at least 24 x 24 px; a link inside a sentence is exempt
  // (WCAG 2.2, 2.5.8). A radio button or checkbox counts with its label.
  const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary";
  for (const el of document.querySelectorAll(controls)) {
    if (!shown(el)) continue;
    let target = el;
    if (el.matches("input[type=radio], input[type=checkbox]") && el.closest("label")) target = el.closest("label");
    if (el.matches("a") && getComputedStyle(el).display === "inline") {
      const block = el.parentElement.closest("p, li, td, dd, figcaption, span.row-note") || el.parentElement;
      if (block.textContent.trim().length > el.textContent.trim().length + 1) continue;
    }
    const box = target.getBoundingClientRect();
    if (box.width < 24 - 0.5 || box.height < 24 - 0.5) {
      problems.push(`${name(el)} is ${Math.round(box.width)} x ${Math.round(box.height)} px`);
    }
  }

  // Without JavaScript, no control shows that would need it.
  if (!opts.js) {
    for (const el of document.querySelectorAll("button[type=button], [data-copy], [data-print], [data-print-name-form], .pick")) {
      if (shown(el)) problems.push(`${name(el)} shows but does nothing without JavaScript`);
    }
  }
  return problems;
}
