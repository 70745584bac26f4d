/**
 * Whether the chosen style suits the project the output lands in: const enums are not inlined
 * across files under `isolatedModules`/`verbatimModuleSyntax`, and no enum is allowed under
 * `erasableSyntaxOnly`.
 */
import { dirname, relative, resolve } from 'node:path';
import { ts } from 'ts-morph';
import type { Style } from './generate.js';

export interface TsconfigFindings {
  /** The tsconfig.json nearest to the output file (absolute). */
  readonly configPath: string;
  readonly isolatedModules: boolean;
  readonly verbatimModuleSyntax: boolean;
  readonly erasableSyntaxOnly: boolean;
  /** Set when the config could not be read or parsed; the flags are then all false. */
  readonly error?: string;
}

// TS18003 "No inputs were found in config file": irrelevant to the options we read.
const IGNORED_DIAGNOSTICS = new Set([18003]);

/** Finds the tsconfig.json nearest to `outFile` (walking up from its folder, following `extends`). */
export function inspectTsconfig(outFile: string): TsconfigFindings | undefined {
  const configPath = ts.findConfigFile(dirname(resolve(outFile)), ts.sys.fileExists, 'tsconfig.json');
  if (configPath === undefined) return undefined;
  const none = { configPath, isolatedModules: false, verbatimModuleSyntax: false, erasableSyntaxOnly: false };
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error !== undefined) {
    return { ...none, error: ts.flattenDiagnosticMessageText(read.error.messageText, ' ') };
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath), undefined, configPath);
  const errors = parsed.errors.filter((diagnostic) => !IGNORED_DIAGNOSTICS.has(diagnostic.code));
  const { options } = parsed;
  return {
    ...none,
    isolatedModules: options.isolatedModules === true,
    verbatimModuleSyntax: options.verbatimModuleSyntax === true,
    erasableSyntaxOnly: options.erasableSyntaxOnly === true,
    ...(errors[0] === undefined ? {} : { error: ts.flattenDiagnosticMessageText(errors[0].messageText, ' ') }),
  };
}

export interface StyleAdvice {
  /** The style cannot work there: do not write. */
  readonly refusal?: string;
  /** Informational notes; writing goes ahead. */
  readonly notes: readonly string[];
}

/** What to tell the user about `style` given the tsconfig findings (paths shown relative to `cwd`). */
export function adviseStyle(style: Style, findings: TsconfigFindings | undefined, cwd = process.cwd()): StyleAdvice {
  if (findings === undefined || style === 'object') return { notes: [] };
  const config = relative(cwd, findings.configPath) || findings.configPath;
  if (findings.error !== undefined) {
    return { notes: [`could not read ${config} (${findings.error}); skipped the tsconfig check`] };
  }
  const kind = style === 'const-enum' ? 'a const enum' : 'an enum';
  if (findings.erasableSyntaxOnly) {
    return {
      refusal: `${config} sets erasableSyntaxOnly, which does not allow ${kind} (--style ${style}); use --style object for an \`as const\` object and a union type instead`,
      notes: [],
    };
  }
  if (style === 'const-enum' && (findings.isolatedModules || findings.verbatimModuleSyntax)) {
    const flag = findings.verbatimModuleSyntax ? 'verbatimModuleSyntax' : 'isolatedModules';
    return {
      notes: [
        `note: ${config} sets ${flag}, so the const enum is kept as a runtime object and single-file ` +
          'transpilers do not inline its members in other files; this works, but --style object avoids enums altogether',
      ],
    };
  }
  return { notes: [] };
}
