import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeManifest, isContainedPath, parseTensorCache, totalBytes } from './manifest';
import { fileUrl } from './urls';

const good = {
  metadata: { ParamBytes: 30 },
  records: [
    { dataPath: 'params_shard_0.bin', format: 'raw-shard', nbytes: 10, records: [] },
    { dataPath: 'params_shard_1.bin', format: 'raw-shard', nbytes: 20, records: [] },
  ],
};

describe('parseTensorCache', () => {
  it('keeps dataPath and nbytes of every shard and sums the bytes', () => {
    const r = parseTensorCache(good);
    expect(r).toEqual({
      ok: true,
      manifest: {
        records: [
          { dataPath: 'params_shard_0.bin', nbytes: 10 },
          { dataPath: 'params_shard_1.bin', nbytes: 20 },
        ],
      },
    });
    expect(r.ok && totalBytes(r.manifest)).toBe(30);
  });

  it.each([
    ['not an object', [], 'no "records" list'],
    ['no records', { metadata: {} }, 'no "records" list'],
    ['a record that is not an object', { records: [3] }, 'record 0 is not an object'],
    ['a record without dataPath', { records: [{ nbytes: 1 }] }, 'record 0 has no dataPath'],
    // The storage panel's old reader let these through as "size unknown"; a shard of unknown size can
    // never be checked, so it can never count as complete.
    ['a record without nbytes', { records: [{ dataPath: 'a' }] }, 'record 0 (a) has no valid nbytes'],
    ['a negative size', { records: [{ dataPath: 'a', nbytes: -1 }] }, 'has no valid nbytes'],
    ['a fractional size', { records: [{ dataPath: 'a', nbytes: 1.5 }] }, 'has no valid nbytes'],
    ['a size as text', { records: [{ dataPath: 'a', nbytes: '1' }] }, 'has no valid nbytes'],
    ['an unsafe size', { records: [{ dataPath: 'a', nbytes: 2 ** 53 }] }, 'has no valid nbytes'],
    // …and these it merged silently; web-llm would fetch the file twice.
    [
      'a duplicate shard',
      {
        records: [
          { dataPath: 'a', nbytes: 1 },
          { dataPath: 'a', nbytes: 1 },
        ],
      },
      'a is listed twice',
    ],
    [
      'an absolute URL',
      { records: [{ dataPath: 'https://evil.example/x.bin', nbytes: 1 }] },
      'points outside',
    ],
    ['a climb out of the base', { records: [{ dataPath: '../other/x.bin', nbytes: 1 }] }, 'points outside'],
  ])('rejects %s, saying why', (_why, json, reason) => {
    const r = parseTensorCache(json);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });

  it('rejects bytes that are not JSON, and reads text and bytes alike', () => {
    expect(decodeManifest('<html>rate limited</html>')).toEqual({
      ok: false,
      reason: 'tensor-cache.json is not valid JSON',
    });
    const text = JSON.stringify(good);
    expect(decodeManifest(new TextEncoder().encode(text))).toEqual(decodeManifest(text));
  });
});

describe('isContainedPath', () => {
  it.each([
    ['params_shard_0.bin', true],
    ['sub/params_shard_0.bin', true],
    ['x%2Fy.bin', true],
    ['/abs.bin', false],
    ['./a.bin', false],
    ['a/../../b.bin', false],
    ['%2e%2e/b.bin', false],
    ['.%2E/b.bin', false],
    ['a//b.bin', false],
    ['a\\..\\b.bin', false],
    ['.\t./b.bin', false],
    ['data:,x', false],
    ['a.bin?x=1', false],
    ['', false],
  ])('%j → %s', (p, want) => {
    expect(isContainedPath(p)).toBe(want);
  });

  it('every path it accepts resolves under the base', () => {
    const base = 'https://huggingface.co/u/m/resolve/main/';
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (p) => {
        if (isContainedPath(p)) expect(fileUrl(base, p).startsWith(base)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseTensorCache, properties', () => {
  const shardName = fc.stringMatching(/^[a-z0-9_]{1,12}\.bin$/);
  const record = fc.record({ dataPath: shardName, nbytes: fc.nat({ max: 2 ** 40 }) });
  const records = fc.uniqueArray(record, { selector: (r) => r.dataPath, maxLength: 20 });

  it('gives back exactly the dataPath and nbytes of any valid manifest, extra fields ignored', () => {
    fc.assert(
      fc.property(records, fc.dictionary(fc.string(), fc.jsonValue()), (rs, extra) => {
        const json = { ...extra, records: rs.map((r) => ({ ...r, format: 'raw-shard', records: [] })) };
        const got = decodeManifest(JSON.stringify(json));
        expect(got).toEqual({ ok: true, manifest: { records: rs } });
        expect(got.ok && totalBytes(got.manifest)).toBe(rs.reduce((n, r) => n + r.nbytes, 0));
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (j) => {
        const r = parseTensorCache(j);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
    fc.assert(fc.property(fc.string(), (s) => void decodeManifest(s)));
  });

  it('rejects a manifest as soon as one record loses its size', () => {
    fc.assert(
      fc.property(
        records.filter((rs) => rs.length > 0),
        fc.nat(),
        (rs, k) => {
          const i = k % rs.length;
          const broken = rs.map((r, j) => (j === i ? { dataPath: r.dataPath } : r));
          const got = parseTensorCache({ records: broken });
          expect(got).toEqual({ ok: false, reason: expect.stringContaining(`record ${i} (`) as unknown });
        },
      ),
    );
  });
});
