/**
 * The rule docs (`docs/rules/<name>.md`) against the rules, like typescript-eslint's docs test:
 * one doc per rule and one rule per doc, the eslint-doc-generator header, an `## Options` section
 * with one `###` heading per option in the rule's schema, a `## Settings` section, and every
 * example linted with the real rule: each ts/js block under `### ❌ Incorrect` must be reported by
 * that rule, each block under `### ✅ Correct` must not be.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { rules } from '../rules/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS_DIR = path.join(ROOT, 'docs', 'rules');
/** The examples are linted as `src/example.ts` of a project rooted here (nothing is read from it). */
const PROJECT_ROOT = path.join(ROOT, 'test', 'fixtures', 'docs-project');
const SETTINGS = { kakao: { enumModule: './generated/kakao-error-codes' } };
const HEADER_END = '<!-- end auto-generated rule header -->';
const EXAMPLE_LANGUAGES = new Set(['ts', 'typescript', 'tsx', 'js', 'javascript', 'jsx', 'mjs', 'cjs']);

type RuleName = keyof typeof rules;
const ruleNames = Object.keys(rules).sort() as RuleName[];

interface Heading {
  readonly level: number;
  readonly text: string;
  readonly line: number;
}

interface CodeBlock {
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The nearest heading above the block. */
  readonly heading: Heading | undefined;
}

/** Headings and fenced code blocks, in order; `#` lines inside fences are not headings. */
function parseMarkdown(text: string): { headings: Heading[]; blocks: CodeBlock[] } {
  const headings: Heading[] = [];
  const blocks: CodeBlock[] = [];
  const lines = text.split(/\r?\n/u);
  let fence: { marker: string; lang: string; line: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    if (fence) {
      if (line.trimStart().startsWith(fence.marker) && line.trim() === fence.marker) {
        blocks.push({ lang: fence.lang, code: fence.body.join('\n'), line: fence.line, heading: headings.at(-1) });
        fence = undefined;
      } else {
        fence.body.push(line);
      }
      return;
    }
    const open = /^\s*(`{3,}|~{3,})\s*([\w-]*)/u.exec(line);
    if (open) {
      fence = { marker: open[1] ?? '```', lang: (open[2] ?? '').toLowerCase(), line: index + 1, body: [] };
      return;
    }
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/u.exec(line);
    if (heading) headings.push({ level: heading[1]?.length ?? 0, text: heading[2] ?? '', line: index + 1 });
  });
  if (fence) throw new Error(`unclosed code fence opened on line ${fence.line}`);
  return { headings, blocks };
}

/** The `###` headings directly inside the `## <title>` section. */
function subheadings(headings: readonly Heading[], title: string): Heading[] {
  const start = headings.findIndex((heading) => heading.level === 2 && heading.text === title);
  if (start === -1) return [];
  const end = headings.findIndex((heading, index) => index > start && heading.level <= 2);
  return headings.slice(start + 1, end === -1 ? undefined : end).filter((heading) => heading.level === 3);
}

/** The option names of a rule's schema: the properties of its object schema(s). */
function optionNames(schema: unknown): string[] {
  const items = (Array.isArray(schema) ? schema : []) as { properties?: Record<string, unknown> }[];
  return items.flatMap((item) => Object.keys(item.properties ?? {})).sort();
}

function lint(name: RuleName, code: string, lang: string): Linter.LintMessage[] {
  const linter = new Linter({ cwd: PROJECT_ROOT });
  const typescript = !['js', 'javascript', 'jsx', 'mjs', 'cjs'].includes(lang);
  const config: Linter.Config[] = [
    {
      files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
      ...(typescript && { languageOptions: { parser: tsParser } }),
      plugins: { kakao: plugin },
      settings: SETTINGS,
      rules: { [`kakao/${name}`]: 'error' },
    },
  ];
  return linter.verify(code, config, { filename: path.join(PROJECT_ROOT, 'src', typescript ? 'example.ts' : 'example.js') });
}

const format = (messages: readonly Linter.LintMessage[]) =>
  messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'fatal'}: ${message.message}`).join('\n');

describe('docs/rules', () => {
  const docFiles = readdirSync(DOCS_DIR).filter((file) => file.endsWith('.md'));

  it('has one doc per rule and one rule per doc', () => {
    expect(docFiles.map((file) => file.slice(0, -'.md'.length)).sort()).toEqual(ruleNames);
  });

  describe.each(ruleNames)('%s', (name) => {
    const rule = rules[name] as unknown as { meta: { docs: { description: string }; schema: unknown } };
    const text = readFileSync(path.join(DOCS_DIR, `${name}.md`), 'utf8');
    const { headings, blocks } = parseMarkdown(text);

    it('starts with the generated header (title, description, notices)', () => {
      expect(text.startsWith(`# ${name}\n`)).toBe(true);
      const headerEnd = text.indexOf(HEADER_END);
      expect(headerEnd, `${HEADER_END} (run npm run docs)`).toBeGreaterThan(0);
      expect(text.slice(0, headerEnd)).toContain(`📝 ${rule.meta.docs.description}.`);
      expect(headings.filter((heading) => heading.level === 1)).toHaveLength(1);
    });

    it('has an Options section with one ### heading per option in the schema', () => {
      const names = optionNames(rule.meta.schema);
      const section = headings.find((heading) => heading.level === 2 && heading.text === 'Options');
      expect(section, '## Options').toBeDefined();
      if (names.length === 0) {
        expect(text).toMatch(/## Options\s+(?:This rule has no options|None)\b/u);
        return;
      }
      const documented = subheadings(headings, 'Options').map((heading) => heading.text.replaceAll('`', ''));
      expect(documented.sort()).toEqual(names);
    });

    it('has a Settings section', () => {
      expect(headings.some((heading) => heading.level === 2 && heading.text === 'Settings')).toBe(true);
      expect(text).toContain('settings.kakao');
    });

    const incorrect = blocks.filter((block) => block.heading?.text === '❌ Incorrect');
    const correct = blocks.filter((block) => block.heading?.text === '✅ Correct');

    it('has incorrect and correct examples, all in ts or js', () => {
      expect(incorrect.length).toBeGreaterThan(0);
      expect(correct.length).toBeGreaterThan(0);
      for (const block of [...incorrect, ...correct]) {
        expect(EXAMPLE_LANGUAGES.has(block.lang), `line ${block.line}: \`\`\`${block.lang}`).toBe(true);
      }
    });

    it.each(incorrect.map((block) => [block.line, block] as const))('❌ example on line %i is reported', (_, block) => {
      const messages = lint(name, block.code, block.lang);
      // Parse errors and configuration problems have no rule id.
      expect(messages.filter((message) => message.ruleId === null), format(messages)).toEqual([]);
      expect(
        messages.some((message) => message.ruleId === `kakao/${name}`),
        `expected a kakao/${name} report; got:\n${format(messages) || '(nothing)'}`,
      ).toBe(true);
    });

    it.each(correct.map((block) => [block.line, block] as const))('✅ example on line %i is not reported', (_, block) => {
      const messages = lint(name, block.code, block.lang);
      expect(messages, format(messages)).toEqual([]);
    });
  });
});
