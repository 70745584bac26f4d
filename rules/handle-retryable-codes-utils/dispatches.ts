/**
 * The dispatches of a file (switches, if-chains and runs of `if`s over one error-code subject),
 * and which wanted codes each leaves unhandled: not in the dispatch, not in its default branch,
 * not before or after it, not excused by a guard call or a comment.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getCodeLiteralValue, getStaticPropertyName, isFunctionNode } from '../utils/ast.js';
import { findCodeChecks, forEachCodeCheck, getSubjectKey, mayHoldCodeCheck } from '../utils/code-checks.js';
import type { CodeCheck, CodeValue } from '../utils/code-checks.js';
import type { CodeNode } from '../utils/code-nodes.js';
import type { KakaoFile } from '../utils/rule-context.js';
import { startsLine as nodeStartsLine } from '../fix/add-missing-codes.js';
import { createCoverageIndex } from './coverage.js';
import { callGoesBy, getChainHead, getIfChain, getStatementList } from './dispatch.js';
import { commentHead, firstCommentFrom } from './setup.js';
import type { Setup, WantedCode } from './setup.js';

type Node = TSESTree.Node;
type Statement = TSESTree.Statement | TSESTree.ProgramStatement;

/** Where a dispatch's unhandled codes go: its `default`/final `else`, or the statements after it. */
export interface DefaultBranch {
  readonly node: Node;
  /** The source range whose comments may carry the pattern. */
  readonly commentRange: readonly [number, number];
}

export interface Dispatch {
  /** The `switch`, or the first `if` of the chain or run: where the report goes. */
  readonly node: TSESTree.SwitchStatement | TSESTree.IfStatement;
  /** The first and last statements of the dispatch (different for a run of `if`s). */
  readonly first: Statement;
  readonly last: Statement;
  readonly subjectKey: string;
  /** The compared expression as written (a switch's discriminant, one comparison's side). */
  readonly subject: Node;
  /** The last `if` of the last chain: where an `else if` goes. Null for a switch. */
  readonly lastIf: TSESTree.IfStatement | null;
  readonly handled: ReadonlySet<CodeValue>;
  /** Its own conditions call a guard. */
  readonly guarded: boolean;
  readonly defaultBranch: DefaultBranch | null;
  /** A switch without `default`: the comments after its last case may carry the pattern. */
  readonly trailingCommentRange: readonly [number, number] | null;
}

export interface DispatchOptions {
  readonly allowDefault: boolean;
  readonly minimumCodes: number;
}

export interface DispatchFinder {
  /**
   * The dispatches a code (`-401`, `'KOE003'`, `KakaoErrorCode.X`) is checked in, each returned
   * once per file: its switch, and the if-chains and runs of `if`s whose conditions hold its checks.
   * Every dispatch holds a spec code, so a rule that hands every code here finds every dispatch.
   */
  readonly dispatchesAt: (codeNode: Node) => Dispatch[];
  /**
   * dispatchesAt for a rule that hands over every code of a file in source order. A run of `if`s
   * needs minimumCodes distinct spec codes, so it is found from its last code, and until the file
   * has written that many (most files write one, a `-1` of `indexOf`) only a code's switch is
   * looked at.
   */
  readonly dispatchesOfCode: (codeNode: CodeNode) => Dispatch[];
  /**
   * The dispatches of a switch, or of the `if`s next to an `if` (its chain, and the runs of `if`s
   * around it), each returned once per file. Visiting every switch and `if` with this finds what
   * handing every code to dispatchesAt finds (test/fuzz checks it).
   */
  readonly dispatchesOf: (statement: TSESTree.SwitchStatement | TSESTree.IfStatement) => Dispatch[];
  /** The wanted codes the dispatch leaves unhandled; undefined or empty when none. */
  readonly missingCodes: (dispatch: Dispatch) => WantedCode[] | undefined;
}

/**
 * Whether a code can be part of a dispatch: only a code in a check is. The rule asks before it
 * makes its finder, so a file whose codes are all outside checks (a `-1` passed on, or compared
 * with an index) never makes one. Leaving such codes out of dispatchesOfCode changes no answer:
 * every code of a dispatch is in a check, so when its last one is seen, as many distinct codes
 * have been written as it holds (test/fuzz checks that both ways find the same dispatches).
 */
export function mayBeInDispatch(codeNode: CodeNode, file: KakaoFile): boolean {
  return findCodeChecks(codeNode, file).length > 0;
}

export function createDispatchFinder(file: KakaoFile, setup: Setup, options: DispatchOptions): DispatchFinder {
  const { sourceCode } = file;
  const { wanted, isAskedAbout, guards, commentPattern } = setup;
  const { allowDefault, minimumCodes } = options;
  const startsLine = (node: Node | TSESTree.Comment) => nodeStartsLine(sourceCode, node);
  const isGuardCall = (call: TSESTree.CallExpression) => callGoesBy(call, guards);
  const hasGuardCall = (root: Node) => forEachCodeCheck(root, file, () => false, isGuardCall, isAskedAbout);
  const coverageOf = createCoverageIndex(file, isGuardCall, isAskedAbout);

  /**
   * The wanted codes of the families a dispatch reads: a dispatch over REST codes wants the REST
   * retryable codes, one over Kakao Login's strings wants KOE003, a switch of both wants both.
   */
  const wantedFor = (handled: ReadonlySet<CodeValue>): readonly WantedCode[] => {
    const families = new Set<string | undefined>();
    for (const value of handled) families.add(typeof value === 'number' ? undefined : file.index.stringCodes.get(value)?.family.enumName);
    return wanted.filter(({ family }) => families.has(family?.enumName));
  };
  const isComplete = (handled: ReadonlySet<CodeValue>) => wantedFor(handled).every(({ value }) => handled.has(value));

  // --- switches -------------------------------------------------------------------------------

  function analyseSwitch(node: TSESTree.SwitchStatement): Dispatch | undefined {
    // The cases of a code switch (see code-checks.ts); a dispatch needs a spec code among them.
    const checks = file.checksOf(node);
    if (!checks.some(({ code }) => code.entry)) return undefined;
    const handled = new Set(checks.map(({ code }) => code.value));
    if (isComplete(handled)) return undefined;

    const defaultCase = node.cases.find((switchCase) => switchCase.test === null);
    const guarded =
      hasGuardCall(node.discriminant) ||
      node.cases.some((switchCase) => switchCase.test !== null && hasGuardCall(switchCase.test));

    const closingBrace = sourceCode.getLastToken(node)!;
    let defaultBranch: DefaultBranch | null = null;
    if (defaultCase) {
      const next = node.cases[node.cases.indexOf(defaultCase) + 1];
      // Its own comments: on the lines above `default` (not after the previous case's code), and inside.
      const leading = sourceCode.getCommentsBefore(defaultCase).find(startsLine);
      defaultBranch = {
        node: defaultCase,
        commentRange: [(leading ?? defaultCase).range[0], next ? next.range[0] : closingBrace.range[0]],
      };
    }
    const lastCase = node.cases.at(-1);
    return {
      node,
      first: node,
      last: node,
      subjectKey: getSubjectKey(node.discriminant, sourceCode),
      subject: node.discriminant,
      lastIf: null,
      handled,
      guarded,
      defaultBranch,
      trailingCommentRange:
        !defaultCase && lastCase ? [lastCase.range[1], closingBrace.range[0]] : null,
    };
  }

  // --- if-chains and runs of ifs ----------------------------------------------------------------

  interface ChainInfo {
    readonly head: TSESTree.IfStatement;
    readonly finalElse: TSESTree.Statement | null;
    readonly lastIf: TSESTree.IfStatement;
    readonly checks: readonly CodeCheck[];
    readonly guarded: boolean;
  }

  /** The code checks and guard calls in a chain's conditions; undefined when it has neither. */
  function analyseChain(head: TSESTree.IfStatement): ChainInfo | undefined {
    if (!chainMayHoldCodeCheck(head)) return undefined;
    const { ifs, finalElse } = getIfChain(head);
    const checks: CodeCheck[] = [];
    const onCheck = (check: CodeCheck) => {
      checks.push(check);
      return false;
    };
    // A guard call makes the whole run handled: the checks after it do not matter.
    const guarded = ifs.some((ifNode) => forEachCodeCheck(ifNode.test, file, onCheck, isGuardCall, isAskedAbout));
    if (checks.length === 0 && !guarded) return undefined;
    return { head, finalElse, lastIf: ifs.at(-1)!, checks, guarded };
  }

  function chainMayHoldCodeCheck(head: TSESTree.IfStatement): boolean {
    for (let node: TSESTree.Statement | null = head; node?.type === AST_NODE_TYPES.IfStatement; node = node.alternate) {
      if (mayHoldCodeCheck(node.test, file, isGuardCall, isAskedAbout)) return true;
    }
    return false;
  }

  /** A chain, or consecutive chains in one statement list, as one dispatch over its main subject. */
  function analyseRun(chains: readonly ChainInfo[]): Dispatch | undefined {
    interface Subject {
      readonly node: Node;
      readonly codes: Set<CodeValue>;
      readonly specCodes: Set<CodeValue>;
    }
    const subjects = new Map<string, Subject>();
    for (const chain of chains) {
      for (const { subject, code } of chain.checks) {
        const key = getSubjectKey(subject, sourceCode);
        let entry = subjects.get(key);
        if (!entry) subjects.set(key, (entry = { node: subject, codes: new Set(), specCodes: new Set() }));
        entry.codes.add(code.value);
        if (code.entry) entry.specCodes.add(code.value);
      }
    }
    let best: [string, Subject] | undefined;
    for (const pair of subjects) if (!best || pair[1].specCodes.size > best[1].specCodes.size) best = pair;
    if (!best || best[1].specCodes.size < minimumCodes || isComplete(best[1].codes)) return undefined;

    const firstChain = chains[0]!;
    const lastChain = chains.at(-1)!;
    const finalElse = lastChain.finalElse;
    return {
      node: firstChain.head,
      first: firstChain.head,
      last: lastChain.head,
      subjectKey: best[0],
      subject: best[1].node,
      lastIf: lastChain.lastIf,
      handled: best[1].codes,
      guarded: chains.some((chain) => chain.guarded),
      defaultBranch: finalElse
        ? { node: finalElse, commentRange: [lastChain.lastIf.consequent.range[1], finalElse.range[1]] }
        : null,
      trailingCommentRange: null,
    };
  }

  /**
   * The dispatches of the `if`s next to each other in a statement list, found as visiting each in
   * source order would: a run starts at a chain that compares codes or calls a guard, takes the
   * chains after it while they do, and the `if` that ends it starts nothing.
   */
  function runsOf(ifs: readonly TSESTree.IfStatement[]): Dispatch[] {
    const dispatches: Dispatch[] = [];
    for (let index = 0; index < ifs.length; index++) {
      const first = analyseChain(ifs[index]!);
      if (!first) continue;
      const run = [first];
      for (index++; index < ifs.length; index++) {
        const chain = analyseChain(ifs[index]!);
        if (!chain) break;
        run.push(chain);
      }
      const dispatch = analyseRun(run);
      if (dispatch) dispatches.push(dispatch);
    }
    return dispatches;
  }

  /** The `if`s next to `head` in its statement list, `head` included; `head` alone outside a list. */
  function neighbouringIfs(head: TSESTree.IfStatement): TSESTree.IfStatement[] {
    const list = getStatementList(head.parent);
    if (!list) return [head];
    const at = positionIn(list, head);
    let start = at;
    while (start > 0 && list[start - 1]!.type === AST_NODE_TYPES.IfStatement) start--;
    let end = at + 1;
    while (end < list.length && list[end]!.type === AST_NODE_TYPES.IfStatement) end++;
    return list.slice(start, end) as TSESTree.IfStatement[];
  }

  const positions = new WeakMap<readonly Statement[], Map<Statement, number>>();
  /** A statement's index in its list, without a linear search per `if` of a long list. */
  function positionIn(list: readonly Statement[], statement: Statement): number {
    let byStatement = positions.get(list);
    if (!byStatement) positions.set(list, (byStatement = new Map(list.map((item, index) => [item, index]))));
    return byStatement.get(statement)!;
  }

  /** Switches and `if`s already analysed: each dispatch is found once. */
  const analysed = new WeakSet<Node>();

  function dispatchesOf(statement: TSESTree.SwitchStatement | TSESTree.IfStatement): Dispatch[] {
    if (statement.type === AST_NODE_TYPES.SwitchStatement) {
      if (analysed.has(statement)) return [];
      analysed.add(statement);
      const dispatch = analyseSwitch(statement);
      return dispatch ? [dispatch] : [];
    }
    const head = getChainHead(statement);
    if (analysed.has(head)) return [];
    const ifs = neighbouringIfs(head);
    for (const ifNode of ifs) analysed.add(ifNode);
    return runsOf(ifs);
  }

  function dispatchesAt(codeNode: Node, ifsPossible = true): Dispatch[] {
    const dispatches: Dispatch[] = [];
    for (const { container } of findCodeChecks(codeNode, file)) {
      if (container.type === AST_NODE_TYPES.SwitchStatement) {
        dispatches.push(...dispatchesOf(container));
        continue;
      }
      if (!ifsPossible) continue;
      // Every `if` whose condition the check is in, through nested functions too: a superset of
      // the conditions a walk down from an `if` would find it in, each analysed as a whole.
      let child: Node = container;
      for (let parent = child.parent; parent; child = parent, parent = parent.parent) {
        if (parent.type === AST_NODE_TYPES.IfStatement && parent.test === child) dispatches.push(...dispatchesOf(parent));
      }
    }
    return dispatches;
  }

  /** The codes written so far, as written, until there are minimumCodes of them. */
  const writtenCodes = new Set<unknown>();

  function dispatchesOfCode(codeNode: CodeNode): Dispatch[] {
    if (writtenCodes.size < minimumCodes) writtenCodes.add(writtenCode(codeNode));
    return dispatchesAt(codeNode, writtenCodes.size >= minimumCodes);
  }

  // --- coverage ----------------------------------------------------------------------------------

  function hasPatternComment([start, end]: readonly [number, number]): boolean {
    const comments = sourceCode.getAllComments();
    for (let i = firstCommentFrom(comments, start); i < comments.length; i++) {
      const comment = comments[i]!;
      if (comment.range[1] > end) return false;
      if (commentPattern.test(commentHead(comment.value))) return true;
    }
    return false;
  }

  /**
   * The missing codes that nothing else handles: checks on the same subject in the default branch,
   * or in the statements after the dispatch; before it, or in the conditions it is nested in, up
   * to the function. Undefined when one of those calls a guard.
   */
  function unhandledElsewhere(dispatch: Dispatch, missing: readonly WantedCode[]): WantedCode[] | undefined {
    const { subjectKey } = dispatch;
    let remaining = [...missing];
    const keep = (covered: (code: CodeValue) => boolean) => {
      remaining = remaining.filter(({ value }) => !covered(value));
    };
    const walk = (root: Node): boolean => {
      const found = new Set<CodeValue>();
      const guarded = forEachCodeCheck(
        root,
        file,
        (check) => {
          if (getSubjectKey(check.subject, sourceCode) === subjectKey) found.add(check.code.value);
          return false;
        },
        isGuardCall,
        isAskedAbout,
      );
      keep((code) => found.has(code));
      return guarded;
    };

    if (dispatch.defaultBranch) {
      if (walk(dispatch.defaultBranch.node)) return undefined;
    } else {
      const list = getStatementList(dispatch.last.parent);
      if (list) {
        const coverage = coverageOf(list);
        const index = coverage.positions.get(dispatch.last)!;
        if (coverage.guardedAfter(index)) return undefined;
        keep((code) => coverage.checkedAfter(subjectKey, code, index));
      }
    }
    let current: Node = dispatch.first;
    for (let parent: Node | undefined = current.parent; parent; current = parent, parent = parent.parent) {
      if (isFunctionNode(parent)) break;
      const list = getStatementList(parent);
      if (list) {
        const coverage = coverageOf(list);
        const index = coverage.positions.get(current as Statement);
        if (index !== undefined) {
          if (coverage.guardedBefore(index)) return undefined;
          keep((code) => coverage.checkedBefore(subjectKey, code, index));
        }
      } else if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== current) {
        if (walk(parent.test)) return undefined;
      }
      if (parent.type === AST_NODE_TYPES.StaticBlock) break;
    }
    return remaining;
  }

  function missingCodes(dispatch: Dispatch): WantedCode[] | undefined {
    if (dispatch.guarded) return undefined;
    const unhandled = wantedFor(dispatch.handled).filter((code) => !dispatch.handled.has(code.value));
    if (unhandled.length === 0) return undefined;

    const { defaultBranch, trailingCommentRange } = dispatch;
    if (defaultBranch && (allowDefault || hasPatternComment(defaultBranch.commentRange))) return undefined;
    if (trailingCommentRange && hasPatternComment(trailingCommentRange)) return undefined;
    return unhandledElsewhere(dispatch, unhandled);
  }

  return { dispatchesAt, dispatchesOfCode, dispatchesOf, missingCodes };
}

/**
 * What tells written codes apart (`-401`, `'KOE003'`, a member's name), so that counting them
 * never gives fewer than the distinct values they stand for; a node stands for itself when
 * nothing else does.
 */
function writtenCode(node: CodeNode): unknown {
  switch (node.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticPropertyName(node);
      return name === undefined ? node : `.${name}`;
    }
    case AST_NODE_TYPES.Identifier:
      return node.name;
    case AST_NODE_TYPES.Literal:
      return node.value;
    default:
      return getCodeLiteralValue(node) ?? node;
  }
}
