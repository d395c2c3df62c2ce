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
