import { describe, expect, it } from 'vitest';
import { isLoopbackHost, originMatches, parseOriginList } from './remote-origins';
import { checkRemoteUrl, REMOTE_ORIGINS } from './remote-url';

const HTTP_PAGE = 'http://127.0.0.1:4173/';
const HTTPS_PAGE = 'https://tandem.example/';

describe('remote origins', () => {
  it('allows local servers on any port by default', () => {
    expect(REMOTE_ORIGINS).toEqual(expect.arrayContaining(['http://localhost:*', 'http://127.0.0.1:*']));
    expect(checkRemoteUrl('http://127.0.0.1:11434/v1', HTTP_PAGE)).toEqual({
      ok: true,
      baseUrl: 'http://127.0.0.1:11434/v1',
      host: '127.0.0.1:11434',
    });
    expect(checkRemoteUrl('http://localhost:8000/v1/', HTTP_PAGE)).toMatchObject({
      ok: true,
      baseUrl: 'http://localhost:8000/v1',
    });
  });

  it('adds /v1 to a bare host and drops query and fragment', () => {
    expect(checkRemoteUrl('http://127.0.0.1:11434', HTTP_PAGE)).toMatchObject({
      baseUrl: 'http://127.0.0.1:11434/v1',
    });
    expect(checkRemoteUrl('http://127.0.0.1:8080/v1?x=1#y', HTTP_PAGE)).toMatchObject({
      baseUrl: 'http://127.0.0.1:8080/v1',
    });
  });

  it('refuses other hosts up front, saying which are allowed and how a deployer adds more', () => {
    const r = checkRemoteUrl('http://10.0.0.5:8000/v1', HTTP_PAGE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/http:\/\/10\.0\.0\.5:8000 is not a server.*TANDEM_REMOTE_ORIGINS/);
    expect(checkRemoteUrl('https://api.example.com/v1', HTTP_PAGE, ['https://*.example.com'])).toMatchObject({
      ok: true,
    });
  });

  it('mixed content: an https page may not call plain http on a non-local host, with the reason', () => {
    const r = checkRemoteUrl('http://llm.lab.example:8000/v1', HTTPS_PAGE, ['http://llm.lab.example:8000']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/mixed content/);
    // Local servers are "potentially trustworthy": allowed over http even from an https page.
    expect(checkRemoteUrl('http://127.0.0.1:11434/v1', HTTPS_PAGE)).toMatchObject({ ok: true });
    expect(
      checkRemoteUrl('https://llm.lab.example:8000/v1', HTTPS_PAGE, ['https://llm.lab.example:8000']),
    ).toMatchObject({
      ok: true,
    });
  });

  it('refuses credentials in the address, non-http schemes and non-addresses', () => {
    expect(checkRemoteUrl('http://user:secret@127.0.0.1:8000/v1', HTTP_PAGE)).toMatchObject({ ok: false });
    expect(checkRemoteUrl('ftp://127.0.0.1/v1', HTTP_PAGE)).toMatchObject({ ok: false });
    expect(checkRemoteUrl('not a url', HTTP_PAGE)).toMatchObject({ ok: false });
    expect(checkRemoteUrl('  ', HTTP_PAGE)).toMatchObject({ ok: false });
  });

  it('parses a deployer’s list and reports what is not an origin', () => {
    expect(parseOriginList('https://llm.example.com, http://10.0.0.5:8000  https://*.corp.example/')).toEqual(
      {
        origins: ['https://llm.example.com', 'http://10.0.0.5:8000', 'https://*.corp.example'],
        invalid: [],
      },
    );
    expect(parseOriginList('https://x.example/path ftp://y *').invalid).toEqual([
      'https://x.example/path',
      'ftp://y',
      '*',
    ]);
    expect(parseOriginList(undefined)).toEqual({ origins: [], invalid: [] });
  });

  it('matches like CSP: exact host, *. subdomains, ports, http covering https', () => {
    const u = (s: string) => new URL(s);
    expect(originMatches('https://*.example.com', u('https://a.example.com/v1'))).toBe(true);
    expect(originMatches('https://*.example.com', u('https://example.com/v1'))).toBe(false);
    expect(originMatches('https://llm.example.com', u('https://llm.example.com:8443/v1'))).toBe(false);
    expect(originMatches('https://llm.example.com', u('https://llm.example.com:443/v1'))).toBe(true);
    expect(originMatches('http://127.0.0.1:*', u('https://127.0.0.1:9/'))).toBe(true);
    expect(originMatches('http://127.0.0.1:8000', u('http://127.0.0.1:8001/'))).toBe(false);
    expect(isLoopbackHost('127.3.2.1')).toBe(true);
    expect(isLoopbackHost('localhost.evil.com')).toBe(false);
  });
});
