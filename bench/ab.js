/**
 * Two builds of the plugin in one ESLint run over the corpus, configuration (c) of bench/lint.js
 * (`scope: 'all'` and no-magic-numbers), to compare a change under the same GC and machine load:
 *
 *   node --expose-gc bench/ab.js <distA> <distB>
 *   node --expose-gc --cpu-prof --cpu-prof-interval 100 bench/ab.js <distA> <distB>
 *
 * The builds are registered as the plugins `A` and `B`; half the files run A's rules first, half
 * B's (the first rule of a file pays for its first contact). Prints each build's rule time, its
 * ratio to no-magic-numbers, and per file the median and the ten most expensive files' share (a
 * run's spikes: GC pauses and descheduling that land in a rule). Under --cpu-prof, sum each build's
 * samples (frames whose URL is under its directory) for CPU time without those spikes.
 * $KAKAO_BENCH_PACKAGES (`rxjs`) compares the builds on those packages of the corpus only;
 * $KAKAO_BENCH_TOP (`12`) lists that many of A's most expensive files, with B's and the peer's time
 * on each (the first file of a run pays each build's one-time set-up).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';
import { corpusESLint, ENUM_MODULE, PEER_RULE, ROOT, selectedCorpus } from './corpus.js';

const dists = process.argv.slice(2);
if (dists.length !== 2) throw new Error('usage: node --expose-gc bench/ab.js <distA> <distB>');
const [A, B] = await Promise.all(dists.map(async (dist) => (await import(pathToFileURL(path.resolve(dist, 'index.js')).href)).default));
const ruleNames = Object.keys(A.rules);
const on = (namespace) => Object.fromEntries(ruleNames.map((name) => [`${namespace}/${name}`, 'error']));

const files = selectedCorpus().flatMap((p) => p.files);
const relative = (file) => path.relative(ROOT, file);
const shared = {
  languageOptions: { parser: tsParser },
  plugins: { A, B, '@typescript-eslint': tseslint.plugin },
  settings: { kakao: { scope: 'all', enumModule: ENUM_MODULE } },
};
const eslint = corpusESLint([
  { ...shared, files: files.filter((_, i) => i % 2 === 0).map(relative), rules: { ...on('A'), ...on('B'), [PEER_RULE]: 'error' } },
  { ...shared, files: files.filter((_, i) => i % 2 === 1).map(relative), rules: { ...on('B'), ...on('A'), [PEER_RULE]: 'error' } },
]);

globalThis.gc?.();
const results = await eslint.lintFiles(files);
const perFile = { A: [], B: [], peer: [] };
const fileRows = [];
const byRule = {};
for (const result of results) {
  const file = { A: 0, B: 0, peer: 0 };
  for (const pass of result.stats?.times.passes ?? []) {
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
      byRule[ruleId] = (byRule[ruleId] ?? 0) + time.total;
      file[ruleId === PEER_RULE ? 'peer' : ruleId.slice(0, 1)] += time.total;
    }
  }
  for (const key of Object.keys(perFile)) perFile[key].push(file[key]);
  fileRows.push({ ...file, path: relative(result.filePath) });
}

const sum = (list) => list.reduce((total, value) => total + value, 0);
const peer = sum(perFile.peer);
for (const key of Object.keys(perFile)) {
  const times = perFile[key].slice().sort((a, b) => b - a);
  const total = sum(times);
  const rules = key === 'peer' ? '' : ` (${ruleNames.map((name) => `${name} ${(byRule[`${key}/${name}`] ?? 0).toFixed(1)}`).join(', ')})`;
  const label = key === 'peer' ? PEER_RULE : `${key} ${dists[key === 'A' ? 0 : 1]}`;
  console.log(
    `${label}: ${total.toFixed(1)} ms${key === 'peer' ? '' : `, ${(total / peer).toFixed(3)}x the peer`}${rules}; ` +
      `median file ${times[Math.floor(times.length / 2)].toFixed(3)} ms, ten most expensive files ${sum(times.slice(0, 10)).toFixed(1)} ms`,
  );
}

const top = Number(process.env.KAKAO_BENCH_TOP ?? 0);
if (top > 0) {
  console.log(`A's ${top} most expensive files (A / B / peer, ms):`);
  for (const row of fileRows.sort((a, b) => b.A - a.A).slice(0, top)) {
    console.log(`  ${row.A.toFixed(2)} / ${row.B.toFixed(2)} / ${row.peer.toFixed(2)}  ${row.path}`);
  }
}
