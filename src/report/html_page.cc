// The report page's markup, style and script. Plain ES2017 and SVG, no
// libraries and no network: the file opens anywhere, offline. Every value
// from the data is put in with textContent or setAttribute, never as markup.
#include "report/html_page.h"

namespace archtag::report {

const char* const k_page_head = R"PAGE(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>archtag report</title>
<style>
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; color: #1a202c; background: #fff; }
h1 { font-size: 1.5rem; margin: .5rem 0 0; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
#run { color: #4a5568; margin: .25rem 0 1rem; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; }
.card { border: 1px solid #e2e8f0; border-radius: 6px; padding: .6rem 1rem; min-width: 8rem; }
.card .n { font-size: 1.6rem; font-weight: 600; display: block; }
.card .l { color: #4a5568; font-size: .85rem; }
#chart svg { width: 100%; height: auto; }
#chart .axis { font-size: 11px; fill: #4a5568; }
#chart .era { stroke: #e53e3e; stroke-dasharray: 4 3; }
#chart .era-label { font-size: 11px; fill: #9b2c2c; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; font-size: .85rem; margin-top: .25rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -1px; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.two > div { overflow-x: auto; }
@media (max-width: 800px) { .two { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { text-align: left; padding: .3rem .45rem; border-bottom: 1px solid #edf2f7; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
#rows th { cursor: pointer; user-select: none; white-space: nowrap; background: #f7fafc; }
#rows th[aria-sort="ascending"]::after { content: " ▲"; }
#rows th[aria-sort="descending"]::after { content: " ▼"; }
#rows tbody tr { cursor: pointer; }
#rows tbody tr:hover { background: #ebf8ff; }
#rows tbody tr.open { background: #bee3f8; }
#rows td.path { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; color: #fff; font-size: .75rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-bottom: .5rem; }
.controls input { flex: 1 1 16rem; padding: .3rem .5rem; }
.pager { display: flex; gap: .5rem; align-items: center; margin-top: .5rem; }
#detail { border: 1px solid #cbd5e0; border-radius: 6px; padding: .5rem 1rem; margin-top: 1rem; }
#diff { background: #f7fafc; padding: .5rem; overflow: auto; max-height: 30rem; font-size: .8rem; }
#diff .add { color: #22543d; background: #f0fff4; display: block; }
#diff .del { color: #742a2a; background: #fff5f5; display: block; }
#diff .hunk { color: #2b6cb0; display: block; }
</style>
</head>
<body>
<header>
<h1 id="heading">archtag report</h1>
<p id="run"></p>
</header>
<noscript><p>This report draws itself with JavaScript; please allow scripts for this file.</p></noscript>
<section class="cards" id="totals" aria-label="Totals"></section>
<section>
<h2>Articles by publication year</h2>
<div id="chart"></div>
<div class="legend" id="legend"></div>
</section>
<section class="two">
<div><h2>By publication</h2><table id="by-publication"></table></div>
<div><h2>By era</h2><table id="by-era"></table></div>
</section>
<section>
<h2>Changed and flagged articles</h2>
<div class="controls">
<input id="filter" type="search" placeholder="Filter by path, title or reason" aria-label="Filter">
<select id="outcome" aria-label="Outcome"></select>
<select id="publication" aria-label="Publication"></select>
<span id="count"></span>
</div>
<table id="rows">
<thead><tr>
<th data-col="0">Path</th><th data-col="1">Title</th><th data-col="2">Publication</th>
<th data-col="3">Published</th><th data-col="5">Era</th><th data-col="6">Outcome</th>
<th data-col="7">Notices</th><th data-col="8">Reason</th>
</tr></thead>
<tbody></tbody>
</table>
<div class="pager">
<button id="prev" type="button">Previous</button>
<span id="page"></span>
<button id="next" type="button">Next</button>
</div>
<section id="detail" hidden>
<h3 id="detail-path"></h3>
<p id="detail-reason"></p>
<pre id="diff"></pre>
</section>
</section>
<div id="selftest" hidden></div>
)PAGE";

const char* const k_page_tail = R"PAGE(<script>
"use strict";
(function () {
  const PAGE = 100;
  const C = { path: 0, title: 1, pub: 2, published: 3, year: 4, era: 5, outcome: 6, notices: 7, reason: 8, diff: 9 };
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const rows = data.rows;
  const outcomes = data.outcomes;
  const SVG = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);
  const fmt = (n) => n.toLocaleString("en-US");

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, String(attrs[k]));
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  const PALETTE = { stamped: "#2b6cb0", updated: "#d69e2e", removed: "#c53030", unchanged: "#a0aec0",
                   flagged: "#805ad5", error: "#1a202c" };
  function colour(i) { return PALETTE[outcomes[i]] || "#718096"; }

  const counts = new Array(outcomes.length).fill(0);
  for (const r of rows) counts[r[C.outcome]]++;
  const idx = (name) => outcomes.indexOf(name);

  function header() {
    const run = data.run;
    $("heading").textContent = "archtag " + run.command + ": " + (run.written ? "what changed" : "what would change");
    $("run").textContent = "Archive " + run.archive + " · as of " + run.as_of + " · archtag " + run.version +
      (run.written ? " · files were written" : " · dry run: nothing has been changed");
    const w = data.run.written;
    const cards = [
      ["articles", rows.length],
      [w ? "stamped" : "to be stamped", counts[idx("stamped")]],
      [w ? "updated" : "to be updated", counts[idx("updated")]],
      [w ? "removed" : "to be removed", counts[idx("removed")]],
      ["flagged for review", data.summary.flagged],
      ["errors", data.summary.errors]];
    for (const [label, n] of cards) {
      const c = el("div", null, "card");
      c.appendChild(el("span", fmt(n), "n"));
      c.appendChild(el("span", label, "l"));
      $("totals").appendChild(c);
    }
  }

  function dayFraction(day) {
    const y = Number(day.slice(0, 4)), m = Number(day.slice(5, 7)), d = Number(day.slice(8, 10));
    const start = Date.UTC(y, 0, 1), end = Date.UTC(y + 1, 0, 1);
    return y + (Date.UTC(y, m - 1, d) - start) / (end - start);
  }

  function chart() {
    const years = new Map();
    for (const r of rows) {
      if (r[C.year] === null) continue;
      let a = years.get(r[C.year]);
      if (!a) { a = new Array(outcomes.length).fill(0); years.set(r[C.year], a); }
      a[r[C.outcome]]++;
    }
    const box = $("chart");
    if (years.size === 0) { box.appendChild(el("p", "No dated articles.")); return; }
    let lo = Math.min(...years.keys()), hi = Math.max(...years.keys());
    const W = 960, H = 340, L = 48, R = 16, T = 16, B = 36;
    const span = hi - lo + 1, bw = (W - L - R) / span;
    let max = 1;
    for (const a of years.values()) max = Math.max(max, a.reduce((x, y) => x + y, 0));
    const s = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Articles by publication year, stacked by outcome" });
    const y = (n) => H - B - (n / max) * (H - T - B);
    for (const t of [0, Math.round(max / 2), max]) {
      s.appendChild(svg("line", { x1: L, x2: W - R, y1: y(t), y2: y(t), stroke: "#edf2f7" }));
      s.appendChild(svg("text", { x: L - 6, y: y(t) + 4, "text-anchor": "end", class: "axis" }, fmt(t)));
    }
    const every = Math.ceil(span / 24);
    for (let yr = lo; yr <= hi; yr++) {
      const x = L + (yr - lo) * bw;
      const a = years.get(yr) || [];
      let base = 0;
      for (let o = 0; o < outcomes.length; o++) {
        const n = a[o] || 0;
        if (!n) continue;
        const rect = svg("rect", { x: x + bw * 0.1, width: bw * 0.8, y: y(base + n), height: y(base) - y(base + n), fill: colour(o), class: "bar" });
        rect.appendChild(svg("title", {}, yr + ": " + fmt(n) + " " + outcomes[o]));
        s.appendChild(rect);
        base += n;
      }
      if ((yr - lo) % every === 0)
        s.appendChild(svg("text", { x: x + bw / 2, y: H - B + 16, "text-anchor": "middle", class: "axis" }, yr));
    }
    let k = 0;
    for (const [pub, era, from] of data.eras) {
      if (!from) continue;
      const f = dayFraction(from);
      if (f < lo || f > hi + 1) continue;
      const x = L + (f - lo) * bw;
      s.appendChild(svg("line", { x1: x, x2: x, y1: T, y2: H - B, class: "era" }));
      const right = x > (L + W - R) / 2;
      s.appendChild(svg("text", { x: right ? x - 4 : x + 4, y: T + 10 + 13 * (k++ % 4), "text-anchor": right ? "end" : "start",
                                  class: "era-label" }, pub + ": " + era + " from " + from));
    }
    box.appendChild(s);
    for (let o = 0; o < outcomes.length; o++) {
      const item = el("span", outcomes[o] + " (" + fmt(counts[o]) + ")");
      const sw = el("i");
      sw.style.background = colour(o);
      item.prepend(sw);
      $("legend").appendChild(item);
    }
  }

  function breakdown(table, keyOf, label) {
    const groups = new Map();
    for (const r of rows) {
      const key = keyOf(r);
      let a = groups.get(key);
      if (!a) { a = new Array(outcomes.length).fill(0); groups.set(key, a); }
      a[r[C.outcome]]++;
    }
    const head = el("tr");
    head.appendChild(el("th", label));
    for (const o of outcomes) head.appendChild(el("th", o, "num"));
    head.appendChild(el("th", "total", "num"));
    const thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    const body = el("tbody");
    for (const key of [...groups.keys()].sort()) {
      const a = groups.get(key), tr = el("tr");
      tr.appendChild(el("td", key));
      for (const n of a) tr.appendChild(el("td", fmt(n), "num"));
      tr.appendChild(el("td", fmt(a.reduce((x, y) => x + y, 0)), "num"));
      body.appendChild(tr);
    }
    table.appendChild(body);
  }

  // The table: indices into `rows`, filtered then sorted; one page drawn.
  const state = { col: -1, dir: 1, page: 0, text: "", outcome: "listed", pub: "", open: -1 };
  let view = [], hay = null;
  const listed = (r) => outcomes[r[C.outcome]] !== "unchanged";

  function controls() {
    const sel = $("outcome");
    const opt = (value, text) => { const o = el("option", text); o.value = value; return o; };
    sel.appendChild(opt("listed", "changed, flagged or failed (" + fmt(rows.filter(listed).length) + ")"));
    sel.appendChild(opt("", "all articles (" + fmt(rows.length) + ")"));
    outcomes.forEach((o, i) => sel.appendChild(opt(o, o + " (" + fmt(counts[i]) + ")")));
    const pubs = $("publication");
    pubs.appendChild(opt("", "all publications"));
    for (const p of [...new Set(rows.map((r) => r[C.pub]))].sort())
      pubs.appendChild(opt(p, p === "" ? "(none)" : p));
    let timer = 0;
    $("filter").addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { state.text = $("filter").value; state.page = 0; refresh(); }, rows.length > 50000 ? 250 : 0);
    });
    sel.addEventListener("change", () => { state.outcome = sel.value; state.page = 0; refresh(); });
    pubs.addEventListener("change", () => { state.pub = pubs.value; state.page = 0; refresh(); });
    for (const th of document.querySelectorAll("#rows th")) {
      th.addEventListener("click", () => sortBy(Number(th.dataset.col)));
    }
    $("prev").addEventListener("click", () => { if (state.page > 0) { state.page--; draw(); } });
    $("next").addEventListener("click", () => { if ((state.page + 1) * PAGE < view.length) { state.page++; draw(); } });
  }

  function sortBy(col) {
    state.dir = state.col === col ? -state.dir : 1;
    state.col = col;
    state.page = 0;
    refresh();
  }

  function key(r, col) {
    if (col === C.outcome) return outcomes[r[col]];
    const v = r[col];
    return v === null ? "" : v;
  }

  function refresh() {
    const text = state.text.trim().toLowerCase();
    if (text && !hay) hay = rows.map((r) => (r[C.path] + "\n" + r[C.title] + "\n" + r[C.reason] + "\n" + r[C.era]).toLowerCase());
    view = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (state.outcome === "listed" ? !listed(r) : state.outcome && outcomes[r[C.outcome]] !== state.outcome) continue;
      if (state.pub && r[C.pub] !== state.pub) continue;
      if (text && hay[i].indexOf(text) < 0) continue;
      view.push(i);
    }
    if (state.col >= 0) {
      const col = state.col, dir = state.dir;
      view.sort((a, b) => {
        const x = key(rows[a], col), y = key(rows[b], col);
        return x < y ? -dir : x > y ? dir : a - b;
      });
    }
    for (const th of document.querySelectorAll("#rows th")) {
      if (Number(th.dataset.col) === state.col) th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
    draw();
  }

  function draw() {
    const body = document.querySelector("#rows tbody");
    body.replaceChildren();
    const pages = Math.max(1, Math.ceil(view.length / PAGE));
    const first = state.page * PAGE;
    for (const i of view.slice(first, first + PAGE)) {
      const r = rows[i], tr = el("tr");
      tr.dataset.row = String(i);
      if (i === state.open) tr.className = "open";
      tr.appendChild(el("td", r[C.path], "path"));
      tr.appendChild(el("td", r[C.title]));
      tr.appendChild(el("td", r[C.pub]));
      tr.appendChild(el("td", r[C.published]));
      tr.appendChild(el("td", r[C.era]));
      const badge = el("span", outcomes[r[C.outcome]], "badge");
      badge.style.background = colour(r[C.outcome]);
      const td = el("td"); td.appendChild(badge); tr.appendChild(td);
      tr.appendChild(el("td", r[C.notices]));
      tr.appendChild(el("td", r[C.reason]));
      tr.addEventListener("click", () => openRow(i));
      body.appendChild(tr);
    }
    $("count").textContent = fmt(view.length) + " of " + fmt(rows.length) + " articles";
    $("page").textContent = "page " + fmt(state.page + 1) + " of " + fmt(pages);
    $("prev").disabled = state.page === 0;
    $("next").disabled = first + PAGE >= view.length;
  }

  function openRow(i) {
    const r = rows[i];
    state.open = i;
    for (const tr of document.querySelectorAll("#rows tbody tr"))
      tr.classList.toggle("open", Number(tr.dataset.row) === i);
    $("detail").hidden = false;
    $("detail-path").textContent = r[C.path];
    $("detail-reason").textContent = r[C.reason];
    const pre = $("diff");
    pre.replaceChildren();
    if (!r[C.diff]) { pre.textContent = "No change to this file."; return; }
    for (const line of r[C.diff].split("\n")) {
      if (line === "") continue;
      const c = line.startsWith("@@") ? "hunk" : line.startsWith("+") && !line.startsWith("+++") ? "add"
              : line.startsWith("-") && !line.startsWith("---") ? "del" : "";
      const span = el("span", line + "\n", c);
      pre.appendChild(span);
    }
  }

  // With #selftest the page exercises itself and leaves the verdict in
  // #selftest[data-selftest] for a headless browser's --dump-dom.
  function selftest() {
    const problems = [];
    const visible = () => [...document.querySelectorAll("#rows tbody tr")].map((tr) => rows[Number(tr.dataset.row)]);
    if (rows.some((r) => r[C.year] !== null) && document.querySelectorAll("#chart rect.bar").length === 0)
      problems.push("chart has no bars");
    state.outcome = ""; refresh();
    sortBy(C.path); sortBy(C.path);
    const paths = visible().map((r) => r[C.path]);
    for (let i = 1; i < paths.length; i++)
      if (paths[i - 1] < paths[i]) { problems.push("not sorted descending by path"); break; }
    if (document.querySelector("#rows th[data-col='0']").getAttribute("aria-sort") !== "descending")
      problems.push("sort direction not shown");
    if (rows.length > 0) {
      const probe = rows[rows.length - 1][C.path];
      $("filter").value = probe; state.text = probe; refresh();
      const shown = visible();
      if (shown.length === 0 || shown.some((r) => r[C.path].toLowerCase().indexOf(probe.toLowerCase()) < 0 &&
          (r[C.title] + r[C.reason] + r[C.era]).toLowerCase().indexOf(probe.toLowerCase()) < 0))
        problems.push("filter by path failed");
      $("filter").value = ""; state.text = "";
      const withDiff = rows.findIndex((r) => r[C.diff]);
      if (withDiff >= 0) { openRow(withDiff); if (!$("diff").textContent.includes("@@")) problems.push("diff not shown"); }
    }
    for (let o = 0; o < outcomes.length; o++) {
      state.outcome = outcomes[o]; refresh();
      if (visible().some((r) => r[C.outcome] !== o)) problems.push("outcome filter " + outcomes[o] + " failed");
      if (view.length !== counts[o]) problems.push("outcome filter " + outcomes[o] + " count");
    }
    state.outcome = "listed"; state.col = -1; state.dir = 1; refresh();
    if (document.scripts.length !== 2) problems.push("unexpected script elements: " + document.scripts.length);
    const verdict = problems.length ? "fail: " + problems.join("; ") : "ok";
    const box = $("selftest");
    box.dataset.selftest = verdict;
    box.dataset.rows = String(rows.length);
    box.dataset.bars = String(document.querySelectorAll("#chart rect.bar").length);
    box.textContent = "self-test: " + verdict;
    box.hidden = false;
  }

  header();
  chart();
  breakdown($("by-publication"), (r) => r[C.pub] || "(none)", "publication");
  breakdown($("by-era"), (r) => (r[C.pub] || "(none)") + (r[C.era] ? " · " + r[C.era] : ""), "era");
  controls();
  refresh();
  if (location.hash === "#selftest") selftest();
})();
</script>
</body>
</html>
)PAGE";

}  // namespace archtag::report
