// What the page scripts share: Debian's Chromium, headless, one page that records every script or loading error,
// and one JSON line printed from what the caller reads off the page.
"use strict";
const { chromium } = require("playwright-core");

async function report(readPage) {
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
    const seen = await readPage(page);
    console.log(JSON.stringify({ ...seen, errors }));
  } finally {
    await browser.close();
  }
}

function run(readPage) {
  report(readPage).catch(error => {
    console.error(String((error && error.stack) || error));
    process.exit(1);
  });
}

module.exports = { run };
