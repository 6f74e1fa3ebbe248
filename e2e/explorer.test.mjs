// Browser tests of the Explorer page (/) and Swagger UI (/swagger) in Debian's chromium, driven by playwright-core.
// Run through e2e/run.sh, which starts the service and sets BASE_URL; facts are checked against the API itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = (process.env.BASE_URL ?? '').replace(/\/$/, '');
if (!BASE) throw new Error('Set BASE_URL to the running service, e.g. BASE_URL=http://127.0.0.1:5080 (e2e/run.sh does this).');
const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const TIMEOUT = { timeout: 60_000 };

let browser;

before(async () => {
  mkdirSync(DOCS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => { await browser?.close(); });

/** A page that records every console error, uncaught exception and failed request. */
async function open(path, { viewport = DESKTOP, permissions = [] } = {}) {
  const context = await browser.newContext({ viewport, permissions });
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

/** The first view is complete: table rows, the chart and the ranking are drawn. */
async function loaded(page) {
  await page.waitForFunction(() => document.querySelector('.results')?.getAttribute('aria-busy') !== 'true'
    && document.querySelectorAll('#incidents tbody tr').length > 0
    && document.querySelector('#chart svg, #chart .empty') !== null
    && document.querySelectorAll('#ranking li').length > 0);
}

async function api(path) {
  const response = await fetch(BASE + path, { headers: { Accept: 'application/json' } });
  assert.equal(response.status, 200, `${path} answered ${response.status}`);
  return response.json();
}

const rowIds = (page) => page.$$eval('#incidents tbody tr[data-id]', (rows) => rows.map((r) => r.dataset.id));
const chartBars = (page) => page.$$eval('#chart a.bar', (bars) => bars.map((b) => [Number(b.dataset.year), b.getAttribute('aria-label')]));
const chartCounts = async (page) => Object.fromEntries((await chartBars(page)).map(([year, label]) => [year, Number(label.match(/: ([\d,]+) incident/)[1].replace(/,/g, ''))]));

describe('Explorer page', () => {
  test('loads without console errors, under a strict CSP, with every control labelled', TIMEOUT, async () => {
    const response = await fetch(`${BASE}/`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const html = await response.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i, 'no inline script, style or handler');
    // The page's query string is its own state: the API's query checks (400 for an unknown "contry") do not apply.
    const query = await fetch(`${BASE}/?contry=CA&operation=sky-net`);
    assert.equal(query.status, 200);
    assert.match(query.headers.get('content-type'), /^text\/html/);

    const { page, problems, close } = await open('/');
    try {
      assert.deepEqual(problems, []);
      const dataset = await api('/api/v1/dataset');
      const glance = await page.textContent('#glance');
      assert.ok(glance.includes(dataset.version), 'the glance shows the dataset version');
      assert.ok(glance.includes(String(dataset.counts.incidents)), 'the glance shows the number of incidents');
      assert.equal(await page.textContent('#citation'), dataset.citation);
      assert.ok((await page.textContent('#license')).includes(dataset.license));
      const unlabelled = await page.$$eval('input, select, button', (controls) => controls
        .filter((c) => !(c.labels?.length > 0) && !c.getAttribute('aria-label') && !(c.tagName === 'BUTTON' && c.textContent.trim()))
        .map((c) => c.id || c.outerHTML));
      assert.deepEqual(unlabelled, [], 'every control has a label');
      const countries = await page.$$eval('#f-country option', (o) => o.length - 1);
      assert.equal(countries, (await api('/api/v1/countries?hasIncidents=true')).length);
      assert.equal(await page.textContent('#summary').then((t) => t.match(/^([\d,]+)/)[1].replace(/,/g, '')), String(dataset.counts.incidents));
    } finally {
      await close();
    }
  });

  // A figure, not a pass/fail: timings on a shared 2-core machine are noise-prone, so the goal (first data under
  // 300 ms on loopback) is reported in the test output and checked by a reader, never asserted.
  test('shows the page and its first data, and reports how long that took', TIMEOUT, async () => {
    // A service that has been up a while has its hot paths compiled (.NET tiers a method up after ~30 calls); a fresh
    // one answers its first requests in slower, unoptimised code. Warm it up first, as a running service would be.
    const firstView = ['/', '/explorer.css', '/explorer.js', '/api/v1/incidents', '/api/v1/stats?groupBy=year',
      '/api/v1/stats?groupBy=country', '/api/v1/dataset', '/api/v1/countries?hasIncidents=true', '/api/v1/methods'];
    for (let round = 0; round < 40; round++) {
      await Promise.all(firstView.map((path) => fetch(BASE + path, { headers: { 'Accept-Encoding': 'br' } }).then((r) => r.arrayBuffer())));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));   // the JIT recompiles in the background

    const times = [];
    for (let run = 0; run < 6; run++) {   // each run is a first visit (empty cache); run 0 warms the browser up
      const { page, close } = await open(null);
      try {
        await page.goto(`${BASE}/`, { waitUntil: 'commit' });
        await page.waitForFunction(() => performance.getEntriesByName('explorer:first-data').length > 0);
        times.push(await page.evaluate(() => performance.getEntriesByName('explorer:first-data')[0].startTime));
      } finally {
        await close();
      }
    }
    const warm = times.slice(1).sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)];
    console.log(`# first data ${times.map((t) => `${Math.round(t)} ms`).join(', ')} after navigation start (median ${Math.round(median)} ms; goal < 300 ms)`);
    assert.equal(times.length, 6);   // every visit got its first data on screen
  });

  test('a filter change updates the table, the chart and the URL', TIMEOUT, async () => {
    const { page, problems, close } = await open('/');
    try {
      const before = await chartCounts(page);
      await page.selectOption('#f-operation', 'sky-net');
      await page.waitForURL(/[?&]operation=sky-net(&|$)/);
      await loaded(page);
      await page.selectOption('#f-country', 'CA');
      await page.waitForURL(/[?&]country=CA(&|$)/);
      await loaded(page);
      await page.fill('#f-from', '2016');
      await page.press('#f-from', 'Enter');
      await page.waitForURL(/[?&]from=2016(&|$)/);
      await loaded(page);

      const query = 'country=CA&operation=sky-net&from=2016';
      assert.equal(new URL(page.url()).search, `?${query}`);
      const expected = await api(`/api/v1/incidents?${query}`);
      assert.deepEqual(await rowIds(page), expected.data.map((i) => i.id), 'the table shows what the API returns');
      const years = await api(`/api/v1/stats?groupBy=year&${query}`);
      const after = await chartCounts(page);
      assert.deepEqual(after, Object.fromEntries(years.rows.map((r) => [r.year, r.count])), 'the chart shows the filtered counts');
      assert.notDeepEqual(after, before, 'the chart changed');
      const ranking = await page.$$eval('#ranking li', (items) => items.map((li) => li.textContent));
      assert.equal(ranking.length, 1);
      assert.match(ranking[0], /Canada/);
      assert.equal(await page.textContent('#api-url'), `${BASE}/api/v1/incidents?${query}`);

      // The view is a link: opened afresh it shows the same filters and rows, and Back returns to the previous view.
      const shared = await open(`/?${query}`);
      try {
        assert.equal(await shared.page.inputValue('#f-operation'), 'sky-net');
        assert.equal(await shared.page.inputValue('#f-country'), 'CA');
        assert.equal(await shared.page.inputValue('#f-from'), '2016');
        assert.deepEqual(await rowIds(shared.page), expected.data.map((i) => i.id));
        assert.deepEqual(shared.problems, []);
      } finally {
        await shared.close();
      }
      await page.goBack();
      await page.waitForURL((url) => !url.search.includes('from='));
      await loaded(page);
      assert.equal(await page.inputValue('#f-from'), '');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('paging follows the response links', TIMEOUT, async () => {
    const { page, close } = await open('/?pageSize=25');
    try {
      const first = await rowIds(page);
      assert.equal(first.length, 25);
      await page.click('#page-next');
      await page.waitForURL(/[?&]page=2(&|$)/);
      await loaded(page);
      const expected = await api('/api/v1/incidents?pageSize=25&page=2');
      assert.deepEqual(await rowIds(page), expected.data.map((i) => i.id));
      assert.match(await page.textContent('#page-status'), new RegExp(`Page 2 of ${expected.page.totalPages}`));
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'results-h', 'focus moves to the new page');
    } finally {
      await close();
    }
  });

  test('the CSV and GeoJSON links are the API URL with a format, and Copy API URL copies it', TIMEOUT, async () => {
    const { page, close } = await open('/?operation=sky-net&country=CA&from=2016', { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const apiUrl = await page.textContent('#api-url');
      assert.equal(apiUrl, `${BASE}/api/v1/incidents?country=CA&operation=sky-net&from=2016`);
      assert.equal(await page.$eval('#csv', (a) => a.href), `${apiUrl}&format=csv`);
      assert.equal(await page.$eval('#geojson', (a) => a.href), `${apiUrl}&format=geojson`);

      const total = (await api(new URL(apiUrl).pathname + new URL(apiUrl).search)).page.totalItems;
      const csv = await fetch(`${apiUrl}&format=csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type'), /^text\/csv/);
      assert.match(csv.headers.get('content-disposition') ?? '', /attachment/);
      const geo = await (await fetch(`${apiUrl}&format=geojson`)).json();
      assert.equal(geo.type, 'FeatureCollection');
      assert.equal(geo.features.length, total);

      await page.click('#copy');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), apiUrl);
    } finally {
      await close();
    }
  });

  test('an incident opens with every source as a link and its quote', TIMEOUT, async () => {
    const { page, problems, close } = await open('/?operation=sky-net&country=CA&from=2016');
    try {
      const link = page.locator('#incidents tbody tr a[data-incident]').first();
      const id = await link.getAttribute('data-incident');
      await link.focus();
      await page.keyboard.press('Enter');   // the keyboard path; a click on the row does the same
      await page.waitForURL(new RegExp(`[?&]incident=${id}(&|$)`));
      await page.waitForSelector('#incident[open] .sources li');

      const incident = await api(`/api/v1/incidents/${encodeURIComponent(id)}`);
      assert.equal(await page.textContent('#incident-title'), incident.title);
      const shown = await page.$$eval('#incident .sources li', (items) => items.map((li) => ({
        href: li.querySelector('a')?.getAttribute('href'), quote: li.querySelector('blockquote')?.textContent,
      })));
      assert.equal(shown.length, incident.sources.length);
      assert.ok(shown.length > 0);
      incident.sources.forEach((s, n) => {
        assert.equal(shown[n].href, new URL(s.url).href);
        assert.equal(shown[n].quote, s.quote);
      });

      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.getElementById('incident').open);
      await page.waitForURL((url) => !url.search.includes('incident='));
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.incident), id, 'focus returns to the row');

      // A row's own address opens the incident directly.
      await page.goto(`${BASE}/?incident=${encodeURIComponent(id)}`);
      await page.waitForSelector('#incident[open] .sources li');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('a bad value in the link shows the API\'s explanation', TIMEOUT, async () => {
    const { page, close } = await open(null);
    try {
      await page.goto(`${BASE}/?from=2016-13`);
      await page.waitForSelector('#error:not([hidden])');
      assert.match(await page.textContent('#error'), /from/);
    } finally {
      await close();
    }
  });

  test('screenshots: desktop 1280x800 and phone 375x812, with nothing wider than the phone', TIMEOUT, async () => {
    const desktop = await open('/');
    try {
      await desktop.page.screenshot({ path: `${DOCS}explorer-desktop.png` });
      assert.deepEqual(desktop.problems, []);
    } finally {
      await desktop.close();
    }
    const phone = await open('/', { viewport: PHONE });
    try {
      assert.ok(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 375 px');
      await phone.page.screenshot({ path: `${DOCS}explorer-phone.png` });
      assert.deepEqual(phone.problems, []);
    } finally {
      await phone.close();
    }
  });
});

describe('Swagger UI', () => {
  test('lists every endpoint group, and Try it out + Execute on GET /api/v1/incidents shows a 200 with data', TIMEOUT, async () => {
    const { page, close } = await open(null);
    try {
      await page.goto(`${BASE}/swagger`);
      await page.waitForSelector('.opblock-tag');
      const tags = await page.$$eval('.opblock-tag', (t) => t.map((e) => e.getAttribute('data-tag')));
      for (const tag of ['Incidents', 'Countries', 'Operations', 'Methods', 'Statistics', 'Dataset', 'Health']) {
        assert.ok(tags.includes(tag), `tag ${tag} is listed (found ${tags.join(', ')})`);
      }
      const operation = page.locator('.opblock-get').filter({ has: page.locator('.opblock-summary-path[data-path="/api/v1/incidents"]') }).first();
      await operation.locator('.opblock-summary').first().click();
      await operation.locator('button.try-out__btn').click();
      // Try it out fills every parameter with its documented example, and all the examples together match
      // nothing; clear the filters (keeping sort, paging and format) as a user asking for "everything" would.
      for (const row of await operation.locator('.parameters tbody tr[data-param-name]').all()) {
        if (['sort', 'page', 'pageSize', 'format'].includes(await row.getAttribute('data-param-name'))) continue;
        const remove = row.locator('button.json-schema-form-item-remove');
        while (await remove.count() > 0) await remove.first().click();
        for (const input of await row.locator('input').all()) await input.fill('');
        for (const select of await row.locator('select').all()) {
          if (await select.evaluate((s) => s.multiple)) await select.selectOption([]);
          else await select.selectOption({ index: 0 });
        }
      }
      await operation.locator('button.execute').click();
      const status = operation.locator('.live-responses-table .response .response-col_status').first();
      await status.waitFor();
      assert.equal((await status.textContent()).trim(), '200');
      const body = await operation.locator('.live-responses-table .response-col_description .microlight').first().textContent();
      const json = JSON.parse(body);
      assert.ok(Array.isArray(json.data) && json.data.length > 0, 'the response holds incidents');
      // The shot: the Execute button, the request it sent and the 200 with its data.
      await operation.locator('.responses-wrapper').evaluate((e) => { e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -70); });
      await page.screenshot({ path: `${DOCS}swagger.png` });
    } finally {
      await close();
    }
  });
});
