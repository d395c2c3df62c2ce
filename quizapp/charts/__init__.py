"""Charts: one plain description per chart, drawn as SVG or HTML on the server, or as Plotly."""
