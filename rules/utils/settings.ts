/**
 * `settings.kakao`, shared by every rule: which spec, which enum, where it lives, which files.
 * Resolved once per settings object and once per spec, not once per file.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESLint } from '@typescript-eslint/utils';
import { codeFamilies, type CodeFamily } from '../../core/families.js';
import type { ErrorCodeEntry, Spec, StringErrorCodeEntry } from '../../core/spec.js';
import bundledSpecJson from '../../spec/kakao-error-codes.json' with { type: 'json' };
import { DEFAULT_ERROR_CODE_NAMES } from './ast.js';
import { resolveSettingPath } from './config-dirs.js';
import { contextProperty } from './context-property.js';
import { checkKakaoSettings } from './settings-schema.js';
import type { RawKakaoSettings, Scope } from './settings-schema.js';
import { loadSpecModule, SpecModuleMissingError } from './spec-module.js';
import { memoizeByIdentity } from './memo.js';

export type { Scope } from './settings-schema.js';

export interface SpecIndex {
  readonly spec: Spec;
  readonly apiName: string;
  readonly byCode: ReadonlyMap<number, ErrorCodeEntry>;
  readonly byName: ReadonlyMap<string, ErrorCodeEntry>;
  readonly retryable: readonly ErrorCodeEntry[];
  readonly deprecated: readonly ErrorCodeEntry[];
  /** Every code family, the spec's own `codes` (what the fields above index) first. */
  readonly families: readonly CodeFamily[];
  /** The families whose codes are strings (Kakao Login's), in the order of `families`. */
  readonly stringFamilies: readonly StringFamily[];
  /** The codes of the string families (Kakao Login's `KOE320`), each with its family. */
  readonly stringCodes: ReadonlyMap<string, StringCode>;
}

/** A code of a string family: the rules check these where they are compared with an error-code expression. */
export interface StringCode {
  readonly entry: StringErrorCodeEntry;
  readonly family: StringFamily;
}

export type StringFamily = Extract<CodeFamily, { valueType: 'string' }>;

/**
 * Where the enum lives: a package or path alias written as it is, or a file path (absolute, from a
 * `file:` URL, or relative: see resolveEnumModule).
 */
export type EnumModuleSetting =
  | { readonly kind: 'bare'; readonly specifier: string }
  | { readonly kind: 'path'; readonly path: string; readonly written: string };

export interface KakaoSettings {
  readonly index: SpecIndex;
  /** The names an error-code expression may end in (settings.kakao.errorCodeNames, or the default list). */
  readonly errorCodeNames: readonly string[];
  readonly enumName: string;
  /** The names of the enums a file may read codes through: the spec's own (enumName) and each string family's. */
  readonly enumNames: readonly string[];
  readonly enumModule: EnumModuleSetting | undefined;
  readonly scope: Scope;
  readonly cwd: string;
}

/** A misconfiguration. Its stack is its message, so ESLint prints one clear line, not a trace. */
export class KakaoSettingsError extends Error {
  override readonly name = 'KakaoSettingsError';
  constructor(message: string) {
    super(`eslint-plugin-kakao: ${message}`);
    this.stack = `${this.name}: ${this.message}`;
  }
}

export const indexSpec: (spec: Spec) => SpecIndex = memoizeByIdentity((spec) => {
  const families = codeFamilies(spec);
  const stringFamilies = families.filter((family): family is StringFamily => family.valueType === 'string');
  return {
    spec,
    apiName: spec.api.name,
    byCode: new Map(spec.codes.map((entry) => [entry.code, entry])),
    byName: new Map(spec.codes.map((entry) => [entry.name, entry])),
    retryable: spec.codes.filter((entry) => entry.retryable),
    deprecated: spec.codes.filter((entry) => entry.deprecated),
    families,
    stringFamilies,
    stringCodes: new Map(
      stringFamilies.flatMap((family) => family.codes.map((entry): [string, StringCode] => [entry.code, { entry, family }])),
    ),
  };
});

/** The spec shipped with the plugin: validated when the package is built (test/rules/settings.test.ts). */
export function getBundledSpec(): Spec {
  return bundledSpecJson as Spec;
}

const specObjectCache = new WeakMap<object, Spec>();
const specFileCache = new Map<string, { mtimeMs: number; spec: Spec }>();

function loadSpecSetting(value: string | Record<string, unknown> | undefined, filename: string, cwd: string): Spec {
  if (value === undefined) return getBundledSpec();
  try {
    if (typeof value !== 'string') {
      let spec = specObjectCache.get(value);
      if (!spec) {
        spec = loadSpecModule().parseSpec(value, 'settings.kakao.spec');
        specObjectCache.set(value, spec);
      }
      return spec;
    }
    // As enumModule: a package's config linted from the repository root finds its spec too.
    const file = path.isAbsolute(value) ? value : resolveSettingPath(value, filename, cwd);
    const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    const cached = specFileCache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.spec;
    const spec = loadSpecModule().loadSpecFile(file);
    specFileCache.set(file, { mtimeMs, spec });
    return spec;
  } catch (error) {
    if (error instanceof SpecModuleMissingError) throw new KakaoSettingsError(`settings.kakao.spec: ${error.message}`);
    // SpecError comes from the lazily loaded spec module; its name identifies it.
    if (error instanceof Error && error.name === 'SpecError') {
      throw new KakaoSettingsError(
        typeof value === 'string' ? `settings.kakao.spec: ${error.message}` : error.message,
      );
    }
    throw error;
  }
}

/** Each settings object validated once. */
const parsedCache = new WeakMap<object, RawKakaoSettings>();
/**
 * Settings by content, per spec: equal settings give the same object, which the per-file context
 * is keyed by. A spec path is resolved and its file's mtime checked on every call (edits are seen),
 * and gives the same Spec object while the file is unchanged, so its settings stay the same too.
 */
const settingsBySpec = new WeakMap<Spec, Map<string, KakaoSettings>>();
/** The settings last resolved for a settings object without a spec path, and the cwd they were resolved for. */
const lastByObject = new WeakMap<object, { readonly cwd: string; readonly settings: KakaoSettings }>();
/** lastByObject's entry for the settings object asked about last, looked up before the WeakMap: every file of a run asks. */
let lastRaw: unknown;
let lastEntry: { readonly cwd: string; readonly settings: KakaoSettings } | undefined;
const EMPTY_SETTINGS = {};

/** Resolves and validates `settings.kakao`; throws KakaoSettingsError on a bad value. */
export function getKakaoSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): KakaoSettings {
  const raw = (contextProperty(context, 'settings') as { kakao?: unknown }).kakao ?? EMPTY_SETTINGS;
  const cwd = contextProperty(context, 'cwd');
  const last = raw === lastRaw ? lastEntry : typeof raw === 'object' ? lastByObject.get(raw) : undefined;
  if (last?.cwd === cwd) {
    lastRaw = raw;
    lastEntry = last;
    return last.settings;
  }
  let parsed = typeof raw === 'object' ? parsedCache.get(raw) : undefined;
  if (!parsed) {
    parsed = parseSettings(raw);
    if (typeof raw === 'object') parsedCache.set(raw, parsed);
  }
  const isPath = typeof parsed.spec === 'string';
  const spec = loadSpecSetting(parsed.spec, isPath ? contextProperty(context, 'physicalFilename') : '', cwd);
  let byContent = settingsBySpec.get(spec);
  if (!byContent) settingsBySpec.set(spec, (byContent = new Map<string, KakaoSettings>()));
  const { enumName, enumModule, scope = 'kakao-files', errorCodeNames } = parsed;
  const key = JSON.stringify([enumName, enumModule, scope, errorCodeNames, cwd]);
  let settings = byContent.get(key);
  if (!settings) {
    const index = indexSpec(spec);
    const ownEnumName = enumName ?? spec.enumName;
    settings = {
      index,
      errorCodeNames: errorCodeNames ?? DEFAULT_ERROR_CODE_NAMES,
      enumName: ownEnumName,
      enumNames: [ownEnumName, ...index.stringFamilies.map((family) => family.enumName)],
      enumModule: enumModule === undefined ? undefined : parseEnumModule(enumModule),
      scope,
      cwd,
    };
    byContent.set(key, settings);
  }
  // Without a spec path nothing can change for this settings object: the next call returns at once.
  if (!isPath && typeof raw === 'object') {
    lastRaw = raw;
    lastEntry = { cwd, settings };
    lastByObject.set(raw, lastEntry);
  }
  return settings;
}

function parseSettings(raw: unknown): RawKakaoSettings {
  const checked = checkKakaoSettings(raw);
  if ('problem' in checked) throw new KakaoSettingsError(checked.problem.join(': '));
  return checked.settings;
}

function parseEnumModule(written: string): EnumModuleSetting {
  if (written.startsWith('file:')) {
    let file: string;
    try {
      file = fileURLToPath(written);
    } catch {
      throw new KakaoSettingsError(`settings.kakao.enumModule: ${JSON.stringify(written)} is not a valid file: URL`);
    }
    return { kind: 'path', path: file, written };
  }
  if (path.isAbsolute(written) || written === '.' || written === '..' || /^\.\.?[\\/]/u.test(written)) {
    return { kind: 'path', path: written, written };
  }
  return { kind: 'bare', specifier: written };
}
