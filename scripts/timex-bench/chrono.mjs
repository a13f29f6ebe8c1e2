// chrono.mjs FILE... writes one JSON line per date chrono-node finds in
// each file, in the input contract of score-timex (file, byte start/end,
// text, value in TIMEX2 form at the precision chrono is certain of).
//
// Reference date: chrono resolves "in March" or "two days later" against
// a reference date. A war article has no "today", so each file starts
// from 1 January of the first explicit year it names (none if it names
// none), and every later paragraph is read against the last date chrono
// was certain of the year of: the same running reference annalist uses.
// CHRONO_REF=first keeps the first-year reference for the whole file.
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";

const running = process.env.CHRONO_REF !== "first";
const pad = (n, w) => String(n).padStart(w, "0");

function value(c) {
  if (!c.isCertain("year")) return null;
  const y = c.get("year");
  let v = y < 0 ? "BC" + pad(-y, 4) : pad(y, 4);
  if (!c.isCertain("month")) return v;
  v += "-" + pad(c.get("month"), 2);
  if (!c.isCertain("day")) return v;
  return v + "-" + pad(c.get("day"), 2);
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const first = text.match(/\b(1[0-9]{3}|20[0-9]{2})\b/);
  let ref = first ? new Date(Number(first[1]), 0, 1) : undefined;
  let off = 0; // byte offset of the paragraph
  for (const para of text.split("\n")) {
    for (const r of chrono.parse(para, ref)) {
      const start = off + Buffer.byteLength(para.slice(0, r.index));
      const end = start + Buffer.byteLength(r.text);
      process.stdout.write(JSON.stringify({ file, start, end, text: r.text, value: value(r.start) }) + "\n");
      if (running && r.start.isCertain("year")) ref = r.start.date();
    }
    off += Buffer.byteLength(para) + 1;
  }
}
