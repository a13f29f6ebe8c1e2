// Drives the explorer in Debian's headless Chromium (playwright-core) on
// a store holding one clash told by two articles. Run by
// server/browser_merge_test.go:
//
//   node sources.mjs URL
//
// It exits non-zero, saying what failed, when the list does not mark the
// event or its panel does not set both sources side by side.
import { chromium } from "playwright-core";

const [url] = process.argv.slice(2);
const failures = [];
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector("#list li button", { timeout: 30000 });
  const items = await page.locator("#list li").count();
  check(items === 1, `the list shows the clash once (got ${items})`);
  const mark = await page.locator("#list li .multi").first().textContent().catch(() => "");
  check(mark.includes("2"), `the list marks it as told by two articles (got "${mark}")`);
  await page.locator("#list li button").first().click();
  await page.waitForSelector("#detail .sources .source", { timeout: 30000 });
  const sources = page.locator("#detail .sources .source");
  check(await sources.count() === 2, "the panel shows two sources");
  const texts = await sources.allTextContents();
  check(texts.some((t) => t.includes("150")) && texts.some((t) => t.includes("120")), "each source shows its own figure");
  for (let i = 0; i < 2; i++) {
    const marks = await sources.nth(i).locator("p.evidence mark").allTextContents();
    check(marks.some((m) => m === "150" || m === "120"), `source ${i + 1} highlights its figure in its sentence (${marks.join(", ")})`);
  }
  const boxes = [await sources.nth(0).boundingBox(), await sources.nth(1).boundingBox()];
  check(boxes[0] && boxes[1] && Math.abs(boxes[0].y - boxes[1].y) < 5 && boxes[0].x !== boxes[1].x, "the sources stand side by side");
  check(errors.length === 0, `no script errors (${errors.join("; ")})`);
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`${failures.length} checks failed`);
  process.exit(1);
}
