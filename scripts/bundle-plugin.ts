/**
 * Bundles the plugin's entry (dist/index.js, as tsc wrote it) into one module in its place, after
 * `tsc -p tsconfig.build.json`: ESLint imports the plugin in every editor start and CI job, and one
 * module loads in about half the time of the forty it is made of (docs/performance.md). The
 * functions that every linted file runs get compile hints (compile-hints.ts, lint-time-functions.ts).
 * The other files of dist/ stay: the type declarations, and the modules loaded on demand.
 *
 *   node dist/scripts/bundle-plugin.js
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rolldown/parseAst';
import { build } from 'rolldown';
import { addCompileHints } from './compile-hints.js';
import { lintTimeFunctions } from './lint-time-functions.js';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(DIST, 'index.js');
/** Loaded on demand (with zod) to validate a spec that settings name: a module of its own, found relative to itself. */
const SPEC_MODULE_LOADER = path.join(DIST, 'rules', 'utils', 'spec-module.js');
/** The folder the samples that decide the compile hints are linted in (for its enum module). */
const EXAMPLE = path.resolve(DIST, '..', 'examples', 'kakao-client');

export async function bundlePlugin(): Promise<void> {
  const bundled = path.join(DIST, 'index.bundle.js');
  try {
    await build({
      input: ENTRY,
      platform: 'node',
      // Dependencies stay imports, so they dedupe with a project's own copies.
      external: (id, _importer, isResolved) => (isResolved ? id === SPEC_MODULE_LOADER : !id.startsWith('.') && !path.isAbsolute(id)),
      output: { file: bundled, format: 'esm' },
      logLevel: 'warn',
    });
    const source = readFileSync(bundled, 'utf8');
    const { code, hinted, kept } = addCompileHints(source, await lintTimeFunctions(bundled, EXAMPLE));
    if (hinted === 0) throw new Error(`${bundled}: no function got a compile hint; the samples' lint ran none of the bundle`);
    // What is written must still be a module: the rewrites are checked by parsing their result.
    parseAst(code, { sourceType: 'module' });
    writeFileSync(ENTRY, code);
    if (process.env['KAKAO_BUNDLE_VERBOSE']) console.log(`compile hints: ${hinted} functions; kept lazily compiled: ${JSON.stringify(kept)}`);
  } finally {
    rmSync(bundled, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundlePlugin();
}
