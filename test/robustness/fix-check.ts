/**
 * Shared by the robustness and fuzz tests: the plugin with every rule wrapped so that each report's
 * fix and suggestions are recorded as the rule made them (ESLint merges a fix's parts into one edit
 * before anyone sees them), and the checks on those edits:
 *
 * - a fix that replaces a numeric literal (`-401`, `- 401`, `-0x191`, `-4.01e2`, `-(401)`, ...)
 *   must write a member of the enum whose code is the literal's value (`===`, so `-0` and `0` are
 *   the same value: that is how `===`, `switch` and `Set.prototype.has` compare; no code is 0);
 * - a fix must not put an enum member in place of anything but such a literal;
 * - every other edit (adding or changing an import) is counted, and judged by the tests through
 *   the fixed file: it must parse and need no further fix.
 */
import type { ESLint, Rule } from 'eslint';
import spec from '../../spec/kakao-error-codes.json' with { type: 'json' };

export const CODE_BY_MEMBER: ReadonlyMap<string, number> = new Map(spec.codes.map((entry) => [entry.name, entry.code]));

export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** One report of one pass: the text the rule saw and the edits of its fix and of each suggestion. */
export interface RecordedReport {
  readonly ruleId: string;
  readonly sourceText: string;
  readonly fix: readonly TextEdit[];
  readonly suggestions: readonly (readonly TextEdit[])[];
}

type Ranged = { range?: [number, number] | undefined } | { range: readonly [number, number] };
type FixFunction = (fixer: RecordingFixer) => TextEdit | Iterable<TextEdit> | null | undefined;

interface RecordingFixer {
  insertTextAfter(element: Ranged, text: string): TextEdit;
  insertTextAfterRange(range: readonly [number, number], text: string): TextEdit;
  insertTextBefore(element: Ranged, text: string): TextEdit;
  insertTextBeforeRange(range: readonly [number, number], text: string): TextEdit;
  remove(element: Ranged): TextEdit;
  removeRange(range: readonly [number, number]): TextEdit;
  replaceText(element: Ranged, text: string): TextEdit;
  replaceTextRange(range: readonly [number, number], text: string): TextEdit;
}

const rangeOf = (element: Ranged): readonly [number, number] => {
  if (!element.range) throw new Error('fixer: a node or token without a range');
  return element.range;
};

/** ESLint's fixer API, returning plain edits. */
const fixer: RecordingFixer = {
  insertTextAfter: (element, text) => ({ range: [rangeOf(element)[1], rangeOf(element)[1]], text }),
  insertTextAfterRange: (range, text) => ({ range: [range[1], range[1]], text }),
  insertTextBefore: (element, text) => ({ range: [rangeOf(element)[0], rangeOf(element)[0]], text }),
  insertTextBeforeRange: (range, text) => ({ range: [range[0], range[0]], text }),
  remove: (element) => ({ range: rangeOf(element), text: '' }),
  removeRange: (range) => ({ range, text: '' }),
  replaceText: (element, text) => ({ range: rangeOf(element), text }),
  replaceTextRange: (range, text) => ({ range, text }),
};

function edits(fix: FixFunction | null | undefined): TextEdit[] {
  const result = fix?.(fixer);
  if (!result) return [];
  return 'range' in result ? [result] : [...result];
}

interface Descriptor {
  fix?: FixFunction | null;
  suggest?: readonly { fix: FixFunction }[] | null;
}

/** The plugin with each rule's reports recorded into `sink` (the rules behave exactly as before). */
export function recordingPlugin(plugin: { rules: Record<string, unknown> }, sink: RecordedReport[]): ESLint.Plugin {
  const rules = Object.fromEntries(
    Object.entries(plugin.rules).map(([name, value]) => {
      const rule = value as Rule.RuleModule;
      const wrapped: Rule.RuleModule = {
        ...rule,
        create(context) {
          const sourceText = context.sourceCode.text;
          const report = (descriptor: Rule.ReportDescriptor): void => {
            const { fix, suggest } = descriptor as unknown as Descriptor;
            if (fix || suggest?.length) {
              sink.push({
                ruleId: `kakao/${name}`,
                sourceText,
                fix: edits(fix),
                suggestions: (suggest ?? []).map((suggestion) => edits(suggestion.fix)),
              });
            }
            context.report(descriptor);
          };
          return rule.create(Object.create(context, { report: { value: report } }) as Rule.RuleContext);
        },
      };
      return [name, wrapped];
    }),
  );
  return { meta: { name: 'eslint-plugin-kakao (recording)' }, rules };
}

const COMMENT = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/gu;
/** A numeric literal, possibly signed, parenthesised, with separators or a BigInt suffix. */
const NUMERIC_EXPRESSION =
  /^[\s()+-]*(?:0[xX][\da-fA-F](?:_?[\da-fA-F])*|0[oO][0-7](?:_?[0-7])*|0[bB][01](?:_?[01])*|(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?)n?[\s)]*$/u;
const MEMBER_REFERENCE = /^(?:[A-Za-z_$][\w$]*\s*\.\s*)+([A-Za-z_$][\w$]*)$/u;

/** The value of a numeric literal expression's text, or undefined when the text is not one. */
export function numericValue(text: string): number | bigint | undefined {
  // `-401 as const` and `<const>-401` are replaced whole: the assertion changes no value.
  const code = text
    .replace(COMMENT, ' ')
    .replace(/\bas\s+const\s*$/u, '')
    .replace(/^\s*<\s*const\s*>/u, '');
  if (!NUMERIC_EXPRESSION.test(code)) return undefined;
  try {
    // Only digits, signs and parentheses get here: evaluating it is safe.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return (Function(`return (${code});`) as () => number | bigint)();
  } catch {
    return undefined;
  }
}

export interface FixCheck {
  /** Literals replaced by an enum member of the same value. */
  literalFixes: number;
  /** Other edits of fixes (imports). */
  otherEdits: number;
  suggestions: number;
  problems: string[];
}

export const emptyCheck = (): FixCheck => ({ literalFixes: 0, otherEdits: 0, suggestions: 0, problems: [] });

/** Checks the recorded fixes' edits (see the top of this file) against the spec's codes; adds to `into`. */
export function checkFixes(
  reports: readonly RecordedReport[],
  where: string,
  into: FixCheck,
  codeByMember: ReadonlyMap<string, number> = CODE_BY_MEMBER,
): FixCheck {
  for (const { ruleId, sourceText, fix, suggestions } of reports) {
    into.suggestions += suggestions.length;
    for (const edit of fix) {
      const original = sourceText.slice(edit.range[0], edit.range[1]);
      const value = numericValue(original);
      const member = MEMBER_REFERENCE.exec(edit.text.trim())?.[1];
      const code = member === undefined ? undefined : codeByMember.get(member);
      if (value !== undefined) {
        if (code === undefined || value !== code) {
          into.problems.push(`${where}: ${ruleId} replaced ${original.trim()} (${String(value)}) with "${edit.text}"${code === undefined ? '' : ` (${code})`}`);
        } else {
          into.literalFixes++;
        }
      } else if (code !== undefined && original.trim() !== '') {
        into.problems.push(`${where}: ${ruleId} replaced "${original}", not a numeric literal, with ${edit.text}`);
      } else {
        into.otherEdits++;
      }
    }
  }
  return into;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, list: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...list].sort((a, b) => b.range[0] - a.range[0])) {
    result = result.slice(0, edit.range[0]) + edit.text + result.slice(edit.range[1]);
  }
  return result;
}
