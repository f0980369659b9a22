// Opens a page (a URL or a file:// report) in headless Chromium and prints, as one JSON line, its title and what
// each SVG plot drew. Run by ReplayReportBrowserTest.
//   node page-check.js URL
"use strict";
const { run } = require("./browser");

const [url] = process.argv.slice(2);

run(async page => {
  await page.goto(url, { waitUntil: "load" });
  return {
    title: await page.title(),
    alertRows: await page.locator("#alerts tr").count(),
    plots: await page.locator("svg.plot").evaluateAll(svgs => svgs.map(svg => ({
      app: svg.dataset.app,
      width: svg.getBoundingClientRect().width,
      points: [...svg.querySelectorAll("polyline")].map(line => line.points.numberOfItems),
      alerts: svg.querySelectorAll("line.alert").length,
    }))),
  };
});
