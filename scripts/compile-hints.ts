/**
 * Compile hints for the bundle: the functions a lint runs are written as parenthesised function
 * expressions, which V8 compiles with the module instead of on their first call ("PIFE", V8's
 * heuristic for functions likely to be called soon). Lazily compiled, they were most of the first
 * file's time and of a small project's rule time (docs/performance.md, eighth round). Compiled with
 * the module, they are also in the code cache Node writes for it (ESLint turns Node's compile cache
 * on where Node has it), and that cache is written right after the module is compiled.
 *
 * The rewrites keep what the code does:
 * - `function f() {}` becomes `var f = (function () {});`, moved to the start of its scope (after
 *   the module's imports, or a function body's directives), so that it exists before any other
 *   code of the scope runs, as a hoisted declaration does;
 * - an arrow function becomes a function expression, unless it reads `this`, `arguments`, `super`
 *   or `new.target` (which an arrow takes from where it is written);
 * - a method `m() {}` becomes `m: (function () {})`, unless it reads `super`;
 * - getters, setters, class members, generators and async methods stay as they
 *   are, and so do declarations in blocks and exported ones (they are compiled on first call, as
 *   before).
 */
import { parseAst } from 'rolldown/parseAst';
import MagicString from 'magic-string';

/** A function of the source, by its offsets as the parser gives them. */
export type HintFilter = (fn: { readonly start: number; readonly end: number }) => boolean;

export interface CompileHintsResult {
  readonly code: string;
  /** How many functions were rewritten to be compiled with the module. */
  readonly hinted: number;
  /** The functions `hint` asked for that stay lazily compiled, by why. */
  readonly kept: Readonly<Record<string, number>>;
}

interface AstNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}

type FunctionNode = AstNode & {
  readonly id?: AstNode & { readonly name: string };
  readonly params: readonly AstNode[];
  readonly body: AstNode;
  readonly async: boolean;
  readonly generator: boolean;
  readonly expression?: boolean;
};

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Rewrites the functions `hint` selects so that V8 compiles them eagerly; throws if `source` does not parse. */
export function addCompileHints(source: string, hint: HintFilter): CompileHintsResult {
  const program = parseAst(source, { sourceType: 'module' }) as unknown as AstNode & { body: AstNode[] };
  const code = new MagicString(source);
  const lastImport = program.body.findLast((statement) => statement.type === 'ImportDeclaration');
  const moduleStart = lastImport?.end ?? 0;
  const kept: Record<string, number> = {};
  let hinted = 0;

  const moves: Move[] = [];
  const scopeStarts = new Map<number, number>();
  visit(program, program, undefined, (fn, parent, grandparent) => {
    if (!hint(fn)) return;
    const reason = rewriteFunction(source, code, moves, scopeStarts, fn, parent, grandparent, moduleStart);
    if (reason === undefined) hinted++;
    else kept[reason] = (kept[reason] ?? 0) + 1;
  });
  // MagicString puts each move to a place before the ones made to it earlier: in reverse, the
  // declarations keep their order.
  for (let i = moves.length - 1; i >= 0; i--) code.move(...moves[i]!);
  return { code: code.toString(), hinted, kept };
}

/** A declaration to move to the start of its scope: its start, its end, where to. */
type Move = [start: number, end: number, to: number];

/** Undefined when rewritten; else why the function stays as it is. */
function rewriteFunction(
  source: string,
  code: MagicString,
  moves: Move[],
  scopeStarts: Map<number, number>,
  fn: FunctionNode,
  parent: AstNode,
  grandparent: AstNode | undefined,
  moduleStart: number,
): string | undefined {
  switch (fn.type) {
    case 'FunctionDeclaration': {
      const hoistTo = declarationScopeStart(parent, grandparent, moduleStart);
      if (hoistTo === undefined || !fn.id) return 'exported, or declared in a block';
      // Anonymous, so that the name inside the body is the binding (as for a declaration), and
      // named `f` by the assignment.
      code.overwrite(fn.start, fn.id.end, `\nvar ${fn.id.name} = (${fn.async ? 'async ' : ''}function${fn.generator ? '*' : ''} `);
      code.appendLeft(fn.end, ');');
      // A declaration already at the start stays; the next ones go after it, in their order.
      const to = scopeStarts.get(hoistTo) ?? hoistTo;
      if (to === fn.start) scopeStarts.set(hoistTo, fn.end);
      else moves.push([fn.start, fn.end, to]);
      return undefined;
    }
    case 'FunctionExpression': {
      if (parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') return 'class member';
      if (parent.type === 'Property' && parent['value'] === fn) {
        if (parent['kind'] !== 'init') return 'getter or setter';
        if (parent['method'] === true) {
          if (fn.async || fn.generator) return 'async or generator method';
          if (reads(fn, SUPER)) return 'reads super';
          // The method's value starts at its parameters.
          code.appendLeft(fn.start, ': (function ');
          code.appendLeft(fn.end, ')');
          return undefined;
        }
      }
      // `f(function () {})`: a call's parenthesis is no hint (an extra pair around one is harmless).
      const isArgument = (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent['callee'] !== fn;
      if (source[fn.start - 1] === '(' && !isArgument) return 'already parenthesised';
      code.appendLeft(fn.start, '(');
      code.appendLeft(fn.end, ')');
      return undefined;
    }
    default:
      return rewriteArrow(source, code, fn);
  }
}

function rewriteArrow(source: string, code: MagicString, fn: FunctionNode): string | undefined {
  if (reads(fn, ARROW_CONTEXT)) return 'reads this, arguments, super or new.target';
  const paramsEnd = fn.params.length > 0 ? fn.params[fn.params.length - 1]!.end : fn.start;
  const arrow = source.indexOf('=>', paramsEnd);
  const afterAsync = fn.async ? fn.start + 'async'.length : fn.start;
  if (fn.async) code.overwrite(fn.start, afterAsync, '(async function');
  else code.appendLeft(fn.start, '(function ');
  // `x => …`: the parameter gets its parentheses.
  if (source[afterAsync + countSpaces(source, afterAsync)] !== '(') {
    const param = fn.params[0]!;
    code.appendLeft(param.start, '(');
    code.appendLeft(param.end, ')');
  }
  code.overwrite(arrow, arrow + 2, fn.expression ? '{ return' : '');
  code.appendLeft(fn.end, fn.expression ? '; })' : ')');
  return undefined;
}

function countSpaces(source: string, index: number): number {
  let i = index;
  while (i < source.length && (source[i] === ' ' || source[i] === '\t' || source[i] === '\n' || source[i] === '\r')) i++;
  return i - index;
}

const SUPER = new Set(['Super', 'MetaProperty']);
const ARROW_CONTEXT = new Set(['ThisExpression', 'Super', 'MetaProperty']);
const CLASSES = new Set(['ClassDeclaration', 'ClassExpression']);

/**
 * Whether the function's own scope (its parameters and body, through nested arrows, not nested
 * functions, which bind their own) holds a node of one of `types` (for an arrow, `arguments` too).
 * A nested class counts as a read: keeping the function as it is is the safe answer.
 */
function reads(fn: FunctionNode, types: ReadonlySet<string>): boolean {
  const checkArguments = types === ARROW_CONTEXT;
  const holds = (node: AstNode): boolean => {
    if (types.has(node.type) || CLASSES.has(node.type) || (checkArguments && node.type === 'Identifier' && node['name'] === 'arguments')) return true;
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') return false;
    return childNodes(node).some(holds);
  };
  return [...fn.params, fn.body].some(holds);
}

/**
 * Where a declaration's function is made: the start of the module (after its imports) or of the
 * function whose body declares it (after its directives). Undefined for a declaration in a block
 * or an export, whose binding has rules of its own.
 */
function declarationScopeStart(parent: AstNode, grandparent: AstNode | undefined, moduleStart: number): number | undefined {
  if (parent.type === 'Program') return moduleStart;
  if (parent.type !== 'BlockStatement' || !grandparent || !FUNCTION_TYPES.has(grandparent.type) || grandparent['body'] !== parent) return undefined;
  const statements = parent['body'] as AstNode[];
  let start = parent.start + 1;
  for (const statement of statements) {
    if (statement.type !== 'ExpressionStatement' || typeof statement['directive'] !== 'string') break;
    start = statement.end;
  }
  return start;
}

function visit(
  node: AstNode,
  parent: AstNode,
  grandparent: AstNode | undefined,
  onFunction: (fn: FunctionNode, parent: AstNode, grandparent: AstNode | undefined) => void,
): void {
  if (FUNCTION_TYPES.has(node.type)) onFunction(node as FunctionNode, parent, grandparent);
  for (const child of childNodes(node)) visit(child, node, parent, onFunction);
}

/** The nodes right below `node`: those of its fields that hold a node or a list of nodes. */
function childNodes(node: AstNode): AstNode[] {
  const children: AstNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'start' || key === 'end') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

const isNode = (value: unknown): value is AstNode => value !== null && typeof value === 'object' && typeof (value as AstNode).type === 'string';
