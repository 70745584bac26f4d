/**
 * A/B of the rules' own time between builds, without the parser in the measurement:
 *
 *   node --expose-gc --max-old-space-size=7000 bench/rules-ab.js [rounds] <dist> [<dist> ...]
 *
 * Each file of the corpus (every `$EVERY`th file, default 2) is parsed once and the parse is reused,
 * so a round lints only. Rounds alternate the builds; the line per build is its fastest round
 * (scheduling and GC pauses only ever add time). With `COLD=1` the parse pass runs without rules and
 * each build gets one pass: its code is cold, as in bench/lint.js (run one build per process then).
 * Config (c) of bench/lint.js: our rules with `scope: 'all'` (`SCOPE=default` for the default) and
 * no-magic-numbers.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';
import { corpus, corpusESLint, ENUM_MODULE, PEER_RULE } from './corpus.js';

const [roundsArg, ...distArgs] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 3);
const dists = distArgs.length > 0 ? distArgs : ['dist'];
const every = Number(process.env.EVERY ?? 2);
const kakao = { enumModule: ENUM_MODULE, ...(process.env.SCOPE === 'default' ? {} : { scope: 'all' }) };

const parses = new Map();
const cachedParser = {
  meta: { name: 'cached-typescript-eslint-parser' },
  parseForESLint(code, options) {
    const key = `${options.filePath}\0${code}`;
    let result = parses.get(key);
    if (!result) parses.set(key, (result = tsParser.parseForESLint(code, options)));
    return result;
  },
};

const files = corpus()
  .flatMap((p) => p.files)
  .filter((_, i) => i % every === 0);

function createESLint(plugin, rules) {
  return corpusESLint([
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: cachedParser },
      plugins: plugin ? { kakao: plugin, '@typescript-eslint': tseslint.plugin } : {},
      settings: { kakao },
      rules,
    },
  ]);
}

const builds = [];
for (const dist of dists) {
  const plugin = (await import(pathToFileURL(path.resolve(dist, 'index.js')).href)).default;
  const ours = Object.keys(plugin.rules).map((name) => `kakao/${name}`);
  const rules = { ...Object.fromEntries(ours.map((id) => [id, 'error'])), [PEER_RULE]: 'error' };
  builds.push({ dist, ours, eslint: createESLint(plugin, rules), best: undefined });
}

// The parse pass: with the first build's rules, or with none (COLD=1).
await (process.env.COLD ? createESLint(undefined, {}) : builds[0].eslint).lintFiles(files);

for (let round = 0; round < (process.env.COLD ? 1 : rounds); round++) {
  for (const build of builds) {
    globalThis.gc?.();
    const results = await build.eslint.lintFiles(files);
    const ms = {};
    for (const result of results) {
      for (const pass of result.stats?.times.passes ?? []) {
        for (const [id, time] of Object.entries(pass.rules ?? {})) ms[id] = (ms[id] ?? 0) + time.total;
      }
    }
    const ours = build.ours.reduce((sum, id) => sum + (ms[id] ?? 0), 0);
    if (!build.best || ours < build.best.ours) build.best = { ours, perRule: build.ours.map((id) => ms[id] ?? 0), peer: ms[PEER_RULE] };
  }
}

for (const { dist, ours, best } of builds) {
  const perRule = ours.map((id, i) => `${id.replace('kakao/', '')} ${best.perRule[i].toFixed(1)}`).join(', ');
  console.log(
    `${dist}: ${files.length} files, ours ${best.ours.toFixed(1)} ms (${perRule}), ${PEER_RULE} ${best.peer.toFixed(1)} ms, ratio ${(best.ours / best.peer).toFixed(3)}`,
  );
}
