/**
 * Shapes of code that could make a rule superlinear, each linted at doubling sizes (our rules,
 * `scope: 'all'`, `enumModule` set; times from ESLint's stats). A rule is linear on a shape when
 * its time roughly doubles with n; quadratic when it quadruples.
 *
 *   node bench/patterns.js [shape] [n] [sizes]
 *
 * Rule-time shapes (n, 2n, 4n; default n 2000):
 * statements: n top-level statements (if-chains, switches, other statements) in one list;
 * switch: a switch over a non-code value with n cases of codes and other numbers;
 * array / set: a list of n codes checked n/4 times; strings: n request URLs.
 *
 * Growth probes (n, 2n, 4n, 8n; each line shows its time and the ratio to the size before it:
 * about 2 is linear, about 4 quadratic):
 * no-strings: n lines of code comparisons in a file with no string literal and no import of the
 *   enum, so that every report's fix must write the import itself (default n 500; the sizes
 *   first seen slow were 150,000 and 1,200,000 lines: `no-strings 150000`);
 * fix: `Linter.verifyAndFix` (what `eslint --fix` runs) on n KB of such comparisons, every pass
 *   (default n 32; the 5 MB file first seen slow: `fix 640`).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { pluginEntry, ROOT } from './corpus.js';
import { table } from './format.js';

const plugin = (await import(pathToFileURL(pluginEntry()).href)).default;
const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`kakao/${name}`, 'error']));
const IMPORT = "import { KakaoErrorCode } from './generated/kakao-error-codes';";

const SHAPES = {
  statements: (n) =>
    [IMPORT, 'declare const err: any; let y = 0;']
      .concat(
        Array.from({ length: n }, (_, i) =>
          [
            `y++; // retry ${i}`,
            'if (err.code === -401) y = 1; else if (err.code === -402) y = 2;',
            `if (err.code === ${-1 - (i % 7)}) { y = 3; } else { y = 4; }`,
            'switch (err.code) { case -401: y = 1; break; case -1: y = 2; break; default: y = 0; }',
          ][i % 4],
        ),
      )
      .join('\n'),
  switch: (n) =>
    [IMPORT, 'declare const x: number; let y = 0;', 'switch (x) {']
      .concat(Array.from({ length: n }, (_, i) => `  case ${i % 2 ? -401 : -100000 - i}: y = ${i}; break;`), '}')
      .join('\n'),
  array: (n) =>
    [IMPORT, 'declare const err: any;', `const CODES = [${Array.from({ length: n }, (_, i) => (i % 2 ? -401 : -100000 - i)).join(', ')}];`]
      .concat(Array.from({ length: n / 4 }, () => 'if (CODES.includes(err.code)) {}'))
      .join('\n'),
  set: (n) =>
    [IMPORT, 'declare const err: any;', `const CODES = new Set([${Array.from({ length: n }, (_, i) => (i % 2 ? -401 : -100000 - i)).join(', ')}]);`]
      .concat(Array.from({ length: n / 4 }, () => 'if (CODES.has(err.code)) {}'))
      .join('\n'),
  strings: (n) =>
    ["const BASE = 'https://kapi.kakao.com';"]
      .concat(Array.from({ length: n }, (_, i) => `fetch(BASE + '/v2/user/me?x=${i}'); const u${i} = \`\${BASE}/v1/api/talk/friends/${i}\`;`))
      .join('\n'),
};

/** Comparisons without a string literal: every report's fix has to add the import. */
const COMPARISONS = [
  'if (err.code === -401) y = 1;',
  'if (err.code !== -1) y = 2;',
  'y = err.code === -603 ? 3 : y;',
  'switch (err.code) { case -9798: y = 4; break; default: y = 0; }',
  'if (err.code == -402) { y = 5; }',
];
const comparisonLines = (count) => Array.from({ length: count }, (_, i) => COMPARISONS[i % COMPARISONS.length]);
// A module (`export {}`): a script gets no import, so its reports would write none.
const NO_STRINGS_HEADER = 'declare const err: { code: number }; let y = 0; export {};';

/** Growth probes: text of size n, what is timed, and the default first size. */
const PROBES = {
  'no-strings': {
    n: 500,
    unit: 'lines',
    text: (n) => [NO_STRINGS_HEADER, ...comparisonLines(n)].join('\n'),
    fix: false,
  },
  fix: {
    n: 32,
    unit: 'KB',
    text: (kb) => {
      const lines = [NO_STRINGS_HEADER];
      let bytes = NO_STRINGS_HEADER.length + 1;
      for (let i = 0; bytes < kb * 1024; i++) {
        const line = COMPARISONS[i % COMPARISONS.length];
        lines.push(line);
        bytes += line.length + 1;
      }
      return lines.join('\n');
    },
    fix: true,
  },
};

const [shapeArg, nArg, sizesArg] = process.argv.slice(2);
const known = shapeArg && (shapeArg in SHAPES || shapeArg in PROBES);
const shapes = known ? (shapeArg in SHAPES ? [shapeArg] : []) : Object.keys(SHAPES);
const probes = known ? (shapeArg in PROBES ? [shapeArg] : []) : Object.keys(PROBES);
const linter = new Linter({ cwd: ROOT });
const ids = Object.keys(rules);
const settings = { kakao: { scope: 'all', enumModule: './generated/kakao-error-codes' } };
const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { kakao: plugin }, settings, rules }];
const rows = [];
for (const shape of shapes) {
  const base = {};
  const n0 = Number(nArg ?? 2000);
  for (const n of Array.from({ length: Number(sizesArg ?? 3) }, (_, i) => n0 * 2 ** i)) {
    const { messages } = linter.verifyAndFix(SHAPES[shape](n), config, { filename: path.join(ROOT, 'src', `${shape}.ts`), stats: true, fix: false });
    const fatal = messages.find((m) => m.fatal);
    if (fatal) throw new Error(`${shape}: ${fatal.message}`);
    const times = linter.getTimes().passes[0].rules ?? {};
    const cells = ids.map((id) => {
      const ms = times[id]?.total ?? 0;
      base[id] ??= ms;
      return `${ms.toFixed(0)} (x${(ms / (base[id] || 1)).toFixed(1)})`;
    });
    rows.push([shape, String(n), ...cells]);
  }
}
if (rows.length > 0) process.stdout.write(`${table(['shape', 'n', ...ids.map((id) => `${id.replace('kakao/', '')} ms`)], rows).join('\n')}\n`);

/**
 * The growth probes: the rules' times (ESLint's stats, summed over the passes) and the wall and CPU
 * time of the whole verifyAndFix (parse and every rule; with "fix", every pass and ESLint's fixing).
 */
const growthRows = [];
for (const name of probes) {
  const probe = PROBES[name];
  // n and the number of sizes apply to a probe only when it is named (its unit is its own).
  const n0 = Number((shapeArg === name && nArg) || probe.n);
  let previousRule;
  let previousCpu;
  // Warm-up (JIT, the spec and settings validated once per process): not measured.
  linter.verifyAndFix(probe.text(Math.ceil(n0 / 8)), config, { filename: path.join(ROOT, 'src', `${name}.ts`), fix: probe.fix });
  for (const n of Array.from({ length: Number((shapeArg === name && sizesArg) || 4) }, (_, i) => n0 * 2 ** i)) {
    const text = probe.text(n);
    const filename = path.join(ROOT, 'src', `${name}.ts`);
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const result = linter.verifyAndFix(text, config, { filename, stats: true, fix: probe.fix });
    const cpuUsed = process.cpuUsage(cpuStart);
    const cpu = (cpuUsed.user + cpuUsed.system) / 1000;
    const wall = performance.now() - started;
    const fatal = result.messages.find((m) => m.fatal);
    if (fatal) throw new Error(`${name}: ${fatal.message}`);
    const passes = linter.getTimes().passes;
    const ruleMs = (id) => passes.reduce((sum, pass) => sum + (pass.rules?.[id]?.total ?? 0), 0);
    const rule = ruleMs('kakao/no-magic-error-code');
    const growth = (now, before) => (before === undefined ? '' : `x${(now / before).toFixed(2)}`);
    growthRows.push([
      name,
      `${n.toLocaleString('en-US')} ${probe.unit}`,
      text.split('\n').length.toLocaleString('en-US'),
      (text.length / 2 ** 20).toFixed(2),
      String(passes.length),
      ...ids.map((id) => ruleMs(id).toFixed(0)),
      wall.toFixed(0),
      cpu.toFixed(0),
      growth(rule, previousRule),
      growth(cpu, previousCpu),
    ]);
    previousRule = rule;
    previousCpu = cpu;
    // Progress, for the long runs: the aligned table comes at the end.
    process.stderr.write(`${growthRows.at(-1).join(' | ')}\n`);
  }
}
if (growthRows.length > 0) {
  const header = [
    'probe',
    'size',
    'lines',
    'MB',
    'passes',
    ...ids.map((id) => `${id.replace('kakao/', '')} ms`),
    'wall ms',
    'cpu ms',
    'x rule',
    'x cpu',
  ];
  process.stdout.write(
    '\ngrowth per doubling: "x rule" of no-magic-error-code\'s time (all passes), "x cpu" of the whole ' +
      'verifyAndFix (this process\'s CPU time); about 2 is linear, about 4 quadratic\n' +
      `${table(header, growthRows).join('\n')}\n`,
  );
}
