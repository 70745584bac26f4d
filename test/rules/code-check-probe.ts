/**
 * A probe into the code-check model (rules/utils/code-checks.ts) for tests: lints a text with a
 * rule that reads the model three ways (walking down from the file, climbing up from each code,
 * the pre-filter on each `if` condition) and returns what each found; and handle-retryable-codes'
 * dispatches two ways (from every switch and `if`, from every code the rule's listener delivers).
 */
import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import type { Rule } from 'eslint';
import { getCodeLiteralValue, isFunctionNode } from '../../rules/utils/ast.js';
import { findCodeCheck, forEachCodeCheck, getCodeRef, mayHoldCodeCheck } from '../../rules/utils/code-checks.js';
import type { CodeCheck } from '../../rules/utils/code-checks.js';
import { DEFAULT_ERROR_CODE_NAMES } from '../../rules/utils/ast.js';
import { getKakaoFile } from '../../rules/utils/rule-context.js';
import { codeNodeListener } from '../../rules/utils/code-nodes.js';
import type { CodeNode } from '../../rules/utils/code-nodes.js';
import { composeVisitors } from '../../rules/utils/compose-visitors.js';
import { createDispatchFinder, mayBeInDispatch } from '../../rules/handle-retryable-codes-utils/dispatches.js';
import type { Dispatch } from '../../rules/handle-retryable-codes-utils/dispatches.js';
import { DEFAULT_COMMENT_PATTERN, getSetup } from '../../rules/handle-retryable-codes-utils/setup.js';
import { FIXTURE_ROOT, fixtureFile } from '../rule-tester.js';

type Node = TSESTree.Node;

/** A check as a test reads it: where the code is, what it is compared with, how. */
export interface ProbedCheck {
  readonly kind: CodeCheck['kind'];
  readonly code: number | string;
  readonly subject: string;
  readonly line: number;
  readonly column: number;
}

export interface Probe {
  /** Every check, walking down from the file and each function (forEachCodeCheck). */
  readonly walked: readonly ProbedCheck[];
  /** Every check found by climbing up from a code (findCodeCheck), in source order. */
  readonly climbed: readonly ProbedCheck[];
  /** `if` conditions the pre-filter rules out although the walk finds a check in them. */
  readonly prefilterMisses: readonly string[];
  /** Whether the per-file set-up ran (false: out of scope or generated). */
  readonly inScope: boolean;
  /** handle-retryable-codes' dispatches (with `minimumCodes: 1`) found by visiting every switch and `if`. */
  readonly dispatchesOfStatements: readonly string[];
  /** The same, found from the codes its listener delivers (what the rule does). */
  readonly dispatchesOfCodes: readonly string[];
  /** The two with `minimumCodes: 2` (the default), where a file with one distinct code has no run of `if`s. */
  readonly dispatchesOfStatementsAtTwo: readonly string[];
  readonly dispatchesOfCodesAtTwo: readonly string[];
}

const DISPATCH_OPTIONS = { guardNames: [], allowDefault: false, defaultCommentPattern: DEFAULT_COMMENT_PATTERN, minimumCodes: 1 };

function describeDispatch(dispatch: Dispatch, text: string): string {
  const { line, column } = dispatch.node.loc.start;
  const subject = text.slice(dispatch.subject.range[0], dispatch.subject.range[1]);
  return `${line}:${column + 1} ${subject} [${[...dispatch.handled].map(String).sort().join(', ')}]${dispatch.guarded ? ' guarded' : ''}`;
}

function describeCheck(check: CodeCheck, text: string): ProbedCheck {
  return {
    kind: check.kind,
    code: check.code.value,
    subject: text.slice(check.subject.range[0], check.subject.range[1]),
    line: check.node.loc.start.line,
    column: check.node.loc.start.column + 1,
  };
}

const byPosition = (a: ProbedCheck, b: ProbedCheck) => a.line - b.line || a.column - b.column;

function probeRule(result: { probe?: Probe }, errorCodeNames: readonly string[]): Rule.RuleModule {
  return {
    meta: { schema: false },
    create(context) {
      const file = getKakaoFile(context as never, errorCodeNames);
      const text = context.sourceCode.text;
      if (!file) {
        result.probe = {
          walked: [],
          climbed: [],
          prefilterMisses: [],
          inScope: false,
          dispatchesOfStatements: [],
          dispatchesOfCodes: [],
          dispatchesOfStatementsAtTwo: [],
          dispatchesOfCodesAtTwo: [],
        };
        return {};
      }
      const roots: Node[] = [];
      const codes: Node[] = [];
      const conditions: Node[] = [];
      const statements: (TSESTree.SwitchStatement | TSESTree.IfStatement)[] = [];
      const delivered: Node[] = [];
      const visitAll = (node: Node) => {
        if (node.type === AST_NODE_TYPES.SwitchStatement || node.type === AST_NODE_TYPES.IfStatement) statements.push(node);
        if (node.type === AST_NODE_TYPES.Program || isFunctionNode(node)) roots.push(node);
        if (node.type === AST_NODE_TYPES.IfStatement) conditions.push(node.test);
        const isCode =
          (node.type === AST_NODE_TYPES.MemberExpression && getCodeRef(node, file) !== undefined) ||
          ((node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.UnaryExpression) && getCodeLiteralValue(node) !== undefined);
        if (isCode) codes.push(node);
      };
      return composeVisitors(codeNodeListener(file, { strings: true, members: true }, (node) => delivered.push(node)), {
        '*': (node: unknown) => visitAll(node as Node),
        'Program:exit'() {
          const walked: ProbedCheck[] = [];
          for (const root of roots) {
            forEachCodeCheck(root, file, (check) => {
              walked.push(describeCheck(check, text));
              return false;
            });
          }
          const climbed = codes.flatMap((code) => {
            const check = findCodeCheck(code, file);
            return check ? [describeCheck(check, text)] : [];
          });
          const prefilterMisses = conditions.filter(
            (condition) => forEachCodeCheck(condition, file, () => true) && !mayHoldCodeCheck(condition, file, () => false),
          );
          result.probe = {
            walked: walked.sort(byPosition),
            climbed: climbed.sort(byPosition),
            prefilterMisses: prefilterMisses.map((node) => text.slice(node.range[0], node.range[1])),
            inScope: true,
            ...compareDispatches(),
          };
        },
      }) as Rule.RuleListener;

      /** Two finders per minimumCodes, each with its own memory of what it analysed. */
      function compareDispatches(): Pick<
        Probe,
        'dispatchesOfStatements' | 'dispatchesOfCodes' | 'dispatchesOfStatementsAtTwo' | 'dispatchesOfCodesAtTwo'
      > {
        const setup = getSetup(DISPATCH_OPTIONS, file!);
        const finder = (minimumCodes: number) => createDispatchFinder(file!, setup, { allowDefault: false, minimumCodes });
        const describe = (dispatches: Dispatch[]) => dispatches.map((dispatch) => describeDispatch(dispatch, text)).sort();
        const ofStatements = (minimumCodes: number) => {
          const statementFinder = finder(minimumCodes);
          return describe(statements.flatMap((statement) => statementFinder.dispatchesOf(statement)));
        };
        const ofCodes = (minimumCodes: number) => {
          const codeFinder = finder(minimumCodes);
          // As the rule does: codes in no check are passed over before the finder is asked.
          return describe((delivered as CodeNode[]).filter((node) => mayBeInDispatch(node, file!)).flatMap((node) => codeFinder.dispatchesOfCode(node)));
        };
        return {
          dispatchesOfStatements: ofStatements(1),
          dispatchesOfCodes: ofCodes(1),
          dispatchesOfStatementsAtTwo: ofStatements(2),
          dispatchesOfCodesAtTwo: ofCodes(2),
        };
      }
    },
  };
}

export interface ProbeOptions {
  readonly filename?: string;
  readonly errorCodeNames?: readonly string[];
  readonly settings?: Record<string, unknown>;
  /** TypeScript (the default) or JavaScript parsed by espree. */
  readonly javascript?: boolean;
  /** Overrides the language options (parser, sourceType, JSX). */
  readonly languageOptions?: Linter.Config['languageOptions'];
}

/** Reads the model over `code` (TypeScript by default, `settings.kakao.scope: 'all'`). */
export function probeCodeChecks(code: string, options: ProbeOptions = {}): Probe {
  const result: { probe?: Probe } = {};
  const linter = new Linter({ cwd: FIXTURE_ROOT });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.*'],
        languageOptions: options.languageOptions ?? (options.javascript ? {} : { parser: tsParser }),
        plugins: { probe: { rules: { model: probeRule(result, options.errorCodeNames ?? DEFAULT_ERROR_CODE_NAMES) } } },
        settings: { kakao: { scope: 'all', enumModule: './generated/kakao-error-codes', ...options.settings } },
        rules: { 'probe/model': 'error' },
      },
    ],
    { filename: fixtureFile(options.filename ?? (options.javascript ? 'src/probe.js' : 'src/probe.ts')) },
  );
  const fatal = messages[0];
  if (fatal ?? !result.probe) throw new Error(`probe: ${fatal?.message ?? 'the rule did not run'}`);
  return result.probe;
}
