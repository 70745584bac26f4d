/**
 * `settings.kakao`, shared by every rule: which spec, which enum, where it lives, which files.
 * Resolved once per settings object and once per spec, not once per file.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESLint } from '@typescript-eslint/utils';
import { codeFamilies, type CodeFamily } from '../../core/families.js';
import type { ErrorCodeEntry, Spec } from '../../core/spec.js';
import bundledSpecJson from '../../spec/kakao-error-codes.json' with { type: 'json' };
import { resolveSettingPath } from './config-dirs.js';
import { checkKakaoSettings } from './settings-schema.js';
import type { Scope } from './settings-schema.js';
import { loadSpecModule, SpecModuleMissingError } from './spec-module.js';

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
}

/**
 * Where the enum lives: a package or path alias written as it is, or a file path (absolute, from a
 * `file:` URL, or relative: see resolveEnumModule).
 */
export type EnumModuleSetting =
  | { readonly kind: 'bare'; readonly specifier: string }
  | { readonly kind: 'path'; readonly path: string; readonly written: string };

export interface KakaoSettings {
  readonly index: SpecIndex;
  readonly enumName: string;
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

const indexCache = new WeakMap<Spec, SpecIndex>();

export function indexSpec(spec: Spec): SpecIndex {
  let index = indexCache.get(spec);
  if (!index) {
    index = {
      spec,
      apiName: spec.api.name,
      byCode: new Map(spec.codes.map((entry) => [entry.code, entry])),
      byName: new Map(spec.codes.map((entry) => [entry.name, entry])),
      retryable: spec.codes.filter((entry) => entry.retryable),
      deprecated: spec.codes.filter((entry) => entry.deprecated),
      families: codeFamilies(spec),
    };
    indexCache.set(spec, index);
  }
  return index;
}

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

const settingsCache = new WeakMap<object, Map<string, KakaoSettings>>();
const EMPTY_SETTINGS = {};

/** Resolves and validates `settings.kakao`; throws KakaoSettingsError on a bad value. */
export function getKakaoSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): KakaoSettings {
  const raw = (context.settings as { kakao?: unknown }).kakao ?? EMPTY_SETTINGS;
  const cwd = context.cwd;
  let byCwd = typeof raw === 'object' ? settingsCache.get(raw) : undefined;
  const cached = byCwd?.get(cwd);
  if (cached) return cached;

  const checked = checkKakaoSettings(raw);
  if ('problem' in checked) throw new KakaoSettingsError(checked.problem.join(': '));
  const { enumModule, scope = 'kakao-files', spec: specSetting } = checked.settings;
  const spec = loadSpecSetting(specSetting, context.physicalFilename, cwd);
  const settings: KakaoSettings = {
    index: indexSpec(spec),
    enumName: checked.settings.enumName ?? spec.enumName,
    enumModule: enumModule === undefined ? undefined : parseEnumModule(enumModule),
    scope,
    cwd,
  };
  // A spec path is re-validated on every call so that edits are seen; an object is immutable here.
  if (typeof specSetting !== 'string' && typeof raw === 'object') {
    if (!byCwd) settingsCache.set(raw, (byCwd = new Map<string, KakaoSettings>()));
    byCwd.set(cwd, settings);
  }
  return settings;
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
