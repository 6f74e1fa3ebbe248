// Browser tests of the permanent incident view (/?id=…), Chinese names, and the views of what changed: the
// release's "what's new" and the change filters, tested once the API offers them. Run through e2e/run.sh.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, TIMEOUT, QUESTION, open, loaded, api, offered, rowIds } from './helpers.mjs';

const recordShown = (page) => page.waitForSelector('#record:not([hidden]) #record-body .sources li');

describe('Explorer: one incident, permanently', () => {
  test('a row opens /?id=… with every source and quote, notes, inferred fields and a citation', TIMEOUT, async () => {
    const { page, problems, close } = await open(`/?${QUESTION}`, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const link = page.locator('#incidents tbody tr a[data-incident]').first();
      const id = await link.getAttribute('data-incident');
      assert.equal(await link.getAttribute('href'), `/?id=${id}`, 'the row links to the permanent view');
      await link.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${BASE}/?id=${id}`);
      await recordShown(page);
      assert.ok(await page.locator('#list-view').isHidden());

      const [incident, dataset] = await Promise.all([api(`/api/v1/incidents/${encodeURIComponent(id)}`), api('/api/v1/dataset')]);
      assert.equal(await page.textContent('#record-title'), incident.title);
      assert.equal(await page.textContent('#record-api'), `${BASE}/api/v1/incidents/${id}`);
      const shown = await page.$$eval('#record-body .sources li', (items) => items.map((li) => ({
        href: li.querySelector('a')?.getAttribute('href'), quote: li.querySelector('blockquote')?.textContent,
      })));
      assert.equal(shown.length, incident.sources.length);
      incident.sources.forEach((s, n) => {
        assert.equal(shown[n].href, new URL(s.url).href);
        assert.equal(shown[n].quote, s.quote);
      });
      if (incident.notes) assert.ok((await page.textContent('#record-body .notes')).includes(incident.notes));
      const inferred = await page.textContent('#record-inferred');
      assert.ok(incident.inferred.length > 0 ? /Inferred by a curator/.test(inferred) : /none is inferred/.test(inferred));
      assert.equal(await page.locator('#record-body .facts .inferred-mark').count(), incident.inferred.length, 'each inferred value is marked');
      const citation = await page.textContent('#citation-line');
      for (const part of [incident.title, id, `release ${dataset.release.version} (${dataset.release.date})`, dataset.version, `${BASE}/?id=${id}`]) {
        assert.ok(citation.includes(part), `the citation names ${part}: ${citation}`);
      }
      await page.click('#copy-citation');
      await page.waitForFunction(() => document.getElementById('citation-status').textContent.length > 0);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);

      // Back (the browser's or the page's) returns to the list as it was, focus on the row that opened the record.
      await page.click('#record-back');
      await page.waitForURL(`${BASE}/?${QUESTION}`);
      await page.waitForSelector('#list-view:not([hidden])');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.incident), id, 'focus returns to the row');
      await page.goForward();
      await recordShown(page);
      await page.goBack();
      await page.waitForSelector('#list-view:not([hidden])');

      // The address alone opens the record, and v1's ?incident= links still work.
      await page.goto(`${BASE}/?id=${encodeURIComponent(id)}`);
      await recordShown(page);
      await page.goto(`${BASE}/?incident=${encodeURIComponent(id)}`);
      await recordShown(page);
      await page.waitForURL(`${BASE}/?id=${id}`);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('a withdrawn id says so and links the record that replaces it', TIMEOUT, async () => {
    const release = (await api('/api/v1/dataset')).release.version;
    // The codebook's example of a merge in release 2.0; any withdrawn id with a replacement would do.
    const gone = await fetch(`${BASE}/api/v1/incidents/anna-kwok-2023-hk-bounty`);
    assert.equal(gone.status, 410, `a withdrawn id answers 410 (release ${release})`);
    const { replacedBy } = await gone.json();
    const { page, problems, close } = await open(null);
    try {
      await page.goto(`${BASE}/?id=anna-kwok-2023-hk-bounty`);
      await page.waitForSelector('#replaced-by');
      assert.equal(await page.textContent('#record-title'), 'This record was withdrawn');
      await page.click('#replaced-by');
      await page.waitForURL(`${BASE}/?id=${replacedBy}`);
      await recordShown(page);
      assert.deepEqual(problems.filter((p) => !p.includes('410')), [], 'only the expected 410');
    } finally {
      await close();
    }
  });

  test('Chinese names render in a CJK font, in the table and the record', TIMEOUT, async () => {
    const { page, problems, close } = await open(`/?${QUESTION}`);
    try {
      const zh = page.locator('#incidents .zh').first();
      assert.ok(await zh.count() > 0, 'the view has a Chinese name');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '#incidents .zh' });
      for (const nodeId of nodeIds.slice(0, 5)) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        assert.ok(fonts.some((f) => /CJK|Han|Hei|Ming|PingFang/i.test(f.familyName)) && fonts.every((f) => !/Last ?Resort/i.test(f.familyName)),
          `a CJK font draws the name, not boxes: ${JSON.stringify(fonts)}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('the record fits a phone (375 px)', TIMEOUT, async () => {
    const id = (await api(`/api/v1/incidents?${QUESTION}&pageSize=1`)).data[0].id;
    const { page, problems, close } = await open(null, { viewport: PHONE });
    try {
      await page.goto(`${BASE}/?id=${id}`);
      await recordShown(page);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});

describe('Explorer: what changed', () => {
  test('"what\'s new" lists the latest release\'s added and changed records', TIMEOUT, async (t) => {
    if (!(await offered()).releases) { t.skip('the API has no /api/v1/releases/{version} yet'); return; }
    const version = (await api('/api/v1/dataset')).release.version;
    const release = await api(`/api/v1/releases/${version}`);
    const list = await api('/api/v1/releases');
    assert.equal(list.data[0].version, version, 'the newest release first, and it is the one served');
    const { page, problems, close } = await open('/');
    try {
      await page.waitForSelector('#whats-new:not(.unoffered)');
      await page.click('#whats-new');
      await page.waitForURL(`${BASE}/?release=${version}`);
      await page.waitForSelector('#release:not([hidden]) #added-h');
      assert.equal(await page.textContent('#release-api'), `${BASE}/api/v1/releases/${version}`);
      const ids = (selector) => page.$$eval(`${selector} li > a code, ${selector} li > code:first-child`, (c) => c.map((e) => e.textContent));
      assert.deepEqual(await ids('#release-added'), release.added);
      assert.deepEqual(await ids('#release-changed'), release.changed.map((c) => c.id));
      if (release.added.length) {
        await page.click('#release-added a');
        await page.waitForURL(`${BASE}/?id=${release.added[0]}`);
        await recordShown(page);
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('region and "updated since" filters, and the newest-change order', TIMEOUT, async (t) => {
    const api2 = await offered();
    if (!api2.region || !api2.updatedSince) { t.skip('the API has no region or updatedSince filter yet'); return; }
    const { page, problems, close } = await open('/');
    try {
      await page.waitForSelector('#f-region:not([hidden])');
      await page.locator('#f-region summary').click();
      await page.waitForSelector('#f-region input[data-param="region"][value="Oceania"]');
      await page.check('#f-region input[data-param="region"][value="Oceania"]');
      await page.waitForURL(/[?&]region=Oceania(&|$)/);
      await loaded(page);
      const oceania = await api('/api/v1/incidents?region=Oceania');
      assert.deepEqual(await rowIds(page), oceania.data.map((i) => i.id));
      await page.fill('#f-updated-since', '2026-12');
      await page.press('#f-updated-since', 'Enter');
      await page.waitForURL(/[?&]updatedSince=2026-12(&|$)/);
      await loaded(page, { map: false });
      await page.selectOption('#f-sort', '-updatedOn');
      await page.waitForURL(/[?&]sort=-updatedOn(&|$)/);
      const query = 'region=Oceania&updatedSince=2026-12&sort=-updatedOn';
      const expected = await api(`/api/v1/incidents?${query}`);
      if (expected.page.totalItems > 0) {
        await loaded(page, { map: false });
        assert.deepEqual(await rowIds(page), expected.data.map((i) => i.id));
      }
      assert.equal(await page.textContent('#api-url'), `${BASE}/api/v1/incidents?${query}`);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
