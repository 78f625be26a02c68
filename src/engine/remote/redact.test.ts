import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from './redact';
import { retryAfterSeconds, serverMessage } from './http';

describe('redact', () => {
  it('removes the key, Bearer credentials and Authorization values', () => {
    const key = 'sk-abc123';
    expect(redact(`key sk-abc123 was wrong`, key)).toBe('key [key removed] was wrong');
    expect(redact('{"authorization":"Bearer other-token"}', null)).not.toContain('other-token');
    expect(redact('Authorization: Basic dXNlcjpwYXNz\r\nHost: x', null)).not.toContain('dXNlcjpwYXNz');
    expect(redact('header Bearer xyz.123 sent', null)).toBe('header Bearer [key removed] sent');
  });

  it('no key survives, wherever it sits in the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 8 }), fc.string(), (before, key, after) => {
        expect(redact(`${before}${key}${after}`, key)).not.toContain(key);
      }),
    );
  });
});

describe('server answers', () => {
  it('reads an OpenAI-style error message, or the text itself', () => {
    expect(serverMessage('{"error":{"message":"Invalid API Key","type":"authentication_error"}}')).toBe(
      'Invalid API Key',
    );
    expect(serverMessage('{"error":"model not found"}')).toBe('model not found');
    expect(serverMessage('{"detail":"Not Found"}')).toBe('Not Found');
    expect(serverMessage('<h1>502   Bad Gateway</h1>')).toBe('<h1>502 Bad Gateway</h1>');
  });

  it('Retry-After: seconds, an HTTP date, or a "try again in" in the body', () => {
    expect(retryAfterSeconds('7', '')).toBe(7);
    expect(
      retryAfterSeconds('Wed, 21 Oct 2015 07:28:30 GMT', '', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(30);
    expect(retryAfterSeconds(null, 'Rate limit reached. Please try again in 1.5s.')).toBe(2);
    expect(retryAfterSeconds(null, 'try again in 300ms')).toBe(1);
    expect(retryAfterSeconds(null, 'slow down')).toBeNull();
  });
});
