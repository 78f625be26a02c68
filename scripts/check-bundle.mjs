#!/usr/bin/env node
// Prints the main chunk and what the entry HTML loads up front, gzipped; fails when a runtime is in it
// or when it passes the budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Issue 5 target: everything the entry HTML loads before first paint ≤ 150 KB gzip.
const BUDGET = 150 * 1024;
const dist = process.env.TANDEM_OUT ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = 0;
let failed = false;
for (const ref of refs) {
  const code = readFileSync(join(dist, ref));
  const gz = gzipSync(code).length;
  total += gz;
  console.log(`up front: ${ref}  ${(code.length / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB`);
  const text = code.toString('utf8');
  for (const [name, marker] of [
    ['web-llm', 'MLCEngine'],
    ['wllama', 'WllamaError'],
  ]) {
    if (text.includes(marker)) {
      console.error(`✘ ${name} is in the up-front bundle (${ref})`);
      failed = true;
    }
  }
}
console.log(`up-front JS+CSS gzip total: ${(total / 1024).toFixed(1)} KB (budget ${BUDGET / 1024} KB)`);
const assets = readdirSync(join(dist, 'assets'));
console.log(
  `runtime chunks (loaded lazily in the worker): ${assets.filter((a) => /^(lib|esm|wllama)/.test(a)).join(', ')}`,
);
if (total > BUDGET) {
  console.error('✘ up-front bundle over budget');
  failed = true;
}
process.exit(failed ? 1 : 0);
