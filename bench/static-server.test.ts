import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticSite } from './static-server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request (fetch would decompress and hide what was sent). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

let dir = '';
let site: StaticSite;
const js = 'export const x = 1;\n'.repeat(200);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-server-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><p>home</p>');
  writeFileSync(join(dir, 'page.html'), '<p>page</p>');
  writeFileSync(join(dir, '404.html'), '<p>missing</p>');
  writeFileSync(join(dir, 'docs', 'index.html'), '<p>docs</p>');
  writeFileSync(join(dir, 'assets', 'app.js'), js);
  writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  site = await serveStatic(dir);
});

afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('serves a site at the root of its own origin on 127.0.0.1', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(site.files).toBe(6);
    const home = await get(`${site.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.body.toString()).toContain('home');
    expect((await get(`${site.url}/docs/`)).body.toString()).toContain('docs');
    expect((await get(`${site.url}/page`)).body.toString()).toContain('page');
  });

  it('sends gzip when the browser accepts it, and the bytes as they are otherwise', async () => {
    const gz = await get(`${site.url}/assets/app.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(gz.body.length).toBeLessThan(js.length / 10);
    expect(gunzipSync(gz.body).toString()).toBe(js);
    const plain = await get(`${site.url}/assets/app.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
  });

  it('does not gzip formats that are compressed already', async () => {
    const png = await get(`${site.url}/logo.png`, { 'Accept-Encoding': 'gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('sends no security headers, for any site', async () => {
    const home = await get(`${site.url}/`);
    for (const h of ['content-security-policy', 'cross-origin-opener-policy', 'cross-origin-embedder-policy'])
      expect(home.headers[h]).toBeUndefined();
  });

  it('answers 404 with the site’s own page, 405 to other methods, and never leaves the folder', async () => {
    const missing = await get(`${site.url}/nope.js`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('missing');
    expect((await get(`${site.url}/../../etc/passwd`)).status).toBe(404);
    expect((await get(`${site.url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await get(`${site.url}/`, {}, 'POST')).status).toBe(405);
    const head = await get(`${site.url}/`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});
