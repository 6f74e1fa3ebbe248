// Browser tests of the Explorer's map and of the graphics' downloads (SVG and PNG). Run through e2e/run.sh.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE, TIMEOUT, QUESTION, open, loaded, api } from './helpers.mjs';

const shadedCodes = (page) => page.$$eval('#map .country', (c) => c.map((e) => e.dataset.code));

/** The distinct city points of a view, as the API gives them. */
async function cityPoints(query) {
  const geo = await api(`/api/v1/incidents?${query}${query ? '&' : ''}format=geojson`);
  return new Set(geo.features.filter((f) => f.properties.location?.precision === 'city').map((f) => f.geometry.coordinates.join(',')));
}

describe('Explorer: the map', () => {
  test('shades exactly the host countries the API counts, with a dot per city named, offline', TIMEOUT, async () => {
    const { page, problems, close } = await open(`/?${QUESTION}`);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      const stats = await api(`/api/v1/stats?groupBy=country&${QUESTION}`);
      assert.deepEqual((await shadedCodes(page)).sort(), stats.rows.map((r) => r.country).sort());
      for (const row of stats.rows) {
        const label = await page.getAttribute(`#map .country[data-code="${row.country}"]`, 'aria-label');
        assert.match(label, new RegExp(`: ${row.count} incidents?\\. Show only`), label);
      }
      assert.equal(await page.locator("#map .cities circle").count(), (await cityPoints(QUESTION)).size);
      // The table alternative holds the same numbers.
      const table = await page.$$eval('#map-table tbody tr', (rows) => rows.map((r) => Number(r.cells[1].textContent)));
      assert.deepEqual(table.sort(), stats.rows.map((r) => r.count).sort());
      assert.match(await page.textContent('#points-url'), /format=geojson/);
      assert.deepEqual(problems, []);

      // Every country in the full dataset is on the map, including those too small for the atlas (a dot).
      await page.goto(`${BASE}/`);
      await loaded(page);
      const all = (await api('/api/v1/stats?groupBy=country')).rows.filter((r) => r.country !== null).map((r) => r.country).sort();
      assert.deepEqual((await shadedCodes(page)).sort(), all);
      assert.match(await page.textContent('#map-note'), /no host country disclosed/);
      assert.ok(requests.every((url) => url.startsWith(BASE)), `every request stays on this site: ${requests.filter((u) => !u.startsWith(BASE))}`);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('choosing a country, by mouse or keyboard, filters by it', TIMEOUT, async () => {
    const { page, problems, close } = await open(`/?${QUESTION}`);
    try {
      await page.click('#map a.country[data-code="AU"] path', { force: true });
      await page.waitForURL(/[?&]country=AU(&|$)/);
      await loaded(page);
      assert.deepEqual(new Set((await api(`/api/v1/incidents?country=AU&operation=sky-net,fox-hunt&from=2015`)).data.map((i) => i.id)),
        new Set(await page.$$eval('#incidents tbody tr[data-id]', (r) => r.map((x) => x.dataset.id))));
      await page.goBack();
      await page.waitForURL((url) => url.search.includes('country=CA,AU'));
      await loaded(page);
      // Keyboard: the countries are links in the ranking's order (largest first); Enter follows one.
      await page.focus('#map a.country');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.code), 'CA');
      await page.keyboard.press('Enter');
      await page.waitForURL(/[?&]country=CA(&|$)/);
      await loaded(page);
      assert.equal(await page.locator('#map a.country').count(), 0, 'the one country shown is no longer a link');
      assert.equal(await page.locator('#map g.country[data-code="CA"]').count(), 1);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('the year chart and the map download as SVG and PNG, with title, filters and credit', TIMEOUT, async () => {
    const { page, problems, close } = await open(`/?${QUESTION}`, { acceptDownloads: true });
    try {
      const dataset = await api('/api/v1/dataset');
      const fetchDownload = async (selector) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
        return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
      };

      const chartSvg = await fetchDownload('.exports[data-graphic="chart"] button[data-format="svg"]');
      assert.equal(chartSvg.name, 'incidents-per-year.svg');
      const text = chartSvg.bytes.toString('utf8');
      assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(text, />Incidents per year</);
      assert.match(text, /Host country: Canada or Australia; operation: .*Sky Net.* or .*Fox Hunt.*; from 2015/);
      assert.ok(text.includes(`release ${dataset.release.version}`) && text.includes(dataset.version), 'the credit names the release and version');
      assert.ok(text.includes('/api/v1/stats?groupBy=year&amp;country=CA,AU'), 'the credit names the API URL of the data');
      const years = await api(`/api/v1/stats?groupBy=year&${QUESTION}`);
      assert.equal((text.match(/<rect /g) ?? []).length, years.rows.length + 1, 'a bar per year, and the background');
      assert.doesNotMatch(text, /class=|href=/, 'standalone: styles written on, links removed');

      const mapSvg = await fetchDownload('.exports[data-graphic="map"] button[data-format="svg"]');
      assert.equal(mapSvg.name, 'host-countries-map.svg');
      assert.match(mapSvg.bytes.toString('utf8'), /Natural Earth/);

      const mapPng = await fetchDownload('.exports[data-graphic="map"] button[data-format="png"]');
      assert.equal(mapPng.name, 'host-countries-map.png');
      assert.deepEqual([...mapPng.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
      const [width, height] = [mapPng.bytes.readUInt32BE(16), mapPng.bytes.readUInt32BE(20)];
      const drawn = await page.$eval('#map svg', (s) => [Number(s.getAttribute('width')), Number(s.getAttribute('height'))]);
      assert.equal(width, drawn[0] * 2, 'twice the on-screen width');
      assert.ok(height > drawn[1] * 2, 'the map with a title and credit');
      // Its pixels: decoded in the page (createImageBitmap reads a Blob; no image URL, so the CSP is not involved).
      const colours = await page.evaluate(async (base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bitmap, 0, 0);
        const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const seen = { darkBlue: 0, land: 0, point: 0 };
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          if (r === 0x08 && g === 0x51 && b === 0x9c) seen.darkBlue++;       // the top class: Canada
          else if (r === 0xe3 && g === 0xe6 && b === 0xea) seen.land++;      // countries with no incident
          else if (r > 190 && g < 110 && b < 40) seen.point++;               // the city dots
        }
        return seen;
      }, mapPng.bytes.toString('base64'));
      assert.ok(colours.darkBlue > 1000, `the shaded countries are drawn (${colours.darkBlue} px)`);
      assert.ok(colours.land > 10000, `the other countries are drawn (${colours.land} px)`);
      assert.ok(colours.point > 20, `the city dots are drawn (${colours.point} px)`);

      const chartPng = await fetchDownload('.exports[data-graphic="chart"] button[data-format="png"]');
      assert.equal(chartPng.name, 'incidents-per-year.png');
      assert.equal(chartPng.bytes.readUInt32BE(16), 2 * await page.$eval('#chart svg', (s) => Number(s.getAttribute('width'))));
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
