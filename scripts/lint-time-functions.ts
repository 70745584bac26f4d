/**
 * Which functions of the bundle every linted file runs, for compile-hints.ts: the bundle is imported
 * under V8's precise coverage and lints two files in the example client's folder
 * (examples/kakao-client), with its README's settings, in the recommended config (the default scope
 * and `scope: 'all'`) and the strict one: ordinary code, as most files of a project are, and Kakao
 * code without a problem. Measured, not listed by hand, so
 * the hints follow the code as it changes. What runs only for a problem (the report, its fix or
 * suggestion) is left out: it is compiled on the first problem, where hinting it would cost every
 * start-up.
 */
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { ESLint } from 'eslint';
import type { HintFilter } from './compile-hints.js';

interface CoveredFunction {
  readonly start: number;
  readonly ran: boolean;
}

/** Imports `bundle` (a fresh path: a module is evaluated once per process) and lints the samples with it. */
export async function lintTimeFunctions(bundle: string, exampleDir: string): Promise<HintFilter> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.startPreciseCoverage', { callCount: false, detailed: false });
    const url = pathToFileURL(bundle).href;
    const plugin = ((await import(url)) as { default: ESLint.Plugin }).default;
    lintSamples(plugin, exampleDir);
    const { result } = await session.post('Profiler.takePreciseCoverage');
    const script = result.find((entry) => entry.url === url);
    if (!script) throw new Error(`${bundle}: no coverage recorded for the bundle`);
    return ranFunctions(script.functions);
  } finally {
    session.disconnect();
  }
}

/** V8's coverage of a script's functions (`Profiler.takePreciseCoverage`), as a filter for addCompileHints. */
export function ranFunctions(functions: readonly { readonly ranges: readonly { startOffset: number; endOffset: number; count: number }[] }[]): HintFilter {
  // V8 starts a method's range at its name and a function's at `function`, where the parser
  // starts the function value at its parameters: a function is the range with its end that
  // starts last at or before it (two arrows, one the other's body, end at the same place).
  // The script's own range (from offset 0) is no function.
  const byEnd = new Map<number, CoveredFunction[]>();
  for (const { ranges } of functions) {
    const range = ranges[0];
    if (!range || range.startOffset === 0) continue;
    const list = byEnd.get(range.endOffset) ?? [];
    list.push({ start: range.startOffset, ran: range.count > 0 });
    byEnd.set(range.endOffset, list);
  }
  return ({ start, end }) => {
    let match: CoveredFunction | undefined;
    for (const covered of byEnd.get(end) ?? []) {
      if (covered.start <= start && (!match || covered.start > match.start)) match = covered;
    }
    return match?.ran ?? false;
  };
}

/** Code of the kind most files of a project hold: numbers, strings, paths and URLs, no Kakao API. */
const ORDINARY_CODE = `import { readFile } from 'node:fs/promises';
import type { Options } from './options.js';

/** Reads a section of a config file; see https://example.com/docs/config for its format. */
export async function readSection(path: string, options: Options): Promise<string[]> {
  const lines = (await readFile(path, 'utf8')).split('\\n');
  const index = lines.indexOf('[' + options.section + ']');
  if (index === -1) return [];
  switch (options.mode) {
    case 1:
      return lines.slice(index + 1);
    case 2:
      return lines.slice(0, index);
    default:
      return lines;
  }
}

export class Cache<T> {
  private readonly entries = new Map<string, T>();
  get(key: string): T | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: T): void {
    if (this.entries.size > 100 || value === undefined) this.entries.clear();
    this.entries.set(key, value);
  }
}

export const page = (count: number) => (count > 0 && count !== -1 ? fetch('/api/items?page=' + String(count)) : undefined);
`;

/** Kakao code as the rules want it: no problem to report. */
const KAKAO_CODE = `import { KakaoErrorCode, isRetryableKakaoErrorCode } from './generated/kakao-error-codes.js';

export async function getProfile(token: string): Promise<unknown> {
  const response = await fetch('https://kapi.kakao.com/v2/user/me', { headers: { Authorization: 'Bearer ' + token } });
  const body = (await response.json()) as { code?: number };
  if (body.code === KakaoErrorCode.InvalidToken) throw new Error('log in again');
  if (isRetryableKakaoErrorCode(body.code)) return getProfile(token);
  return body;
}
`;

/** Lints the samples in the plugin's configs and scopes; throws on a parse error or a problem found. */
function lintSamples(plugin: ESLint.Plugin, exampleDir: string): void {
  const enumModule = './src/generated/kakao-error-codes.ts';
  const linter = new Linter({ cwd: exampleDir });
  const passes = [
    ['recommended', 'kakao-files'],
    ['recommended', 'all'],
    ['strict', 'all'],
  ] as const;
  for (const [configName, scope] of passes) {
    const config: Linter.Config[] = [
      { ...(plugin.configs?.[configName] as Linter.Config), files: ['**/*.ts'], languageOptions: { parser: tsParser }, settings: { kakao: { enumModule, scope } } },
    ];
    for (const [name, text] of [['ordinary.ts', ORDINARY_CODE], ['kakao.ts', KAKAO_CODE]]) {
      const filename = path.join(exampleDir, 'src', name!);
      const [message] = linter.verify(text!, config, { filename });
      if (message) throw new Error(`${name} (${configName}, scope ${scope}): ${message.ruleId ?? 'parser'}: ${message.message}`);
    }
  }
}
