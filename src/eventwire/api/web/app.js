// eventwire explorer. Every string from the database is untrusted: it is set with
// textContent / d3 .text(), never as HTML.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const color = d3.scaleOrdinal(TYPES, d3.schemeTableau10.concat(d3.schemeSet2));

const form = document.getElementById("filters");
const typeSelect = document.getElementById("f-type");
for (const t of TYPES) {
  const o = document.createElement("option");
  o.value = t;
  o.textContent = t;
  typeSelect.appendChild(o);
}

function query() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v.trim()) params.set(k, v.trim());
  return params;
}

async function getJSON(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const r = await fetch(url);
  if (!r.ok) {
    const body = await r.json().catch(() => ({}));
    throw new Error(body.error || `${url}: ${r.status}`);
  }
  return r.json();
}

let world = null;

async function load() {
  const params = query();
  document.body.dataset.state = "loading";
  const [events, timeline, network, places] = await Promise.all([
    getJSON("/api/events", params), getJSON("/api/timeline", params),
    getJSON("/api/network", params), getJSON("/api/places", params),
  ]);
  if (!world) world = await getJSON("/static/vendor/countries-110m.json");
  drawTable(events.rows, events.next_offset != null);
  drawTimeline(timeline.rows);
  drawMap(places);
  drawNetwork(network);
  document.body.dataset.state = "ready";
}

function drawTable(rows, more) {
  document.getElementById("event-count").textContent = `(${rows.length}${more ? "+" : ""})`;
  const tbody = d3.select("#events tbody");
  tbody.selectAll("tr").remove();
  const tr = tbody.selectAll("tr").data(rows).join("tr")
    .attr("data-article", (d) => d.article_id)
    .on("click", (_, d) => openArticle(d.article_id, d.id));
  tr.append("td").text((d) => d.date || "—");
  tr.append("td").text((d) => d.type).style("color", (d) => color(d.type));
  tr.append("td").text((d) => d.source || "—");
  tr.append("td").text((d) => d.target || "—");
  tr.append("td").text((d) => d.location || "—");
  const ev = tr.append("td").attr("class", "evidence");
  ev.append("span").text((d) => d.evidence);
  ev.append("span").attr("class", "flag")
    .text((d) => ["historical", "negated", "hypothetical", "future"].filter((f) => d[f]).join(" "));
}

function size(svg) {
  const box = svg.node().getBoundingClientRect();
  return [Math.max(box.width, 200), Math.max(box.height, 120)];
}

function drawTimeline(rows) {
  const svg = d3.select("#timeline");
  svg.selectAll("*").remove();
  const [w, h] = size(svg);
  const m = { t: 8, r: 8, b: 24, l: 28 };
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const byPeriod = d3.rollup(rows, (v) => new Map(v.map((r) => [r.type, r.count])), (r) => r.period);
  const data = periods.map((p) => Object.assign({ period: p },
    Object.fromEntries(TYPES.map((t) => [t, (byPeriod.get(p) || new Map()).get(t) || 0]))));
  const series = d3.stack().keys(TYPES)(data);
  const x = d3.scaleBand(periods, [m.l, w - m.r]).padding(0.15);
  const y = d3.scaleLinear([0, d3.max(series, (s) => d3.max(s, (d) => d[1])) || 1], [h - m.b, m.t]);
  svg.append("g").selectAll("g").data(series).join("g").attr("fill", (s) => color(s.key))
    .selectAll("rect").data((s) => s).join("rect")
    .attr("x", (d) => x(d.data.period)).attr("width", x.bandwidth())
    .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1]));
  const ticks = periods.filter((_, i) => i % Math.ceil(periods.length / 8 || 1) === 0);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${h - m.b})`)
    .call(d3.axisBottom(x).tickValues(ticks));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`)
    .call(d3.axisLeft(y).ticks(4));
}

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
  svg.append("g").selectAll("path").data(countries.features).join("path")
    .attr("class", "country").attr("d", path)
    .attr("data-name", (f) => f.properties.name)
    .style("fill", (f) => (match(f) ? shade(match(f).count) : null))
    .append("title").text((f) => `${f.properties.name}: ${match(f) ? match(f).count : 0} events`);
  svg.append("g").selectAll("circle")
    .data(places.places.filter((p) => p.lat != null && p.lon != null)).join("circle")
    .attr("class", "place").attr("r", (p) => 3 + Math.sqrt(p.count))
    .attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1])
    .append("title").text((p) => `${p.name}: ${p.count}`);
}

function drawNetwork(net) {
  const svg = d3.select("#network");
  svg.selectAll("*").remove();
  const [w, h] = size(svg);
  const nodes = net.nodes.map((n) => ({ ...n }));
  const links = net.edges.map((e) => ({ ...e }));
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.id).distance(70))
    .force("charge", d3.forceManyBody().strength(-160))
    .force("center", d3.forceCenter(w / 2, h / 2))
    // pull unconnected pairs toward the middle instead of letting charge push them to the edges
    .force("x", d3.forceX(w / 2).strength(0.06))
    .force("y", d3.forceY(h / 2).strength(0.1))
    .force("collide", d3.forceCollide(18));
  const link = svg.append("g").selectAll("line").data(links).join("line")
    .attr("class", "edge").attr("stroke", (e) => color(e.type))
    .attr("stroke-width", (e) => 1 + Math.sqrt(e.weight));
  link.append("title").text((e) => `${e.type}: ${e.weight}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .on("click", (_, n) => { document.getElementById("f-actor").value = n.id; reload(); });
  node.append("circle").attr("r", (n) => 4 + Math.sqrt(n.count || 1) * 2);
  node.append("text").attr("x", 8).attr("y", 4).text((n) => n.id);
  sim.on("tick", () => {
    for (const n of nodes) {
      n.x = Math.max(10, Math.min(w - 10, n.x));
      n.y = Math.max(10, Math.min(h - 10, n.y));
    }
    link.attr("x1", (e) => e.source.x).attr("y1", (e) => e.source.y)
      .attr("x2", (e) => e.target.x).attr("y2", (e) => e.target.y);
    node.attr("transform", (n) => `translate(${n.x},${n.y})`);
  });
  const legend = d3.select("#legend");
  legend.selectAll("*").remove();
  const used = [...new Set(links.map((e) => e.type))];
  const item = legend.selectAll("span").data(used).join("span");
  item.append("i").style("background", (t) => color(t));
  item.append("b").text((t) => t);
}

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
    for (const s of covering) piece.classList.add(s.kind);
    if (covering.length) piece.title = covering.map((s) => s.label).join(" · ");
    container.appendChild(piece);
  }
}

async function openArticle(articleId) {
  const doc = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
  const art = doc.article;
  document.getElementById("article-title").textContent = art.title || "(no title)";
  document.getElementById("article-meta").textContent =
    `${art.author ? "by " + art.author + " · " : ""}published ${art.published || "not stated"}` +
    `${art.url ? " · " + art.url : ""}`;
  const spans = [];
  for (const a of doc.actors) for (const m of a.mentions) spans.push({ start: m.start, end: m.end, kind: "actor", label: a.name });
  for (const q of doc.quotes) spans.push({ start: q.start, end: q.end, kind: "quote", label: "quote" });
  for (const e of doc.events) spans.push({ start: e.evidence.start, end: e.evidence.end, kind: "evidence", label: e.type });
  renderSpans(document.getElementById("article-text"), art.text, spans);
  const panel = document.getElementById("article-panel");
  panel.hidden = false;
  panel.scrollIntoView();
}

// A failed request leaves a message (as text) and body[data-state=error].
function reload() {
  load().catch((err) => {
    document.body.dataset.state = "error";
    document.getElementById("event-count").textContent = `(error: ${err.message})`;
  });
}

form.addEventListener("submit", (e) => { e.preventDefault(); reload(); });
document.getElementById("f-clear").addEventListener("click", () => { form.reset(); reload(); });
document.getElementById("article-close").addEventListener("click", () => {
  document.getElementById("article-panel").hidden = true;
});
reload();
