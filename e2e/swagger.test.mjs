// Browser test of Swagger UI (/swagger): Try it out + Execute works. Run through e2e/run.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, TIMEOUT, open, screenshot } from './helpers.mjs';

test('Swagger UI lists every endpoint group, and Try it out + Execute on GET /api/v1/incidents shows a 200 with data', TIMEOUT, async () => {
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
    await screenshot(page, 'swagger.png');
  } finally {
    await close();
  }
});
