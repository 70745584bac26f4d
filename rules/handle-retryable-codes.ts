import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { compareCodes, generatedNames } from '../codegen/names.js';
import type { ErrorCodeEntry } from '../codegen/spec.js';
import {
  createRule,
  DEFAULT_ERROR_CODE_NAMES,
  errorCodeNamesSchema,
  getKakaoFile,
  KakaoSettingsError,
} from './utils/index.js';
import type { KakaoFile } from './utils/index.js';
import {
  canCompleteNormally,
  forEachCodeCheck,
  callGoesBy,
  getIfChain,
  getStatementList,
  getSubjectKey,
  isElseIf,
  isFunctionNode,
  mayHoldCodeCheck,
  switchCaseChecks,
} from './utils/dispatch.js';
import type { CodeCheck, CodeFilter } from './utils/dispatch.js';
import { createCoverageIndex } from './utils/coverage.js';

export type Options = [
  {
    /**
     * Names an identifier or member chain must end in to count as an error-code expression.
     * @default DEFAULT_ERROR_CODE_NAMES
     */
    errorCodeNames?: string[];
    /**
     * The codes every dispatch must handle: numbers or enum member names.
     * @default the spec's codes marked `retryable`
     */
    retryableCodes?: (number | string)[];
    /**
     * More names of retry guards, in addition to `isRetryable` and the generated
     * `isRetryable<Enum>` and `retryable<Enum>s`.
     * @default []
     */
    guardNames?: string[];
    /**
     * Whether a `default` branch or final `else` counts as handling the retryable codes.
     * @default false
     */
    allowDefault?: boolean;
    /**
     * A regular expression (flags `iu`): a `default` branch or final `else` carrying a matching
     * comment counts as handling the retryable codes.
     * @default DEFAULT_COMMENT_PATTERN
     */
    defaultCommentPattern?: string;
    /**
     * How many distinct spec codes an if-chain or a run of `if`s must compare one subject with to be
     * a dispatch. Switches are dispatches with one.
     * @default 2
     */
    minimumCodes?: number;
  },
];

export type MessageIds = 'missingRetryableCodes' | 'addMissingCases';

export const DEFAULT_COMMENT_PATTERN = '^retr(?:y|ied|ies|yable)\\b';

type Node = TSESTree.Node;
type Statement = TSESTree.Statement | TSESTree.ProgramStatement;

/** A code the rule wants handled: a spec entry, or a bare number given in `retryableCodes`. */
interface WantedCode {
  readonly value: number;
  readonly entry: ErrorCodeEntry | undefined;
}

/** Where a dispatch's unhandled codes go: its `default`/final `else`, or the statements after it. */
interface DefaultBranch {
  readonly node: Node;
  /** The source range whose comments may carry the pattern. */
  readonly commentRange: readonly [number, number];
}

interface Dispatch {
  /** The `switch`, or the first `if` of the chain or run: where the report goes. */
  readonly node: TSESTree.SwitchStatement | TSESTree.IfStatement;
  /** The first and last statements of the dispatch (different for a run of `if`s). */
  readonly first: Statement;
  readonly last: Statement;
  readonly subjectKey: string;
  readonly handled: ReadonlySet<number>;
  /** Its own conditions call a guard. */
  readonly guarded: boolean;
  readonly defaultBranch: DefaultBranch | null;
  /** A switch without `default`: the comments after its last case may carry the pattern. */
  readonly trailingCommentRange: readonly [number, number] | null;
}

export default createRule<Options, MessageIds>({
  name: 'handle-retryable-codes',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require switches and if-chains over Kakao error codes to handle the retryable (transient) codes',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          errorCodeNames: errorCodeNamesSchema,
          retryableCodes: {
            type: 'array',
            items: { anyOf: [{ type: 'integer' }, { type: 'string', minLength: 1 }] },
            uniqueItems: true,
            description:
              "The codes every dispatch must handle, as numbers or enum member names. Defaults to the spec's codes marked retryable.",
          },
          guardNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More names of retry guards (functions, or lists checked with includes/has), in addition to isRetryable and the generated isRetryable<Enum> and retryable<Enum>s.',
          },
          allowDefault: {
            type: 'boolean',
            description: 'Whether a default branch or final else counts as handling the retryable codes.',
          },
          defaultCommentPattern: {
            type: 'string',
            description:
              'A regular expression (case-insensitive): a default branch or final else with a matching comment counts as handling the retryable codes.',
          },
          minimumCodes: {
            type: 'integer',
            minimum: 1,
            description:
              'How many distinct spec codes an if-chain or a run of ifs must compare one subject with to count as a dispatch.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        errorCodeNames: [...DEFAULT_ERROR_CODE_NAMES],
        guardNames: [],
        allowDefault: false,
        defaultCommentPattern: DEFAULT_COMMENT_PATTERN,
        minimumCodes: 2,
      },
    ],
    messages: {
      missingRetryableCodes: 'Retryable {{api}} error codes not handled: {{missing}}.',
      addMissingCases: 'Add a case for each missing retryable code, with a TODO to retry.',
    },
  },
  create(context, [options]) {
    const file = getKakaoFile(context, options.errorCodeNames ?? DEFAULT_ERROR_CODE_NAMES);
    if (!file) return {};
    const { wanted, isAskedAbout, guards, commentPattern } = getSetup(options, file);
    if (wanted.length === 0) return {};
    const { allowDefault = false, minimumCodes = 2 } = options;

    const { sourceCode } = context;
    const isGuardCall = (call: TSESTree.CallExpression) => callGoesBy(call, guards);
    const hasGuardCall = (root: Node) => forEachCodeCheck(root, file, () => false, isGuardCall, isAskedAbout);
    const coverageOf = createCoverageIndex(file, isGuardCall, isAskedAbout);

    const isComplete = (handled: ReadonlySet<number>) => wanted.every(({ value }) => handled.has(value));

    // --- switches -------------------------------------------------------------------------------

    function analyseSwitch(node: TSESTree.SwitchStatement): Dispatch | undefined {
      const checks = switchCaseChecks(node, file!);
      const specLiterals = new Set<number>();
      let specCodes = 0;
      let anyEnumMember = false;
      for (const { code } of checks) {
        if (!code.entry) continue;
        specCodes++;
        if (code.isEnumMember) anyEnumMember = true;
        else specLiterals.add(code.value);
      }
      // `switch (list.indexOf(x)) { case -1: }` is not a dispatch: the subject must look like a
      // code, or the cases must name enum members or at least two spec codes.
      if (
        specCodes === 0 ||
        !(anyEnumMember || specLiterals.size >= 2 || file!.isErrorCodeExpression(node.discriminant))
      ) {
        return undefined;
      }
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
      const guarded = ifs.some((ifNode) => forEachCodeCheck(ifNode.test, file!, onCheck, isGuardCall, isAskedAbout));
      if (checks.length === 0 && !guarded) return undefined;
      return { head, finalElse, lastIf: ifs.at(-1)!, checks, guarded };
    }

    function chainMayHoldCodeCheck(head: TSESTree.IfStatement): boolean {
      for (let node: TSESTree.Statement | null = head; node?.type === AST_NODE_TYPES.IfStatement; node = node.alternate) {
        if (mayHoldCodeCheck(node.test, file!, isGuardCall, isAskedAbout)) return true;
      }
      return false;
    }

    /** A chain, or consecutive chains in one statement list, as one dispatch over its main subject. */
    function analyseRun(chains: readonly ChainInfo[]): Dispatch | undefined {
      interface Subject {
        readonly codes: Set<number>;
        readonly specCodes: Set<number>;
      }
      const subjects = new Map<string, Subject>();
      for (const chain of chains) {
        for (const { subject, code } of chain.checks) {
          const key = getSubjectKey(subject, sourceCode);
          let entry = subjects.get(key);
          if (!entry) subjects.set(key, (entry = { codes: new Set(), specCodes: new Set() }));
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
        handled: best[1].codes,
        guarded: chains.some((chain) => chain.guarded),
        defaultBranch: finalElse
          ? { node: finalElse, commentRange: [lastChain.lastIf.consequent.range[1], finalElse.range[1]] }
          : null,
        trailingCommentRange: null,
      };
    }

    /** Ifs already analysed as part of a run (and ifs that end one). */
    const analysedIfs = new Set<TSESTree.IfStatement>();
    const runCursors = new Map<readonly Statement[], number>();

    /** The run of chains that starts at `head` in `list`: the consecutive ifs that compare codes or call guards. */
    function checkRunFrom(head: TSESTree.IfStatement, list: readonly Statement[]): void {
      const first = analyseChain(head);
      if (!first) return;
      const run = [first];
      // Ifs are visited in source order, so each list is searched from where the last run ended.
      let index = list.indexOf(head, runCursors.get(list) ?? 0) + 1;
      for (let statement = list[index]; statement?.type === AST_NODE_TYPES.IfStatement; statement = list[++index]) {
        analysedIfs.add(statement);
        const chain = analyseChain(statement);
        if (!chain) break;
        run.push(chain);
      }
      runCursors.set(list, index);
      check(analyseRun(run));
    }

    // --- coverage and report ----------------------------------------------------------------------

    function hasPatternComment([start, end]: readonly [number, number]): boolean {
      const comments = sourceCode.getAllComments();
      for (let i = firstCommentFrom(comments, start); i < comments.length; i++) {
        const comment = comments[i]!;
        if (comment.range[1] > end) return false;
        if (commentPattern.test(comment.value.trim())) return true;
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
      const keep = (covered: (code: number) => boolean) => {
        remaining = remaining.filter(({ value }) => !covered(value));
      };
      const walk = (root: Node): boolean => {
        const found = new Set<number>();
        const guarded = forEachCodeCheck(
          root,
          file!,
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

    function check(dispatch: Dispatch | undefined): void {
      if (!dispatch || dispatch.guarded) return;
      const unhandled = wanted.filter((code) => !dispatch.handled.has(code.value));
      if (unhandled.length === 0) return;

      const { defaultBranch, trailingCommentRange } = dispatch;
      if (defaultBranch && (allowDefault || hasPatternComment(defaultBranch.commentRange))) return;
      if (trailingCommentRange && hasPatternComment(trailingCommentRange)) return;

      const missing = unhandledElsewhere(dispatch, unhandled);
      if (!missing || missing.length === 0) return;

      const { node } = dispatch;
      context.report({
        node,
        loc: headLocation(node),
        messageId: 'missingRetryableCodes',
        data: {
          api: file!.index.apiName,
          missing: missing
            .map(({ value, entry }) => (entry ? `${entry.name} (${value})` : String(value)))
            .join(', '),
        },
        // Switches only: an `else if` for the missing codes would take them away from the final `else`.
        ...(node.type === AST_NODE_TYPES.SwitchStatement && {
          suggest: [{ messageId: 'addMissingCases', fix: (fixer) => addMissingCases(fixer, node, missing) }],
        }),
      });
    }

    /** `switch (x)` / `if (x)`: the head, not the whole statement. */
    function headLocation(node: TSESTree.SwitchStatement | TSESTree.IfStatement): TSESTree.SourceLocation {
      const bodyStart =
        node.type === AST_NODE_TYPES.SwitchStatement
          ? sourceCode.getTokenAfter(node.discriminant, (token) => token.value === '{')
          : sourceCode.getFirstToken(node.consequent);
      const closingParen = bodyStart ? sourceCode.getTokenBefore(bodyStart) : null;
      return { start: node.loc.start, end: closingParen?.loc.end ?? node.loc.end };
    }

    // --- suggestion -------------------------------------------------------------------------------

    function addMissingCases(
      fixer: TSESLint.RuleFixer,
      node: TSESTree.SwitchStatement,
      missing: readonly WantedCode[],
    ): TSESLint.RuleFix[] {
      // Enum members where the enum is reachable or importable (one import for all), else literals.
      let importFix: TSESLint.RuleFix | null = null;
      let texts: string[] | undefined = [];
      for (const { value, entry } of missing) {
        const replacement = entry ? file!.fileEnum.replacementAt(node, entry.name) : undefined;
        if (replacement?.kind !== 'fixable') {
          texts.push(String(value));
          continue;
        }
        if (replacement.fixImport && !importFix) {
          importFix = replacement.fixImport(fixer);
          if (!importFix) {
            texts = undefined;
            break;
          }
        }
        texts.push(replacement.text);
      }
      if (!texts) {
        texts = missing.map(({ value }) => String(value));
        importFix = null;
      }

      const { cases } = node;
      const defaultIndex = cases.findIndex((switchCase) => switchCase.test === null);
      const beforeDefault = defaultIndex >= 0 ? cases[defaultIndex - 1] : undefined;
      // Before `default`, unless the case above falls through into it (the new cases would cut it off).
      const insertBefore =
        defaultIndex >= 0 && (!beforeDefault || !canCompleteNormally(beforeDefault.consequent))
          ? cases[defaultIndex]!
          : undefined;
      const reference = insertBefore ?? cases.at(-1)!;
      const todo = `TODO: transient ${file!.index.apiName} error: retry the request.`;
      const caseTexts = texts.map((text) => `case ${text}:`);
      // After the last case, past any comment on its last line: falling into a `break` changes nothing.
      const last = cases.at(-1)!;
      const anchor = insertBefore
        ? undefined
        : (sourceCode
            .getCommentsAfter(last)
            .filter((comment) => comment.loc.start.line === last.loc.end.line)
            .at(-1) ?? last);
      // A switch written on one line gets its new cases on that line too.
      const oneLine = !startsLine(reference) && anchor?.type !== 'Line';

      let text: string;
      if (oneLine) {
        text = `${caseTexts.join(' ')} /* ${todo} */ break;`;
        text = insertBefore ? `${text} ` : ` ${text}`;
      } else {
        const { caseIndent, bodyIndent } = indentation(node, reference);
        const lines = [
          ...caseTexts.map((line) => caseIndent + line),
          `${bodyIndent}// ${todo}`,
          `${bodyIndent}break;`,
        ].join('\n');
        text = insertBefore ? `${lines.slice(caseIndent.length)}\n${caseIndent}` : `\n${lines}`;
      }
      // Before `default` and the comments on the lines above it, which belong to it.
      const leadingComment = oneLine ? undefined : sourceCode.getCommentsBefore(reference).find(startsLine);
      const fix = anchor
        ? fixer.insertTextAfterRange(anchor.range, text)
        : fixer.insertTextBeforeRange((leadingComment ?? reference).range, text);
      return importFix ? [fix, importFix] : [fix];
    }

    function lineIndent(line: number): string {
      return /^[ \t]*/u.exec(sourceCode.lines[line - 1] ?? '')![0];
    }

    /** Whether `node` is the first thing on its line. */
    function startsLine(node: Node | TSESTree.Comment): boolean {
      const { line, column } = node.loc.start;
      return lineIndent(line).length === column;
    }

    function indentation(node: TSESTree.SwitchStatement, reference: TSESTree.SwitchCase) {
      const switchIndent = lineIndent(node.loc.start.line);
      const caseIndent = startsLine(reference) ? lineIndent(reference.loc.start.line) : `${switchIndent}  `;
      const unit = caseIndent.startsWith(switchIndent) && caseIndent.length > switchIndent.length
        ? caseIndent.slice(switchIndent.length)
        : '  ';
      for (const switchCase of node.cases) {
        const statement = switchCase.consequent[0];
        if (statement && statement.loc.start.line > switchCase.loc.start.line && startsLine(statement)) {
          return { caseIndent, bodyIndent: lineIndent(statement.loc.start.line) };
        }
      }
      return { caseIndent, bodyIndent: caseIndent + unit };
    }

    // --- visitors ---------------------------------------------------------------------------------

    const visitors: TSESLint.RuleListener = {
      SwitchStatement(node) {
        check(analyseSwitch(node));
      },
    };
    // Only a switch can be a dispatch without error-code names or enum members (over spec literals).
    if (!file.mayCheckCodes) return visitors;
    return {
      ...visitors,
      IfStatement(node) {
        // Chains are analysed from their first `if`; `if`s in statement lists with their run.
        if (isElseIf(node) || analysedIfs.has(node)) return;
        const list = getStatementList(node.parent);
        if (list) {
          checkRunFrom(node, list);
        } else {
          const chain = analyseChain(node);
          if (chain) check(analyseRun([chain]));
        }
      },
    };
  },
});

/** What a rule instance derives from its options and the settings: the same for every file. */
interface Setup {
  readonly wanted: readonly WantedCode[];
  /** The codes a dispatch is judged by: spec codes (for minimumCodes) and the wanted codes. */
  readonly isAskedAbout: CodeFilter;
  readonly guards: ReadonlySet<string>;
  readonly commentPattern: RegExp;
}

const setups = new WeakMap<Options[0], WeakMap<KakaoFile['settings'], Setup>>();

function getSetup(options: Options[0], file: KakaoFile): Setup {
  let bySettings = setups.get(options);
  if (!bySettings) setups.set(options, (bySettings = new WeakMap()));
  let setup = bySettings.get(file.settings);
  if (!setup) {
    const generated = generatedNames(file.settings.enumName);
    const wanted = resolveWantedCodes(options.retryableCodes, file);
    const wantedValues = new Set(wanted.map(({ value }) => value));
    setup = {
      wanted,
      isAskedAbout: (code) => code.entry !== undefined || wantedValues.has(code.value),
      guards: new Set(['isRetryable', generated.isRetryable, generated.retryableList, ...(options.guardNames ?? [])]),
      commentPattern: new RegExp(options.defaultCommentPattern ?? DEFAULT_COMMENT_PATTERN, 'iu'),
    };
    bySettings.set(file.settings, setup);
  }
  return setup;
}

/** The index of the first comment that starts at or after `offset` (comments are in source order). */
function firstCommentFrom(comments: readonly TSESTree.Comment[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comments[middle]!.range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The wanted codes, ordered by |code| like the generated enum. */
function resolveWantedCodes(option: readonly (number | string)[] | undefined, file: KakaoFile): WantedCode[] {
  const { index } = file;
  let codes: WantedCode[];
  if (option === undefined) {
    codes = index.retryable.map((entry) => ({ value: entry.code, entry }));
  } else {
    codes = option.map((item) => {
      if (typeof item === 'number') return { value: item, entry: index.byCode.get(item) };
      const entry = index.byName.get(item);
      if (!entry) {
        throw new KakaoSettingsError(
          `handle-retryable-codes: option retryableCodes: "${item}" is not a code name in the ${index.apiName} spec`,
        );
      }
      return { value: entry.code, entry };
    });
  }
  const seen = new Set<number>();
  return codes
    .filter(({ value }) => !seen.has(value) && seen.add(value))
    .sort((a, b) => compareCodes(a.value, b.value));
}
