/**
 * Builds of the plugin compared over many fresh runs of configuration (c), alternated run by run:
 *
 *   node bench/alternate.js [--runs 16] [--packages rxjs] <distA> <distB> [<distC> ...]
 *
 * With $KAKAO_BENCH_DIR set (bench/corpus.js), over that folder instead of the packages.
 * Each run is `bench/lint.js peers` in a fresh process with $KAKAO_PLUGIN_DIST set to one build, so
 * every build pays its own first file, as a user's run does (bench/ab.js shares a file's first
 * touches between two builds). On a machine whose speed moves during a session, one invocation of
 * bench/run.js cannot tell builds a few percent apart; the medians of many alternated runs can.
 * Prints per build our rules' time (median, lower quartile, least), the peer's median, the ratio's
 * median and range, each of our rules' median, and the median file's time (ours, the peer's, their
 * ratio; the median over runs), which the spikes that land in a few files of a run do not move.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, table } from './format.js';
import { benchDir, ROOT } from './corpus.js';

const { values, positionals: dists } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '16' }, packages: { type: 'string', default: 'rxjs' } },
});
if (dists.length < 2) throw new Error('usage: node bench/alternate.js [--runs N] [--packages rxjs] <distA> <distB> [...]');
const runs = Math.max(1, Number(values.runs));

const results = Object.fromEntries(dists.map((dist) => [dist, []]));
for (let run = 0; run < runs; run++) {
  for (const dist of dists) {
    const child = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, 'bench', 'lint.js'), 'peers'], {
      cwd: ROOT,
      env: { ...process.env, KAKAO_PLUGIN_DIST: path.resolve(dist), KAKAO_BENCH_PACKAGES: values.packages },
      encoding: 'utf8',
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (child.status !== 0 || !line) throw new Error(`bench/lint.js with ${dist} failed: ${child.stderr.trim().split('\n').at(-1)}`);
    const { rulesMs, medianFileUs } = JSON.parse(line.slice('BENCH_RESULT '.length));
    let ours = 0;
    let peer = 0;
    for (const [ruleId, ms] of Object.entries(rulesMs)) {
      if (ruleId.startsWith('kakao/')) ours += ms;
      else peer += ms;
    }
    results[dist].push({ ours, peer, ratio: ours / peer, rulesMs, medianFileUs });
  }
  process.stderr.write(`run ${run + 1}/${runs}\n`);
}

const sorted = (list) => list.slice().sort((a, b) => a - b);
const ourRules = Object.keys(results[dists[0]][0].rulesMs).filter((ruleId) => ruleId.startsWith('kakao/'));
const rows = dists.map((dist) => {
  const ours = sorted(results[dist].map((r) => r.ours));
  const ratios = sorted(results[dist].map((r) => r.ratio));
  return [
    dist,
    median(ours).toFixed(2),
    ours[Math.floor(ours.length / 4)].toFixed(2),
    ours[0].toFixed(2),
    median(results[dist].map((r) => r.peer)).toFixed(2),
    `${median(ratios).toFixed(3)}x`,
    `${ratios[0].toFixed(2)}–${ratios.at(-1).toFixed(2)}x`,
    ...ourRules.map((ruleId) => median(results[dist].map((r) => r.rulesMs[ruleId] ?? 0)).toFixed(2)),
    median(results[dist].map((r) => r.medianFileUs.ours)).toFixed(1),
    median(results[dist].map((r) => r.medianFileUs.peer)).toFixed(1),
    `${median(results[dist].map((r) => r.medianFileUs.ours / r.medianFileUs.peer)).toFixed(3)}x`,
  ];
});
console.log(`${benchDir() ?? values.packages}, ${runs} alternated runs per build (bench/lint.js peers):`);
const ruleColumns = ourRules.map((ruleId) => `${ruleId.slice('kakao/'.length)} median ms`);
const fileColumns = ['ours median file µs', 'peer median file µs', 'file ratio median'];
console.log(table(['build', 'ours median ms', 'q25', 'least', 'peer median ms', 'ratio median', 'ratio range', ...ruleColumns, ...fileColumns], rows).join('\n'));
