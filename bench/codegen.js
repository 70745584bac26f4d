// Benchmarks kakao-codegen (run `npm run build` first; `npm run bench:codegen` does both).
//
//   node bench/codegen.js [--runs N] [--strict]
//
// Prints the median wall time of N runs (default 5) of:
//   - generate() in-process on the bundled spec (after one warm-up run);
//   - `kakao-codegen --check` end to end on the bundled spec (a spawned node, what a user feels);
//   - generate() in-process and the CLI end to end on a synthetic 10,000-code spec.
// Targets: --check on the bundled spec < 1 s; generating 10,000 codes (CLI) < 3 s.
// --strict: exit 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './format.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, strict: { type: 'boolean', default: false } },
});
const RUNS = Number(values.runs);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'dist/codegen/bin.js');
const BUNDLED = join(REPO, 'spec/kakao-error-codes.json');

const { generate } = await import('../dist/codegen/generate.js');
const { loadSpecFile } = await import('../dist/core/spec.js');

function time(action) {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function runCli(args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`kakao-codegen ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
}

function measure(label, action, { warmUp = false } = {}) {
  const cold = warmUp ? time(action) : undefined;
  const samples = Array.from({ length: RUNS }, () => time(action));
  const result = { label, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), cold };
  const coldText = cold === undefined ? '' : `, first run ${cold.toFixed(0)} ms`;
  console.log(
    `${label.padEnd(58)} median ${result.median.toFixed(0).padStart(5)} ms  (min ${result.min.toFixed(0)}, max ${result.max.toFixed(0)}${coldText})`,
  );
  return result;
}

function syntheticSpec(count) {
  const base = loadSpecFile(BUNDLED);
  const statuses = base.httpStatuses.map((status) => status.status);
  const codes = Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    return {
      code: -n,
      name: `SyntheticCode${n}`,
      httpStatus: n % 11 === 0 ? null : statuses[n % statuses.length],
      summary: `synthetic error ${n}`,
      description: `Synthetic error number ${n}: the request could not be processed for a made-up reason.`,
      ...(n % 3 === 0 ? { solution: `Do what code ${n} asks, then send the request again.` } : {}),
      retryable: n % 7 === 0,
      deprecated: n % 101 === 0,
      ...(n % 2 === 0 ? { note: `A note about code ${n}.` } : {}),
    };
  });
  return { ...base, codes };
}

console.log(`kakao-codegen benchmark: median of ${RUNS} runs, node ${process.version}\n`);
const dir = mkdtempSync(join(tmpdir(), 'kakao-codegen-bench-'));
try {
  const bundled = loadSpecFile(BUNDLED);
  const bundledCodes = bundled.codes.length + bundled.families.reduce((sum, family) => sum + family.codes.length, 0);
  measure(`generate() in-process, bundled spec (${bundledCodes} codes in ${1 + bundled.families.length} families)`, () => generate(bundled, { out: 'x.ts', specFile: BUNDLED }), {
    warmUp: true,
  });
  runCli([]); // make sure generated/ is fresh, so --check exits 0
  const check = measure('CLI --check end to end, bundled spec', () => runCli(['--check']));

  const bigFile = join(dir, 'synthetic-10000.json');
  writeFileSync(bigFile, JSON.stringify(syntheticSpec(10_000), null, 2));
  const big = loadSpecFile(bigFile);
  measure('generate() in-process, 10,000 codes, const-enum', () => generate(big, { out: 'x.ts', specFile: bigFile }), {
    warmUp: true,
  });
  measure('generate() in-process, 10,000 codes, .js + .d.ts', () => generate(big, { out: 'x.js', specFile: bigFile }));
  const out = join(dir, 'out', 'codes.ts');
  const cli = measure('CLI end to end, 10,000 codes, writing const-enum', () => {
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    runCli(['--spec', bigFile, '--out', out]);
  });
  measure('CLI --check end to end, 10,000 codes', () => runCli(['--spec', bigFile, '--out', out, '--check']));

  const targets = [
    { name: '--check on the bundled spec < 1 s', ok: check.median < 1000 },
    { name: 'generating 10,000 codes (CLI) < 3 s', ok: cli.median < 3000 },
  ];
  console.log('');
  for (const target of targets) console.log(`${target.ok ? 'PASS' : 'MISS'}  ${target.name}`);
  if (values.strict && targets.some((target) => !target.ok)) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
