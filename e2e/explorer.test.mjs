// Browser tests of the Explorer's list view (/): loading, the multi-value filters, the measure, sorting, paging,
// downloads and errors. Facts are checked against the API itself. Run through e2e/run.sh.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, TIMEOUT, QUESTION, open, loaded, api, rowIds, chartCounts, screenshot } from './helpers.mjs';

/** Opens a multi-value filter and waits for its choices. */
async function openList(page, id) {
  const details = page.locator(`#${id}`);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await page.waitForSelector(`#${id} .multi-options input[type="checkbox"]`);
  return details;
}

describe('Explorer: the list view', () => {
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
      const dataset = await api('/api/v1/dataset');
      const glance = await page.textContent('#glance');
      assert.ok(glance.includes(dataset.release.version), 'the glance names the release');
      assert.ok(glance.includes(String(dataset.counts.incidents)), 'the glance shows the number of incidents');
      assert.equal(await page.textContent('#citation'), dataset.citation);
      assert.ok((await page.textContent('#license')).includes(dataset.license));
      for (const id of ['f-country', 'f-operation', 'f-method']) await openList(page, id);
      const unlabelled = await page.$$eval('input, select, button', (controls) => controls
        .filter((c) => !(c.labels?.length > 0) && !c.getAttribute('aria-label') && !(c.tagName === 'BUTTON' && c.textContent.trim()))
        .map((c) => c.id || c.outerHTML));
      assert.deepEqual(unlabelled, [], 'every control has a label');
      const hosts = (await api('/api/v1/countries')).filter((c) => c.incidentCount > 0);
      assert.equal(await page.locator('#f-country input[type="checkbox"]').count(), hosts.length, 'one choice per host country');
      assert.equal(await page.textContent('#summary').then((t) => t.match(/^([\d,]+)/)[1].replace(/,/g, '')), String(dataset.counts.incidents));
      // Counts agree: the ranking offers exactly the host countries the glance counts.
      assert.equal(await page.textContent('#ranking-more'), `Show all ${dataset.counts.hostCountries} host countries`);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  // Figures, not pass/fail: timings on a shared 2-core machine are noise-prone, so the goal (first data under
  // 500 ms) is printed and checked by a reader, never asserted.
  test('shows the first data, and reports how long that took', TIMEOUT, async () => {
    // A service that has been up a while has its hot paths compiled (.NET tiers a method up after ~30 calls); a fresh
    // one answers its first requests in slower, unoptimised code. Warm it up first, as a running service would be.
    const firstView = ['/', '/explorer.css', '/graphics.css', '/record.css', '/explorer/main.js', '/explorer/page.js', '/api/v1/incidents',
      '/api/v1/stats?groupBy=year', '/api/v1/stats?groupBy=country', '/api/v1/dataset', '/api/v1/countries', '/api/v1/methods'];
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
    console.log(`# first data ${times.map((t) => `${Math.round(t)} ms`).join(', ')} after navigation start (median ${Math.round(median)} ms; goal < 500 ms)`);
    assert.equal(times.length, 6);   // every visit got its first data on screen
  });

  test('nothing moves while the page loads (cumulative layout shift)', TIMEOUT, async () => {
    for (const [viewport, path] of [[undefined, `/?${QUESTION}`], [PHONE, '/']]) {
      const { page, problems, close } = await open(null, { viewport });
      try {
        await page.addInitScript(() => {
          window.__shift = 0;
          new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
            .observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(BASE + path);
        await loaded(page);
        await page.waitForTimeout(300);
        const shift = await page.evaluate(() => window.__shift);
        console.log(`# layout shift ${shift.toFixed(4)} at ${viewport ? 'phone' : 'desktop'} width`);
        assert.ok(shift < 0.01, `the page shifted by ${shift} while loading`);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    }
  });

  test('several values per filter: Sky Net or Fox Hunt in Canada and Australia since 2015', TIMEOUT, async () => {
    const { page, problems, close } = await open('/');
    try {
      const before = await chartCounts(page);
      const hosts = await openList(page, 'f-country');
      await hosts.locator('.multi-find').fill('cana');   // the find box narrows a long list
      assert.equal(await hosts.locator('.multi-option:not([hidden])').count(), 1);
      await hosts.getByLabel(/^Canada/).check();
      await page.waitForURL(/[?&]country=CA(&|$)/);
      await loaded(page);
      await hosts.locator('.multi-find').fill('austral');
      await hosts.getByLabel(/^Australia/).check();
      await page.waitForURL(/[?&]country=CA,AU(&|$)/);
      await loaded(page);
      const operations = await openList(page, 'f-operation');
      await operations.locator('input[value="sky-net"]').check();
      await page.waitForURL(/[?&]operation=sky-net(&|$)/);
      await loaded(page);
      await operations.locator('input[value="fox-hunt"]').check();
      await page.waitForURL(/[?&]operation=sky-net,fox-hunt(&|$)/);
      await loaded(page);
      await page.fill('#f-from', '2015');
      await page.press('#f-from', 'Enter');
      await page.waitForURL(/[?&]from=2015(&|$)/);
      await loaded(page);

      assert.equal(new URL(page.url()).search, `?${QUESTION}`);
      assert.equal(await page.textContent('#api-url'), `${BASE}/api/v1/incidents?${QUESTION}`);
      assert.equal(await page.textContent('#f-country .multi-value'), 'Canada, Australia');
      assert.match(await page.textContent('#f-operation .multi-value'), /Sky Net.*Fox Hunt/);
      const expected = await api(`/api/v1/incidents?${QUESTION}`);
      assert.deepEqual(await rowIds(page), expected.data.map((i) => i.id), 'the table shows what the API returns');
      assert.match(await page.textContent('#summary'), new RegExp(`^${expected.page.totalItems} incidents match these filters`));
      const years = await api(`/api/v1/stats?groupBy=year&${QUESTION}`);
      const after = await chartCounts(page);
      assert.deepEqual(after, Object.fromEntries(years.rows.map((r) => [r.year, r.count])), 'the chart shows the filtered counts');
      assert.notDeepEqual(after, before, 'the chart changed');
      const countries = await api(`/api/v1/stats?groupBy=country&${QUESTION}`);
      const ranking = await page.$$eval('#ranking li', (items) => items.map((li) => [li.querySelector('.name').textContent, Number(li.querySelector('.count').textContent)]));
      const names = { CA: 'Canada', AU: 'Australia' };
      assert.deepEqual(ranking, countries.rows.sort((a, b) => b.count - a.count).map((r) => [names[r.country], r.count]));

      // The view is a link: opened afresh it shows the same choices and rows; Back returns to the previous view.
      const shared = await open(`/?${QUESTION}`);
      try {
        await openList(shared.page, 'f-country');
        assert.deepEqual(await shared.page.$$eval('#f-country input:checked', (boxes) => boxes.map((b) => b.value).sort()), ['AU', 'CA']);
        await openList(shared.page, 'f-operation');
        assert.deepEqual(await shared.page.$$eval('#f-operation input:checked', (boxes) => boxes.map((b) => b.value).sort()), ['fox-hunt', 'sky-net']);
        assert.equal(await shared.page.inputValue('#f-from'), '2015');
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

  test('origin state, target type, attribution and confidence filters; "only what the sources state"', TIMEOUT, async () => {
    const query = 'originCountry=CN&targetType=journalist,activist&attribution=judicial,host-government,reported';
    const { page, problems, close } = await open(`/?${query}`);
    try {
      const expected = await api(`/api/v1/incidents?${query}`);
      assert.ok(expected.page.totalItems > 0);
      assert.deepEqual(await rowIds(page), expected.data.map((i) => i.id));
      await openList(page, 'f-target-type');
      assert.deepEqual((await page.$$eval('#f-target-type input:checked', (b) => b.map((x) => x.value))).sort(), ['activist', 'journalist']);
      assert.equal(await page.textContent('#f-origin .multi-value'), 'China');
      const confidence = await openList(page, 'f-confidence');
      await confidence.locator('input[value="high"]').check();
      await page.waitForURL(/[?&]confidence=high(&|$)/);
      await loaded(page);
      await page.check('#f-stated');
      await page.waitForURL(/[?&]stated=true(&|$)/);
      await loaded(page);
      const final = `${query}&confidence=high&stated=true`;
      assert.equal(new URL(page.url()).search, `?${final}`);
      assert.deepEqual(await rowIds(page), (await api(`/api/v1/incidents?${final}`)).data.map((i) => i.id));
      // Clearing a list from its own button drops just that filter.
      await page.locator('#f-confidence .multi-clear').click();
      await page.waitForURL((url) => !url.search.includes('confidence='));
      await loaded(page);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('people or incidents: the measure changes the chart, map and ranking, never the list', TIMEOUT, async () => {
    const { page, problems, close } = await open(`/?${QUESTION}`);
    try {
      await page.check('#f-measure-people');
      await page.waitForURL(/[?&]measure=people(&|$)/);
      await loaded(page);
      assert.equal(await page.textContent('#api-url'), `${BASE}/api/v1/incidents?${QUESTION}`, 'the list is the same request');
      const people = await api(`/api/v1/stats?groupBy=year&${QUESTION}&measure=people`);
      assert.deepEqual(await chartCounts(page), Object.fromEntries(people.rows.map((r) => [r.year, r.count])));
      assert.match(await page.getAttribute('#chart-url', 'href'), /measure=people/);
      assert.match(await page.textContent('#chart-h'), /^People per year/);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('sorting: date and host country on the server, other columns on the loaded page, and said so', TIMEOUT, async () => {
    const { page, problems, close } = await open('/?pageSize=25');
    try {
      await page.click('th[data-column="people"] button');
      await page.waitForURL(/[?&]order=-people(&|$)/);
      assert.equal(await page.textContent('#api-url'), `${BASE}/api/v1/incidents?pageSize=25`, 'no new request: the page sorts its rows');
      const page1 = await api('/api/v1/incidents?pageSize=25');
      const people = await page.$$eval('#incidents tbody tr', (rows) => rows.map((r) => r.querySelector('td.number').textContent));
      const known = page1.data.filter((i) => i.people !== null).map((i) => i.people).sort((a, b) => b - a);
      assert.deepEqual(people.slice(0, known.length).map((p) => Number(p.replace(/\D/g, ''))), known, 'most people first, unknowns last');
      assert.deepEqual((await rowIds(page)).sort(), page1.data.map((i) => i.id).sort(), 'the same rows, reordered');
      assert.match(await page.textContent('#order-note'), /on this page.*Only the 25 rows on this page/s);
      assert.equal(await page.getAttribute('th[data-column="people"]', 'aria-sort'), 'descending');

      await page.click('th[data-column="date"] button');
      await page.waitForURL(/[?&]sort=date(&|$)/);
      await loaded(page);
      assert.ok(!new URL(page.url()).searchParams.has('order'));
      assert.equal(await page.textContent('#api-url'), `${BASE}/api/v1/incidents?sort=date&pageSize=25`);
      assert.deepEqual(await rowIds(page), (await api('/api/v1/incidents?sort=date&pageSize=25')).data.map((i) => i.id));
      assert.equal(await page.getAttribute('th[data-column="date"]', 'aria-sort'), 'ascending');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('paging follows the response links', TIMEOUT, async () => {
    const { page, close } = await open('/?pageSize=25');
    try {
      assert.equal((await rowIds(page)).length, 25);
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

  test('the CSV and GeoJSON links hold every match of the view, and Copy API URL copies it', TIMEOUT, async () => {
    const { page, close } = await open(`/?${QUESTION}&pageSize=25&page=1`, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const apiUrl = await page.textContent('#api-url');
      assert.equal(apiUrl, `${BASE}/api/v1/incidents?${QUESTION}&pageSize=25`);
      const all = `${BASE}/api/v1/incidents?${QUESTION}`;
      assert.equal(await page.$eval('#csv', (a) => a.href), `${all}&format=csv`);
      assert.equal(await page.$eval('#geojson', (a) => a.href), `${all}&format=geojson`);
      const total = (await api(`/api/v1/incidents?${QUESTION}`)).page.totalItems;
      const csv = await fetch(`${all}&format=csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type'), /^text\/csv/);
      assert.equal((await csv.text()).trim().split('\n').length, total + 1, 'a header and a line per match');
      const geo = await (await fetch(`${all}&format=geojson`)).json();
      assert.equal(geo.features.length, total);

      await page.click('#copy');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), apiUrl);
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

  test('one match reads "1 incident matches"', TIMEOUT, async () => {
    const single = (await api('/api/v1/stats?groupBy=country')).rows.find((r) => r.country !== null && r.count === 1);
    const { page, close } = await open(`/?country=${single.country}`);
    try {
      assert.equal(await page.textContent('#summary'), '1 incident matches these filters; showing 1.');
      assert.match(await page.textContent('#map-h'), /host countries/);
    } finally {
      await close();
    }
  });

  test('the map view fits a phone (375 px) and a desktop; screenshots when asked', TIMEOUT, async () => {
    for (const [name, viewport] of [['explorer-desktop.png', undefined], ['explorer-phone.png', PHONE]]) {
      const { page, problems, close } = await open(`/?${QUESTION}`, { viewport });
      try {
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scrolling (${name})`);
        await page.evaluate(() => document.getElementById(window.innerWidth < 640 ? 'results-h' : 'filters-panel').scrollIntoView());
        await page.evaluate(() => scrollBy(0, -12));
        await screenshot(page, name);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    }
  });
});
