/**
 * `npm run bench`: every benchmark of the plugin, from one invocation.
 *
 *   node --expose-gc bench/run.js [--no-typed] [--runs N] [--only parser,ours,...] [--no-codegen]
 *                                 [--no-synthetic] [--no-footprint] [--strict] [--json file]
 *                                 [--packages rxjs,zod] [--dir folder]
 *
 * 0. The footprint (bench/footprint.js): install size of each package from its tarball, the
 *    plugin's import time against ESLint's, a one-file lint with and without the plugin.
 * 1. The code generator's benchmark (bench/codegen.js), its output printed as is.
 * 2. ESLint over the corpus (bench/corpus.js: the `src/` of rxjs, zod and effect), one fresh child
 *    process per configuration (bench/lint.js): (a) the parser alone, (b') our rules with the
 *    default scope, (b) our rules with `scope: 'all'`, (p) @typescript-eslint/no-magic-numbers
 *    alone, (c) (b) + no-magic-numbers, and (d) (c) + the type-aware switch-exhaustiveness-check
 *    and no-unsafe-enum-comparison on one program of the whole corpus (about a minute more on 2
 *    cores and ~2 GB; --no-typed skips it).
 *    With --runs N each configuration runs N times, interleaved, and the median run is kept.
 *    --packages lints only those packages of the corpus (rxjs alone: many small files).
 *    --dir lints a folder of TypeScript sources outside the corpus instead (a project of yours).
 * 3. The synthetic worst case at 1x, 2x and 4x (bench/synthetic.js).
 * Then one table and the verdicts on the targets. --strict: exit 1 when a target is missed.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './corpus.js';
import { formatSynthetic, table } from './format.js';

const { values } = parseArgs({
  options: {
    'no-typed': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
    'no-codegen': { type: 'boolean', default: false },
    'no-synthetic': { type: 'boolean', default: false },
    'no-footprint': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    json: { type: 'string' },
    packages: { type: 'string' },
    dir: { type: 'string' },
  },
});

const PEER = '@typescript-eslint/no-magic-numbers';
const CONFIG_ORDER = ['parser', 'kakao-default', 'ours', 'peer', 'peers', ...(values['no-typed'] ? [] : ['typed'])];
const configs = values.only ? CONFIG_ORDER.filter((name) => values.only.split(',').includes(name)) : CONFIG_ORDER;
const runs = Math.max(1, Number(values.runs));

/** Runs `node args`, stderr shown live; resolves with stdout. */
function runNode(args, { inheritStdout = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        ...(values.packages ? { KAKAO_BENCH_PACKAGES: values.packages } : {}),
        ...(values.dir ? { KAKAO_BENCH_DIR: path.resolve(values.dir) } : {}),
      },
      stdio: ['ignore', inheritStdout ? 'inherit' : 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`node ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

function taggedJson(stdout, tag) {
  const line = stdout.split('\n').find((l) => l.startsWith(`${tag} `));
  if (!line) throw new Error(`no ${tag} line in the output`);
  return JSON.parse(line.slice(tag.length + 1));
}

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
const cpus = os.cpus();
const machine = `${cpus.length} x ${cpus[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`;
process.stderr.write(`machine: ${machine}\nload average at start: ${load()}\n`);
const failures = [];

// 0. What a user installs and loads.
let footprint;
if (!values['no-footprint']) {
  process.stdout.write('\n== footprint (bench/footprint.js)\n');
  try {
    const stdout = await runNode([path.join(ROOT, 'bench', 'footprint.js')]);
    footprint = taggedJson(stdout, 'BENCH_FOOTPRINT');
    process.stdout.write(stdout.split('\n').filter((line) => !line.startsWith('BENCH_FOOTPRINT ')).join('\n'));
  } catch (error) {
    failures.push(`footprint: ${error.message}`);
  }
}

// 1. The code generator.
if (!values['no-codegen']) {
  const codegen = path.join(ROOT, 'bench', 'codegen.js');
  process.stdout.write('\n== kakao-codegen (bench/codegen.js)\n');
  if (existsSync(codegen)) {
    try {
      await runNode([codegen], { inheritStdout: true });
    } catch (error) {
      failures.push(`codegen: ${error.message}`);
      process.stdout.write(`codegen benchmark failed: ${error.message}\n`);
    }
  } else {
    process.stdout.write('bench/codegen.js not found: skipped\n');
  }
}

// 2. The corpus, one child process per configuration and run.
process.stderr.write(`\n== ESLint over the corpus: ${configs.join(', ')}${runs > 1 ? ` (x${runs}, interleaved)` : ''}\n`);
const samples = Object.fromEntries(configs.map((name) => [name, []]));
for (let run = 0; run < runs; run++) {
  for (const name of configs) {
    try {
      samples[name].push(taggedJson(await runNode(['--expose-gc', path.join(ROOT, 'bench', 'lint.js'), name]), 'BENCH_RESULT'));
    } catch (error) {
      failures.push(`${name}: ${error.message}`);
    }
  }
}
/** The median run by wall time. */
const results = Object.fromEntries(
  Object.entries(samples)
    .filter(([, list]) => list.length > 0)
    .map(([name, list]) => [name, [...list].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((list.length - 1) / 2)]]),
);

// 3. The synthetic worst case.
let synthetic;
if (!values['no-synthetic']) {
  process.stderr.write('\n== synthetic worst case (bench/synthetic.js)\n');
  try {
    synthetic = taggedJson(await runNode(['--expose-gc', path.join(ROOT, 'bench', 'synthetic.js'), '--quiet']), 'BENCH_SYNTHETIC');
  } catch (error) {
    failures.push(`synthetic: ${error.message}`);
  }
}

// The report.
const any = Object.values(results)[0];
const ourRules = any?.ourRules ?? synthetic?.ourRules ?? [];
const short = (id) => id.replace(/^kakao\//u, '');
const out = [];
out.push('', `== eslint-plugin-kakao benchmark, ${new Date().toISOString().slice(0, 10)}`, `machine: ${machine}`);
if (any) {
  const corpus = any.packages.map((p) => `${p.name}@${p.version} ${p.files}`).join(', ');
  out.push(`corpus: ${any.files} files (${corpus}), ${any.lines.toLocaleString('en-US')} lines; each config linted every file: ${Object.values(results).every((r) => r.linted === r.files && r.parsed === r.files) ? 'yes' : 'NO'}`);
  out.push(`load average at end: ${load()} (other processes on the machine inflate wall times; the ratios within a run are what compare)`, '');
  const base = results.parser;
  const header = ['config', 'wall s', 'x (a)', 'parse s', ...ourRules.map((id) => `${short(id)} ms`), 'ours ms', 'peer ms', 'ours/peer', 'ours/wall'];
  const rows = configs
    .filter((name) => results[name])
    .map((name) => {
      const r = results[name];
      const ours = ourRules.reduce((sum, id) => sum + (r.rulesMs[id] ?? 0), 0);
      const peer = r.rulesMs[PEER];
      const hasOurs = ourRules.some((id) => id in r.rulesMs);
      return [
        r.label,
        (r.wallMs / 1000).toFixed(2),
        base ? (r.wallMs / base.wallMs).toFixed(3) : '-',
        (r.parseMs / 1000).toFixed(2),
        ...ourRules.map((id) => (id in r.rulesMs ? r.rulesMs[id].toFixed(1) : '-')),
        hasOurs ? ours.toFixed(1) : '-',
        peer === undefined ? '-' : peer.toFixed(1),
        hasOurs && peer !== undefined ? ours / peer < 10 ? (ours / peer).toFixed(2) : (ours / peer).toFixed(0) : '-',
        hasOurs ? `${((ours / r.wallMs) * 100).toFixed(2)}%` : '-',
      ];
    });
  out.push(...table(header, rows));
  const typed = results.typed;
  if (typed) {
    const typedPeers = Object.entries(typed.rulesMs)
      .filter(([id]) => id.startsWith('@typescript-eslint/') && id !== PEER)
      .map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`);
    out.push(`(d) type-aware peers: ${typedPeers.join(', ')}`);
  }
  const fatal = Object.values(results).reduce((sum, r) => sum + r.fatal, 0);
  if (fatal > 0) failures.push(`${fatal} fatal parse errors`);
}
if (synthetic) {
  out.push('', 'synthetic worst case (our rules, scope all; parsed once, fastest of 2 runs, each size in a fresh process):', formatSynthetic(synthetic));
}

// Verdicts: in (c), the one run with our rules next to the peer.
const verdicts = [];
const c = results.peers;
if (c) {
  const ours = ourRules.reduce((sum, id) => sum + (c.rulesMs[id] ?? 0), 0);
  const peer = c.rulesMs[PEER] ?? 0;
  const packageRatios = Object.entries(c.rulesMsByPackage ?? {}).map(([name, ms]) => {
    const packageOurs = ourRules.reduce((sum, id) => sum + (ms[id] ?? 0), 0);
    return `${name} ${packageOurs.toFixed(1)}/${(ms[PEER] ?? 0).toFixed(1)} ms = ${(packageOurs / (ms[PEER] ?? 0)).toFixed(2)}x`;
  });
  // Our cost is mostly per file, the peer's per number: a package of small files weighs on the ratio.
  out.push('', `(c) ours/peer by package, within the run: ${packageRatios.join(', ')}`);
  verdicts.push([`our ${ourRules.length} rules with scope 'all' (${ours.toFixed(1)} ms) <= 0.5x ${short(PEER)} (${peer.toFixed(1)} ms): ${(ours / peer).toFixed(2)}x`, ours <= 0.5 * peer]);
}
const kakaoDefault = results['kakao-default'];
if (kakaoDefault) {
  const ours = ourRules.reduce((sum, id) => sum + (kakaoDefault.rulesMs[id] ?? 0), 0);
  out.push('', `scope 'kakao-files' (default) on this non-Kakao corpus: our rules ${ours.toFixed(1)} ms in all, ${kakaoDefault.messages ? Object.entries(kakaoDefault.messages).filter(([id]) => id.startsWith('kakao/')).reduce((s, [, n]) => s + n, 0) : 0} reports`);
  verdicts.push([`our rules with the default scope < 0.5% of the wall time (${((ours / kakaoDefault.wallMs) * 100).toFixed(2)}% of ${(kakaoDefault.wallMs / 1000).toFixed(1)} s)`, ours / kakaoDefault.wallMs < 0.005]);
}
if (footprint) {
  const added = footprint.added['eslint-plugin-kakao'];
  verdicts.push([`installing eslint-plugin-kakao adds <= 10 MB (${(added.bytes / 1e6).toFixed(2)} MB in ${added.packages} packages)`, added.bytes <= 10e6 && added.diskKb <= 10 * 1024]);
  const ratio = footprint.importMs.plugin / footprint.importMs.eslint;
  verdicts.push([`its import takes <= 0.5x ESLint's (${footprint.importMs.plugin.toFixed(1)} / ${footprint.importMs.eslint.toFixed(1)} ms = ${ratio.toFixed(2)}x)`, ratio <= 0.5]);
}
if (synthetic) verdicts.push([`linear growth on the synthetic file (4x/1x = ${synthetic.ratio4x.toFixed(2)} < ${synthetic.limit.toFixed(2)})`, synthetic.linear]);
out.push('', 'targets:');
for (const [text, ok] of verdicts) out.push(`  ${ok ? 'met   ' : 'MISSED'}  ${text}`);
for (const failure of failures) out.push(`  FAILED  ${failure}`);
out.push('');
process.stdout.write(out.join('\n'));

if (values.json) writeFileSync(values.json, `${JSON.stringify({ machine, date: new Date().toISOString(), footprint, results, samples, synthetic }, null, 2)}\n`);
if (failures.length > 0 || (values.strict && verdicts.some(([, ok]) => !ok))) process.exitCode = 1;
