// Opens the LeakWatch console in headless Chromium, waits until the row of APP shows FINAL_STATUS and the traffic
// tables are filled, and prints what the page showed as one JSON line. Run by ConsoleBrowserTest.
//   node console-check.js URL APP FINAL_STATUS
"use strict";
const { run } = require("./browser");

const [url, app, finalStatus] = process.argv.slice(2);

run(async page => {
  await page.goto(url);
  await page.waitForFunction(([a, s]) => {
    const status = document.querySelector(`tr[data-app="${a}"] td.status`);
    return status !== null && status.textContent === s;
  }, [app, finalStatus], { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll("#cohorts tbody tr").length > 0
    && document.querySelectorAll("#senders tbody tr").length > 0
    && document.querySelectorAll("#compliance tbody tr").length > 0, null, { timeout: 30000 });
  const cohortRow = page.locator(`tr[data-cohort="${app}"]`);
  return {
    title: await page.title(),
    rows: await page.locator("#apps tbody tr").count(),
    cells: await page.locator(`tr[data-app="${app}"] td`).allTextContents(),
    log: await page.locator("#log li").allTextContents(),
    feed: await page.locator("#feed").getAttribute("class"),
    emptyHidden: await page.locator("#empty").isHidden(),
    cohortWindow: await page.locator("#cohort-window").textContent(),
    cohortApps: await page.locator("#cohorts tbody tr td:first-child").allTextContents(),
    cohortCells: await cohortRow.locator("td").allTextContents(),
    cohortAlert: await cohortRow.getAttribute("data-alert"),
    sparkLines: await cohortRow.locator("svg.spark polyline").evaluateAll(lines => lines.map(l => ({
      className: l.getAttribute("class"), points: l.points.numberOfItems }))),
    senderWindow: await page.locator("#sender-window").textContent(),
    senderSummary: await page.locator("#sender-summary").textContent(),
    senderRows: await page.locator("#senders tbody tr").evaluateAll(rows => rows.map(r =>
      [...r.querySelectorAll("td")].map(td => td.textContent))),
    complianceSummary: await page.locator("#compliance-summary").textContent(),
    complianceRows: await page.locator("#compliance tbody tr").evaluateAll(rows => rows.map(r =>
      [...r.querySelectorAll("td")].map(td => td.textContent))),
    complianceBars: await page.locator("#compliance tbody tr svg rect").count(),
  };
});
