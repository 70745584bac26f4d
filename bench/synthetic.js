/**
 * The synthetic worst case: one Kakao file of 50,000 lines of code comparisons (mixed forms, see
 * syntheticSource) with a switch of 2,000 cases over an error code and one over something else,
 * at 1x, 2x and 4x the size, each size in a fresh process. The file is parsed once, then our
 * rules run on it `--repeat` times and the fastest run counts. Cost must grow linearly:
 * 4x / 1x < 5.5 for every rule.
 *
 *   node --expose-gc bench/synthetic.js [--lines 50000] [--cases 2000] [--repeat 2]
 *
 * Prints a table on stderr and `BENCH_SYNTHETIC {json}` on stdout (read by run.js).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { pluginEntry, ROOT } from './corpus.js';
import { formatSynthetic } from './format.js';

export const LINEAR_LIMIT = 5.5;

// The rules as tsc wrote them, one module per rule (dist/rules/index.js), not the bundled entry: the
// CPU profile tells the rules apart by the file of their frames (ruleCpuTimes).
const RULES_DIR = path.join(path.dirname(pluginEntry()), 'rules');
const plugin = { rules: (await import(pathToFileURL(path.join(RULES_DIR, 'index.js')).href)).rules };
const OUR_RULES = Object.keys(plugin.rules).map((name) => `kakao/${name}`);

/** A tiny deterministic PRNG (mulberry32), so every run lints the same text. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPEC_CODES = [-1, -2, -3, -4, -5, -7, -8, -9, -10, -101, -401, -402, -405, -501, -502, -530, -603, -9798];
const OTHER = [-12345, 0, 1, 401, 500, -1000, 42];
const SUBJECTS = ['err.code', 'error.response.data.code', 'e?.body?.code', "res['code']", 'Number(body.errorCode)', 'kakaoCode', '(err as KakaoError).code'];
const MEMBERS = ['InvalidToken', 'InternalError', 'ServiceInternalIssue', 'UnderMaintenance', 'InsufficientScope'];

/** One line comparing codes, in one of several forms (`i` keeps the lines distinct). */
function comparisonLine(random, i) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const subject = pick(SUBJECTS);
  const code = random() < 0.8 ? pick(SPEC_CODES) : pick(OTHER);
  switch (Math.floor(random() * 10)) {
    case 0:
      return `if (${code} === ${subject}) handle(${i});`;
    case 1:
      return `if (${subject} !== ${code} && status === 401) handle(${i});`;
    case 2:
      return `if ([${code}, ${pick(SPEC_CODES)}, ${pick(OTHER)}].includes(${subject})) handle(${i});`;
    case 3:
      return `if (list.indexOf(x) === -1 || x === ${code}) handle(${i});`;
    case 4:
      return `if (${subject} === KakaoErrorCode.${pick(MEMBERS)}) handle(${i}); // retry later`;
    case 5:
      return `if (RETRY.has(${subject}) || HANDLERS[${subject} as -401]) fetch(KAKAO_API + '/v1/user/me');`;
    case 6:
      return `if (x > 0) handle(1); else if (${subject} == ${code}) { handle(${code}); }`;
    case 7:
      return `handle(${i}); /* not a comparison: breaks a run of ifs */`;
    default:
      return `if (${subject} === ${code}) { handle(${i}); } else if (${subject} === ${pick(SPEC_CODES)}) handle(0); else handle(-1);`;
  }
}

/**
 * `lines` lines: comparisons in functions of 50 lines; one function whose body is a single list
 * of `lines / 50` statements (dispatches are analysed with the statements around them); a switch
 * of `cases` cases over an error code (spec codes, other numbers, enum members) and one over
 * something else (spec codes and other numbers only, so each `case` asks whether it is a code switch).
 */
export function syntheticSource(lines, cases, seed = 1) {
  const random = prng(seed);
  const out = [
    "import { KakaoErrorCode } from './generated/kakao-error-codes';",
    "const KAKAO_API = 'https://kapi.kakao.com/v2/user/me';",
    'interface KakaoError { code: number }',
    'declare const err: KakaoError, error: any, e: any, res: any, body: any, kakaoCode: number, list: number[], status: number;',
    'declare function handle(n: number): void;',
    'const RETRY = new Set([-1, -7, -603, -9798]);',
    'const HANDLERS = { [-401]: () => 1, [-402]: () => 2 };',
  ];
  const longList = Math.round(lines / 50);
  const switchLines = 2 * (2 * cases + 6);
  let fn = 0;
  while (out.length < lines - longList - switchLines - 2) {
    out.push(`export function check${fn++}(x: number): void {`);
    for (let i = 0; i < 48; i++) out.push(`  ${comparisonLine(random, i)}`);
    out.push('}');
  }
  out.push('export function longStatementList(x: number): void {');
  for (let i = 0; i < longList; i++) out.push(`  ${comparisonLine(random, i)}`);
  out.push('}');
  for (const discriminant of ['err.code', 'x']) {
    out.push(`export function dispatch${discriminant === 'x' ? 'Other' : 'Code'}(x: number): number {`);
    out.push(`  switch (${discriminant}) {`);
    for (let i = 0; i < cases; i++) {
      const other = -100000 - i;
      const member = discriminant === 'x' ? other : `KakaoErrorCode.${MEMBERS[i % MEMBERS.length]}`;
      const test = i % 3 === 0 ? SPEC_CODES[i % SPEC_CODES.length] : i % 3 === 1 ? other : member;
      out.push(`    case ${test}:`, `      return ${i};`);
    }
    out.push('    default:', '      return -1;', '  }', '}');
  }
  return `${out.join('\n')}\n`;
}

/** Our rules, each wrapped to time its `create` and its listeners (like ESLint's `stats`). */
function timedRules(times) {
  const wrap = (id, fn) =>
    function timed(...args) {
      const start = performance.now();
      try {
        return fn.apply(this, args);
      } finally {
        times[id] += performance.now() - start;
      }
    };
  return Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => {
      const id = `kakao/${name}`;
      const create = (context) => {
        const listeners = rule.create(context);
        return Object.fromEntries(Object.entries(listeners).map(([selector, fn]) => [selector, wrap(id, fn)]));
      };
      return [name, { ...rule, create: wrap(id, create) }];
    }),
  );
}

/**
 * One size, in this process: parses the file once, then runs our rules on the parsed file `repeat`
 * times (a fresh `settings.kakao` object each time, so no per-file cache of the rules is reused)
 * and keeps the fastest run by our rules' total.
 */
export async function runSize({ scale, lines, cases, repeat }) {
  const filename = path.join(ROOT, 'src', 'synthetic.ts');
  const linter = new Linter({ cwd: ROOT });
  const times = {};
  const config = (rules) => [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { kakao: { rules: timedRules(times) } },
      settings: { kakao: { scope: 'all', enumModule: './generated/kakao-error-codes' } },
      rules,
    },
  ];
  const allRules = Object.fromEntries(OUR_RULES.map((id) => [id, 'error']));
  const lint = (textOrSourceCode) => {
    for (const id of OUR_RULES) times[id] = 0;
    const start = performance.now();
    const messages = linter.verify(textOrSourceCode, config(allRules), { filename });
    const fatal = messages.find((m) => m.fatal);
    if (fatal) throw new Error(`synthetic file did not parse: ${fatal.message}`);
    return { wallMs: performance.now() - start, rulesMs: { ...times }, messages: messages.length };
  };
  // Warm up (JIT) on a small file, so that the measured runs are not charged for it.
  lint(syntheticSource(2_000, 100));

  const text = syntheticSource(lines * scale, cases * scale);
  globalThis.gc?.();
  let start = performance.now();
  linter.verify(text, config({}), { filename });
  const parseMs = performance.now() - start;
  const sourceCode = linter.getSourceCode();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  const gcPauses = [];
  const observer = new PerformanceObserver((list) => gcPauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  let best;
  for (let r = 0; r < repeat; r++) {
    globalThis.gc?.();
    await new Promise((resolve) => setImmediate(resolve));
    gcPauses.length = 0;
    await session.post('Profiler.start');
    const t0 = performance.now();
    const run = lint(sourceCode);
    const t1 = performance.now();
    const { profile } = await session.post('Profiler.stop');
    // GC entries are delivered after a timer turn.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const gcMs = gcPauses.filter((e) => e.startTime >= t0 && e.startTime < t1).reduce((sum, e) => sum + e.duration, 0);
    const cpuMs = ruleCpuTimes(profile);
    const sum = OUR_RULES.reduce((total, id) => total + run.rulesMs[id], 0);
    const cpuSum = OUR_RULES.reduce((total, id) => total + (cpuMs[id] ?? 0), 0);
    if (!best || cpuSum < best.oursCpuMs) best = { ...run, oursMs: sum, cpuMs, oursCpuMs: cpuSum, gcMs };
  }
  observer.disconnect();
  session.disconnect();
  return { scale, lines: text.split('\n').length - 1, cases: cases * scale * 2, parseMs, ...best };
}

/**
 * From a CPU profile: the time spent in each of our rules (any sample with a frame of
 * <dist>/rules/<rule>.js on its stack), without garbage collection (V8 puts GC samples under their
 * own root node). With a file of several GB of AST, GC pauses grow with the heap, not with what the
 * rules do: this is the rules' own cost.
 */
const RULE_FILE = new RegExp(`^${escapeRegExp(pathToFileURL(RULES_DIR).href)}/([\\w-]+)\\.js$`, 'u');

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function ruleCpuTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ruleOf = new Map();
  const attribution = (id) => {
    if (ruleOf.has(id)) return ruleOf.get(id);
    const up = parent.get(id);
    // The outermost rule frame wins (a rule calling a helper of another file stays itself).
    let rule = up === undefined ? undefined : attribution(up);
    if (rule === undefined) {
      const match = RULE_FILE.exec(byId.get(id).callFrame.url);
      if (match) rule = `kakao/${match[1]}`;
    }
    ruleOf.set(id, rule);
    return rule;
  };
  const times = {};
  profile.samples.forEach((id, i) => {
    const rule = attribution(id);
    if (rule) times[rule] = (times[rule] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return times;
}

/**
 * Every size in its own child process (a fresh heap: a 4x file needs several GB, and garbage left
 * by a smaller size must not slow a larger one down).
 */
export async function runSynthetic({ lines = 50_000, cases = 2_000, repeat = 2, scales = [1, 2, 4] } = {}) {
  const sizes = [];
  for (const scale of scales) {
    const args = ['--expose-gc', '--max-old-space-size=12288', fileURLToPath(import.meta.url), '--child'];
    args.push('--scale', String(scale), '--lines', String(lines), '--cases', String(cases), '--repeat', String(repeat));
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'inherit'] });
    const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_SYNTHETIC_SIZE '));
    if (child.status !== 0 || !line) throw new Error(`synthetic ${scale}x failed (exit ${child.status ?? child.signal})`);
    sizes.push(JSON.parse(line.slice('BENCH_SYNTHETIC_SIZE '.length)));
  }
  // The verdict is on the rules' own CPU time (the profile, without GC); the times with GC are shown too.
  const base = sizes[0];
  const last = sizes.at(-1);
  const ratio = (id) => (last.cpuMs[id] ?? 0) / (base.cpuMs[id] || 1);
  const perRule = Object.fromEntries(OUR_RULES.map((id) => [id, ratio(id)]));
  const limit = (LINEAR_LIMIT / 4) * (last.scale / base.scale);
  const ratio4x = last.oursCpuMs / base.oursCpuMs;
  return {
    ourRules: OUR_RULES,
    sizes,
    ratio4x,
    ratio4xWithGc: last.oursMs / base.oursMs,
    perRule4x: perRule,
    limit,
    linear: ratio4x < limit && Object.values(perRule).every((r) => r < limit),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '50000' },
      cases: { type: 'string', default: '2000' },
      repeat: { type: 'string', default: '2' },
      scales: { type: 'string', default: '1,2,4' },
      child: { type: 'boolean', default: false },
      scale: { type: 'string', default: '1' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const options = { lines: Number(values.lines), cases: Number(values.cases), repeat: Number(values.repeat) };
  if (values.child) {
    const size = await runSize({ ...options, scale: Number(values.scale) });
    process.stdout.write(`BENCH_SYNTHETIC_SIZE ${JSON.stringify(size)}\n`);
  } else {
    const result = await runSynthetic({ ...options, scales: values.scales.split(',').map(Number) });
    if (!values.quiet) process.stderr.write(`${formatSynthetic(result)}\n`);
    process.stdout.write(`BENCH_SYNTHETIC ${JSON.stringify(result)}\n`);
  }
}
