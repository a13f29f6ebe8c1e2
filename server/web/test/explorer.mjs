// Drives the web explorer in Debian's headless Chromium through
// playwright-core (never a browser download). Run by server/browser_test.go:
//
//   node explorer.mjs URL SCREENSHOT_DIR
//
// with EXPECT set to a JSON object the Go test computed from the store:
// {"total": events, "in1936": events meeting 1936, "markup_event": key of
// an event from an article full of HTML, "sample_title": title}.
// It exits non-zero, saying what failed, when the explorer misbehaves.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [url, shots] = process.argv.slice(2);
const expect = JSON.parse(process.env.EXPECT || "{}");
if (!url || !shots) {
  console.error("usage: node explorer.mjs URL SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const failures = [];
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The explorer must work with no network: any request off this server fails the test.
  const offsite = [];
  const origin = new URL(url).origin;
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith("data:")) return route.continue();
    offsite.push(u);
    return route.abort();
  });

  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await page.waitForFunction(() => Number(document.getElementById("map").dataset.markers) > 0, null, { timeout: 5000 }).catch(() => {});

  const markers = Number(await page.getAttribute("#map", "data-markers"));
  const rows = await page.locator("#list li[data-key]").count();
  check(markers > 0, `events on the map (${markers} markers)`);
  check(rows === Math.min(expect.total, 100), `events in the list (${rows} rows, ${expect.total} stored)`);
  const mapRequests = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.includes("/api/")));
  check(!mapRequests.some((u) => /\/api\/points(\?|$)(?!.*limit=)/.test(u)), `the first view loads no unpaged event list (${mapRequests.map((u) => new URL(u).pathname).join(", ")})`);
  if (expect.sample_title) {
    const conflicts = await page.locator("#conflict option").allTextContents();
    check(conflicts.some((t) => t.startsWith(expect.sample_title)), `the sample's conflict is offered (${conflicts.length - 1} conflicts)`);
  }

  // Brush the timeline from January to December 1936.
  const a = await page.locator('#timeline rect[data-slot="1936-01"]').boundingBox();
  const b = await page.locator('#timeline rect[data-slot="1936-12"]').boundingBox();
  check(a && b, "the timeline has months of 1936");
  if (a && b) {
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const dates = await page.$$eval("#list li[data-key]", (lis) => lis.map((li) => li.dataset.date));
    const meets1936 = (d) => {
      const [s, e = s] = d.split("/");
      return s.slice(0, 4) <= "1936" && e.slice(0, 4) >= "1936";
    };
    check(dates.length === expect.in1936, `brushed to 1936: ${dates.length} events listed, ${expect.in1936} expected`);
    check(dates.length > 0 && dates.every(meets1936), `every listed event is of 1936 (${[...new Set(dates.map((d) => d.slice(0, 4)))].join(", ")})`);
    const brushedMarkers = Number(await page.getAttribute("#map", "data-markers"));
    check(brushedMarkers > 0 && brushedMarkers <= dates.length && brushedMarkers < markers, `the map shows only them (${brushedMarkers} markers)`);
    const hash = await page.evaluate(() => location.hash);
    check(hash.includes("from=1936-01") && hash.includes("to=1936-12"), `the URL keeps the brush (${hash})`);
    await page.screenshot({ path: join(shots, "brushed-1936.png") });

    // Open an event with a death toll from the list (the sample's, when
    // it has one in 1936) and read its sentence.
    let rows = page.locator('#list li[data-key]:not([data-dead=""])');
    if (expect.sample_title) {
      const own = rows.locator(`xpath=self::*[@data-conflict=${JSON.stringify(expect.sample_title)}]`);
      if (await own.count() > 0) rows = own;
    }
    console.log(`     opening ${await rows.first().getAttribute("data-date")} of ${await rows.first().getAttribute("data-conflict")}`);
    await rows.first().locator("button").click();
    await page.waitForSelector("#detail .evidence", { timeout: 5000 });
    const marks = await page.$$eval("#detail .evidence mark", (ms) => ms.map((m) => ({ kind: m.className, text: m.textContent })));
    const counts = marks.filter((m) => m.kind === "count");
    const numberish = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozens?|several|some)\b/i;
    check(counts.length > 0 && counts.every((m) => numberish.test(m.text)), `numbers highlighted in the sentence (${counts.map((m) => m.text).join(", ")})`);
    check(marks.some((m) => m.kind === "date"), `a date highlighted (${marks.filter((m) => m.kind === "date").map((m) => m.text).join(", ")})`);
    await page.screenshot({ path: join(shots, "event-detail.png") });

    // A shared link restores the view.
    const link = page.url();
    const page2 = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page2.goto(link);
    await page2.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    await page2.waitForSelector("#detail .evidence", { timeout: 5000 }).catch(() => {});
    const rows2 = await page2.locator("#list li[data-key]").count();
    check(rows2 === dates.length, `the shared link shows the same ${rows2} events`);
    check(await page2.locator("#detail .evidence").count() > 0, "the shared link opens the same event");
    await page2.close();
  }

  // Clear the brush and click a marker on the map.
  await page.click("#clearbrush");
  await page.evaluate(() => history.replaceState(null, "", location.pathname));
  const keys = await page.$$eval("#list li[data-key]", (lis) => lis.map((li) => li.dataset.key));
  let clicked = null;
  for (const k of keys) {
    const pos = await page.evaluate((key) => window.annalistExplorer.markerPosition(key), k);
    if (!pos) continue;
    await page.mouse.click(pos.x, pos.y);
    await page.waitForTimeout(300);
    clicked = await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get("event"));
    break;
  }
  check(clicked !== null, `clicking a marker selects an event (${clicked})`);

  // Untrusted article text stays text.
  if (expect.markup_event) {
    // A fresh load: on the same document only the hash would change, and
    // the detail of the event opened before could be read instead.
    await page.goto("about:blank");
    await page.goto(`${origin}/#event=${encodeURIComponent(expect.markup_event)}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    await page.waitForSelector("#detail .evidence", { timeout: 5000 });
    const shown = await page.textContent("#detail");
    check(shown.includes("<img src=x onerror="), "markup in the evidence is shown as text");
    await page.click("text=Read in the article");
    await page.waitForSelector("#articletext", { timeout: 5000 });
    const article = await page.textContent("#articletext");
    check(article.includes("<script>window.__pwned = 1</script>"), "markup in the article is shown as text");
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      imgs: document.querySelectorAll("main img, main script, main b").length,
    }));
    check(injected.pwned === undefined && injected.imgs === 0, `no markup from the data ran or rendered (${JSON.stringify(injected)})`);
  }

  // Links that find nothing draw an empty view without an error.
  for (const hash of ["#q=zzzzqqq", "#conflict=unknown", "#q=zzzzqqq&from=1936-01&to=1936-12"]) {
    const p = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    const errs = [];
    p.on("pageerror", (e) => errs.push(e.message));
    await p.goto(`${origin}/${hash}`);
    await p.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    await p.waitForTimeout(300);
    const status = await p.textContent("#status");
    const listRows = await p.locator("#list li[data-key]").count();
    check(errs.length === 0 && listRows === 0 && /^0 (of 0 )?events/.test(status), `${hash} finds nothing, quietly (status "${status}", ${listRows} rows, errors: ${errs.join("; ")})`);
    await p.close();
  }

  check(errors.length === 0, `no script errors (${errors.join("; ")})`);
  check(offsite.length === 0, `no request left the server (${offsite.join(", ")})`);
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("explorer: all checks passed");
