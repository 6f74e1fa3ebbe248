// Shared by the browser tests: Debian's chromium through playwright-core, a page that records every problem, and
// the API itself as the source of the expected facts. Run through e2e/run.sh, which sets BASE_URL.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = (process.env.BASE_URL ?? '').replace(/\/$/, '');
if (!BASE) throw new Error('Set BASE_URL to the running service, e.g. BASE_URL=http://127.0.0.1:5080 (e2e/run.sh does this).');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
export const TIMEOUT = { timeout: 90_000 };
/** The question: "Sky Net or Fox Hunt cases in Canada and Australia since 2015". */
export const QUESTION = 'country=CA,AU&operation=sky-net,fox-hunt&from=2015';

// Screenshots for docs/ only when asked (SCREENSHOTS=1 bash e2e/run.sh): CI must leave the working tree clean.
const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));
export async function screenshot(page, name) {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: `${DOCS}${name}` });
  console.log(`# wrote docs/${name}`);
}

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); });

/** A page that records every console error or warning, uncaught exception, failed request and HTTP error. */
export async function open(path, { viewport = DESKTOP, permissions = [], acceptDownloads = false } = {}) {
  const context = await browser.newContext({ viewport, permissions, acceptDownloads });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => { if (!r.failure()?.errorText.includes('ERR_ABORTED')) problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  if (path !== null) {
    await page.goto(BASE + path);
    await loaded(page);
  }
  return { page, problems, close: () => context.close() };
}

/** The list view is complete: rows, chart, ranking and map are drawn, and nothing is loading. */
export async function loaded(page, { map = true } = {}) {
  await page.waitForFunction((withMap) => document.querySelector('.results')?.getAttribute('aria-busy') !== 'true'
    && document.querySelectorAll('#incidents tbody tr').length > 0
    && document.querySelector('#chart svg, #chart .empty') !== null
    && document.querySelectorAll('#ranking li').length > 0
    && (!withMap || (document.getElementById('map').getAttribute('aria-busy') !== 'true' && document.querySelector('#map svg, #map .empty') !== null)), map);
}

export async function api(path) {
  const response = await fetch(BASE + path, { headers: { Accept: 'application/json' } });
  assert.equal(response.status, 200, `${path} answered ${response.status}`);
  return response.json();
}

/** What the API's own contract offers: later additions (region, change filters, /releases) are tested once there. */
let contract;
export async function offered() {
  contract ??= await api('/swagger/v1/swagger.json');
  const names = new Set((contract.paths['/api/v1/incidents']?.get?.parameters ?? []).map((p) => p.name));
  return { region: names.has('region'), updatedSince: names.has('updatedSince'), releases: Boolean(contract.paths['/api/v1/releases/{version}']) };
}

export const rowIds = (page) => page.$$eval('#incidents tbody tr[data-id]', (rows) => rows.map((r) => r.dataset.id));
export const chartCounts = (page) => page.$$eval('#chart a.bar', (bars) => Object.fromEntries(bars.map((b) => [Number(b.dataset.year), Number(b.dataset.count)])));
