// Opens a page (a URL or a file:// report) in headless Chromium and prints, as one JSON line, its title, how many
// SVG plots, polylines and alert markers it drew, and any script or loading error. Run by ReplayReportBrowserTest.
//   node page-check.js URL
"use strict";
const { chromium } = require("playwright-core");

async function main() {
  const [url] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox"], // the tests run as root in CI containers, where Chromium's sandbox cannot start
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", error => errors.push(String(error)));
    page.on("console", message => {
      if (message.type() === "error") {
        errors.push(message.text());
      }
    });
    await page.goto(url, { waitUntil: "load" });
    const plots = await page.locator("svg.plot").evaluateAll(svgs => svgs.map(svg => ({
      app: svg.dataset.app,
      width: svg.getBoundingClientRect().width,
      polylines: svg.querySelectorAll("polyline").length,
      points: [...svg.querySelectorAll("polyline")].map(line => line.points.numberOfItems),
      alerts: svg.querySelectorAll("line.alert").length,
    })));
    console.log(JSON.stringify({
      title: await page.title(),
      alertRows: await page.locator("#alerts tr").count(),
      plots,
      errors,
    }));
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.error(String((error && error.stack) || error));
  process.exit(1);
});
