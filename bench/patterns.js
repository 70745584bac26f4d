/**
 * Shapes of code that could make a rule superlinear, each linted at n, 2n and 4n (our rules,
 * `scope: 'all'`; times from ESLint's stats). A rule is linear on a shape when its time roughly
 * doubles with n; quadratic when it quadruples.
 *
 *   node bench/patterns.js [shape] [n]      shapes: statements, switch, array, set, strings (default: all, n 2000)
 *
 * statements: n top-level statements (if-chains, switches, other statements) in one list;
 * switch: a switch over a non-code value with n cases of codes and other numbers;
 * array / set: a list of n codes checked n/4 times; strings: n request URLs.
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

const [shapeArg, nArg] = process.argv.slice(2);
const shapes = shapeArg && shapeArg in SHAPES ? [shapeArg] : Object.keys(SHAPES);
const n0 = Number(nArg ?? 2000);
const linter = new Linter({ cwd: ROOT });
const ids = Object.keys(rules);
const rows = [];
for (const shape of shapes) {
  const base = {};
  for (const n of [n0, 2 * n0, 4 * n0]) {
    const settings = { kakao: { scope: 'all', enumModule: './generated/kakao-error-codes' } };
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { kakao: plugin }, settings, rules }];
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
process.stdout.write(`${table(['shape', 'n', ...ids.map((id) => `${id.replace('kakao/', '')} ms`)], rows).join('\n')}\n`);
