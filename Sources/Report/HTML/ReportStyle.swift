/// The report's inline CSS and JavaScript. The font stack reaches CJK-capable system fonts on Linux, macOS and
/// Windows; the script only sorts tables by a clicked header. Neither contains `<` or `&`, so the page stays
/// well-formed XML as well as HTML.
enum ReportStyle {
    static let css = """
        :root { --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --bar: #3b82c4; --bad: #c4453b; --good: #2f8f4e; --bg: #f6f8fa; }
        body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans",
            "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei",
            "Helvetica Neue", Arial, sans-serif; }
        header { padding: 16px 24px; background: var(--bg); border-bottom: 1px solid var(--line); }
        header h1 { margin: 0 0 4px; font-size: 22px; }
        header p { margin: 0; color: var(--muted); }
        nav { padding: 8px 24px; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: #fff; z-index: 1; }
        nav a { margin-right: 14px; color: var(--bar); text-decoration: none; }
        main { padding: 8px 24px 48px; max-width: 1400px; }
        section { margin-top: 24px; }
        h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        .note { color: var(--muted); margin: 4px 0 8px; }
        .grid { display: flex; flex-wrap: wrap; gap: 16px; }
        .grid > div { flex: 1 1 560px; min-width: 320px; }
        svg.chart { width: 100%; max-width: 640px; height: auto; display: block; }
        svg .bar { fill: var(--bar); }
        svg .grid { stroke: #eaeef2; stroke-width: 1; }
        svg .axis { stroke: var(--muted); stroke-width: 1; }
        svg text { font: inherit; fill: var(--ink); }
        svg .chart-title { font-weight: 600; font-size: 13px; }
        svg .tick, svg .value { font-size: 11px; fill: var(--muted); }
        svg .label { font-size: 12px; }
        svg .axis-title { font-size: 12px; fill: var(--muted); }
        table { border-collapse: collapse; margin: 6px 0 12px; }
        th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: var(--bg); cursor: pointer; white-space: nowrap; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .pass { color: var(--good); }
        .fail { color: var(--bad); }
        .text { white-space: pre-wrap; word-break: break-word; margin: 2px 0; font: inherit; }
        td .text { max-height: 14em; overflow: auto; }
        .example { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 6px 10px; }
        .example summary { cursor: pointer; }
        .example dt { font-weight: 600; color: var(--muted); margin-top: 6px; }
        .example dd { margin: 0 0 0 12px; }
        .cluster { margin: 4px 0 10px; }
        .empty { color: var(--muted); font-style: italic; }
        """

    static let script = """
        document.querySelectorAll("table.sortable th").forEach(function (th) {
            th.title = "click to sort";
            th.addEventListener("click", function () {
                var table = th.closest("table");
                var body = table.tBodies[0];
                var index = Array.prototype.indexOf.call(th.parentNode.children, th);
                var direction = th.dataset.dir === "asc" ? -1 : 1;
                th.dataset.dir = direction === 1 ? "asc" : "desc";
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                    var x = a.cells[index].dataset.v || a.cells[index].textContent;
                    var y = b.cells[index].dataset.v || b.cells[index].textContent;
                    var nx = parseFloat(x), ny = parseFloat(y);
                    return direction * ((isNaN(nx) || isNaN(ny)) ? x.localeCompare(y) : nx - ny);
                });
                rows.forEach(function (row) { body.appendChild(row); });
            });
        });
        """
}
