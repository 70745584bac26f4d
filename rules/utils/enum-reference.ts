/**
 * How the generated enum is reachable in a file (`KakaoErrorCode`, an alias, `ns.KakaoErrorCode`),
 * how to recognise `<enum>.<Member>`, and the fix that makes the enum reachable (one import, added,
 * merged into an existing import of the enum module, or a type-only import made a value import).
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ErrorCodeEntry } from '../../codegen/spec.js';
import { findValueVariable, getStaticPropertyName, skipWrappers } from './ast.js';
import { moduleBaseName, refersToModule, specifierForFile } from './module-specifier.js';
import type { KakaoSettings } from './settings.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

export type EnumReplacement =
  | { readonly kind: 'fixable'; readonly text: string; readonly fixImport: ((fixer: Fixer) => Fix | null) | null }
  | { readonly kind: 'no-enum-module' }
  | { readonly kind: 'shadowed'; readonly name: string }
  | { readonly kind: 'name-taken'; readonly name: string };

export interface FileEnum {
  /** The spec entry when `node` reads `<enum>.<Member>` (`KakaoErrorCode.X`, `K.X`, `ns.KakaoErrorCode.X`). */
  memberEntry(node: Node): ErrorCodeEntry | undefined;
  /** How to write `<enum>.<member>` at `node`, and the import fix it needs. */
  replacementAt(node: Node, member: string): EnumReplacement;
}

interface ValueBinding {
  /** The text that reaches the enum: "KakaoErrorCode", "K", "ns.KakaoErrorCode". */
  readonly text: string;
  readonly variable: Variable;
  /** For an enum or object declared in the file: its members, when they are known statically. */
  readonly members?: ReadonlySet<string> | undefined;
}

type NamedImport = TSESTree.ImportDeclaration & { specifiers: TSESTree.ImportClause[] };

const cache = new WeakMap<TSESTree.Program, WeakMap<KakaoSettings, FileEnum>>();

export function getFileEnum(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: KakaoSettings,
): FileEnum {
  const { sourceCode } = context;
  let bySettings = cache.get(sourceCode.ast);
  if (!bySettings) cache.set(sourceCode.ast, (bySettings = new WeakMap()));
  let fileEnum = bySettings.get(settings);
  if (!fileEnum) {
    // Analysed on first use: most files never need it (no code reported, no `<x>.<Member>` read).
    const { filename } = context;
    let analysis: FileEnum | undefined;
    const analyzed = () => (analysis ??= analyzeFile(sourceCode, filename, settings));
    fileEnum = {
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
    bySettings.set(settings, fileEnum);
  }
  return fileEnum;
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

function analyzeFile(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, settings: KakaoSettings): FileEnum {
  const { enumName, enumModule, cwd } = settings;
  const program = sourceCode.ast;
  // The module scope in ESM, the Node.js wrapper scope in CommonJS, the global scope in scripts.
  const scopes = sourceCode.scopeManager?.scopes ?? [];
  const topScope =
    scopes.find((scope) => scope.type === 'module') ??
    scopes.find((scope) => scope.type === 'function' && scope.block === program) ??
    scopes.find((scope) => scope.type === 'global') ??
    null;
  const enumFileNames = new Set([kebabCase(enumName), `${kebabCase(enumName)}s`]);
  const isEnumModule = (specifier: string) =>
    enumModule !== undefined
      ? refersToModule(specifier, enumModule, filename, cwd)
      : enumFileNames.has(moduleBaseName(specifier).toLowerCase());

  const aliases = new Set<string>([enumName]);
  const bindings: ValueBinding[] = [];
  const relativeSpecifiers: string[] = [];
  let typeOnlyImport: { declaration: NamedImport; specifier: TSESTree.ImportSpecifier } | undefined;
  let mergeTarget: NamedImport | undefined;
  let lastImport: TSESTree.ImportDeclaration | undefined;

  const variableOf = (name: string) => topScope?.set.get(name);

  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    lastImport = statement;
    const source = statement.source.value;
    relativeSpecifiers.push(source);
    const moduleMatches = isEnumModule(source);
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && importedName(specifier) === enumName) {
        aliases.add(specifier.local.name);
        if (isTypeOnly(statement, specifier)) {
          typeOnlyImport ??= { declaration: statement, specifier };
          continue;
        }
        const variable = variableOf(specifier.local.name);
        if (variable) bindings.push({ text: specifier.local.name, variable });
      } else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier && moduleMatches && !isTypeOnly(statement)) {
        const variable = variableOf(specifier.local.name);
        if (variable) bindings.push({ text: `${specifier.local.name}.${enumName}`, variable });
      }
    }
    if (
      moduleMatches &&
      !isTypeOnly(statement) &&
      statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier)
    ) {
      mergeTarget ??= statement as NamedImport;
    }
  }

  // A declaration in the file itself (`enum KakaoErrorCode`, `const { KakaoErrorCode } = require(...)`).
  const ownVariable = variableOf(enumName);
  if (ownVariable && !bindings.some((binding) => binding.variable === ownVariable)) {
    const isValue = ownVariable.defs.some(
      (def) => def.type !== 'ImportBinding' && def.type !== 'Type' && !(def.node.type === AST_NODE_TYPES.TSInterfaceDeclaration),
    );
    if (isValue) bindings.push({ text: enumName, variable: ownVariable, members: declaredMembers(ownVariable) });
  }
  for (const variable of topScope?.variables ?? []) {
    for (const def of variable.defs) {
      const local = requiredEnumAlias(def.node, variable.name, enumName);
      if (local && !bindings.some((binding) => binding.variable === variable)) {
        aliases.add(local);
        bindings.push({ text: local, variable });
      }
    }
  }

  const isScript = program.sourceType !== 'module';

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
    for (const binding of bindings) {
      if (!reachable(node, binding)) continue;
      // A local enum or object without this member: `KakaoErrorCode.X` would not be the code.
      if (binding.members && !binding.members.has(member)) return { kind: 'name-taken', name: enumName };
      return { kind: 'fixable', text: `${binding.text}.${member}`, fixImport: null };
    }
    if (bindings.length > 0) return { kind: 'shadowed', name: bindings[0]!.text.split('.', 1)[0]! };

    if (typeOnlyImport) {
      const { declaration, specifier } = typeOnlyImport;
      const local = specifier.local.name;
      const variable = variableOf(local);
      if (variable && findValueVariable(sourceCode.getScope(node), local) !== variable) return { kind: 'shadowed', name: local };
      return { kind: 'fixable', text: `${local}.${member}`, fixImport: (fixer) => makeValueImport(fixer, declaration, specifier) };
    }

    if (variableOf(enumName)) return { kind: 'name-taken', name: enumName };
    if (findValueVariable(sourceCode.getScope(node), enumName)) return { kind: 'shadowed', name: enumName };

    if (mergeTarget) {
      const target = mergeTarget;
      return { kind: 'fixable', text: `${enumName}.${member}`, fixImport: (fixer) => addToImport(fixer, target) };
    }
    if (enumModule === undefined) return { kind: 'no-enum-module' };
    const specifier = specifierForFile(enumModule, filename, cwd, relativeSpecifiers);
    return { kind: 'fixable', text: `${enumName}.${member}`, fixImport: (fixer) => insertImport(fixer, specifier) };
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

  function insertImport(fixer: Fixer, specifier: string): Fix {
    const quote = lastImport ? sourceCode.text[lastImport.source.range[0]] ?? "'" : guessQuote();
    const semicolon = usesSemicolons() ? ';' : '';
    const source = `${quote}${specifier}${quote}`;
    if (isScript) {
      const statement = `const { ${enumName} } = require(${source})${semicolon}`;
      const anchor = lastTopLevelRequire();
      if (anchor) return fixer.insertTextAfter(anchor, `\n${statement}`);
      return insertAtTop(fixer, statement);
    }
    const statement = `import { ${enumName} } from ${source}${semicolon}`;
    if (lastImport) return fixer.insertTextAfter(lastImport, `\n${statement}`);
    return insertAtTop(fixer, statement);
  }

  function insertAtTop(fixer: Fixer, statement: string): Fix {
    const first = program.body.find(
      (node) => !(node.type === AST_NODE_TYPES.ExpressionStatement && 'directive' in node && node.directive),
    );
    if (first) {
      const comments = sourceCode.getCommentsBefore(first);
      // Keep comments attached to the first statement (e.g. eslint-disable-next-line) with it.
      // Never above a shebang (`#!`), which must stay first.
      const anchor =
        comments.find(
          (comment) =>
            comment.loc.start.line >= first.loc.start.line - 1 && !sourceCode.text.startsWith('#!', comment.range[0]),
        ) ?? first;
      return fixer.insertTextBeforeRange(anchor.range, `${statement}\n`);
    }
    const last = program.body.at(-1);
    return last ? fixer.insertTextAfter(last, `\n${statement}`) : fixer.insertTextBeforeRange([0, 0], `${statement}\n`);
  }

  function lastTopLevelRequire(): TSESTree.VariableDeclaration | undefined {
    let found: TSESTree.VariableDeclaration | undefined;
    for (const statement of program.body) {
      if (
        statement.type === AST_NODE_TYPES.VariableDeclaration &&
        statement.declarations.some((declarator) => isRequireCall(declarator.init))
      ) {
        found = statement;
      }
    }
    return found;
  }

  function usesSemicolons(): boolean {
    const sample =
      lastImport ??
      program.body.find(
        (node) =>
          node.type === AST_NODE_TYPES.VariableDeclaration ||
          node.type === AST_NODE_TYPES.ExpressionStatement ||
          node.type === AST_NODE_TYPES.ExportNamedDeclaration,
      );
    if (!sample) return true;
    return sourceCode.getLastToken(sample)?.value === ';';
  }

  function guessQuote(): string {
    for (const token of sourceCode.ast.tokens) {
      if (token.type === 'String') return token.value[0] ?? "'";
    }
    return "'";
  }

  return { memberEntry, replacementAt };
}

/**
 * The members of a declaration of the enum in the file itself (`enum KakaoErrorCode {...}`,
 * `const KakaoErrorCode = {...}`, `Object.freeze({...})`, `{...} as const`); undefined when they are
 * not known statically (a `require`, a `declare const`, a class...): then any member is trusted.
 */
function declaredMembers(variable: Variable): ReadonlySet<string> | undefined {
  const names = new Set<string>();
  for (const def of variable.defs) {
    const node = def.node as Node;
    if (node.type === AST_NODE_TYPES.TSEnumDeclaration) {
      for (const member of node.body.members) {
        names.add(member.id.type === AST_NODE_TYPES.Identifier ? member.id.name : member.id.value);
      }
      continue;
    }
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init) return undefined;
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
    if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const property of init.properties) {
      if (property.type !== AST_NODE_TYPES.Property) return undefined;
      const { key } = property;
      const name =
        !property.computed && key.type === AST_NODE_TYPES.Identifier
          ? key.name
          : key.type === AST_NODE_TYPES.Literal
            ? String(key.value)
            : undefined;
      if (name === undefined) return undefined;
      names.add(name);
    }
  }
  return names;
}

function isRequireCall(node: Node | null | undefined): boolean {
  const call = node ? skipWrappers(node) : undefined;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require'
  );
}

/** `const { KakaoErrorCode: K } = require('...')` → "K" (for the variable K). */
function requiredEnumAlias(node: Node, variableName: string, enumName: string): string | undefined {
  if (node.type !== AST_NODE_TYPES.VariableDeclarator || !isRequireCall(node.init)) return undefined;
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
      return variableName;
    }
  }
  return undefined;
}
