// The annalist explorer: a map, a timeline with a brush, a list of events
// and a detail panel, all drawn from the read-only JSON API of the same
// server. The URL's hash keeps the view (search, conflict, brush, selected
// event, map position) so that a link can be shared.
import { el, fill, segments, formatCount, formatNumber, dayOf, parseMonth } from "./dom.js";
import { EventMap, zoomFor } from "./map.js";
import { Timeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const LIST_MAX = 100;

const state = { q: "", conflict: "", from: "", to: "", event: "", conflictView: "", article: "", map: "" };
// The map, the timeline and the list are drawn from what the server
// binned or paged: /api/timeline for the query, /api/map and one page of
// /api/points for the query within the brushed dates. Nothing here holds
// every event, so a view costs the same at any number of them.
let listed = [];
let inWindow = 0; // events of the query within the brushed dates
let inQuery = 0; // events of the query
let queryKey = null;
let viewSeq = 0;

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || `${r.status} ${r.statusText}`);
  return body;
}

function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  for (const k of Object.keys(state)) state[k] = h.get(k) || "";
}

function writeHash() {
  const h = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v) h.set(k, v);
  const s = h.toString();
  history.replaceState(null, "", s ? `#${s}` : location.pathname);
}

const map = new EventMap($("map"), $("tooltip"), {
  onSelect: (key) => selectEvent(key),
  onView: (v) => { state.map = [v.x.toFixed(3), v.y.toFixed(3), v.k.toFixed(2)].join(","); writeHash(); loadCells(); },
});
const timeline = new Timeline($("timeline"), {
  onBrush: (b) => {
    state.from = b ? b.from : "";
    state.to = b ? b.to : "";
    writeHash();
    applyBrush();
  },
});

$("clearbrush").addEventListener("click", () => {
  state.from = state.to = "";
  timeline.setBrush(null, null);
  writeHash();
  applyBrush();
});

$("search").addEventListener("submit", (e) => {
  e.preventDefault();
  state.q = $("q").value.trim();
  state.conflict = $("conflict").value;
  writeHash();
  loadPoints();
});
$("conflict").addEventListener("change", () => {
  state.conflict = $("conflict").value;
  state.conflictView = state.conflict;
  state.event = "";
  writeHash();
  loadPoints();
  showDetail();
});

async function loadConflicts() {
  const { conflicts } = await getJSON("/api/conflicts");
  const sel = $("conflict");
  for (const c of conflicts) {
    const years = c.start ? ` (${String(c.start).slice(0, 4)}${c.end ? "–" + String(c.end).slice(0, 4) : ""})` : "";
    sel.appendChild(el("option", { value: c.key }, c.name + years));
  }
  sel.value = state.conflict;
  return conflicts;
}

function queryParams() {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.conflict) params.set("conflict", state.conflict);
  return params;
}

function windowParams() {
  const params = queryParams();
  if (state.from && state.to) { params.set("from", state.from); params.set("to", state.to); }
  return params;
}

// loadPoints loads the timeline of the query, then the brushed view.
async function loadPoints() {
  const key = queryParams().toString();
  $("status").textContent = "Loading…";
  try {
    const t = await getJSON(`/api/timeline?${key}`);
    const refit = queryKey !== key;
    queryKey = key;
    inQuery = t.events;
    timeline.setBins(t);
    timeline.setBrush(state.from, state.to);
    await applyBrush(refit && !state.map);
  } catch (err) {
    $("status").textContent = `Error: ${err.message}`;
  }
}

// loadCells loads the map's cells for its zoom and view.
async function loadCells(refit) {
  const params = windowParams();
  const seq = ++viewSeq;
  let m;
  if (refit) {
    // Fit to the whole query first, then draw at the fitted zoom.
    params.set("zoom", "2");
    m = await getJSON(`/api/map?${params}`);
    map.fit(m.cells);
  }
  params.set("zoom", String(zoomFor(map.view.k)));
  const b = map.bounds();
  if (b) params.set("view", b.join(",")); else params.delete("view");
  m = await getJSON(`/api/map?${params}`);
  if (seq !== viewSeq) return m; // a newer view was asked for meanwhile
  map.setCells(m.cells);
  return m;
}

// applyBrush draws the map and the list for the brushed dates.
async function applyBrush(refit) {
  const a = parseMonth(state.from) || state.from, b = parseMonth(state.to) || state.to;
  const brushed = !!(a && b);
  $("clearbrush").hidden = !brushed;
  try {
    const params = windowParams();
    params.set("limit", String(LIST_MAX));
    const [m, page] = await Promise.all([loadCells(refit), getJSON(`/api/points?${params}`)]);
    inWindow = m.events;
    listed = page.events;
    renderList();
    const where = brushed ? ` in ${state.from} – ${state.to}` : "";
    $("status").textContent = brushed
      ? `${formatNumber(inWindow)} of ${formatNumber(inQuery)} events${where}`
      : `${formatNumber(inQuery)} events`;
  } catch (err) {
    $("status").textContent = `Error: ${err.message}`;
  }
}

function title(p) { return p.t || `${p.a || "?"} – ${p.b || "?"}`; }

function renderList() {
  const list = $("list");
  list.replaceChildren();
  const shown = listed;
  for (const p of shown) {
    list.appendChild(el("li", { class: p.k === state.event ? "selected" : "", dataset: { key: p.k, date: p.d || "", dead: p.nk ? String(p.n) : "", conflict: p.c || "" } },
      el("button", { type: "button", onclick: () => selectEvent(p.k) },
        el("span", { class: "date" }, p.d ? p.d.replace("/", " – ") : "undated"),
        el("span", { class: "title", title: `${title(p)}${p.p ? " · " + p.p : ""}` }, title(p), p.p ? el("span", { class: "src" }, ` · ${p.p}`) : null,
          p.s ? el("span", { class: "multi", title: `told by ${p.s} articles` }, ` ×${p.s}`) : null),
        el("span", { class: "dead" }, p.nk ? `${formatNumber(p.n)} dead` : ""))));
  }
  if (inWindow > shown.length) list.appendChild(el("li", { class: "more" }, `and ${formatNumber(inWindow - shown.length)} more: narrow the search or brush the timeline`));
  $("listhead").textContent = `${formatNumber(inWindow)} events, by date`;
}

function selectEvent(key) {
  state.event = key;
  currentEventID = null;
  state.article = "";
  writeHash();
  const p = listed.find((q) => q.k === key);
  map.select(key, p && p.lat != null ? { lat: p.lat, lon: p.lon } : null);
  for (const li of $("list").children) li.classList.toggle("selected", li.dataset.key === key);
  showDetail();
}

async function showDetail() {
  const box = $("detail");
  document.querySelector("main").classList.toggle("reading", !!state.article);
  try {
    if (state.article) {
      if (state.event && !currentEventID) currentEventID = (await getJSON(`/api/events/${encodeURIComponent(state.event)}`)).event.id;
      return renderArticle(box, await getJSON(`/api/articles/${encodeURIComponent(state.article)}`));
    }
    if (state.event) return renderEvent(box, await getJSON(`/api/events/${encodeURIComponent(state.event)}`));
    if (state.conflictView) return renderConflict(box, await getJSON(`/api/conflicts/${encodeURIComponent(state.conflictView)}`));
    fill(box, el("p", { class: "hint" }, "Select an event on the map or in the list to read the sentences it was read from."));
  } catch (err) {
    fill(box, el("p", { class: "hint" }, `Could not load: ${err.message}`));
  }
}

const COUNT_ROWS = [["deaths", "Killed"], ["wounded", "Wounded"], ["captured", "Captured"], ["missing", "Missing"]];

function renderEvent(box, d) {
  // A clash told by several articles shows its merged values, then each
  // source side by side.
  const e = d.merged ? d.merged.event : d.event;
  currentEventID = d.event.id;
  if (d.key === state.event) map.select(d.key, e.place);
  const sideA = (e.side_a || []).join(", ") || "?", sideB = (e.side_b || []).join(", ") || "?";
  const place = e.place;
  const fields = [
    ["Date", [e.date_start, e.date_end && e.date_end !== e.date_start ? e.date_end : null].filter(Boolean).join(" – ") || "undated",
      e.date_prec ? ` (date_prec ${e.date_prec})` : "", e.date_uncertain ? " uncertain" : ""],
    ["Place", place ? [place.text, place.lat != null ? ` (${place.lat.toFixed(2)}, ${place.lon.toFixed(2)})` : " (not located)",
      place.where_prec ? ` where_prec ${place.where_prec}` : ""] : "—"],
    ["Side A", sideA], ["Side B", sideB],
    ["Conflict", d.conflict_name || "—"],
    d.sources ? ["Articles", `${d.sources.length} tell it: `, d.sources.map((s) => s.article_title).join("; ")] : ["Article", d.article_title],
  ];
  if (e.according_to) fields.push(["According to", e.according_to]);

  const table = el("table", {}, el("tr", {}, el("th", {}), el("th", {}, sideA), el("th", {}, sideB), el("th", {}, "Unknown side")));
  for (const [k, label] of COUNT_ROWS) {
    const a = e[`${k}_a`], b = e[`${k}_b`], u = e[`${k}_unknown`];
    if (!a && !b && !u) continue;
    table.appendChild(el("tr", {}, el("th", {}, label), el("td", {}, formatCount(a)), el("td", {}, formatCount(b)), el("td", {}, formatCount(u))));
  }
  const materiel = (e.materiel || []).map((m) => el("li", {}, `${formatCount(m)} ${m.what}${m.status ? " " + m.status : ""}${m.side ? ` (side ${m.side})` : ""}`));

  fill(box, 
    el("h2", {}, e.name || `${sideA} – ${sideB}`),
    el("div", { class: "nav" },
      d.conflict_key ? el("button", { type: "button", onclick: () => { state.conflictView = d.conflict_key; state.event = ""; writeHash(); showDetail(); } }, "Conflict record") : null,
      el("button", { type: "button", onclick: () => { state.article = d.article_key; writeHash(); showDetail(); } }, "Read in the article"),
      el("a", { href: d.links.article, target: "_blank", rel: "noopener" }, "JSON")),
    el("dl", {}, fields.map(([k, ...v]) => [el("dt", {}, k), el("dd", {}, ...v)])),
    table.children.length > 1 ? [el("h3", {}, "Casualties"), table] : null,
    materiel.length ? [el("h3", {}, "Materiel"), el("ul", {}, materiel)] : null,
    d.merged && d.merged.disputes ? [el("h3", {}, "Sources disagree"), el("ul", {}, d.merged.disputes.map((x) =>
      el("li", {}, `${x.field}: ${formatNumber(x.low)} against ${formatNumber(x.high)} (×${x.factor.toFixed(1)})`)))] : null,
    d.sources ? [el("h3", {}, "Sources"), el("div", { class: "sources" }, d.sources.map(renderSource))]
      : [el("h3", {}, "Read from"), d.evidence.map(markedParagraph)],
  );
}

function markedParagraph(ev) {
  return el("p", { class: "evidence" },
    ev.section ? el("span", { class: "section" }, ev.section) : null,
    segments(ev.text, ev.marks).map((s) => s.mark
      ? el("mark", { class: s.mark.kind, title: s.mark.field || s.mark.kind }, s.text)
      : s.text));
}

// renderSource is one telling of a merged event: its article, the
// figures it gives, and its sentences with their own marks.
function renderSource(s) {
  return el("div", { class: "source", dataset: { key: s.event_key } },
    el("h4", {}, s.article_title, el("span", { class: "src" }, ` (${s.specificity}${s.flipped ? ", sides the other way round" : ""})`)),
    s.figures && s.figures.length ? el("ul", { class: "figures" }, s.figures.map((f) =>
      el("li", {}, `${f.field}: `, el("strong", {}, formatCount(f)), f.from === "infobox" ? " (infobox)" : "",
        f.according_to ? el("span", { class: "src" }, ` according to ${f.according_to}`) : null))) : null,
    el("button", { type: "button", onclick: () => { state.article = s.article_key; currentEventID = s.event.id; writeHash(); showDetail(); } }, "Read in the article"),
    s.evidence.map(markedParagraph));
}

function figureLine(f) {
  return el("li", {},
    f.label ? `${f.label}: ` : "",
    el("strong", {}, formatCount(f)), " ", f.what === "personnel" ? "" : f.what, f.status ? ` ${f.status}` : "",
    f.belligerent ? ` (${f.belligerent})` : "",
    f.according_to ? el("span", { class: "src" }, ` according to ${f.according_to}`) : null,
    f.text ? el("span", { class: "quote" }, ` “${f.text}”`) : null);
}

function renderConflict(box, c) {
  const r = c.record;
  const side = (s, i) => el("div", { class: "side" },
    el("h3", {}, `Side ${i + 1}`),
    el("strong", {}, (s.belligerents || []).join(", ") || "?"),
    s.belligerents_note ? el("details", { class: "src" }, el("summary", {}, "where these names come from"), s.belligerents_note) : null,
    s.commanders && s.commanders.length ? [el("div", { class: "src" }, "Commanders"),
      el("ul", {}, s.commanders.map((m) => el("li", {}, m.name, m.fate ? el("span", { class: "fate" }, ` (${m.fate})`) : null)))] : null,
    s.units && s.units.length ? [el("div", { class: "src" }, "Units"), el("ul", {}, s.units.map((u) => el("li", {}, u)))] : null,
    s.strength && s.strength.length ? [el("div", { class: "src" }, "Strength"), el("ul", {}, s.strength.map(figureLine))] : null,
    s.casualties && s.casualties.length ? [el("div", { class: "src" }, "Casualties and losses"), el("ul", {}, s.casualties.map(figureLine))] : null);
  fill(box, 
    el("h2", {}, r.name),
    el("div", { class: "nav" },
      el("button", { type: "button", onclick: () => { state.article = c.article_key; writeHash(); showDetail(); } }, "Read the article"),
      el("button", { type: "button", onclick: () => { state.conflict = c.key; $("conflict").value = c.key; writeHash(); loadPoints(); } }, `Show its ${c.events} events`)),
    el("dl", {},
      el("dt", {}, "Date"), el("dd", {}, [r.start, r.end].filter(Boolean).join(" – ") || r.date_text || "—", r.ongoing ? " (ongoing)" : ""),
      r.part_of && r.part_of.length ? [el("dt", {}, "Part of"), el("dd", {}, r.part_of.join("; "))] : null,
      r.places && r.places.length ? [el("dt", {}, "Place"), el("dd", {}, r.places.join(", "))] : null,
      r.result ? [el("dt", {}, "Result"), el("dd", {}, r.result)] : null,
      r.territory ? [el("dt", {}, "Territory"), el("dd", {}, r.territory)] : null),
    el("div", { class: "sides" }, (r.sides || []).map(side)),
    r.joint ? side(r.joint, (r.sides || []).length) : null,
  );
}

function renderArticle(box, a) {
  // Evidence ranges shade whole sentences; counts, dates and places inside
  // them are marked. Ranges nest, so cut the text at every boundary.
  const ranges = a.ranges;
  const cuts = new Set([0]);
  for (const r of ranges) { cuts.add(r.start); cuts.add(r.end); }
  const bounds = [...cuts].sort((x, y) => x - y);
  const pieces = [];
  for (let i = 0; i + 1 < bounds.length; i++) pieces.push({ start: bounds[i], end: bounds[i + 1] });
  const enc = new TextEncoder().encode(a.text);
  if (bounds[bounds.length - 1] < enc.length) pieces.push({ start: bounds[bounds.length - 1], end: enc.length });
  const selected = state.event ? currentEventID : null;
  const segs = segments(a.text, pieces.map((p) => ({ ...p })));
  const out = el("div", { id: "articletext" });
  let first = null;
  for (const s of segs) {
    if (!s.mark) { out.appendChild(document.createTextNode(s.text)); continue; }
    const over = ranges.filter((r) => r.start <= s.mark.start && s.mark.end <= r.end);
    const ev = over.find((r) => r.kind === "evidence" || r.kind === "claim");
    const inner = over.filter((r) => r.kind !== "evidence" && r.kind !== "claim").pop();
    if (!ev && !inner) { out.appendChild(document.createTextNode(s.text)); continue; }
    const isCurrent = ev && selected && ev.event === selected;
    const span = el(inner ? "mark" : "span", { class: [inner ? inner.kind : "", ev ? "ev" : "", isCurrent ? "current" : ""].join(" ").trim(), title: inner ? inner.field || inner.kind : ev.kind === "claim" ? `claim: ${ev.field}` : `event ${ev.event}` }, s.text);
    if (isCurrent && !first) first = span;
    out.appendChild(span);
  }
  fill(box, 
    el("h2", {}, a.title),
    el("div", { class: "nav" },
      el("button", { type: "button", onclick: () => { state.article = ""; writeHash(); showDetail(); } }, "Back"),
      el("span", { class: "src" }, `${a.source} · ${a.format} · ${a.events} events · ${a.claims} claims`)),
    a.utf8 ? null : el("p", { class: "hint" }, "This article is not valid UTF-8; highlights may be off."),
    out);
  if (first) first.scrollIntoView({ block: "center" });
}

let currentEventID = null;

async function start() {
  readHash();
  $("q").value = state.q;
  if (state.map) {
    const [x, y, k] = state.map.split(",").map(Number);
    if ([x, y, k].every(Number.isFinite)) map.setView({ x, y, k });
  }
  const world = getJSON("/world.json").then((w) => map.setWorld(w)).catch(() => {});
  await Promise.all([loadConflicts().catch(() => {}), loadPoints(), world]);
  if (state.event) map.select(state.event);
  showDetail();
  document.body.dataset.ready = "true";
}

window.addEventListener("hashchange", () => {
  const before = JSON.stringify(state);
  readHash();
  if (JSON.stringify(state) === before) return;
  $("q").value = state.q;
  $("conflict").value = state.conflict;
  loadPoints();
  showDetail();
});

// Test hooks: where a marker is drawn, for the browser test to click it,
// and how long one redraw of the map takes (milliseconds, mean of n).
window.annalistExplorer = {
  markerPosition: (key) => map.markerPosition(key),
  paintMillis: (n = 20) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) map.paint();
    return (performance.now() - t0) / n;
  },
};

start();
