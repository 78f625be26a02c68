import { describe, expect, it } from 'vitest';
import { allowHtml, allowScriptUrl } from './trusted-types';

const page = 'http://127.0.0.1:4173/?a=x';

describe('the default Trusted Types policy', () => {
  it('lets through script URLs of this origin only', () => {
    expect(allowScriptUrl('/assets/worker-abc.js', page)).toBe('/assets/worker-abc.js');
    expect(allowScriptUrl('http://127.0.0.1:4173/assets/w.js', page)).toBe(
      'http://127.0.0.1:4173/assets/w.js',
    );
    expect(allowScriptUrl('blob:http://127.0.0.1:4173/5e1c', page)).toBe('blob:http://127.0.0.1:4173/5e1c');
    for (const bad of [
      'https://evil.example/w.js',
      '//evil.example/w.js',
      'http://127.0.0.1:4174/w.js',
      'blob:https://evil.example/5e1c',
      'data:text/javascript,alert(1)',
      'javascript:alert(1)',
    ])
      expect(allowScriptUrl(bad, page), bad).toBeNull();
  });

  it('lets through HTML that is one named character reference, and no markup', () => {
    expect(allowHtml('&copy;')).toBe('&copy;');
    expect(allowHtml('&CounterClockwiseContourIntegral;')).toBe('&CounterClockwiseContourIntegral;');
    for (const bad of [
      '<b>x</b>',
      '&copy;<img src=x onerror=alert(1)>',
      '&#60;',
      '&;',
      'text',
      '<script></script>',
    ])
      expect(allowHtml(bad), bad).toBeNull();
  });
});
