/**
 * Which codes the statements before or after a point of a statement list check on each subject,
 * and whether any of them calls a retry guard. Each list is summarised once, on first use, so a
 * function of n dispatches costs O(n) rather than a walk of the whole list per dispatch.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { forEachCodeCheck, getSubjectKey } from '../utils/code-checks.js';
import type { CodeFilter, CodeValue } from '../utils/code-checks.js';
import type { KakaoFile } from '../utils/rule-context.js';

type Statement = TSESTree.Statement | TSESTree.ProgramStatement;

/** Where in a list the first and last check of one code on one subject are. */
interface Span {
  first: number;
  last: number;
}

export interface ListCoverage {
  /** The index of a statement of the list. */
  readonly positions: ReadonlyMap<Statement, number>;
  /** Whether a statement before index `i` (or after it) calls a guard. */
  guardedBefore(i: number): boolean;
  guardedAfter(i: number): boolean;
  /** Whether a statement before index `i` (or after it) checks `code` on the subject `subjectKey`. */
  checkedBefore(subjectKey: string, code: CodeValue, i: number): boolean;
  checkedAfter(subjectKey: string, code: CodeValue, i: number): boolean;
}

/**
 * Summaries of statement lists for one file and rule, keyed by the list. `filter` limits what is
 * recorded (the codes the rule asks about); `isGuardCall` decides which calls are guards.
 */
export function createCoverageIndex(
  file: KakaoFile,
  isGuardCall: (call: TSESTree.CallExpression) => boolean,
  filter: CodeFilter,
): (list: readonly Statement[]) => ListCoverage {
  const cache = new Map<readonly Statement[], ListCoverage>();

  function summarise(list: readonly Statement[]): ListCoverage {
    const positions = new Map<Statement, number>();
    const spans = new Map<string, Map<CodeValue, Span>>();
    let firstGuarded = Infinity;
    let lastGuarded = -Infinity;
    list.forEach((statement, index) => {
      positions.set(statement, index);
      const guarded = forEachCodeCheck(
        statement,
        file,
        ({ subject, code }) => {
          const key = getSubjectKey(subject, file.sourceCode);
          let byCode = spans.get(key);
          if (!byCode) spans.set(key, (byCode = new Map<CodeValue, Span>()));
          const span = byCode.get(code.value);
          if (span) span.last = index;
          else byCode.set(code.value, { first: index, last: index });
          return false;
        },
        isGuardCall,
        filter,
      );
      if (guarded) {
        firstGuarded = Math.min(firstGuarded, index);
        lastGuarded = index;
      }
    });
    const span = (subjectKey: string, code: CodeValue) => spans.get(subjectKey)?.get(code);
    return {
      positions,
      guardedBefore: (i) => firstGuarded < i,
      guardedAfter: (i) => lastGuarded > i,
      checkedBefore: (subjectKey, code, i) => (span(subjectKey, code)?.first ?? Infinity) < i,
      checkedAfter: (subjectKey, code, i) => (span(subjectKey, code)?.last ?? -Infinity) > i,
    };
  }

  return (list) => {
    let coverage = cache.get(list);
    if (!coverage) cache.set(list, (coverage = summarise(list)));
    return coverage;
  };
}
