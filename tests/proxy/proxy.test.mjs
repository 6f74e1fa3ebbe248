// Through nginx (tests/proxy/run.sh starts it in front of two instances and sets PROXY_URL): caching, compression,
// absolute links from the forwarded host, no client-chosen host anywhere, and per-client rate limiting when three
// clients (three loopback source addresses) share the proxy. Uses only node's own http module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

const BASE = new URL(process.env.PROXY_URL ?? '');
if (!process.env.PROXY_URL) throw new Error('Set PROXY_URL (tests/proxy/run.sh does this).');
const agents = new Map();

/** GET through the proxy from a given loopback source address; resolves with status, headers, body (decoded) and ms. */
function get(path, { from = '127.0.0.1', headers = {} } = {}) {
  if (!agents.has(from)) agents.set(from, new http.Agent({ keepAlive: true, localAddress: from, maxSockets: 16 }));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port: BASE.port, path, agent: agents.get(from), headers: { Host: BASE.host, ...headers } }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => {
        let body = Buffer.concat(chunks);
        if (response.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        resolve({ status: response.statusCode, headers: response.headers, body: body.toString('utf8'), ms: performance.now() - started });
      });
    });
    request.on('error', reject);
  });
}

test('an ETag from behind the proxy revalidates to 304 through it', async () => {
  const first = await get('/api/v1/methods');
  assert.equal(first.status, 200);
  assert.match(first.headers.etag, /^"[^"]+"$/);
  const again = await get('/api/v1/methods', { headers: { 'If-None-Match': first.headers.etag } });
  assert.equal(again.status, 304);
});

test('gzip passes through the proxy', async () => {
  const response = await get('/api/v1/incidents?pageSize=20&sort=id', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-encoding'], 'gzip');
  assert.equal(JSON.parse(response.body).data.length, 20);
});

test("nginx's proxy_cache keeps what Cache-Control allows and serves it again", async () => {
  const path = `/api/v1/countries?sort=-incidentCount&hasIncidents=true`;
  const first = await get(path);
  const second = await get(path);
  assert.equal(first.status, 200);
  assert.match(first.headers['cache-control'], /public, max-age=300/);
  assert.equal(second.headers['x-cache-status'], 'HIT');
  assert.equal(second.body, first.body);
});

test('paging links are absolute, built from the forwarded scheme and host', async () => {
  const response = await get('/api/v1/incidents?pageSize=2&sort=id');
  const origin = `http://${BASE.host}`;
  assert.ok(JSON.parse(response.body).links.next.startsWith(`${origin}/api/v1/incidents?`), response.body.slice(0, 300));
  assert.ok(response.headers.link.includes(`<${origin}/api/v1/incidents?`), response.headers.link);
});

test('a client-chosen host neither receives nor plants links to it', async () => {
  const evil = await get('/api/v1/incidents?pageSize=3&sort=id', { headers: { Host: 'evil.example' } });
  assert.equal(evil.status, 421);   // nginx serves only its own name
  const forged = await get('/api/v1/incidents?pageSize=3&sort=id', { headers: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'gopher' } });
  const plain = await get('/api/v1/incidents?pageSize=3&sort=id');
  for (const response of [forged, plain]) {
    assert.equal(response.status, 200);
    assert.ok(!response.body.includes('evil.example') && !response.headers.link.includes('evil.example'));
    assert.ok(!response.body.includes('gopher:'));
  }
});

test('a burst of 3,000 requests from three clients: the heavy one is limited, the light ones never are', async () => {
  // Distinct URLs (a new q each time) so nginx's cache never answers and every request meets the rate limiter.
  let n = 0;
  const url = () => `/api/v1/incidents?q=x${n++}&pageSize=1`;
  const tally = {};
  const record = (client, r) => {
    const t = (tally[client] ??= { requests: 0, statuses: {}, ms: [] });
    t.requests++;
    t.statuses[r.status] = (t.statuses[r.status] ?? 0) + 1;
    t.ms.push(r.ms);
    if (r.status === 429) assert.match(r.headers['retry-after'], /^\d+$/);
    if (r.status === 200 || r.status === 429) assert.match(r.headers.ratelimit, /^"per-client";r=\d+;t=\d+$/);
  };
  const started = performance.now();
  // The heavy client: 2,400 requests, 12 at a time, as fast as it can.
  const heavy = Array.from({ length: 12 }, async () => {
    for (let i = 0; i < 200; i++) record('heavy (127.0.0.2)', await get(url(), { from: '127.0.0.2' }));
  });
  // Two light clients: 300 requests each at about 8 a second, under the limit of one instance (10/s). Not 12/s against
  // the two instances' 20/s: two clients in step alternate with nginx's round robin, so each can land on one instance
  // every time (seen: 31 of 300 limited).
  const light = ['127.0.0.3', '127.0.0.4'].map(async (from) => {
    for (let i = 0; i < 300; i++) {
      const tick = performance.now();
      record(`light (${from})`, await get(url(), { from }));
      await new Promise((r) => setTimeout(r, Math.max(0, 125 - (performance.now() - tick))));
    }
  });
  await Promise.all([...heavy, ...light]);
  const seconds = (performance.now() - started) / 1000;

  const total = Object.values(tally).reduce((s, t) => s + t.requests, 0);
  console.log(`burst through nginx: ${total} requests in ${seconds.toFixed(1)} s from 3 clients`);
  for (const [client, t] of Object.entries(tally)) {
    const ms = t.ms.sort((a, b) => a - b);
    const p = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1);
    console.log(`  ${client}: ${t.requests} requests, statuses ${JSON.stringify(t.statuses)}, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`);
  }
  assert.equal(total, 3000);
  const heavyTally = tally['heavy (127.0.0.2)'];
  assert.ok((heavyTally.statuses[429] ?? 0) > 0, 'the heavy client was never limited');
  for (const client of ['light (127.0.0.3)', 'light (127.0.0.4)'])
    assert.deepEqual(Object.keys(tally[client].statuses), ['200'], `${client}: ${JSON.stringify(tally[client].statuses)}`);
  for (const t of Object.values(tally)) assert.ok(Object.keys(t.statuses).every((s) => s === '200' || s === '429'));
});
