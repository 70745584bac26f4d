/**
 * The fix that makes a name available from a module: one `import` (or, in CommonJS, one `require`)
 * written in the file's style, where it cannot change what the file does. Callers decide first
 * (with SourceLayout) that the file can take one.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { requireSource } from '../utils/ast.js';
import type { ScriptBlock, SourceLayout } from './source-layout.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Comment = TSESTree.Comment;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/**
 * Comments that belong to the top of the file, above any import: a shebang, tool directives
 * (`@ts-nocheck` must stay first to keep its effect, `eslint-disable`, `global`…), triple-slash
 * references (which only work above the first statement) and license headers.
 */
const DIRECTIVE_COMMENT =
  /^(?:\/\s*<(?:reference|amd-module|amd-dependency)\b|[*!\s]*(?:@ts-(?:nocheck|check)|eslint(?:-disable|-enable|-env)?\b|globals?\s|exported\s|jshint|jslint|@flow|@noflow|@jsx|@license|@preserve|@format|@vite-ignore|#__|@refresh))/u;

/** A string literal of `value` with `quote`: the specifier is written escaped, never raw. */
export function quoteString(value: string, quote: "'" | '"'): string {
  const escaped = value.replace(/[\\'"\u2028\u2029]/gu, (char) =>
    char === '\\' ? '\\\\' : char === quote ? `\\${quote}` : char === '\u2028' ? '\\u2028' : char === '\u2029' ? '\\u2029' : char,
  );
  return quote + escaped + quote;
}

/** The statement that binds `name` from `specifier`: `import { name } from '…'` or `const { name } = require('…');`. */
export function importStatement(layout: SourceLayout, name: string, specifier: string): string {
  const source = quoteString(specifier, layout.quote);
  if (layout.moduleSystem === 'commonjs') {
    // Always with `;`: a next line starting with `(`, `[` or `` ` `` would otherwise call the result.
    return `const { ${name} } = require(${source});`;
  }
  return `import { ${name} } from ${source}${layout.semicolons ? ';' : ''}`;
}

/** Inserts `statement` into `block` (see insertionAnchor), on a line of its own, with the file's line breaks. */
export function insertStatement(
  fixer: Fixer,
  sourceCode: SourceCode,
  layout: SourceLayout,
  block: ScriptBlock,
  statement: string,
): Fix {
  const { lineBreak } = layout;
  const anchor = insertionAnchor(sourceCode, layout, block);
  const indent = indentationOf(sourceCode.text, firstCodeStart(sourceCode, block));
  if (anchor !== undefined) {
    return fixer.insertTextAfterRange([anchor, anchor], `${lineBreak}${indent}${statement}`);
  }
  if (block.contentStart === 0) return fixer.insertTextBeforeRange([0, 0], `${statement}${lineBreak}`);
  return fixer.insertTextAfterRange([block.contentStart, block.contentStart], `${lineBreak}${indent}${statement}`);
}

/**
 * Where the new line goes: after the last import (ES modules) or the leading `require`s (CommonJS),
 * else after the directives (`'use strict'`, `'use client'`), else after the header comments; always
 * after anything on that line (a trailing comment). Undefined: at the start of the block.
 */
function insertionAnchor(sourceCode: SourceCode, layout: SourceLayout, block: ScriptBlock): number | undefined {
  const { statements } = block;
  let anchor: TSESTree.Node | Comment | undefined;
  if (layout.moduleSystem === 'commonjs') {
    let index = 0;
    while (index < statements.length && isDirective(statements[index]!)) index++;
    while (index < statements.length && isRequireStatement(statements[index]!)) index++;
    anchor = statements[index - 1];
  } else {
    anchor = statements.findLast((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
    if (!anchor) {
      let index = 0;
      while (index < statements.length && isDirective(statements[index]!)) index++;
      anchor = statements[index - 1];
    }
  }
  if (!anchor) anchor = lastHeaderComment(sourceCode, block);
  return anchor ? endOfLine(sourceCode, anchor) : undefined;
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string';
}

/** `const x = require('x')`, `const { a } = require('x').b`, `require('x')`: what a CommonJS file opens with. */
function isRequireStatement(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    return statement.declarations.every((declarator) => declarator.init !== null && requireSource(declarator.init) !== undefined);
  }
  return statement.type === AST_NODE_TYPES.ExpressionStatement && requireSource(statement.expression) !== undefined;
}

/**
 * The last comment before the block's first statement that must stay above an import: a shebang, a
 * directive comment, or one set off from what follows by a blank line. A comment right above the
 * first statement (an `eslint-disable-next-line`, its doc comment) stays with that statement.
 */
function lastHeaderComment(sourceCode: SourceCode, block: ScriptBlock): Comment | undefined {
  const first = block.statements[0];
  const end = first ? first.range[0] : block.contentEnd;
  const comments = sourceCode
    .getAllComments()
    .filter((comment) => comment.range[0] >= block.contentStart && comment.range[1] <= end);
  let header: Comment | undefined;
  for (const [i, comment] of comments.entries()) {
    const nextStart = comments[i + 1]?.range[0] ?? end;
    const between = sourceCode.text.slice(comment.range[1], nextStart);
    const isShebang = comment.range[0] === 0 && sourceCode.text.startsWith('#!');
    if (isShebang || DIRECTIVE_COMMENT.test(comment.value) || /\n[ \t]*\r?\n/u.test(between)) header = comment;
  }
  return header;
}

/** The end of `node`, or of the last comment that starts on the line it ends on and ends the line. */
function endOfLine(sourceCode: SourceCode, node: TSESTree.Node | Comment): number {
  let end = node.range[1];
  let next = sourceCode.getTokenAfter(node, { includeComments: true });
  while (next && next.loc.start.line === node.loc.end.line && (next.type === 'Line' || next.type === 'Block')) {
    end = next.range[1];
    next = sourceCode.getTokenAfter(next, { includeComments: true });
  }
  return end;
}

function firstCodeStart(sourceCode: SourceCode, block: ScriptBlock): number {
  return block.statements[0]?.range[0] ?? sourceCode.text.length;
}

/** The spaces or tabs before `offset` on its line (a component's script is often indented). */
function indentationOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ \t]*/u.exec(text.slice(lineStart, offset));
  return match ? match[0] : '';
}
