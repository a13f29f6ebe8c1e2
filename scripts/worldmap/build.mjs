// Builds server/web/world.json, the country outlines the web explorer
// draws under the events, from Natural Earth's 1:110m admin-0 countries as
// packaged by the npm module world-atlas (TopoJSON). Natural Earth is in
// the public domain (https://www.naturalearthdata.com/about/terms-of-use/).
//
// Output: {"source": ..., "scale": 100, "countries": [{"name", "rings"}]},
// each ring a flat array of integer longitude/latitude pairs in hundredths
// of a degree, every pair after the first a delta from the one before, so
// that the file stays small. Holes are rings too: draw with the even-odd rule.
// Rings crossing the antimeridian run past 180 degrees instead of jumping.
//
// Run: npm ci && node build.mjs   (in scripts/worldmap)
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const pkg = JSON.parse(readFileSync(new URL("./node_modules/world-atlas/package.json", import.meta.url)));
const topo = JSON.parse(readFileSync(new URL("./node_modules/world-atlas/countries-110m.json", import.meta.url)));
const scale = 100;

const countries = feature(topo, topo.objects.countries).features.map((f) => {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = [];
  for (const poly of polys) {
    for (const ring of poly) {
      const out = [];
      let px = 0, py = 0, shift = 0;
      for (const [lon, lat] of ring) {
        // Rings cut at the antimeridian jump from +180 to -180; unwrap
        // them so that every ring is one continuous shape (the explorer
        // draws the world again 360 degrees over when that side shows).
        if (out.length && Math.abs(lon + shift - px / scale) > 180) shift += lon + shift < px / scale ? 360 : -360;
        const x = Math.round((lon + shift) * scale), y = Math.round(lat * scale);
        if (out.length && x === px && y === py) continue;
        out.push(x - px, y - py);
        px = x; py = y;
      }
      if (out.length >= 6) rings.push(out);
    }
  }
  return { name: f.properties.name, rings };
}).filter((c) => c.rings.length > 0);

const out = {
  source: `Natural Earth 1:110m admin-0 countries (public domain), via world-atlas ${pkg.version}`,
  scale,
  countries,
};
const dest = new URL("../../server/web/world.json", import.meta.url);
writeFileSync(dest, JSON.stringify(out) + "\n");
console.log(`wrote ${dest.pathname}: ${countries.length} countries`);
