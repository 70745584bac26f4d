/**
 * The per-file set-up every rule starts with: settings, whether the file is in scope, the
 * error-code expression test (by name, plus types when the parser has them), the enum in the file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createErrorCodeNameTest } from './ast.js';
import type { CodeUseContext, ErrorCodeExpressionTest } from './ast.js';
import { getFileEnum } from './enum-reference.js';
import type { FileEnum } from './enum-reference.js';
import { hasApiEvidence, isGeneratedFile } from './kakao-file.js';
import { getKakaoSettings } from './settings.js';
import type { KakaoSettings, SpecIndex } from './settings.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface KakaoFile extends CodeUseContext {
  readonly settings: KakaoSettings;
  readonly index: SpecIndex;
  readonly fileEnum: FileEnum;
}

/** Undefined when the rule has nothing to do in this file (out of scope, or generated). */
export function getKakaoFile(context: AnyContext, errorCodeNames: readonly string[]): KakaoFile | undefined {
  const settings = getKakaoSettings(context);
  const { sourceCode, filename } = context;
  if (isGeneratedFile(sourceCode)) return undefined;
  if (settings.scope === 'kakao-files' && !hasApiEvidence(sourceCode, filename, settings)) return undefined;

  const fileEnum = getFileEnum(context, settings);
  const byName = createErrorCodeNameTest(errorCodeNames);
  const byType = createEnumTypeTest(context, settings.enumName);
  const isErrorCodeExpression: ErrorCodeExpressionTest = byType
    ? (node) => byName(node) || byType(node)
    : byName;
  return {
    settings,
    index: settings.index,
    fileEnum,
    sourceCode,
    isErrorCodeExpression,
    isEnumMemberReference: (node) => fileEnum.memberEntry(node) !== undefined,
  };
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
 * also counts as an error-code expression. Without it, this returns undefined: types are optional.
 */
function createEnumTypeTest(context: AnyContext, enumName: string): ErrorCodeExpressionTest | undefined {
  const services = context.sourceCode.parserServices as
    | {
        program?: MinimalProgram | null;
        getTypeAtLocation?: (node: TSESTree.Node) => MinimalType;
      }
    | undefined;
  if (!services?.program || !services.getTypeAtLocation) return undefined;
  // No type can be the enum in a program that never names it (then the test would only cost time).
  if (!programMentions(services.program, enumName)) return undefined;
  const checker = services.program.getTypeChecker();
  const getType = services.getTypeAtLocation;

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
