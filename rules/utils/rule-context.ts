/**
 * The per-file set-up every rule starts with: settings, whether the file is in scope, the
 * error-code expression test (by name, plus types when the parser has them), the enum in the file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createErrorCodeNameTest } from './ast.js';
import type { ErrorCodeExpressionTest } from './ast.js';
import { createChecksOf } from './code-checks.js';
import type { CodeCheck, CodeCheckContext } from './code-checks.js';
import { contextProperty } from './context-property.js';
import { createFileEnum } from './enum-reference.js';
import type { FileEnum } from './enum-reference.js';
import { hasApiEvidence, isGeneratedFile } from './kakao-file.js';
import { sameElements } from './memo.js';
import { mayMentionAnything } from './mention-prefilter.js';
import { getKakaoSettings } from './settings.js';
import type { KakaoSettings, SpecIndex } from './settings.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface KakaoFile extends CodeCheckContext {
  readonly settings: KakaoSettings;
  readonly index: SpecIndex;
  readonly fileEnum: FileEnum;
  /** The names of the enums a file may read codes through: the spec's own (as settings name it) and each string family's. */
  readonly enumNames: readonly string[];
  /** What the searches of the file's text found (code-nodes.ts; `any`, mention-prefilter.ts'), each made on first use. */
  readonly mentions: { stringCode?: boolean; enumName?: boolean; any?: boolean };
  /**
   * False when no search of the file's text can find anything (mention-prefilter.ts): one pass, made
   * with the model under scope 'all' and on first use otherwise; true for a long text.
   */
  mayMention(): boolean;
}

interface CachedFile {
  /** The rule's deprecated `errorCodeNames` option, as given (usually undefined). */
  readonly errorCodeNamesOption: readonly string[] | undefined;
  readonly file: KakaoFile | undefined;
}

/**
 * The set-ups of the file being linted, keyed by what a rule's context gives at no cost: its
 * source code and its settings object. ESLint runs the rules of one file one after another, so
 * only that file's set-ups are kept, and the second and third rule of a file read two properties
 * and compare identities: this runs for every rule of every file.
 */
let currentSourceCode: unknown;
let currentSettingsObject: unknown;
let currentFiles: CachedFile[] = [];

const sameNames = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && sameElements(a, b));

let setUps = 0;

/** How many per-file set-ups have run in this process (for tests and the benchmark: one per file and settings). */
export function countKakaoFileSetUps(): number {
  return setUps;
}

/**
 * Undefined when the rule has nothing to do in this file (out of scope, or generated). Every rule
 * of the file shares the result when the settings and names are the same. `errorCodeNames` is a
 * rule's deprecated option; without it, settings.kakao.errorCodeNames applies.
 */
export function getKakaoFile(context: AnyContext, errorCodeNamesOption?: readonly string[]): KakaoFile | undefined {
  const sourceCode = contextProperty(context, 'sourceCode');
  const settingsObject = contextProperty(context, 'settings');
  if (sourceCode !== currentSourceCode || settingsObject !== currentSettingsObject) {
    currentSourceCode = sourceCode;
    currentSettingsObject = settingsObject;
    currentFiles = [];
  }
  // A loop over indices, not find() or for-of: three rules ask for every file.
  for (let i = 0; i < currentFiles.length; i++) {
    const entry = currentFiles[i]!;
    if (sameNames(entry.errorCodeNamesOption, errorCodeNamesOption)) return entry.file;
  }
  setUps++;
  const settings = getKakaoSettings(context);
  const file = createKakaoFile(context, sourceCode, settings, errorCodeNamesOption ?? settings.errorCodeNames);
  currentFiles.push({ errorCodeNamesOption, file });
  return file;
}

function createKakaoFile(
  context: AnyContext,
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: KakaoSettings,
  errorCodeNames: readonly string[],
): KakaoFile | undefined {
  if (settings.scope === 'kakao-files') {
    // Imports in a Markdown code block (`README.md/0.ts`) are relative to the Markdown file.
    if (isGeneratedFile(sourceCode) || !hasApiEvidence(sourceCode, contextProperty(context, 'physicalFilename'), settings)) return undefined;
    return new FileModel(context, sourceCode, settings, errorCodeNames, undefined);
  }
  // With scope 'all' every file's text is searched: the prefilter's pass, made now, also tells most
  // files that they are not generated.
  const mayMention = mayMentionAnything(settings, sourceCode.text);
  if (mayMention && isGeneratedFile(sourceCode)) return undefined;
  return new FileModel(context, sourceCode, settings, errorCodeNames, mayMention);
}

/**
 * A class, not an object of closures: a file's model is made for every file, and most files need
 * little of it, so each part (the error-code test, the checks memo, the file enum) is made on first
 * use. Its fields are assigned in the constructor, not declared with initialisers or as `#private`
 * (those run a separate initialiser for every instance).
 */
class FileModel implements KakaoFile {
  declare readonly sourceCode: Readonly<TSESLint.SourceCode>;
  declare readonly settings: KakaoSettings;
  declare readonly index: SpecIndex;
  declare readonly enumNames: readonly string[];
  declare readonly mentions: KakaoFile['mentions'];
  declare private readonly context: AnyContext;
  declare private readonly errorCodeNames: readonly string[];
  declare private fileEnumMade: FileEnum | undefined;
  declare private errorCodeTest: ErrorCodeExpressionTest | undefined;
  declare private checksMemo: ((container: TSESTree.Node) => readonly CodeCheck[]) | undefined;

  constructor(
    context: AnyContext,
    sourceCode: Readonly<TSESLint.SourceCode>,
    settings: KakaoSettings,
    errorCodeNames: readonly string[],
    mayMention: boolean | undefined,
  ) {
    this.sourceCode = sourceCode;
    this.settings = settings;
    this.index = settings.index;
    this.enumNames = settings.enumNames;
    this.mentions = { any: mayMention };
    this.context = context;
    this.errorCodeNames = errorCodeNames;
    this.fileEnumMade = undefined;
    this.errorCodeTest = undefined;
    this.checksMemo = undefined;
  }

  get fileEnum(): FileEnum {
    return (this.fileEnumMade ??= createFileEnum(this.context, this.settings));
  }

  isErrorCodeExpression(node: TSESTree.Node): boolean {
    return (this.errorCodeTest ??= errorCodeExpressionTest(this.context, this.settings, this.errorCodeNames))(node);
  }

  mayMention(): boolean {
    return (this.mentions.any ??= mayMentionAnything(this.settings, this.sourceCode.text));
  }

  checksOf(container: TSESTree.Node): readonly CodeCheck[] {
    return (this.checksMemo ??= createChecksOf(this))(container);
  }
}

/** By name, and with type information also by type. */
function errorCodeExpressionTest(context: AnyContext, settings: KakaoSettings, errorCodeNames: readonly string[]): ErrorCodeExpressionTest {
  const byName = createErrorCodeNameTest(errorCodeNames);
  // Asked here, so that a run without types never compiles the type test.
  const services = context.sourceCode.parserServices as TypedParserServices | undefined;
  const byType = services?.program && services.getTypeAtLocation ? createEnumTypeTest(services.program, services.getTypeAtLocation, settings.enumName) : undefined;
  return byType ? (node) => byName(node) || byType(node) : byName;
}

interface TypedParserServices {
  program?: MinimalProgram | null;
  getTypeAtLocation?: (node: TSESTree.Node) => MinimalType;
}

interface MinimalType {
  flags: number;
  aliasSymbol?: { getName(): string } | undefined;
  getSymbol(): { getName(): string } | undefined;
  isUnion(): boolean;
  types?: MinimalType[];
}

interface MinimalProgram {
  getTypeChecker(): { getBaseTypeOfLiteralType(type: MinimalType): MinimalType };
  getSourceFiles(): readonly { readonly text: string }[];
}

const mentionCache = new WeakMap<MinimalProgram, Map<string, boolean>>();

/** Whether any source file of the program (its own, its dependencies', the libs) contains `name`. */
function programMentions(program: MinimalProgram, name: string): boolean {
  let byName = mentionCache.get(program);
  if (!byName) mentionCache.set(program, (byName = new Map<string, boolean>()));
  let result = byName.get(name);
  if (result === undefined) {
    result = program.getSourceFiles().some((file) => file.text.includes(name));
    byName.set(name, result);
  }
  return result;
}

/**
 * With type information (parserOptions.projectService or project), an expression typed as the enum
 * also counts as an error-code expression. Types are optional: undefined when no type can be the enum.
 */
function createEnumTypeTest(
  program: MinimalProgram,
  getType: (node: TSESTree.Node) => MinimalType,
  enumName: string,
): ErrorCodeExpressionTest | undefined {
  // No type can be the enum in a program that never names it (then the test would only cost time).
  if (!programMentions(program, enumName)) return undefined;
  const checker = program.getTypeChecker();

  const isEnumType = (type: MinimalType, depth: number): boolean => {
    if ((type.aliasSymbol ?? type.getSymbol())?.getName() === enumName) return true;
    if (depth > 0 && type.isUnion()) {
      const parts = type.types ?? [];
      return parts.length > 0 && parts.every((part) => isEnumType(part, depth - 1));
    }
    const base = checker.getBaseTypeOfLiteralType(type);
    return base !== type && base.getSymbol()?.getName() === enumName;
  };
  return (node) => {
    try {
      return isEnumType(getType(node), 1);
    } catch {
      return false;
    }
  };
}
