/**
 * What a fix needs to know about the file it writes into, worked out once per file: its script blocks
 * (the file itself, or the `<script>` blocks of a Vue or Svelte component), its module system, its
 * language and its writing style (line breaks, quotes, semicolons).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * How the file brings in another module: `import` (an ES module, or TypeScript, which compiles imports
 * for CommonJS too), `require` (a CommonJS file), or neither (a script: an import would make it a
 * module, which changes what its top-level declarations are).
 */
export type ModuleSystem = 'esm' | 'commonjs' | 'script';

export interface ScriptBlock {
  readonly statements: readonly TSESTree.ProgramStatement[];
  /** Where the block's code starts: 0 for a whole file, after `<script …>` in a component. */
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly language: 'ts' | 'js';
  /** Vue's `<script setup>`: its imports are in the template's scope. */
  readonly setup: boolean;
  /** Svelte's `<script module>` (or `context="module"`). */
  readonly module: boolean;
}

export interface SourceLayout {
  readonly component: 'vue' | 'svelte' | undefined;
  readonly blocks: readonly ScriptBlock[];
  readonly moduleSystem: ModuleSystem;
  /** The language of the file's code (a component's: of its script blocks). */
  readonly language: 'ts' | 'js';
  readonly lineBreak: '\n' | '\r\n';
  /** The quote the file writes module specifiers with. */
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
  /** The block whose code contains `node`; undefined in a template or markup. */
  blockOf(node: Node): ScriptBlock | undefined;
}

const layouts = new WeakMap<TSESTree.Program, SourceLayout>();

export function getSourceLayout(sourceCode: SourceCode, filename: string, sourceType: string | undefined): SourceLayout {
  let layout = layouts.get(sourceCode.ast);
  if (!layout) layouts.set(sourceCode.ast, (layout = createLayout(sourceCode, filename, sourceType)));
  return layout;
}

const TS_FILE = /\.[mc]?tsx?$/u;

function createLayout(sourceCode: SourceCode, filename: string, sourceType: string | undefined): SourceLayout {
  const { text, ast } = sourceCode;
  const extension = path.extname(filename).toLowerCase();
  const component = extension === '.vue' ? 'vue' : extension === '.svelte' ? 'svelte' : undefined;
  const blocks = component ? componentBlocks(sourceCode, component) : [fileBlock(sourceCode, filename)];
  const language = component ? (blocks.some((block) => block.language === 'ts') ? 'ts' : 'js') : TS_FILE.test(filename) ? 'ts' : 'js';
  const lineBreak = /\r\n/u.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n';
  let quote: "'" | '"' | undefined;
  let semicolons: boolean | undefined;
  let moduleSystem: ModuleSystem | undefined;
  return {
    component,
    blocks,
    language,
    lineBreak,
    get moduleSystem() {
      return (moduleSystem ??= component ? 'esm' : detectModuleSystem(sourceCode, filename, sourceType));
    },
    get quote() {
      return (quote ??= detectQuote(sourceCode));
    },
    get semicolons() {
      return (semicolons ??= detectSemicolons(sourceCode, blocks));
    },
    blockOf(node) {
      const [start] = node.range;
      return blocks.find((block) => start >= block.contentStart && start < block.contentEnd);
    },
  };

  function fileBlock(source: SourceCode, file: string): ScriptBlock {
    return {
      statements: ast.body,
      contentStart: 0,
      contentEnd: source.text.length + 1,
      language: TS_FILE.test(file) ? 'ts' : 'js',
      setup: false,
      module: false,
    };
  }
}

interface StartTag {
  readonly range: [number, number];
  readonly attributes: readonly { key: { name: unknown }; value?: unknown }[];
}

function attributeValue(tag: StartTag, name: string): string | true | undefined {
  for (const attribute of tag.attributes) {
    const key = attribute.key.name;
    const keyName = typeof key === 'string' ? key : (key as { name?: unknown } | undefined)?.name;
    if (keyName !== name) continue;
    // Vue: a VLiteral (or null); Svelte: a list of SvelteLiteral parts.
    const { value } = attribute;
    const literal = Array.isArray(value) ? (value.length === 1 ? (value[0] as unknown) : undefined) : value;
    const text = (literal as { value?: unknown } | null | undefined)?.value;
    return typeof text === 'string' ? text : true;
  }
  return undefined;
}

function tagLanguage(tag: StartTag): 'ts' | 'js' {
  const lang = attributeValue(tag, 'lang');
  return lang === 'ts' || lang === 'typescript' ? 'ts' : 'js';
}

/** The `<script>` blocks of a component, from the parser's document (Vue) or program (Svelte). */
function componentBlocks(sourceCode: SourceCode, component: 'vue' | 'svelte'): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  if (component === 'vue') {
    const services = sourceCode.parserServices as { getDocumentFragment?: () => { children: unknown[] } | null } | undefined;
    const fragment = services?.getDocumentFragment?.();
    for (const child of fragment?.children ?? []) {
      const element = child as { type?: string; name?: string; startTag: StartTag; endTag?: { range: [number, number] } | null };
      if (element.type !== 'VElement' || element.name !== 'script' || !element.endTag) continue;
      const contentStart = element.startTag.range[1];
      const contentEnd = element.endTag.range[0];
      blocks.push({
        statements: sourceCode.ast.body.filter((statement) => statement.range[0] >= contentStart && statement.range[1] <= contentEnd),
        contentStart,
        contentEnd,
        language: tagLanguage(element.startTag),
        setup: attributeValue(element.startTag, 'setup') !== undefined,
        module: false,
      });
    }
    return blocks;
  }
  for (const child of sourceCode.ast.body as unknown as Node[]) {
    const element = child as unknown as {
      type: string;
      body?: TSESTree.ProgramStatement[];
      startTag: StartTag;
      endTag?: { range: [number, number] } | null;
    };
    if (element.type !== 'SvelteScriptElement' || !element.endTag) continue;
    blocks.push({
      statements: element.body ?? [],
      contentStart: element.startTag.range[1],
      contentEnd: element.endTag.range[0],
      language: tagLanguage(element.startTag),
      setup: false,
      module: attributeValue(element.startTag, 'module') !== undefined || attributeValue(element.startTag, 'context') === 'module',
    });
  }
  return blocks;
}

const MODULE_SYNTAX = new Set<string>([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.ExportDefaultDeclaration,
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.TSExportAssignment,
  AST_NODE_TYPES.TSImportEqualsDeclaration,
]);

/**
 * A file with import/export syntax is a module. Without it: `.mjs`/`.mts`/`.cts` are modules by their
 * name (TypeScript compiles `import` in a `.cts`); `.cjs`, ESLint's `sourceType: 'commonjs'` and a
 * JavaScript file that uses `require`/`module`/`exports` outside a `"type": "module"` package are
 * CommonJS; any other file is a script (or CommonJS that no `require` shows), where neither an
 * import nor a require is safe to add.
 */
function detectModuleSystem(sourceCode: SourceCode, filename: string, sourceType: string | undefined): ModuleSystem {
  if (sourceCode.ast.body.some((statement) => MODULE_SYNTAX.has(statement.type))) return 'esm';
  const extension = path.extname(filename).toLowerCase();
  if (extension === '.mjs' || extension === '.mts' || extension === '.cts') return 'esm';
  if (extension === '.cjs' || sourceType === 'commonjs') return 'commonjs';
  if (TS_FILE.test(filename)) return 'script';
  const packageType = nearestPackageType(path.dirname(filename));
  if (usesCommonJs(sourceCode)) return packageType === 'module' ? 'esm' : 'commonjs';
  return packageType === 'module' && sourceType !== 'script' ? 'esm' : 'script';
}

const COMMONJS_GLOBALS = new Set(['require', 'module', 'exports']);

function usesCommonJs(sourceCode: SourceCode): boolean {
  const scopes = sourceCode.scopeManager?.scopes ?? [];
  // In a CommonJS parse these are the wrapper function's variables; in a module parse, unresolved globals.
  const wrapper = scopes.find((scope) => scope.type === 'function' && scope.block === sourceCode.ast);
  if (wrapper) return true;
  const global = sourceCode.scopeManager?.globalScope;
  return global?.through.some((reference) => COMMONJS_GLOBALS.has(reference.identifier.name)) ?? false;
}

const packageTypeCache = new Map<string, string | null>();

/** The `"type"` of the nearest package.json above `dir` ("commonjs" when it has none, as in Node.js). */
function nearestPackageType(dir: string): string | undefined {
  const cached = packageTypeCache.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  let type: string | null = null;
  let text: string | undefined;
  try {
    text = readFileSync(path.join(dir, 'package.json'), 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    try {
      const parsed = JSON.parse(text) as { type?: unknown };
      type = typeof parsed.type === 'string' ? parsed.type : 'commonjs';
    } catch {
      type = 'commonjs';
    }
  } else {
    const parent = path.dirname(dir);
    if (parent !== dir) type = nearestPackageType(parent) ?? null;
  }
  packageTypeCache.set(dir, type);
  return type ?? undefined;
}

/** The quote of the file's first module specifier, else of its first string; single by default. */
function detectQuote(sourceCode: SourceCode): "'" | '"' {
  let first: string | undefined;
  for (const token of sourceCode.ast.tokens) {
    if (token.type !== 'String') continue;
    const previous = sourceCode.getTokenBefore(token);
    if (previous?.value === 'from' || (previous?.value === '(' && sourceCode.getTokenBefore(previous)?.value === 'require')) {
      return token.value.startsWith('"') ? '"' : "'";
    }
    first ??= token.value[0];
  }
  return first === '"' ? '"' : "'";
}

/** Whether the file ends its statements with `;`, judged from its first statement that may end with one. */
function detectSemicolons(sourceCode: SourceCode, blocks: readonly ScriptBlock[]): boolean {
  for (const block of blocks) {
    const sample = block.statements.find(
      (node) =>
        node.type === AST_NODE_TYPES.ImportDeclaration ||
        node.type === AST_NODE_TYPES.VariableDeclaration ||
        node.type === AST_NODE_TYPES.ExpressionStatement ||
        node.type === AST_NODE_TYPES.ExportAllDeclaration ||
        (node.type === AST_NODE_TYPES.ExportNamedDeclaration &&
          (node.declaration === null || node.declaration.type === AST_NODE_TYPES.VariableDeclaration)),
    );
    if (sample) return sourceCode.getLastToken(sample)?.value === ';';
  }
  return true;
}
