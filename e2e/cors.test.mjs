// A dashboard on another origin, in Debian's chromium: it revalidates with If-None-Match (a preflighted request),
// reads the headers it needs, and follows absolute paging links. Run through e2e/run.sh, which sets BASE_URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { chromium } from 'playwright-core';

const BASE = (process.env.BASE_URL ?? '').replace(/\/$/, '');
let browser, dashboard, origin;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // The second origin: 127.0.0.1 on another port serves an empty page; the API lives at BASE.
  dashboard = http.createServer((_, res) => res.end('<!doctype html><title>dashboard</title>')).listen(0, '127.0.0.1');
  await new Promise((resolve) => dashboard.once('listening', resolve));
  origin = `http://127.0.0.1:${dashboard.address().port}`;
});

after(async () => { await browser?.close(); dashboard?.close(); });

test('a page on another origin revalidates, reads ETag, Link and the quota, and follows links.next', { timeout: 60_000 }, async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(origin);
  const seen = await page.evaluate(async (api) => {
    const first = await fetch(`${api}/api/v1/incidents?pageSize=2&sort=id`);
    const body = await first.json();
    const tag = first.headers.get('ETag');
    const again = await fetch(`${api}/api/v1/incidents?pageSize=2&sort=id`, { headers: { 'If-None-Match': tag }, cache: 'no-store' });
    const next = await fetch(body.links.next);
    return {
      status: first.status, tag, link: first.headers.get('Link'), quota: first.headers.get('RateLimit'),
      policy: first.headers.get('RateLimit-Policy'), revalidated: again.status, next: body.links.next, nextStatus: next.status,
    };
  }, BASE);
  assert.equal(seen.status, 200);
  assert.match(seen.tag ?? '', /^"[^"]+"$/, 'ETag is readable cross-origin');
  assert.match(seen.link ?? '', /rel="next"/, 'Link is readable cross-origin');
  assert.match(seen.quota ?? '', /^"per-client";r=\d+;t=\d+$/);
  assert.match(seen.policy ?? '', /^"per-client";q=\d+;w=\d+$/);
  assert.equal(seen.revalidated, 304, 'If-None-Match passes the preflight and gets a 304');
  assert.ok(seen.next.startsWith(`${BASE}/api/v1/incidents?`), `links.next is absolute: ${seen.next}`);
  assert.equal(seen.nextStatus, 200);
});
