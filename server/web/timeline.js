// The timeline: events per month (or per year, for long spans) as bars
// in an SVG, with a brush. The counts come binned from the server. The
// brush snaps to whole bins and reports them as {from, to} keys ("1936-05"
// or "1936"), which the API's from and to take as they are.
import { dayOf, monthKey, parseMonth } from "./dom.js";

const NS = "http://www.w3.org/2000/svg";
const svgEl = (tag, attrs) => {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

export class Timeline {
  constructor(svg, { onBrush }) {
    this.svg = svg;
    this.onBrush = onBrush;
    this.months = [];
    this.brush = null; // {from: index, to: index}
    this.bind();
    new ResizeObserver(() => this.render()).observe(svg);
  }

  // setBins takes the server's counts (/api/timeline): one bin a month,
  // or a year for long spans, from start on.
  setBins(t) {
    this.unit = t.unit;
    this.months = [];
    const s = t.start ? parseMonth(t.unit === "year" ? `${t.start}-01` : t.start) : null;
    if (s) {
      let y = s.y, m = s.m;
      for (const n of t.counts) {
        this.months.push({ key: t.unit === "year" ? String(y).padStart(4, "0") : monthKey(y, m), y, m: t.unit === "year" ? 1 : m, n });
        if (t.unit === "year") y++;
        else if (m === 12) { y++; m = 1; } else m++;
      }
    }
    this.render();
  }

  // setBrush takes month keys ("1936-01"), or nulls to clear.
  setBrush(from, to) {
    const i = this.indexOf(from), j = this.indexOf(to);
    this.brush = i != null && j != null ? { from: Math.min(i, j), to: Math.max(i, j) } : null;
    this.paintBrush();
  }

  indexOf(key) {
    if (!key) return null;
    const i = this.months.findIndex((m) => m.key === key);
    if (i >= 0) return i;
    // A year-long bin holds its months; a month outside the data is
    // clamped to the ends.
    const pm = parseMonth(key.length === 4 ? `${key}-01` : key);
    if (pm && this.unit === "year") {
      const y = this.months.findIndex((m) => m.y === pm.y);
      if (y >= 0) return y;
    }
    if (!pm || !this.months.length) return null;
    const d = dayOf(pm.y, pm.m, 1), first = this.months[0], last = this.months[this.months.length - 1];
    if (d < dayOf(first.y, first.m, 1)) return 0;
    if (d > dayOf(last.y, last.m, 1)) return this.months.length - 1;
    return null;
  }

  geometry() {
    const r = this.svg.getBoundingClientRect();
    const left = 8, right = 8, top = 6, axis = 16;
    return { w: r.width, h: r.height, left, top, plotW: Math.max(1, r.width - left - right), plotH: Math.max(1, r.height - top - axis) };
  }

  // paintBrush updates the bars' classes and the brush rectangle only:
  // redrawing thousands of bars at every pointer move made brushing lag.
  paintBrush() {
    // Nothing dated (a search that finds nothing): no bars, no brush.
    if (!this.months.length) return;
    if (!this.bars || this.bars.length !== this.months.length) return this.render();
    const g = this.geometry();
    const bw = g.plotW / this.months.length;
    const b = this.brush;
    this.bars.forEach((bar, i) => bar.setAttribute("class", !b || (i >= b.from && i <= b.to) ? "bar in" : "bar"));
    if (b) {
      this.brushRect.setAttribute("x", g.left + b.from * bw);
      this.brushRect.setAttribute("width", (b.to - b.from + 1) * bw);
      this.brushRect.setAttribute("visibility", "visible");
    } else {
      this.brushRect.setAttribute("visibility", "hidden");
    }
  }

  render() {
    const svg = this.svg;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    this.bars = [];
    const g = this.geometry();
    const n = this.months.length;
    if (!n) return;
    const bw = g.plotW / n;
    const max = Math.max(...this.months.map((m) => m.n));
    const inBrush = (i) => !this.brush || (i >= this.brush.from && i <= this.brush.to);
    // Year ticks, thinned to fit.
    const years = this.unit === "year" ? n : Math.max(1, Math.ceil(n / 12));
    const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => (years / s) * 40 < g.plotW) || 1000;
    this.months.forEach((mo, i) => {
      const x = g.left + i * bw;
      if (mo.m === 1 && mo.y % step === 0 && x < g.left + g.plotW - 24) {
        svg.appendChild(svgEl("line", { class: "tick", x1: x, x2: x, y1: g.top, y2: g.top + g.plotH + 4 }));
        const t = svgEl("text", { class: "axis", x: x + 2, y: g.h - 3 });
        t.textContent = String(mo.y);
        svg.appendChild(t);
      }
      const h = max ? (mo.n / max) * g.plotH : 0;
      const bar = svgEl("rect", {
        class: inBrush(i) ? "bar in" : "bar", "data-month": mo.key, "data-count": mo.n,
        x, y: g.top + g.plotH - h, width: Math.max(bw - (bw > 3 ? 1 : 0), 0.5), height: h,
      });
      this.bars.push(bar);
      svg.appendChild(bar);
      // An invisible full-height target so that empty months can be brushed and found.
      svg.appendChild(svgEl("rect", { class: "slot", "data-slot": mo.key, x, y: g.top, width: bw, height: g.plotH, fill: "transparent" }));
    });
    if (n === 1 && this.months[0].m !== 1) {
      const t = svgEl("text", { class: "axis", x: g.left + 2, y: g.h - 3 });
      t.textContent = this.months[0].key;
      svg.appendChild(t);
    }
    const b = this.brush || { from: 0, to: 0 };
    this.brushRect = svgEl("rect", {
      class: "brush", x: g.left + b.from * bw, y: g.top, visibility: this.brush ? "visible" : "hidden",
      width: (b.to - b.from + 1) * bw, height: g.plotH, "pointer-events": "none",
    });
    svg.appendChild(this.brushRect);
  }

  monthAt(clientX) {
    const g = this.geometry();
    const r = this.svg.getBoundingClientRect();
    const i = Math.floor((clientX - r.left - g.left) / (g.plotW / this.months.length));
    return Math.max(0, Math.min(this.months.length - 1, i));
  }

  bind() {
    let start = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if (!this.months.length) return;
      start = { i: this.monthAt(e.clientX), x: e.clientX };
      this.svg.setPointerCapture(e.pointerId);
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!start) return;
      const j = this.monthAt(e.clientX);
      this.brush = { from: Math.min(start.i, j), to: Math.max(start.i, j) };
      this.paintBrush();
    });
    this.svg.addEventListener("pointerup", (e) => {
      if (!start) return;
      const moved = Math.abs(e.clientX - start.x) > 3;
      const j = this.monthAt(e.clientX);
      start.i = moved ? start.i : j;
      this.brush = moved ? { from: Math.min(start.i, j), to: Math.max(start.i, j) } : null;
      start = null;
      this.paintBrush();
      this.onBrush(this.brush ? { from: this.months[this.brush.from].key, to: this.months[this.brush.to].key } : null);
    });
  }
}
