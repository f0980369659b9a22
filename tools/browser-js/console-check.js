// Opens the LeakWatch console in headless Chromium, waits until the row of APP shows FINAL_STATUS, and prints what
// the page showed as one JSON line. Run by ConsoleBrowserTest.
//   node console-check.js URL APP FINAL_STATUS
"use strict";
const { chromium } = require("playwright-core");

async function main() {
  const [url, app, finalStatus] = process.argv.slice(2);
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
    await page.goto(url);
    await page.waitForFunction(([a, s]) => {
      const status = document.querySelector(`tr[data-app="${a}"] td.status`);
      return status !== null && status.textContent === s;
    }, [app, finalStatus], { timeout: 30000 });
    const cells = await page.locator(`tr[data-app="${app}"] td`).allTextContents();
    console.log(JSON.stringify({
      title: await page.title(),
      rows: await page.locator("#apps tbody tr").count(),
      cells,
      log: await page.locator("#log li").allTextContents(),
      feed: await page.locator("#feed").getAttribute("class"),
      emptyHidden: await page.locator("#empty").isHidden(),
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
