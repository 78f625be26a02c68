import { describe, expect, it } from 'vitest';
import {
  checkJson,
  checkLanguage,
  checkLines,
  checkNumber,
  checkReply,
  countWords,
  jsonText,
} from './checks';
import { JSON_SCHEMA, PRESETS, presetForPrompt } from './presets';

describe('presets', () => {
  it('cover the article’s use cases, at least five languages, two in non-Latin scripts', () => {
    const groups = new Set(PRESETS.map((p) => p.group));
    for (const g of [
      'Summarization',
      'Instruction following',
      'Multilingual',
      'Multi-step reasoning',
      'Creative writing',
      'Structured output',
    ])
      expect(groups).toContain(g);
    const langs = PRESETS.flatMap((p) => (p.check.kind === 'language' ? [p.check.lang] : []));
    expect(langs.length).toBeGreaterThanOrEqual(5);
    expect(langs.filter((l) => ['ru', 'hi', 'ja'].includes(l)).length).toBeGreaterThanOrEqual(2);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('are recognised by their exact prompt only', () => {
    const p = PRESETS[0];
    expect(p && presetForPrompt(`  ${p.prompt}\n`)?.id).toBe(p?.id);
    expect(p && presetForPrompt(`${p.prompt} Please.`)).toBeUndefined();
  });
});

describe('word and line checks', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('Lighthouses — once kept by hand — are now automatic, mostly.')).toBe(9);
    expect(countWords('  ')).toBe(0);
  });

  it('passes a summary within the limit, fails a long or empty one', async () => {
    const spec = { kind: 'words', max: 5 } as const;
    expect((await checkReply(spec, 'Keepers gave way to automation.')).verdict).toBe('pass');
    expect(await checkReply(spec, 'one two three four five six')).toEqual({
      verdict: 'fail',
      detail: '6 words (limit 5)',
    });
    expect((await checkReply(spec, '')).verdict).toBe('fail');
  });

  it('passes exactly three "- " lines and nothing else', () => {
    expect(checkLines('- cherry\n- strawberry\n\n- raspberry\n', 3, '- ').verdict).toBe('pass');
    expect(checkLines('Here you go:\n- cherry\n- strawberry\n- raspberry', 3, '- ')).toEqual({
      verdict: 'fail',
      detail: '4 non-empty lines, 1 not starting with "- " (asked: 3)',
    });
    expect(checkLines('* cherry\n* strawberry\n* raspberry', 3, '- ').verdict).toBe('fail');
  });
});

describe('checkNumber', () => {
  it('finds the expected number as a number, not inside another one', () => {
    expect(checkNumber('36 − 7 = 29, 29 + 10 = 39, 39 − 4 = 35. He has 35 apples.', 35).verdict).toBe('pass');
    expect(checkNumber('He has 1,035 apples, or 135.', 35)).toEqual({
      verdict: 'fail',
      detail: '35 not found (last number: 135)',
    });
    expect(checkNumber('thirty-five', 35).detail).toBe('no number in the reply (expected 35)');
  });
});

describe('checkJson', () => {
  const ok = '{"name": "Python", "year": 1991, "paradigms": ["object-oriented", "functional"]}';
  it('passes JSON that matches the schema, bare or in one code block', async () => {
    expect(await checkJson(ok, JSON_SCHEMA)).toEqual({
      verdict: 'pass',
      detail: 'valid JSON, matches the schema',
    });
    expect((await checkJson(`Here it is:\n\`\`\`json\n${ok}\n\`\`\``, JSON_SCHEMA)).detail).toBe(
      'valid JSON (from its code block), matches the schema',
    );
  });

  it('fails text that is not JSON, and JSON that breaks the schema, saying where', async () => {
    expect((await checkJson('Python was released in 1991.', JSON_SCHEMA)).detail).toMatch(/^not JSON \(/);
    const wrongType = await checkJson(
      '{"name": "Python", "year": "1991", "paradigms": ["a", "b"]}',
      JSON_SCHEMA,
    );
    expect(wrongType.verdict).toBe('fail');
    expect(wrongType.detail).toContain('/year: Instance type "string" is invalid. Expected "integer".');
    const extra = await checkJson(
      '{"name": "Python", "year": 1991, "paradigms": ["a", "b"], "x": 1}',
      JSON_SCHEMA,
    );
    expect(extra.verdict).toBe('fail');
    const few = await checkJson('{"name": "Python", "year": 1991, "paradigms": ["a"]}', JSON_SCHEMA);
    expect(few.detail).toContain('/paradigms');
  });

  it('takes the whole reply when there is not exactly one code block', () => {
    expect(jsonText('```\n{}\n```\n```\n[]\n```').fenced).toBe(false);
  });
});

describe('checkLanguage', () => {
  const replies: [string, string, string][] = [
    [
      'fr',
      'French',
      'Les feuilles changent de couleur en automne parce que les arbres cessent de produire de la chlorophylle.',
    ],
    ['es', 'Spanish', 'Las hojas cambian de color en otoño porque los árboles dejan de producir clorofila.'],
    ['de', 'German', 'Die Blätter verfärben sich im Herbst, weil die Bäume kein Chlorophyll mehr bilden.'],
    ['ru', 'Russian', 'Листья меняют цвет осенью, потому что деревья перестают вырабатывать хлорофилл.'],
    ['hi', 'Hindi', 'पतझड़ में पत्तों का रंग बदल जाता है क्योंकि पेड़ क्लोरोफिल बनाना बंद कर देते हैं।'],
    ['ja', 'Japanese', '秋になると木が葉緑素を作らなくなるため、葉の色が変わります。'],
  ];

  it.each(replies)('identifies a reply in %s', async (lang, name, text) => {
    expect(await checkLanguage(text, lang, name)).toEqual({
      verdict: 'pass',
      detail: `identified as ${name} (${lang})`,
    });
  });

  it('fails a reply in another language, or too short to tell', async () => {
    const en = await checkLanguage(
      'Leaves change colour in autumn because trees stop making chlorophyll.',
      'fr',
      'French',
    );
    expect(en).toEqual({ verdict: 'fail', detail: 'identified as English (en), asked: French' });
    expect((await checkLanguage('Oui.', 'fr', 'French')).detail).toBe(
      'too little text to identify its language',
    );
    expect((await checkLanguage(replies[4]?.[2] ?? '', 'ja', 'Japanese')).verdict).toBe('fail');
  });

  it('every multilingual preset asks for a language the identifier knows', async () => {
    const { supportedLanguages, toISO3 } = await import('tinyld/light');
    for (const p of PRESETS)
      if (p.check.kind === 'language') expect(supportedLanguages).toContain(toISO3(p.check.lang));
  });
});

describe('creative writing', () => {
  it('has no automatic check, and says so', async () => {
    const creative = PRESETS.find((p) => p.group === 'Creative writing');
    expect(creative && (await checkReply(creative.check, 'A poem'))).toEqual({
      verdict: 'none',
      detail: 'no automatic check (creative writing): judge it yourself',
    });
  });
});
