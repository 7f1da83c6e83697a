// eventwire explorer. Every string from the database is untrusted: it is set with
// textContent / d3 .text(), never as HTML.
"use strict";

const PAGE = 25;
const FILTERS = ["actor", "type", "country", "since", "until", "text"];
// one hue per PLOVER family (types.tsv quad), one shade per type within it
const FAMILY_COLOURS = {
  "verbal cooperation": d3.interpolateGreens,
  "material cooperation": d3.interpolateBlues,
  "verbal conflict": d3.interpolateOranges,
  "material conflict": d3.interpolateRdPu,
};
const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOURS = { 1: "#74c476", 2: "#238b45", 3: "#fd8d3c", 4: "#ce1256" };
const DIRECTIONS = ["a_to_b", "b_to_a", "joint"];

const form = document.getElementById("filters");
const dyadForm = document.getElementById("dyad-form");
const state = { sort: "date", offset: 0, map: "location", a: "", b: "", by: "month" };
let types = [];          // [{type, quad, definition}] from /api/types
const colours = new Map();
let world = null;

function color(type) { return colours.get(type) || "#888"; }
function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

async function getJSON(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const r = await fetch(url);
  if (!r.ok) {
    const body = await r.json().catch(() => ({}));
    throw new Error(body.error || `${url}: ${r.status}`);
  }
  return r.json();
}

// -- state <-> form <-> URL --------------------------------------------------------------------

function filterParams() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v.trim()) params.set(k, v.trim());
  return params;
}

function writeURL() {
  const params = filterParams();
  if (state.sort !== "date") params.set("sort", state.sort);
  if (state.offset) params.set("offset", state.offset);
  if (state.map !== "location") params.set("map", state.map);
  if (state.a && state.b) { params.set("a", state.a); params.set("b", state.b); }
  if (state.by !== "month") params.set("by", state.by);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function readURL() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
  state.sort = params.get("sort") || "date";
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  state.map = params.get("map") === "actor" ? "actor" : "location";
  state.a = params.get("a") || "";
  state.b = params.get("b") || "";
  state.by = params.get("by") === "year" ? "year" : "month";
  for (const radio of document.querySelectorAll("#map-mode input")) radio.checked = radio.value === state.map;
  dyadForm.elements.a.value = state.a;
  dyadForm.elements.b.value = state.b;
  dyadForm.elements.by.value = state.by;
}

// -- loading -------------------------------------------------------------------------------------

async function loadTypes() {
  types = await getJSON("/api/types");
  const families = d3.group(types, (t) => t.quad);
  for (const [family, members] of families) {
    members.forEach((t, i) => {
      const shade = members.length > 1 ? 0.5 + (0.45 * i) / (members.length - 1) : 0.75;
      colours.set(t.type, d3.color(FAMILY_COLOURS[family](shade)).formatHex());
    });
  }
  const select = document.getElementById("f-type");
  for (const t of types) {
    const o = document.createElement("option");
    o.value = t.type;
    o.textContent = t.type;
    o.title = `${t.quad}: ${t.definition}`;
    select.appendChild(o);
  }
}

async function load() {
  document.body.dataset.state = "loading";
  const params = filterParams();
  await loadEvents();  // first: a bad filter fails once, here, with the API's message
  const [timeline, network] = await Promise.all([
    getJSON("/api/timeline", params), getJSON("/api/network", params), loadMap(),
  ]);
  drawTimeline(timeline);
  drawNetwork(network);
  if (state.a && state.b) await loadDyad();
  writeURL();
  document.body.dataset.state = "ready";
}

async function loadEvents() {
  const params = filterParams();
  params.set("sort", state.sort);
  params.set("offset", state.offset);
  params.set("limit", PAGE);
  const page = await getJSON("/api/events", params);
  drawTable(page);
  const csv = filterParams();
  csv.set("format", "csv");
  document.getElementById("csv-link").href = `/api/export?${csv}`;
}

async function loadMap() {
  const params = filterParams();
  params.set("by", state.map);
  const [places] = await Promise.all([
    getJSON("/api/places", params),
    world ? null : getJSON("/static/vendor/countries-110m.json").then((w) => { world = w; }),
  ]);
  drawMap(places);
}

// A failed request leaves a message (as text) and body[data-state=error].
function run(task) {
  return task().catch((err) => {
    document.body.dataset.state = "error";
    document.getElementById("event-count").textContent = `(error: ${err.message})`;
  });
}

function reload() { return run(load); }

// -- event table ---------------------------------------------------------------------------------

function drawTable(page) {
  const { rows, total, offset } = page;
  const last = offset + rows.length;
  document.getElementById("event-count").textContent = `(${total})`;
  document.getElementById("page-info").textContent =
    rows.length ? `showing ${offset + 1}–${last} of ${total}` : `none of ${total} shown`;
  document.getElementById("page-prev").disabled = offset === 0;
  document.getElementById("page-next").disabled = page.next_offset == null;
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const key = th.dataset.sort;
    th.setAttribute("aria-sort", state.sort === key ? "ascending" : state.sort === `-${key}` ? "descending" : "none");
  }
  const tbody = d3.select("#events tbody");
  tbody.selectAll("tr").remove();
  const tr = tbody.selectAll("tr").data(rows).join("tr")
    .attr("data-article", (d) => d.article_id)
    .attr("data-event", (d) => d.article_event_id)
    .on("click", (_, d) => run(() => openArticle(d.article_id, d.article_event_id)));
  tr.append("td").text((d) => d.date || "—");
  tr.append("td").text((d) => d.type).style("color", (d) => color(d.type));
  tr.append("td").text((d) => d.source || "—");
  tr.append("td").text((d) => d.target || "—");
  tr.append("td").text((d) => d.location || "—");
  tr.append("td").text((d) => d.confidence.toFixed(2));
  tr.append("td").text((d) => d.reports);
  const ev = tr.append("td").attr("class", "evidence");
  ev.append("span").text((d) => d.evidence);
  ev.append("span").attr("class", "flag")
    .text((d) => ["historical", "negated", "hypothetical", "future"].filter((f) => d[f]).join(" "));
}

function size(svg) {
  const box = svg.node().getBoundingClientRect();
  return [Math.max(box.width, 200), Math.max(box.height, 120)];
}

// -- timeline: every month from the first to the last, integer counts ---------------------------

function months(first, last) {
  const out = [];
  let [y, m] = [+first.slice(0, 4), +first.slice(5, 7)];
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > last) return out;
    out.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

function integerAxis(axis, max) {
  return axis.ticks(Math.min(max, 4)).tickFormat(d3.format("d"));
}

function drawTimeline(timeline) {
  const rows = timeline.rows.map((r) => ({ ...r, period: r.period.slice(0, 7) }));
  const notes = [];
  if (timeline.undated) notes.push(plural(timeline.undated, "undated event"));
  if (timeline.less_precise) notes.push(`${plural(timeline.less_precise, "event")} dated only to the year`);
  document.getElementById("timeline-note").textContent = notes.length ? `(not shown: ${notes.join("; ")})` : "";
  const svg = d3.select("#timeline");
  svg.selectAll("*").remove();
  const [w, h] = size(svg);
  const m = { t: 8, r: 8, b: 24, l: 32 };
  const present = [...new Set(rows.map((r) => r.period))].sort();
  const periods = present.length ? months(present[0], present[present.length - 1]) : [];
  const byPeriod = d3.rollup(rows, (v) => new Map(v.map((r) => [r.type, r.count])), (r) => r.period);
  const keys = types.map((t) => t.type);
  const data = periods.map((p) => Object.assign({ period: p },
    Object.fromEntries(keys.map((t) => [t, (byPeriod.get(p) || new Map()).get(t) || 0]))));
  const series = d3.stack().keys(keys)(data);
  const max = d3.max(series, (s) => d3.max(s, (d) => d[1])) || 1;
  const x = d3.scaleBand(periods, [m.l, Math.min(w - m.r, m.l + 75 * periods.length)]).padding(0.15);
  const y = d3.scaleLinear([0, max], [h - m.b, m.t]);
  svg.attr("data-periods", periods.join(" "));
  svg.append("g").selectAll("g").data(series).join("g").attr("fill", (s) => color(s.key))
    .selectAll("rect").data((s) => s.filter((d) => d[1] > d[0]).map((d) => Object.assign(d, { key: s.key })))
    .join("rect")
    .attr("data-period", (d) => d.data.period).attr("data-type", (d) => d.key)
    .attr("data-count", (d) => d[1] - d[0])
    .attr("x", (d) => x(d.data.period)).attr("width", x.bandwidth())
    .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1]))
    .append("title").text((d) => `${d.data.period} ${d.key}: ${d[1] - d[0]}`);
  const step = Math.ceil(periods.length / Math.max(1, Math.floor((w - m.l) / 60)));
  svg.append("g").attr("class", "axis x").attr("transform", `translate(0,${h - m.b})`)
    .call(d3.axisBottom(x).tickValues(periods.filter((_, i) => i % step === 0)));
  svg.append("g").attr("class", "axis y").attr("transform", `translate(${m.l},0)`)
    .call(integerAxis(d3.axisLeft(y), max));
}

// -- map: events by the country they took place in, or by their actors' countries ---------------

function drawMap(places) {
  const svg = d3.select("#map");
  svg.selectAll("*").remove();
  const [w, h] = size(svg);
  const countries = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([w, h], countries);
  const path = d3.geoPath(projection);
  // world-atlas keys countries by ISO numeric id; Kosovo has none there, so join by name too
  const byNumeric = new Map();
  const byName = new Map();
  for (const c of places.countries) {
    if (c.iso_numeric) byNumeric.set(String(c.iso_numeric).padStart(3, "0"), c);
    if (c.name) byName.set(c.name, c);
  }
  const max = d3.max(places.countries, (c) => c.count) || 1;
  const shade = d3.scaleSequential([0, max], d3.interpolateBlues);
  const match = (f) => byNumeric.get(f.id) || byName.get(f.properties.name);
  const what = places.by === "actor" ? "events with an actor of the country" : "events located there";
  svg.append("g").selectAll("path").data(countries.features).join("path")
    .attr("class", "country").attr("d", path)
    .attr("data-name", (f) => f.properties.name)
    .attr("data-count", (f) => (match(f) ? match(f).count : 0))
    .style("fill", (f) => (match(f) ? shade(match(f).count) : null))
    .append("title").text((f) => `${f.properties.name}: ${match(f) ? match(f).count : 0} ${what}`);
  svg.append("g").selectAll("circle")
    .data(places.places.filter((p) => p.lat != null && p.lon != null)).join("circle")
    .attr("class", "place").attr("r", (p) => 3 + Math.sqrt(p.count))
    .attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1])
    .append("title").text((p) => `${p.name}: ${p.count}`);
  drawMapLegend(places, max, shade, what);
}

function drawMapLegend(places, max, shade, what) {
  const legend = d3.select("#map-legend");
  legend.selectAll("*").remove();
  legend.append("span").attr("class", "caption").text(`Shade: ${what}`);
  const steps = [...new Set([0, 1, Math.ceil(max / 2), max])].filter((v) => v <= max);
  const item = legend.selectAll("span.step").data(steps).join("span").attr("class", "step");
  item.append("i").style("background", (v) => (v === 0 ? "#e9ecf1" : shade(v)));
  item.append("b").text((v) => v);
  legend.append("span").attr("class", "step dot").append("i");
  legend.select("span.dot").append("b").text("a place (size: events)");
  legend.append("span").attr("class", "note").attr("id", "map-note")
    .text(places.unplaced ? `${plural(places.unplaced, "event")} without a place` : "");
}

// -- directed network ------------------------------------------------------------------------------

function drawNetwork(net) {
  const svg = d3.select("#network");
  svg.selectAll("*").remove();
  const [w, h] = size(svg);
  const nodes = net.nodes.map((n) => ({ ...n }));
  const links = net.edges.map((e) => ({ ...e }));
  // several edges between one pair of nodes bend apart, so both directions stay visible
  const pairs = d3.group(links, (e) => [e.source, e.target].sort().join("\u0000"));
  for (const group of pairs.values()) {
    // bends are measured in the frame of the pair's first name, so opposite edges part
    group.forEach((e, i) => { e.bend = (i - (group.length - 1) / 2) * 28 * (e.source > e.target ? -1 : 1); });
  }
  const radius = (n) => 4 + Math.sqrt(n.count || 1) * 2;
  const defs = svg.append("defs");
  for (const t of new Set(links.map((e) => e.type))) {
    defs.append("marker").attr("id", `arrow-${t}`).attr("viewBox", "0 -5 10 10")
      .attr("refX", 10).attr("refY", 0).attr("markerWidth", 7).attr("markerHeight", 7)
      .attr("orient", "auto").append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", color(t));
  }
  const link = svg.append("g").selectAll("path").data(links).join("path")
    .attr("class", "edge").attr("fill", "none").attr("stroke", (e) => color(e.type))
    .attr("data-type", (e) => e.type)
    .attr("stroke-width", (e) => 1 + Math.sqrt(e.weight))
    .attr("marker-end", (e) => `url(#arrow-${e.type})`);
  link.append("title").text((e) => `${e.source} → ${e.target}: ${e.type} ×${e.weight}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .on("click", (_, n) => { document.getElementById("f-actor").value = n.id; state.offset = 0; reload(); });
  node.append("circle").attr("r", radius);
  const label = node.append("text").attr("y", 4).text((n) => n.id);
  label.each(function (n) { n.labelWidth = this.getComputedTextLength(); });
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.id).distance(90))
    .force("charge", d3.forceManyBody().strength(-220))
    .force("center", d3.forceCenter(w / 2, h / 2))
    .force("x", d3.forceX(w / 2).strength(0.05))
    .force("y", d3.forceY(h / 2).strength(0.08))
    .force("collide", d3.forceCollide((n) => radius(n) + 14))
    .stop();
  for (let i = 0; i < 300; i++) {
    sim.tick();
    for (const n of nodes) {  // keep every node and its label inside the box
      const r = radius(n);
      n.x = Math.max(r + 4, Math.min(w - r - 4, n.x));
      n.y = Math.max(r + 14, Math.min(h - r - 4, n.y));
    }
  }
  // a label goes on the side with room for it
  label.attr("text-anchor", (n) => (n.x + 8 + n.labelWidth > w ? "end" : "start"))
    .attr("x", (n) => (n.x + 8 + n.labelWidth > w ? -radius(n) - 3 : radius(n) + 3));
  link.attr("d", (e) => {
    const [sx, sy, tx, ty] = [e.source.x, e.source.y, e.target.x, e.target.y];
    const len = Math.hypot(tx - sx, ty - sy) || 1;
    const [mx, my] = [(sx + tx) / 2 - ((ty - sy) / len) * e.bend, (sy + ty) / 2 + ((tx - sx) / len) * e.bend];
    const back = Math.hypot(tx - mx, ty - my) || 1;
    const stop = radius(e.target) + 2;  // the arrow ends at the target's edge
    const [ex, ey] = [tx - ((tx - mx) / back) * stop, ty - ((ty - my) / back) * stop];
    return `M${sx},${sy}Q${mx},${my} ${ex},${ey}`;
  });
  node.attr("transform", (n) => `translate(${n.x},${n.y})`);
  drawTypeLegend(links);
  drawDyadTable(links);
}

function drawTypeLegend(links) {
  const legend = d3.select("#legend");
  legend.selectAll("*").remove();
  const used = new Set(links.map((e) => e.type));
  const shown = types.filter((t) => used.has(t.type));
  const family = legend.selectAll("div").data(d3.groups(shown, (t) => t.quad)).join("div");
  family.append("span").attr("class", "caption").text(([quad]) => `${quad}:`);
  const item = family.selectAll("span.step").data(([, members]) => members).join("span")
    .attr("class", "step").attr("title", (t) => t.definition);
  item.append("i").style("background", (t) => color(t.type));
  item.append("b").text((t) => t.type);
}

function drawDyadTable(links) {
  const pairs = d3.rollups(links, (v) => ({
    weight: d3.sum(v, (e) => e.weight),
    types: v.map((e) => `${e.type} ${e.weight}`).join(", "),
  }), (e) => e.source.id, (e) => e.target.id);
  const rows = pairs.flatMap(([source, targets]) => targets.map(([target, v]) => ({ source, target, ...v })))
    .sort((p, q) => q.weight - p.weight || d3.ascending(p.source, q.source));
  const tr = d3.select("#dyad-table tbody").selectAll("tr").data(rows).join("tr")
    .on("click", (_, d) => {
      state.a = d.source;
      state.b = d.target;
      dyadForm.elements.a.value = d.source;
      dyadForm.elements.b.value = d.target;
      run(showDyad);
    });
  tr.selectAll("td").remove();
  tr.append("td").text((d) => `${d.source} → ${d.target}`);
  tr.append("td").text((d) => d.weight);
  tr.append("td").text((d) => d.types);
}

// -- dyad over time ---------------------------------------------------------------------------------

async function showDyad() {
  document.body.dataset.state = "loading";
  await loadDyad();
  writeURL();
  document.getElementById("dyad-panel").scrollIntoView({ block: "start" });
  document.body.dataset.state = "ready";
}

async function loadDyad() {
  const params = filterParams();
  params.set("a", state.a);
  params.set("b", state.b);
  params.set("granularity", state.by);
  let dyad;
  try {
    dyad = await getJSON("/api/dyads", params);
  } catch (err) {
    document.getElementById("dyad-note").textContent = `error: ${err.message}`;
    return;
  }
  drawDyad(dyad);
}

function sideName(side) {
  return side.country && side.country !== side.term.toUpperCase() ? `${side.term} (${side.country})` : side.term;
}

function drawDyad(dyad) {
  const [a, b] = [sideName(dyad.a), sideName(dyad.b)];
  const label = { a_to_b: `${a} → ${b}`, b_to_a: `${b} → ${a}`, joint: `${a} + ${b} together` };
  const gone = dyad.not_in_periods;
  const counted = d3.sum(Object.values(dyad.totals));
  document.getElementById("dyad-note").textContent =
    `${plural(counted, "event")} counted between ${a} and ${b}` +
    ` (${DIRECTIONS.map((d) => `${label[d]}: ${dyad.totals[d]}`).join("; ")}).` +
    ` Not in any ${dyad.granularity}: ${gone.undated} undated, ${gone.less_precise} dated less precisely;` +
    ` ${gone.not_counted} not counted (negated, hypothetical or future).`;
  document.getElementById("dyad-view").hidden = false;
  const svg = d3.select("#dyad-chart");
  svg.selectAll("*").remove();
  const [w] = size(svg);
  const directions = DIRECTIONS.filter((d) => dyad.totals[d] > 0 || dyad.rows.some((r) => r.direction === d));
  const band = 90;
  const m = { t: 18, r: 8, b: 24, l: 32 };
  const h = m.t + m.b + Math.max(1, directions.length) * (band + 22);
  svg.style("height", `${h}px`).attr("data-granularity", dyad.granularity);
  // bars no wider than 60 px: a dyad with one busy month is not one wall of colour
  const x = d3.scaleBand(dyad.axis, [m.l, Math.min(w - m.r, m.l + 75 * dyad.axis.length)]).padding(0.2);
  const totals = d3.rollup(dyad.rows, (v) => d3.sum(v, (r) => r.events), (r) => r.direction, (r) => r.period);
  const max = d3.max(dyad.rows, (r) => (totals.get(r.direction) || new Map()).get(r.period)) || 1;
  directions.forEach((direction, i) => {
    const top = m.t + i * (band + 22);
    const y = d3.scaleLinear([0, max], [top + band, top]);
    const g = svg.append("g").attr("class", "direction").attr("data-direction", direction);
    g.append("text").attr("class", "row-label").attr("x", m.l).attr("y", top - 4).text(label[direction]);
    const cells = dyad.rows.filter((r) => r.direction === direction);
    const base = new Map();
    for (const r of cells.sort((p, q) => p.quad_class - q.quad_class)) {
      const below = base.get(r.period) || 0;
      base.set(r.period, below + r.events);
      g.append("rect").attr("class", "cell")
        .attr("data-period", r.period).attr("data-direction", direction)
        .attr("data-quad", r.quad_class).attr("data-events", r.events)
        .attr("x", x(r.period)).attr("width", x.bandwidth())
        .attr("y", y(below + r.events)).attr("height", y(below) - y(below + r.events))
        .attr("fill", QUAD_COLOURS[r.quad_class])
        .append("title").text(`${r.period} · ${label[direction]} · ${QUADS[r.quad_class]}: ` +
          `${r.events} (Goldstein mean ${r.goldstein_mean == null ? "—" : r.goldstein_mean.toFixed(1)})`);
    }
    for (const [period, n] of base) {
      const mean = d3.sum(cells.filter((r) => r.period === period), (r) => r.goldstein_sum || 0) / n;
      g.append("text").attr("class", "goldstein").attr("text-anchor", "middle")
        .attr("x", x(period) + x.bandwidth() / 2).attr("y", y(n) - 3)
        .text(`${mean > 0 ? "+" : ""}${mean.toFixed(1)}`);
    }
    g.append("g").attr("class", "axis y").attr("transform", `translate(${m.l},0)`)
      .call(integerAxis(d3.axisLeft(y), max));
  });
  const step = Math.ceil(dyad.axis.length / Math.max(1, Math.floor((w - m.l) / 60)));
  svg.append("g").attr("class", "axis x").attr("transform", `translate(0,${h - m.b})`)
    .call(d3.axisBottom(x).tickValues(dyad.axis.filter((_, i) => i % step === 0)));
  const legend = d3.select("#dyad-legend");
  legend.selectAll("*").remove();
  legend.append("span").attr("class", "caption").text("QuadClass:");
  const item = legend.selectAll("span.step").data([1, 2, 3, 4]).join("span").attr("class", "step");
  item.append("i").style("background", (q) => QUAD_COLOURS[q]);
  item.append("b").text((q) => QUADS[q]);
  legend.append("span").attr("class", "note").text("numbers over bars: mean Goldstein, −10 conflict to +10 cooperation");
  const tr = d3.select("#dyad-events tbody").selectAll("tr").data(dyad.events).join("tr")
    .classed("not-counted", (e) => !e.counted)
    .on("click", (_, e) => run(() => openArticle(e.article_id, null, e.evidence)));
  tr.selectAll("td").remove();
  tr.append("td").text((e) => e.date || "—");
  tr.append("td").text((e) => label[e.direction]);
  tr.append("td").text((e) => `${e.type} (${e.cameo || "—"})`).style("color", (e) => color(e.type));
  tr.append("td").text((e) => (e.goldstein == null ? "—" : e.goldstein.toFixed(1)));
  const ev = tr.append("td").attr("class", "evidence");
  ev.append("span").text((e) => e.evidence);
  ev.append("span").attr("class", "flag")
    .text((e) => ["negated", "hypothetical", "future"].filter((f) => e[f]).map((f) => `${f}: not counted`).join(" "));
}

// -- article view -----------------------------------------------------------------------------------

// Split the text at every span boundary and wrap each piece in a <span> with the classes of
// the spans covering it; the pieces themselves are text nodes.
function renderSpans(container, text, spans) {
  container.textContent = "";
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = document.createElement("span");
    piece.textContent = text.slice(a, b);
    for (const s of covering) for (const k of s.kind.split(" ")) piece.classList.add(k);
    if (covering.length) piece.title = covering.map((s) => s.label).join(" · ");
    container.appendChild(piece);
  }
}

// Open an article; the event given by its local id (or, failing that, by its evidence
// sentence) is marked, its trigger highlighted, and scrolled into view.
async function openArticle(articleId, eventId, sentence) {
  const doc = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
  const art = doc.article;
  document.getElementById("article-title").textContent = art.title || "(no title)";
  document.getElementById("article-meta").textContent =
    `${art.author ? "by " + art.author + " · " : ""}published ${art.published || "not stated"}` +
    `${art.url ? " · " + art.url : ""}`;
  const current = doc.events.find((e) => e.id === eventId) ||
    doc.events.find((e) => sentence && e.evidence.sentence === sentence);
  const spans = [];
  for (const a of doc.actors) for (const m of a.mentions) spans.push({ start: m.start, end: m.end, kind: "actor", label: a.name });
  for (const q of doc.quotes) spans.push({ start: q.start, end: q.end, kind: "quote", label: "quote" });
  for (const e of doc.events) {
    const mine = e === current;
    spans.push({ start: e.evidence.start, end: e.evidence.end, kind: mine ? "evidence current" : "evidence", label: e.type });
    if (e.evidence.trigger_start != null && e.evidence.trigger_end != null) {
      spans.push({ start: e.evidence.trigger_start, end: e.evidence.trigger_end, kind: mine ? "trigger current-trigger" : "trigger", label: `${e.type} trigger` });
    }
  }
  renderSpans(document.getElementById("article-text"), art.text, spans);
  const panel = document.getElementById("article-panel");
  panel.hidden = false;
  const target = panel.querySelector(".current-trigger") || panel.querySelector(".current") || panel;
  target.scrollIntoView({ block: "center" });
}

// -- wiring -----------------------------------------------------------------------------------------

form.addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; reload(); });
document.getElementById("f-clear").addEventListener("click", () => {
  form.reset();
  state.offset = 0;
  reload();
});
document.getElementById("page-prev").addEventListener("click", () => {
  state.offset = Math.max(0, state.offset - PAGE);
  run(async () => { await loadEvents(); writeURL(); });
});
document.getElementById("page-next").addEventListener("click", () => {
  state.offset += PAGE;
  run(async () => { await loadEvents(); writeURL(); });
});
for (const th of document.querySelectorAll("#events th[data-sort]")) {
  th.addEventListener("click", () => {
    const key = th.dataset.sort;
    state.sort = state.sort === key ? `-${key}` : key;
    state.offset = 0;
    run(async () => { await loadEvents(); writeURL(); });
  });
}
for (const radio of document.querySelectorAll("#map-mode input")) {
  radio.addEventListener("change", () => {
    state.map = radio.value;
    run(async () => { await loadMap(); writeURL(); });
  });
}
dyadForm.addEventListener("submit", (e) => {
  e.preventDefault();
  state.a = dyadForm.elements.a.value.trim();
  state.b = dyadForm.elements.b.value.trim();
  state.by = dyadForm.elements.by.value;
  if (state.a && state.b) run(showDyad);
});
document.getElementById("article-close").addEventListener("click", () => {
  document.getElementById("article-panel").hidden = true;
});
readURL();
run(async () => { await loadTypes(); readURL(); await load(); });
