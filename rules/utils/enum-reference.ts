/**
 * How the generated enum is reachable in a file (`KakaoErrorCode`, an alias, `ns.KakaoErrorCode`),
 * how to recognise `<enum>.<Member>`, and how to write `<enum>.<Member>` at a node: through a binding
 * that is the generated enum, or with one import added (merged into an existing import of the enum
 * module, or a type-only import made a value import). When no such write is safe, why not.
 */
import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ErrorCodeEntry, StringErrorCodeEntry } from '../../core/spec.js';
import { importStatement, insertStatement } from '../fix/insert-import.js';
import { getSourceLayout } from '../fix/source-layout.js';
import type { ScriptBlock } from '../fix/source-layout.js';
import { findValueVariable, getStaticPropertyName, requireSource, skipWrappers } from './ast.js';
import { generatedEnumSource, missingMemberReason, resolveEnumModule } from './enum-module.js';
import type { EnumModuleTarget, EnumStyle } from './enum-module.js';
import { extensionStyleOf, moduleBaseName, relativeSpecifier } from './module-specifier.js';
import type { ExtensionStyle } from './module-specifier.js';
import type { KakaoSettings, SpecIndex, StringFamily } from './settings.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type EnumReplacement =
  | {
      readonly kind: 'fixable';
      readonly text: string;
      readonly fixImport: ((fixer: Fixer) => Fix | null) | null;
      /**
       * The member's type where it is written. `literal`: TypeScript, and the member has a literal
       * type of its own (the object style, or a module whose style is unknown), so a list of members
       * is a list of literals, whose `.includes(code)` rejects a `number`. `enum`: TypeScript, an
       * enum member, so a list of string-enum members rejects a `string`. `untyped`: JavaScript.
       */
      readonly memberType: MemberType;
    }
  | { readonly kind: 'no-enum-module' }
  | { readonly kind: 'shadowed'; readonly name: string }
  | { readonly kind: 'name-taken'; readonly name: string }
  /** A write that would not compile, or not mean the code: `reason` says why, for the message. */
  | { readonly kind: 'not-fixable'; readonly reason: string };

export type MemberType = 'untyped' | 'enum' | 'literal';

export interface FileEnum {
  /** The spec entry when `node` reads `<enum>.<Member>` (`KakaoErrorCode.X`, `K.X`, `ns.KakaoErrorCode.X`). */
  memberEntry(node: Node): ErrorCodeEntry | undefined;
  /** How to write `<enum>.<member>` at `node`, and the import fix it needs. */
  replacementAt(node: Node, member: string): EnumReplacement;
  /** The same for the enum of a string family (`KakaoLoginErrorCode`), generated in the same module. */
  family(family: StringFamily): FamilyEnum;
}

export interface FamilyEnum {
  memberEntry(node: Node): StringErrorCodeEntry | undefined;
  replacementAt(node: Node, member: string): EnumReplacement;
}

interface ValueBinding {
  /** The text that reaches the enum: "KakaoErrorCode", "K", "ns.KakaoErrorCode". */
  readonly text: string;
  readonly variable: Variable;
  /** Undefined when `member` may be written through this binding; else why not. */
  untrustedFor(member: string): string | undefined;
  /** In a Vue `<script setup>` block: visible in the template. */
  readonly inSetup: boolean;
  /** How the enum behind the binding is declared, when that is known. */
  style(): EnumStyle | undefined;
}

type NamedImport = TSESTree.ImportDeclaration & { specifiers: TSESTree.ImportClause[] };

/** Made once per file and settings, by the per-file context (rule-context.ts). */
export function createFileEnum(context: AnyContext, settings: KakaoSettings): FileEnum {
  const main = lazyFileEnum(context, settings);
  const families = new Map<StringFamily, FamilyEnum>();
  return {
    memberEntry: main.memberEntry,
    replacementAt: main.replacementAt,
    family(family) {
      let familyEnum = families.get(family);
      if (!familyEnum) {
        familyEnum = lazyFileEnum(context, familySettings(settings, family)) as FamilyEnum;
        families.set(family, familyEnum);
      }
      return familyEnum;
    },
  };
}

type AnyFileEnum = Omit<FileEnum, 'family'>;

/** Analysed on first use: most files never need it (no code reported, no `<x>.<Member>` read). */
function lazyFileEnum(context: AnyContext, settings: KakaoSettings): AnyFileEnum {
  let analysis: AnyFileEnum | undefined;
  const analyzed = () => (analysis ??= analyzeFile(context, settings));
  return {
    memberEntry(node) {
      // What analyzeFile's memberEntry checks first, without the analysis.
      const inner = skipWrappers(node);
      if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const member = getStaticPropertyName(inner);
      if (member === undefined || !settings.index.byName.has(member)) return undefined;
      return analyzed().memberEntry(node);
    },
    replacementAt: (node, member) => analyzed().replacementAt(node, member),
  };
}

const familySettingsCache = new WeakMap<KakaoSettings, Map<StringFamily, KakaoSettings>>();

/**
 * The settings seen from a string family: its enum name, its members. The enum module is the same
 * (the generator writes every family into one module), so is everything else.
 */
function familySettings(settings: KakaoSettings, family: StringFamily): KakaoSettings {
  let byFamily = familySettingsCache.get(settings);
  if (!byFamily) familySettingsCache.set(settings, (byFamily = new Map<StringFamily, KakaoSettings>()));
  let derived = byFamily.get(family);
  if (!derived) {
    const index: SpecIndex = {
      ...settings.index,
      // Only byName is read for a family's members; its entries stand in for the integer ones.
      byName: new Map(family.codes.map((entry) => [entry.name, entry as unknown as ErrorCodeEntry])),
    };
    derived = { ...settings, enumName: family.enumName, index };
    byFamily.set(family, derived);
  }
  return derived;
}

function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/gu, '$1-$2').toLowerCase();
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

function isTypeOnly(declaration: TSESTree.ImportDeclaration, specifier?: TSESTree.ImportClause): boolean {
  return (
    declaration.importKind === 'type' ||
    (specifier?.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type')
  );
}

function analyzeFile(context: AnyContext, settings: KakaoSettings): AnyFileEnum {
  const { sourceCode } = context;
  const { enumName, cwd } = settings;
  // A code block of a Markdown file (`README.md/0.ts`) imports relative to the Markdown file.
  const filename = path.resolve(cwd, context.physicalFilename);
  const layout = getSourceLayout(sourceCode, path.resolve(cwd, context.filename), context.languageOptions.sourceType);
  const statements = layout.blocks.flatMap((block) => block.statements);
  const program = sourceCode.ast;
  // The module scope in ESM, the Node.js wrapper scope in CommonJS, the global scope in scripts.
  const scopes = sourceCode.scopeManager?.scopes ?? [];
  const topScope =
    scopes.find((scope) => scope.type === 'module') ??
    scopes.find((scope) => scope.type === 'function' && scope.block === program) ??
    scopes.find((scope) => scope.type === 'global') ??
    null;
  let target: EnumModuleTarget | undefined | null = null;
  const enumTarget = () => (target === null ? (target = resolveEnumModule(settings, filename)) : target);
  // Every family's enum is generated into one module, which may be named after any of them.
  const enumFileNames = new Set(
    [enumName, ...settings.index.families.map((family) => family.enumName)].flatMap((name) => [kebabCase(name), `${kebabCase(name)}s`]),
  );
  const { enumModule } = settings;
  if (enumModule) enumFileNames.add(moduleBaseName(enumModule.kind === 'bare' ? enumModule.specifier : enumModule.path).toLowerCase());
  /** A quick test on the name, before the module is resolved. */
  const mayBeEnumModule = (specifier: string) => enumFileNames.has(moduleBaseName(specifier).toLowerCase());
  const sources = new Map<string, EnumModuleTarget | undefined>();
  /** Undefined when `member` of the enum imported from `specifier` may be written; else why not. */
  const untrustedSource = (specifier: string, member?: string): string | undefined => {
    if (!sources.has(specifier)) sources.set(specifier, generatedEnumSource(specifier, filename, settings, enumTarget()));
    const source = sources.get(specifier);
    if (!source) {
      return `"${enumName}" is imported from '${specifier}', which is neither settings.kakao.enumModule nor a module generated by kakao-codegen`;
    }
    return member === undefined ? undefined : missingMemberReason(source, enumName, member, cwd);
  };
  const sourceStyle = (specifier: string): EnumStyle | undefined => {
    const source = sources.get(specifier);
    return source?.kind === 'file' ? source.module.style : undefined;
  };

  const aliases = new Set<string>([enumName]);
  const bindings: ValueBinding[] = [];
  const specifiers: string[] = [];
  let typeOnlyImport: { declaration: NamedImport; specifier: TSESTree.ImportSpecifier } | undefined;
  const mergeCandidates: NamedImport[] = [];

  const variableOf = (name: string) => topScope?.set.get(name);
  const setupBlock = layout.blocks.find((block) => block.setup);
  const inSetup = (node: Node) => setupBlock !== undefined && layout.blockOf(node) === setupBlock;

  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    const source = statement.source.value;
    specifiers.push(source);
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && importedName(specifier) === enumName) {
        aliases.add(specifier.local.name);
        if (isTypeOnly(statement, specifier)) {
          typeOnlyImport ??= { declaration: statement, specifier };
          continue;
        }
        const variable = variableOf(specifier.local.name);
        if (variable) {
          bindings.push({ text: specifier.local.name, variable, untrustedFor: (member) => untrustedSource(source, member), inSetup: inSetup(statement), style: () => sourceStyle(source) });
        }
      } else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier && mayBeEnumModule(source) && !isTypeOnly(statement)) {
        // `import * as codes from '…/kakao-error-codes'`: the enum is `codes.KakaoErrorCode`, if the
        // module is the generated one.
        const variable = variableOf(specifier.local.name);
        if (variable) {
          bindings.push({
            text: `${specifier.local.name}.${enumName}`,
            variable,
            untrustedFor: (member) => untrustedSource(source, member),
            inSetup: inSetup(statement),
            style: () => sourceStyle(source),
          });
        }
      }
    }
    if (
      mayBeEnumModule(source) &&
      !isTypeOnly(statement) &&
      statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier)
    ) {
      mergeCandidates.push(statement);
    }
  }

  // A declaration in the file itself (`enum KakaoErrorCode`, `const { KakaoErrorCode } = require(...)`).
  const ownVariable = variableOf(enumName);
  if (ownVariable && !bindings.some((binding) => binding.variable === ownVariable)) {
    const isValue = ownVariable.defs.some(
      (def) => def.type !== 'ImportBinding' && def.type !== 'Type' && !(def.node.type === AST_NODE_TYPES.TSInterfaceDeclaration),
    );
    if (isValue) {
      bindings.push({
        text: enumName,
        variable: ownVariable,
        untrustedFor: (member) => untrustedDeclaration(ownVariable, member, settings, untrustedSource),
        inSetup: false,
        style: () => declarationStyle(ownVariable, sourceStyle),
      });
    }
  }
  for (const variable of topScope?.variables ?? []) {
    for (const def of variable.defs) {
      const required = requiredEnumAlias(def.node, variable.name, enumName);
      if (required && !bindings.some((binding) => binding.variable === variable)) {
        aliases.add(required.local);
        bindings.push({
          text: required.local,
          variable,
          untrustedFor: (member) => untrustedSource(required.source, member),
          inSetup: false,
          style: () => sourceStyle(required.source),
        });
      }
    }
  }

  function memberEntry(input: Node): ErrorCodeEntry | undefined {
    const node = skipWrappers(input);
    if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const member = getStaticPropertyName(node);
    if (member === undefined) return undefined;
    const entry = settings.index.byName.get(member);
    if (!entry) return undefined;
    const object = skipWrappers(node.object);
    if (object.type === AST_NODE_TYPES.Identifier) return aliases.has(object.name) ? entry : undefined;
    if (object.type === AST_NODE_TYPES.MemberExpression) {
      return getStaticPropertyName(object) === enumName ? entry : undefined;
    }
    return undefined;
  }

  function reachable(node: Node, binding: ValueBinding): boolean {
    const root = binding.text.split('.', 1)[0]!;
    return findValueVariable(sourceCode.getScope(node), root) === binding.variable;
  }

  function replacementAt(node: Node, member: string): EnumReplacement {
    const block = layout.blockOf(node);
    if (layout.component === 'vue' && !block) return templateReplacement(node, member);
    for (const binding of bindings) {
      if (!reachable(node, binding)) continue;
      const reason = binding.untrustedFor(member);
      if (reason !== undefined) return { kind: 'not-fixable', reason };
      return { kind: 'fixable', text: `${binding.text}.${member}`, fixImport: null, memberType: memberType(block, binding.style()) };
    }
    if (bindings.length > 0) return { kind: 'shadowed', name: bindings[0]!.text.split('.', 1)[0]! };

    if (typeOnlyImport) {
      const { declaration, specifier } = typeOnlyImport;
      const local = specifier.local.name;
      const variable = variableOf(local);
      if (variable && findValueVariable(sourceCode.getScope(node), local) !== variable) return { kind: 'shadowed', name: local };
      const reason = untrustedSource(declaration.source.value, member) ?? unimportableReason(block);
      if (reason !== undefined) return { kind: 'not-fixable', reason };
      return {
        kind: 'fixable',
        text: `${local}.${member}`,
        fixImport: (fixer) => makeValueImport(fixer, declaration, specifier),
        memberType: memberType(block, sourceStyle(declaration.source.value)),
      };
    }

    if (variableOf(enumName)) return { kind: 'name-taken', name: enumName };
    if (findValueVariable(sourceCode.getScope(node), enumName)) return { kind: 'shadowed', name: enumName };

    const merged = mergeCandidates.find((candidate) => untrustedSource(candidate.source.value) === undefined);
    if (merged) {
      const reason = untrustedSource(merged.source.value, member) ?? unimportableReason(block);
      if (reason !== undefined) return { kind: 'not-fixable', reason };
      return {
        kind: 'fixable',
        text: `${enumName}.${member}`,
        fixImport: (fixer) => addToImport(fixer, merged),
        memberType: memberType(block, sourceStyle(merged.source.value)),
      };
    }
    return newImportReplacement(block, member);
  }

  /** A magic code in a Vue template: the template sees what `<script setup>` imports, nothing can be added. */
  function templateReplacement(node: Node, member: string): EnumReplacement {
    const binding = bindings.find((candidate) => candidate.inSetup && candidate.variable.name === candidate.text);
    if (!binding || shadowedInTemplate(node, binding.text)) {
      return {
        kind: 'not-fixable',
        reason: `the template cannot see ${enumName}: import it in <script setup> to fix this`,
      };
    }
    const reason = binding.untrustedFor(member);
    if (reason !== undefined) return { kind: 'not-fixable', reason };
    return { kind: 'fixable', text: `${binding.text}.${member}`, fixImport: null, memberType: memberType(setupBlock, binding.style()) };
  }

  type ImportPlan = { readonly reason: string } | { readonly block: ScriptBlock; readonly statement: string };
  let importPlan: ImportPlan | undefined | null = null;
  let insertion: Fix | undefined;

  /** How a new import would be written: one plan per file, whichever code asks (every report shares it). */
  function planImport(nodeBlock: ScriptBlock | undefined, target: Exclude<EnumModuleTarget, { kind: 'missing' }>): ImportPlan {
    const block = importBlock(nodeBlock);
    const reason = unimportableReason(block);
    if (reason !== undefined) return { reason };
    if (target.kind === 'file' && block!.language === 'js' && layout.language === 'js') {
      const { style, file } = target.module;
      if (style === 'const-enum' || (style === undefined && /\.[mc]?tsx?$/u.test(file))) {
        return {
          reason: `${enumName} in ${path.relative(cwd, file) || file} is ${style === 'const-enum' ? 'a const enum, which' : 'not known to be a value that'} JavaScript cannot import (generate it with kakao-codegen --style enum or --style object)`,
        };
      }
    }
    const specifier =
      target.kind === 'package' ? target.specifier : relativeSpecifier(filename, target.module.file, extensionStyle(target.module.file));
    return { block: block!, statement: importStatement(layout, enumName, specifier) };
  }

  function newImportReplacement(nodeBlock: ScriptBlock | undefined, member: string): EnumReplacement {
    const target = enumTarget();
    if (target === undefined) return { kind: 'no-enum-module' };
    if (target.kind === 'missing') {
      return {
        kind: 'not-fixable',
        reason: `settings.kakao.enumModule ${JSON.stringify(target.setting)} resolves to ${target.resolved} (from ${target.from}), where there is no module`,
      };
    }
    const plan = (importPlan ??= planImport(nodeBlock, target));
    const reason = 'reason' in plan ? plan.reason : missingMemberReason(target, enumName, member, cwd);
    if (reason !== undefined) return { kind: 'not-fixable', reason };
    const { block, statement } = plan as Exclude<ImportPlan, { reason: string }>;
    return {
      kind: 'fixable',
      text: `${enumName}.${member}`,
      fixImport: (fixer) => {
        insertion ??= insertStatement(fixer, sourceCode, layout, block, statement);
        return { range: insertion.range, text: insertion.text };
      },
      memberType: memberType(block, target.kind === 'file' ? target.module.style : undefined),
    };
  }

  function memberType(block: ScriptBlock | undefined, style: EnumStyle | undefined): MemberType {
    if ((block?.language ?? layout.language) !== 'ts') return 'untyped';
    return style === 'enum' || style === 'const-enum' ? 'enum' : 'literal';
  }

  /**
   * The one block of a file that takes the import, so that two fixes in one pass never add two: in
   * a component, the block every other part sees — Vue's `<script>` (seen by `<script setup>`),
   * Svelte's `<script module>` (seen by the instance script and the markup) — else the only one.
   */
  function importBlock(nodeBlock: ScriptBlock | undefined): ScriptBlock | undefined {
    if (layout.component === 'vue') return layout.blocks.find((block) => !block.setup) ?? layout.blocks[0];
    if (layout.component === 'svelte') return layout.blocks.find((block) => block.module) ?? layout.blocks[0];
    return nodeBlock;
  }

  function unimportableReason(block: ScriptBlock | undefined): string | undefined {
    if (!block) return 'the component has no <script> block to import it into';
    if (layout.moduleSystem === 'script') {
      return 'this file is a script (no import or export): adding an import would make it a module';
    }
    return undefined;
  }

  function extensionStyle(targetFile: string): ExtensionStyle {
    const own = extensionStyleOf(specifiers.length > 0 ? specifiers : requireSpecifiers());
    if (own) return own;
    // Vite and other bundlers resolve components' imports without an extension.
    return layout.component && /\.[mc]?[jt]sx?$/u.test(targetFile) && !/\.c[jt]s$/u.test(targetFile) ? 'none' : 'runtime';
  }

  function requireSpecifiers(): string[] {
    const found: string[] = [];
    for (const variable of topScope?.variables ?? []) {
      for (const def of variable.defs) {
        const init = def.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : null;
        const source = init ? requireSource(init) : undefined;
        if (source !== undefined) found.push(source);
      }
    }
    return found;
  }

  function addToImport(fixer: Fixer, declaration: NamedImport): Fix {
    const named = declaration.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
    return fixer.insertTextAfter(named.at(-1)!, `, ${enumName}`);
  }

  function makeValueImport(fixer: Fixer, declaration: NamedImport, specifier: TSESTree.ImportSpecifier): Fix | null {
    if (declaration.importKind !== 'type') {
      // `import { type KakaoErrorCode } from ...` → drop the inline `type`.
      const typeToken = sourceCode.getFirstToken(specifier);
      return typeToken ? fixer.removeRange([typeToken.range[0], specifier.imported.range[0]]) : null;
    }
    const typeToken = sourceCode.getFirstToken(declaration, { skip: 1 });
    if (!typeToken || typeToken.value !== 'type') return null;
    if (declaration.specifiers.length === 1) {
      return fixer.removeRange([typeToken.range[0], sourceCode.getTokenAfter(typeToken)!.range[0]]);
    }
    // `import type { A, KakaoErrorCode }` → `import { type A, KakaoErrorCode }`: the others stay types.
    const others = declaration.specifiers.filter((s) => s !== specifier);
    if (others.some((s) => s.type !== AST_NODE_TYPES.ImportSpecifier)) return null;
    const fixes = [
      fixer.removeRange([typeToken.range[0], sourceCode.getTokenAfter(typeToken)!.range[0]]),
      ...others.map((s) => fixer.insertTextBefore(s, 'type ')),
    ];
    return mergeFixes(fixer, fixes, declaration);
  }

  function mergeFixes(fixer: Fixer, fixes: Fix[], around: Node): Fix {
    // One fix object, so the import change is applied as a unit.
    let text = sourceCode.text.slice(around.range[0], around.range[1]);
    for (const fix of [...fixes].sort((a, b) => b.range[0] - a.range[0])) {
      const start = fix.range[0] - around.range[0];
      const end = fix.range[1] - around.range[0];
      text = text.slice(0, start) + fix.text + text.slice(end);
    }
    return fixer.replaceText(around, text);
  }

  return { memberEntry, replacementAt };
}

/** `enum X {…}` is an enum; `const X = {…}` an object; `require('…').X`, the required module's style. */
function declarationStyle(variable: Variable, sourceStyle: (specifier: string) => EnumStyle | undefined): EnumStyle | undefined {
  for (const def of variable.defs) {
    const node = def.node as Node;
    if (node.type === AST_NODE_TYPES.TSEnumDeclaration) return node.const ? 'const-enum' : 'enum';
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
      const source = requireSource(node.init);
      return source === undefined ? 'object' : sourceStyle(source);
    }
  }
  return undefined;
}

/** Whether a `v-for`/`v-slot` variable of an enclosing element hides `name` in a Vue template. */
function shadowedInTemplate(node: Node, name: string): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) {
    const variables = (current as { variables?: readonly { id: { name: string } }[] }).variables;
    if (variables?.some((variable) => variable.id.name === name)) return true;
  }
  return false;
}

/**
 * Undefined when `member` of a declaration in the file itself has the spec's value (an enum or an
 * object literal: `KakaoErrorCode.X` then means the code); else why the name cannot be trusted.
 */
function untrustedDeclaration(
  variable: Variable,
  member: string,
  settings: KakaoSettings,
  untrustedSource: (specifier: string, member: string) => string | undefined,
): string | undefined {
  const code = settings.index.byName.get(member)?.code;
  const name = variable.name;
  for (const def of variable.defs) {
    const node = def.node as Node;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
      const source = requireSource(node.init);
      if (source !== undefined) {
        return requiredEnumAlias(node, name, settings.enumName) || requiresMember(node.init, settings.enumName)
          ? untrustedSource(source, member)
          : `this file's "${name}" is a whole module, not the generated enum`;
      }
    }
    const value = declaredValue(node, member);
    if (value === code) return undefined;
    if (value !== undefined || membersKnown(node)) {
      return `this file's own "${name}" does not give ${member} the value ${String(code)}`;
    }
  }
  return `this file's own "${name}" is not known to be the generated enum`;
}

/** The static value of `member` in `enum X {…}` or `const X = {…}` (frozen, `as const`), if it is a number. */
function declaredValue(node: Node, member: string): number | undefined {
  if (node.type === AST_NODE_TYPES.TSEnumDeclaration) {
    const found = node.body.members.find(
      (candidate) => (candidate.id.type === AST_NODE_TYPES.Identifier ? candidate.id.name : candidate.id.value) === member,
    );
    return found?.initializer ? numberValue(found.initializer) : undefined;
  }
  const object = objectLiteralOf(node);
  if (!object) return undefined;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || propertyName(property) !== member) continue;
    return numberValue(property.value);
  }
  return undefined;
}

/** Whether the declaration's members are all known (then a missing member is not the enum's). */
function membersKnown(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.TSEnumDeclaration) return true;
  const object = objectLiteralOf(node);
  return object !== undefined && object.properties.every((property) => property.type === AST_NODE_TYPES.Property && propertyName(property) !== undefined);
}

function objectLiteralOf(node: Node): TSESTree.ObjectExpression | undefined {
  if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init || node.parent.kind !== 'const') return undefined;
  let init = skipWrappers(node.init);
  if (
    init.type === AST_NODE_TYPES.CallExpression &&
    init.callee.type === AST_NODE_TYPES.MemberExpression &&
    init.callee.object.type === AST_NODE_TYPES.Identifier &&
    init.callee.object.name === 'Object' &&
    getStaticPropertyName(init.callee) === 'freeze' &&
    init.arguments[0]
  ) {
    init = skipWrappers(init.arguments[0]);
  }
  return init.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}

function propertyName(property: TSESTree.Property): string | undefined {
  const { key } = property;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal ? String(key.value) : undefined;
}

function numberValue(node: Node): number | undefined {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'number') return inner.value;
  if (
    inner.type === AST_NODE_TYPES.UnaryExpression &&
    inner.operator === '-' &&
    inner.argument.type === AST_NODE_TYPES.Literal &&
    typeof inner.argument.value === 'number'
  ) {
    return -inner.argument.value;
  }
  return undefined;
}

/** `require('x').KakaoErrorCode`. */
function requiresMember(init: Node, enumName: string): boolean {
  const member = skipWrappers(init);
  return member.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(member) === enumName && requireSource(member.object) !== undefined;
}

/** `const { KakaoErrorCode: K } = require('...')` → K and the module (for the variable K). */
function requiredEnumAlias(
  node: Node,
  variableName: string,
  enumName: string,
): { local: string; source: string } | undefined {
  if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init) return undefined;
  const source = requireSource(node.init);
  if (source === undefined || node.init.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (node.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of node.id.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === enumName &&
      property.value.type === AST_NODE_TYPES.Identifier &&
      property.value.name === variableName
    ) {
      return { local: variableName, source };
    }
  }
  return undefined;
}
