/**
 * What the entry HTML loads up front, gzipped (as scripts/check-bundle.mjs counts it), the main entry chunk
 * on its own, and whether either inference runtime made it in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  mainFile: string;
  mainBytes: number;
  mainGzipBytes: number;
  /** Every JS and CSS file index.html loads up front (scripts, module preloads, stylesheets). */
  upFrontGzipBytes: number;
  upFrontJsGzipBytes: number;
  upFront: BundleFile[];
  /** Whether web-llm or wllama code is in anything loaded up front. */
  runtimesInMain: boolean;
  runtimesFound: string[];
}

const RUNTIME_MARKERS = [
  ['web-llm', 'MLCEngine'],
  ['wllama', 'WllamaError'],
] as const;

export function bundleReport(outDir: string): BundleReport {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const main = /<script[^>]*type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!main) throw new Error(`no module script in ${join(outDir, 'index.html')}`);
  // A disabled link (the inlined stylesheet's marker, build/csp.ts) is never fetched.
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"(?! disabled)/g)].map(
    (m) => m[1] ?? '',
  );
  const upFront: BundleFile[] = [];
  const runtimesFound = new Set<string>();
  for (const file of new Set(refs)) {
    const code = readFileSync(join(outDir, file));
    upFront.push({ file, bytes: code.length, gzipBytes: gzipSync(code).length });
    const text = code.toString('utf8');
    for (const [name, marker] of RUNTIME_MARKERS) if (text.includes(marker)) runtimesFound.add(name);
  }
  // The stylesheet the build inlined (build/csp.ts) is up-front CSS too: counted as a file of its own.
  for (const [i, m] of [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].entries()) {
    const css = Buffer.from(m[1] ?? '', 'utf8');
    upFront.push({
      file: `index.html <style> ${i + 1}.css`,
      bytes: css.length,
      gzipBytes: gzipSync(css).length,
    });
  }
  const mainEntry = upFront.find((f) => f.file === main);
  if (!mainEntry) throw new Error(`main chunk ${main} not found`);
  const sum = (fs: BundleFile[]): number => fs.reduce((a, f) => a + f.gzipBytes, 0);
  return {
    mainFile: main,
    mainBytes: mainEntry.bytes,
    mainGzipBytes: mainEntry.gzipBytes,
    upFrontGzipBytes: sum(upFront),
    upFrontJsGzipBytes: sum(upFront.filter((f) => f.file.endsWith('.js'))),
    upFront,
    runtimesInMain: runtimesFound.size > 0,
    runtimesFound: [...runtimesFound],
  };
}
