// Run in the page by test_charts_browser.py: every problem with the charts, as text
// (empty when all is well). minFont: the smallest font size a chart text may have, in px.
(minFont) => {
  const problems = [];
  // The tables folded under a chart are checked open.
  for (const details of document.querySelectorAll(".chart-figure details")) details.open = true;
  const inside = (box, outer, slack) =>
    box.left >= outer.left - slack && box.right <= outer.right + slack
    && box.top >= outer.top - slack && box.bottom <= outer.bottom + slack;
  for (const svg of document.querySelectorAll("svg.chart-svg")) {
    const outer = svg.getBoundingClientRect();
    const scale = svg.getScreenCTM().a;
    for (const text of svg.querySelectorAll("text")) {
      if (!text.textContent.trim()) continue;
      const box = text.getBoundingClientRect();
      if (!inside(box, outer, 1)) problems.push(`${svg.id}: "${text.textContent}" is cut off`);
      const px = parseFloat(text.getAttribute("font-size")) * scale;
      if (minFont && px < minFont - 0.05) problems.push(`${svg.id}: "${text.textContent}" is ${px.toFixed(1)} px`);
    }
  }
  // No chart text covers another one, and no marker covers a text (the "You" of the grid
  // never hides a cell's name).
  const overlap = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  for (const svg of document.querySelectorAll("svg.chart-svg")) {
    const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim());
    const boxes = texts.map((t) => [...t.querySelectorAll("tspan")].length
      ? [...t.querySelectorAll("tspan")].map((s) => s.getBoundingClientRect())
      : [t.getBoundingClientRect()]);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (boxes[i].some((a) => boxes[j].some((b) => overlap(a, b)))) {
          problems.push(`${svg.id}: "${texts[i].textContent}" overlaps "${texts[j].textContent}"`);
        }
      }
      for (const marker of svg.querySelectorAll(".marker")) {
        if (boxes[i].some((a) => overlap(a, marker.getBoundingClientRect()))) {
          problems.push(`${svg.id}: the marker covers "${texts[i].textContent}"`);
        }
      }
    }
  }
  for (const figure of document.querySelectorAll(".chart-figure")) {
    const outer = figure.getBoundingClientRect();
    if (outer.right > document.documentElement.clientWidth + 1) problems.push(`${figure.id} is wider than the screen`);
    for (const el of figure.querySelectorAll("table, th, td, li")) {
      if (el.getBoundingClientRect().width <= 1 || el.closest("thead")?.getBoundingClientRect().width <= 1) continue;
      if (!inside(el.getBoundingClientRect(), outer, 1)) problems.push(`${figure.id}: "${el.textContent.trim().slice(0, 40)}" sticks out`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${figure.id}: "${el.textContent.trim().slice(0, 40)}" overflows its cell`);
    }
  }
  return problems;
}
