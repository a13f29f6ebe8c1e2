// DOM helpers. Article text is untrusted: everything from the data goes
// into the page through textContent (el's string children), never as HTML.

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else e.setAttribute(k, v);
  }
  append(e, children);
  return e;
}

// fill replaces e's children with children (strings become text).
export function fill(e, ...children) {
  e.replaceChildren();
  append(e, children);
  return e;
}

function append(e, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(e, c);
    else if (c instanceof Node) e.appendChild(c);
    else e.appendChild(document.createTextNode(String(c)));
  }
}

const utf8 = new TextEncoder();
const fromUTF8 = new TextDecoder();

// segments cuts text at byte ranges (UTF-8 offsets, as the API gives
// them; JavaScript strings count UTF-16 units, so the text is encoded and
// each piece decoded) into [{text, mark}] pieces, mark null between ranges.
// ranges must be sorted and not overlap.
export function segments(text, ranges) {
  const bytes = utf8.encode(text);
  const out = [];
  let pos = 0;
  for (const r of ranges) {
    if (r.start < pos || r.end > bytes.length || r.start >= r.end) continue;
    if (r.start > pos) out.push({ text: fromUTF8.decode(bytes.subarray(pos, r.start)), mark: null });
    out.push({ text: fromUTF8.decode(bytes.subarray(r.start, r.end)), mark: r });
    pos = r.end;
  }
  if (pos < bytes.length) out.push({ text: fromUTF8.decode(bytes.subarray(pos)), mark: null });
  return out;
}

const nf = new Intl.NumberFormat("en");

// formatCount renders a Count as the range it states: "20–40", "665+",
// "~700", or its text when it gives no number.
export function formatCount(c) {
  if (!c) return "";
  const n = (v) => nf.format(v);
  let s;
  if (c.low != null && c.high != null) s = c.low === c.high ? n(c.low) : `${n(c.low)}–${n(c.high)}`;
  else if (c.low != null) s = `${n(c.low)}+`;
  else if (c.high != null) s = `up to ${n(c.high)}`;
  else if (c.best != null) s = n(c.best);
  else return c.text || "";
  if (c.approx) s = "~" + s;
  if (c.best != null && (c.low != null || c.high != null) && !(c.low === c.best && c.high === c.best)) s += ` (best ${n(c.best)})`;
  return s;
}

export function formatNumber(v) { return nf.format(v); }

// Day numbers (days since 1970-01-01, proleptic Gregorian) and months.
export function dayOf(y, m, d) {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  t.setUTCHours(0, 0, 0, 0);
  return Math.round(t.getTime() / 864e5);
}

export function monthOfDay(day) {
  const t = new Date(day * 864e5);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1 };
}

export function monthKey(y, m) {
  const ys = y < 0 ? "-" + String(-y).padStart(4, "0") : String(y).padStart(4, "0");
  return `${ys}-${String(m).padStart(2, "0")}`;
}

export function parseMonth(s) {
  const m = /^(-?\d{4,})-(\d{2})$/.exec(s || "");
  if (!m) return null;
  const y = parseInt(m[1], 10), mo = parseInt(m[2], 10);
  return mo >= 1 && mo <= 12 ? { y, m: mo } : null;
}
