/**
 * The benchmark corpus: the `src/` folders of npm packages pinned as devDependencies (real
 * TypeScript that is not ours). Paths come from each package's package.json, resolved by Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

/** The rule our three are compared with. */
export const PEER_RULE = '@typescript-eslint/no-magic-numbers';
/** The enum module the benchmarks' settings name (the repository's own generated module). */
export const ENUM_MODULE = './generated/kakao-error-codes';

/**
 * ESLint over the corpus with each rule's time in its stats: the corpus lives in node_modules,
 * which ESLint ignores by default, and its own disable directives are not ours to report.
 */
export function corpusESLint(configs) {
  return new ESLint({
    cwd: benchDir() ?? ROOT,
    overrideConfigFile: true,
    stats: true,
    overrideConfig: [{ ignores: ['!**/node_modules/'] }, { linterOptions: { reportUnusedDisableDirectives: 'off' } }, ...configs],
  });
}

/**
 * The built plugin: dist/index.js, or $KAKAO_PLUGIN_DIST/index.js (to compare another build of the
 * rules, e.g. a prototype, with the same benchmark).
 */
export function pluginEntry() {
  return path.join(process.env.KAKAO_PLUGIN_DIST ? path.resolve(process.env.KAKAO_PLUGIN_DIST) : path.join(ROOT, 'dist'), 'index.js');
}

export const CORPUS_PACKAGES = ['rxjs', 'zod', 'effect'];
const TS_FILE = /\.[cm]?tsx?$/u;

/** The root folder of an installed package (from its package.json). */
export function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`));
}

export function packageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

function listFiles(dir, test) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && test.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** `{ name, version, dir, files }` per package, `files` absolute and sorted. */
export function corpus(names = CORPUS_PACKAGES) {
  return names.map((name) => {
    const dir = path.join(packageDir(name), 'src');
    return { name, version: packageVersion(name), dir, files: listFiles(dir, TS_FILE) };
  });
}

/**
 * $KAKAO_BENCH_DIR: a folder of TypeScript sources that is not in the corpus (a project of the
 * reader's), linted in its place and from it as the working directory; its node_modules are left out.
 */
export function benchDir() {
  return process.env.KAKAO_BENCH_DIR ? path.resolve(process.env.KAKAO_BENCH_DIR) : undefined;
}

/**
 * The folder $KAKAO_BENCH_DIR names, as one package; else the packages $KAKAO_BENCH_PACKAGES names
 * (`rxjs` or `rxjs,zod`: a project of small files); else all of them.
 */
export function selectedCorpus() {
  const dir = benchDir();
  if (dir) {
    const files = listFiles(dir, TS_FILE).filter((file) => !file.split(path.sep).includes('node_modules'));
    if (files.length === 0) throw new Error(`KAKAO_BENCH_DIR: no TypeScript file in ${dir}`);
    return [{ name: path.basename(dir), version: 'local', dir, files }];
  }
  return corpus(process.env.KAKAO_BENCH_PACKAGES ? process.env.KAKAO_BENCH_PACKAGES.split(',') : undefined);
}

export function countLines(files) {
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    if (text.endsWith('\n')) count--;
    lines += count;
  }
  return lines;
}
