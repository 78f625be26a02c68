/**
 * Prompt presets for the article's use cases, each with the check that decides, from the reply alone,
 * whether the model did what was asked. Creative writing has no automatic check: it is for reading.
 * Every preset is asked with temperature 0 and its own max-tokens cap (enough for a good answer).
 */

export type CheckSpec =
  | { kind: 'none' }
  | { kind: 'words'; max: number }
  | { kind: 'lines'; count: number; prefix: string }
  | { kind: 'number'; expected: number }
  | { kind: 'language'; lang: string; name: string }
  | { kind: 'json'; schema: Record<string, unknown> };

export interface Preset {
  id: string;
  /** Use case, as the article names it. */
  group: string;
  label: string;
  prompt: string;
  maxTokens: number;
  check: CheckSpec;
  /** The check in words, shown beside the preset. */
  rule: string;
}

const PASSAGE =
  'Lighthouses once depended on keepers who climbed the tower every evening to light oil lamps, trim wicks ' +
  'and polish the lenses that focused the beam. In the nineteenth century the Fresnel lens, built from rings ' +
  'of glass prisms, let a modest flame be seen more than twenty miles out to sea, and it spread to coasts ' +
  'around the world within a few decades. Electric lamps replaced oil in the early twentieth century, and ' +
  'automatic timers and light sensors followed. By the 1990s most lighthouses no longer had resident ' +
  'keepers; ships now navigate mainly by satellite positioning, and many towers survive as museums, holiday ' +
  'rentals or backup aids to navigation.';

const LANGUAGES: [lang: string, name: string][] = [
  ['fr', 'French'],
  ['es', 'Spanish'],
  ['de', 'German'],
  ['ru', 'Russian'],
  ['hi', 'Hindi'],
  ['ja', 'Japanese'],
];

export const JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['name', 'year', 'paradigms'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    year: { type: 'integer', minimum: 1950, maximum: 2030 },
    paradigms: { type: 'array', minItems: 2, items: { type: 'string', minLength: 1 } },
  },
};

export const PRESETS: readonly Preset[] = [
  {
    id: 'summary',
    group: 'Summarization',
    label: 'Summarize a paragraph in at most 40 words',
    prompt: `Summarize the following text in at most 40 words.\n\n${PASSAGE}`,
    maxTokens: 120,
    check: { kind: 'words', max: 40 },
    rule: 'the reply has at most 40 words',
  },
  {
    id: 'instructions',
    group: 'Instruction following',
    label: 'Exactly three lines, each starting with "- "',
    prompt:
      'Name three fruits that are red when ripe. Reply with exactly three lines, each starting with "- ", and nothing else.',
    maxTokens: 60,
    check: { kind: 'lines', count: 3, prefix: '- ' },
    rule: 'exactly three non-empty lines, each starting with "- "',
  },
  ...LANGUAGES.map(([lang, name]): Preset => ({
    id: `language-${lang}`,
    group: 'Multilingual',
    label: `Answer in ${name}`,
    prompt: `Reply only in ${name}, in two or three sentences: why do leaves change colour in autumn?`,
    maxTokens: 160,
    check: { kind: 'language', lang, name },
    rule: `the reply is identified as ${name}`,
  })),
  {
    id: 'reasoning',
    group: 'Multi-step reasoning',
    label: 'A word problem with a known answer (35)',
    prompt:
      'Tom has 3 boxes with 12 apples in each. He gives 7 apples to a neighbour, then buys 2 bags of 5 apples. ' +
      'He eats one apple a day for 4 days. How many apples does he have at the end? Think step by step, then ' +
      'state the final number.',
    maxTokens: 256,
    check: { kind: 'number', expected: 35 },
    rule: 'the number 35 appears in the reply',
  },
  {
    id: 'creative',
    group: 'Creative writing',
    label: "A four-line poem about a lighthouse keeper's last night",
    prompt: "Write a four-line poem about a lighthouse keeper's last night on duty.",
    maxTokens: 120,
    check: { kind: 'none' },
    rule: 'no automatic check: creative writing is for you to judge',
  },
  {
    id: 'json',
    group: 'Structured output',
    label: 'A JSON object that must match a schema',
    prompt:
      'Describe the programming language Python as a JSON object with exactly these fields: "name" (a string), ' +
      '"year" (the year of its first release, an integer) and "paradigms" (an array of at least two strings). ' +
      'Reply with the JSON object only.',
    maxTokens: 120,
    check: { kind: 'json', schema: JSON_SCHEMA },
    rule: 'the reply parses as JSON and matches the schema (JSON Schema 2020-12)',
  },
];

export const presetById = (id: string | undefined): Preset | undefined =>
  id === undefined ? undefined : PRESETS.find((p) => p.id === id);

/** The preset whose prompt this is, word for word (an edited prompt is no longer the preset). */
export const presetForPrompt = (text: string): Preset | undefined =>
  PRESETS.find((p) => p.prompt === text.trim());
