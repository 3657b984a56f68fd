// Draw .mmd charts with real mermaid 11 inside headless Chromium and save each as a PNG (and its SVG).
//   node render_mermaid.mjs OUT_DIR CHART.mmd...
// Prints one line per chart: name, milliseconds mermaid took to render, width and height of the SVG.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const here = dirname(fileURLToPath(import.meta.url));
const [outDir, ...charts] = process.argv.slice(2);
if (!outDir || charts.length === 0) {
  console.error("usage: node render_mermaid.mjs OUT_DIR CHART.mmd...");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
await page.setViewport({ width: 1600, height: 1000, deviceScaleFactor: 1 });
await page.setContent("<!doctype html><meta charset=utf-8><body style='margin:0;background:#fff'><div id=out></div>");
await page.addScriptTag({ path: join(here, "node_modules/mermaid/dist/mermaid.min.js") });
// Natural size (not stretched to the page), so areas compare with xviz's.
await page.evaluate(() => window.mermaid.initialize({
  startOnLoad: false, securityLevel: "strict",
  flowchart: { useMaxWidth: false }, sequence: { useMaxWidth: false },
}));
let failed = 0;
for (const chart of charts) {
  const name = basename(chart).replace(/\.mmd$/, "");
  const text = readFileSync(chart, "utf8");
  const found = await page.evaluate(async (source) => {
    const started = performance.now();
    try {
      const { svg } = await window.mermaid.render("chart" + Math.floor(Math.random() * 1e9), source);
      const took = performance.now() - started;
      const out = document.getElementById("out");
      out.innerHTML = svg;
      const box = out.querySelector("svg").getBoundingClientRect();
      return { svg, took, width: box.width, height: box.height };
    } catch (error) {
      return { error: String(error && error.message ? error.message : error) };
    }
  }, text);
  if (found.error) {
    failed += 1;
    console.log(`${name}\tERROR\t${found.error.split("\n")[0]}`);
    continue;
  }
  writeFileSync(join(outDir, `${name}.svg`), found.svg);
  await page.setViewport({ width: Math.ceil(found.width) + 2, height: Math.ceil(found.height) + 2 });
  const element = await page.$("#out svg");
  await element.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`${name}\t${found.took.toFixed(0)} ms\t${found.width.toFixed(0)} x ${found.height.toFixed(0)}`);
}
await browser.close();
process.exit(failed ? 1 : 0);
