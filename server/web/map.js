// The map: country outlines and event markers on one canvas, in a
// Mercator projection. The markers are the server's map cells
// (/api/map): one marker for the events of a grid cell, sized by how many
// there are, so that a map of a million events draws as fast as one of
// twenty. A cell of one event, or of events at one place, selects its
// event when clicked; a bigger one zooms in. Markers are drawn as one
// path per size bucket.

const DEG = Math.PI / 180;
const mercY = (lat) => Math.log(Math.tan(Math.PI / 4 + Math.max(-85, Math.min(85, lat)) * DEG / 2)) / DEG;
const latOf = (y) => (2 * Math.atan(Math.exp(y * DEG)) - Math.PI / 2) / DEG;

// radius: a single event by its dead (as the legend shows), a cell of
// several by how many events it holds.
export function radius(c) {
  if (c.n > 1) return Math.min(24, 5 + Math.sqrt(c.n) * 1.2);
  if (!c.known) return 2.5;
  return Math.min(20, 2.5 + Math.sqrt(c.dead) * 0.5);
}

// zoomFor picks the grid for pixels per degree k: cells about 24 px wide.
export function zoomFor(k) {
  return Math.max(0, Math.min(16, Math.round(Math.log2(360 * k / 24))));
}

export class EventMap {
  constructor(canvas, tooltip, { onSelect, onView }) {
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.onSelect = onSelect;
    this.onView = onView;
    this.visible = [];
    this.selected = null;
    this.world = null;
    this.view = { x: 0, y: 30, k: 2 }; // centre in (lon, mercator-degrees), pixels per degree
    this.frame = 0;
    this.bindEvents();
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.resize();
  }

  setWorld(world) {
    const path = new Path2D();
    const s = world.scale;
    for (const c of world.countries) {
      for (const r of c.rings) {
        let x = 0, y = 0;
        for (let i = 0; i < r.length; i += 2) {
          x += r[i]; y += r[i + 1];
          const px = x / s, py = mercY(y / s);
          if (i === 0) path.moveTo(px, py); else path.lineTo(px, py);
        }
        path.closePath();
      }
    }
    this.world = path;
    this.draw();
  }

  // setCells takes the cells of /api/map to draw.
  setCells(cells) {
    this.visible = cells.filter((c) => c.lat != null && c.lon != null);
    for (const c of this.visible) { c._x = c.lon; c._y = mercY(c.lat); c._r = radius(c); }
    // Biggest first so that small markers stay clickable on top.
    this.visible.sort((a, b) => b._r - a._r);
    this.canvas.dataset.markers = String(this.visible.reduce((s, c) => s + c.n, 0));
    this.canvas.dataset.cells = String(this.visible.length);
    this.draw();
  }

  // fit shows every cell.
  fit(cells) {
    const ps = cells.filter((p) => p.lat != null && p.lon != null);
    if (!ps.length) { this.view = { x: 20, y: 30, k: Math.max(1, this.w / 360) }; this.draw(); return; }
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const p of ps) {
      const y = mercY(p.lat);
      x0 = Math.min(x0, p.lon); x1 = Math.max(x1, p.lon); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
    const pad = 4;
    const k = Math.min(this.w / (x1 - x0 + 2 * pad), this.h / (y1 - y0 + 2 * pad), 200);
    this.view = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, k: Math.max(k, 0.5) };
    this.draw();
  }

  // bounds is the part of the world in view: minLon,minLat,maxLon,maxLat,
  // or null when the whole world shows.
  bounds() {
    const v = this.view;
    const lon0 = v.x - this.w / 2 / v.k, lon1 = v.x + this.w / 2 / v.k;
    const y0 = v.y - this.h / 2 / v.k, y1 = v.y + this.h / 2 / v.k;
    if (lon0 <= -180 && lon1 >= 180 && y0 <= mercY(-85) && y1 >= mercY(85)) return null;
    const r = (x) => Math.round(x * 100) / 100;
    return [r(Math.max(-180, lon0)), r(Math.max(-90, latOf(y0))), r(Math.min(180, lon1)), r(Math.min(90, latOf(y1)))];
  }

  setView(v) { this.view = v; this.draw(); }

  // select marks the event key, drawn at place ({lat, lon}) when given.
  select(key, place) {
    this.selected = key;
    this.selectedAt = place && place.lat != null && place.lon != null ? { x: place.lon, y: mercY(place.lat) } : null;
    this.draw();
  }

  resize() {
    const r = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.w = Math.max(1, r.width); this.h = Math.max(1, r.height);
    this.canvas.width = Math.round(this.w * dpr);
    this.canvas.height = Math.round(this.h * dpr);
    this.dpr = dpr;
    this.draw();
  }

  // screen converts map coordinates to CSS pixels in the canvas.
  screen(x, y) {
    const v = this.view;
    return [(x - v.x) * v.k + this.w / 2, (v.y - y) * v.k + this.h / 2];
  }

  // markerPosition gives a marker's position in page coordinates (tests).
  markerPosition(key) {
    const p = this.visible.find((q) => q.key === key);
    if (!p) return null;
    const [sx, sy] = this.screen(p._x, p._y);
    const r = this.canvas.getBoundingClientRect();
    return { x: r.left + sx, y: r.top + sy };
  }

  draw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.paint(); });
  }

  paint() {
    const ctx = this.canvas.getContext("2d");
    const { dpr, view: v } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#dfe9f0";
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.world) {
      // Draw the world again 360 degrees over where that side shows.
      for (const shift of [-360, 0, 360]) {
        const left = (shift - 190 - v.x) * v.k + this.w / 2, right = (shift + 200 - v.x) * v.k + this.w / 2;
        if (right < 0 || left > this.w) continue;
        ctx.setTransform(dpr * v.k, 0, 0, -dpr * v.k, dpr * (this.w / 2 + (shift - v.x) * v.k), dpr * (this.h / 2 + v.y * v.k));
        ctx.fillStyle = "#f3efe6";
        ctx.fill(this.world, "evenodd");
        ctx.lineWidth = 0.8 / v.k;
        ctx.strokeStyle = "#b9b2a3";
        ctx.stroke(this.world);
      }
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // Thousands of overlapping anti-aliased outlines cost more than the
    // fills: crowded maps draw smaller markers and no outlines.
    const crowded = this.visible.length > 600;
    const shrink = crowded ? 0.6 : 1;
    // One path per marker size and kind: 10,000 markers are a few dozen
    // fill calls. (Copying a pre-drawn sprite per marker was tried: with
    // software rendering drawImage is ten times slower.)
    const buckets = new Map();
    const hw = this.w / 2, hh = this.h / 2;
    for (const p of this.visible) {
      const r = Math.max(1.5, Math.round(p._r * shrink * 2) / 2);
      const sx = (p._x - v.x) * v.k + hw, sy = (v.y - p._y) * v.k + hh;
      if (sx < -30 || sy < -30 || sx > this.w + 30 || sy > this.h + 30) continue;
      let b = buckets.get(r);
      if (!b) buckets.set(r, (b = { r, known: new Path2D(), unknown: new Path2D() }));
      const path = p.known ? b.known : b.unknown;
      path.moveTo(sx + r, sy);
      path.arc(sx, sy, r, 0, 2 * Math.PI);
    }
    const order = [...buckets.values()].sort((a, b) => b.r - a.r);
    for (const b of order) {
      ctx.fillStyle = "rgba(179, 38, 30, 0.45)";
      ctx.fill(b.known);
      if (!crowded) {
        ctx.strokeStyle = "rgba(120, 20, 15, 0.9)";
        ctx.lineWidth = 1;
        ctx.stroke(b.known);
      }
      ctx.fillStyle = "rgba(60, 70, 85, 0.55)";
      ctx.fill(b.unknown);
    }
    // Counts on the cells of several events.
    ctx.fillStyle = "#fff";
    ctx.font = "bold 10px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (const p of this.visible) {
      if (p.n < 2 || p._r < 8) continue;
      const sx = (p._x - v.x) * v.k + hw, sy = (v.y - p._y) * v.k + hh;
      if (sx < 0 || sy < 0 || sx > this.w || sy > this.h) continue;
      ctx.fillText(p.n > 999 ? `${Math.round(p.n / 1000)}k` : String(p.n), sx, sy);
    }
    const cell = this.selected && this.visible.find((p) => p.key === this.selected);
    const sel = this.selectedAt ? { _x: this.selectedAt.x, _y: this.selectedAt.y, _r: cell ? cell._r : 4 } : cell;
    if (sel) {
      const [sx, sy] = this.screen(sel._x, sel._y);
      ctx.beginPath();
      ctx.arc(sx, sy, sel._r + 4, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#1d2330";
      ctx.stroke();
    }
  }

  pick(cx, cy) {
    let best = null, bestD = Infinity;
    const shrink = this.visible.length > 600 ? 0.6 : 1;
    for (const p of this.visible) {
      const [sx, sy] = this.screen(p._x, p._y);
      const d = Math.hypot(sx - cx, sy - cy);
      if (d <= p._r * shrink + 3 && d < bestD) { best = p; bestD = d; }
    }
    return best;
  }

  bindEvents() {
    const c = this.canvas;
    let drag = null;
    c.addEventListener("pointerdown", (e) => {
      drag = { x: e.clientX, y: e.clientY, vx: this.view.x, vy: this.view.y, moved: false };
      c.setPointerCapture(e.pointerId);
    });
    c.addEventListener("pointermove", (e) => {
      const r = c.getBoundingClientRect();
      if (drag) {
        const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; c.classList.add("dragging"); }
        if (drag.moved) {
          this.view = { ...this.view, x: drag.vx - dx / this.view.k, y: drag.vy + dy / this.view.k };
          this.draw();
        }
        return;
      }
      const p = this.pick(e.clientX - r.left, e.clientY - r.top);
      this.tooltip.hidden = !p;
      if (p) {
        const dead = p.known ? ` · ${p.dead.toLocaleString("en")} dead` : "";
        this.tooltip.textContent = p.n === 1 ? `1 event${dead}`
          : `${p.n.toLocaleString("en")} events${dead} · ${p.spot ? "at one place: click for the deadliest" : "click to zoom in"}`;
        this.tooltip.style.left = `${e.clientX - r.left + 12}px`;
        this.tooltip.style.top = `${e.clientY - r.top + 12}px`;
      }
    });
    c.addEventListener("pointerup", (e) => {
      c.classList.remove("dragging");
      if (drag && !drag.moved) {
        const r = c.getBoundingClientRect();
        const p = this.pick(e.clientX - r.left, e.clientY - r.top);
        if (p && (p.n === 1 || p.spot)) this.onSelect(p.key);
        else if (p) {
          // A cell of many events: zoom in on it until they part.
          this.view = { x: p._x, y: p._y, k: Math.min(2000, this.view.k * 4) };
          this.draw();
          this.onView(this.view);
        }
      } else if (drag) this.onView(this.view);
      drag = null;
    });
    c.addEventListener("pointerleave", () => { this.tooltip.hidden = true; });
    c.addEventListener("wheel", (e) => {
      e.preventDefault();
      const r = c.getBoundingClientRect();
      const mx = e.clientX - r.left, my = e.clientY - r.top;
      const v = this.view;
      const k = Math.max(0.5, Math.min(2000, v.k * Math.exp(-e.deltaY * 0.0015)));
      // Keep the point under the pointer where it is.
      const wx = v.x + (mx - this.w / 2) / v.k, wy = v.y - (my - this.h / 2) / v.k;
      this.view = { x: wx - (mx - this.w / 2) / k, y: wy + (my - this.h / 2) / k, k };
      this.draw();
      clearTimeout(this.viewTimer);
      this.viewTimer = setTimeout(() => this.onView(this.view), 300);
    }, { passive: false });
  }
}
