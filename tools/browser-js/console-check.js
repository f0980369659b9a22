// Opens the LeakWatch console in headless Chromium, waits until the row of APP shows FINAL_STATUS, and prints what
// the page showed as one JSON line. Run by ConsoleBrowserTest.
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
  return {
    title: await page.title(),
    rows: await page.locator("#apps tbody tr").count(),
    cells: await page.locator(`tr[data-app="${app}"] td`).allTextContents(),
    log: await page.locator("#log li").allTextContents(),
    feed: await page.locator("#feed").getAttribute("class"),
    emptyHidden: await page.locator("#empty").isHidden(),
  };
});
