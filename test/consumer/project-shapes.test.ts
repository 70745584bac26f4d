/**
 * `no-magic-error-code`'s auto-fix in the project shapes users have, with the packed plugin
 * installed from its tarball and the real ESLint CLI: an npm workspaces monorepo (per-package and
 * root configs, ESLint run from the root and from the package), a CommonJS package, Vue and Svelte
 * components, a Next.js-style 'use client' app, a JavaScript-only ES module package. Each project
 * is fixed with `eslint --fix`, then built or run the way its users would (tsc, node, the Vue and
 * Svelte compilers), and fixed a second time to see that nothing is left to fix.
 *
 * Two installs, at once: the monorepo (a real npm workspaces install) and one shared by the other
 * projects, which link its node_modules. Every test builds its own project from scratch, so the
 * tests run concurrently. Set KAKAO_CONSUMER_KEEP=1 to keep the projects.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInScriptBlock, expectInserted, outsideScripts, withoutBlankLines } from './fixed-text.js';
import type { InsertedStatement } from './fixed-text.js';
import { REPO_ROOT, describeRun, packRepository, run, runOk } from './helpers.js';
import type { LintResult } from './helpers.js';
import {
  CJS_FILES,
  CJS_FIXED,
  ESM_FILES,
  ESM_FIXED,
  MONOREPO_FILES,
  MONOREPO_FIXED,
  MONOREPO_ROOT_CONFIG,
  MONOREPO_ROOT_PACKAGE,
  NEXT_ALIAS_FILES,
  NEXT_ALIAS_FIXED,
  NEXT_FILES,
  NEXT_FIXED,
  SVELTE_FILES,
  SVELTE_FIXED,
  SVELTE_IMPORT,
  VUE_FILES,
  VUE_FIXED,
  VUE_IMPORT,
  packageConfig,
} from './shapes.js';
import type { Tree } from './shapes.js';

const DEV_DEPENDENCIES = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
  .devDependencies;
/** The repository's own pinned version of a dev dependency, as an install argument. */
function pinned(name: string): string {
  const version = DEV_DEPENDENCIES[name];
  if (!version) throw new Error(`${name} is not a dev dependency of the repository`);
  return `${name}@${version}`;
}

const LINT_PACKAGES = ['eslint', '@typescript-eslint/parser', 'typescript'].map(pinned);
const COMPONENT_PACKAGES = ['vue-eslint-parser', 'svelte-eslint-parser', '@vue/compiler-sfc', 'svelte'].map(pinned);
/** ESLint loads eslint.config.ts through jiti on Node 20 (the README's TypeScript config). */
const JITI = 'jiti@2.7.0';
const INSTALL_TIMEOUT = 240_000;
const TEST_TIMEOUT = 120_000;
const MAGIC = 'kakao/no-magic-error-code';

let work = '';
/** The shared install: ESLint, the parsers, TypeScript, jiti, the Vue and Svelte compilers, the tarball. */
let shared = '';
/** The monorepo, installed as npm workspaces, with its enum generated: copied for each variant. */
let monorepo = '';
const timings: string[] = [];

async function timed<T>(label: string, action: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await action();
  } finally {
    timings.push(`${label} ${((performance.now() - start) / 1000).toFixed(1)}s`);
  }
}

function tools(root: string) {
  return {
    eslint: path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
    tsc: path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    codegen: path.join(root, 'node_modules', '.bin', 'kakao-codegen'),
  };
}

function writeTree(root: string, files: Tree): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

function readTree(root: string, files: readonly string[]): Record<string, string> {
  return Object.fromEntries(files.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
}

/** Every file under `dir` (relative, `/`-separated), without node_modules. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules') return [];
    const full = path.join(dir, entry);
    const relative = prefix ? `${prefix}/${entry}` : entry;
    return statSync(full).isDirectory() ? listFiles(full, relative) : [relative];
  });
}

async function install(dir: string, packages: readonly string[]): Promise<void> {
  await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-exact', '--save-dev', ...packages], dir, {
    timeoutMs: INSTALL_TIMEOUT,
  });
}

/** A fresh project in `work/<name>` with `files`, using the node_modules of `installed`. */
function createProject(name: string, files: Tree, installed = shared): string {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeTree(dir, files);
  symlinkSync(path.join(installed, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return dir;
}

async function codegen(dir: string, args: readonly string[]): Promise<void> {
  const result = await run(process.execPath, [tools(shared).codegen, ...args], dir);
  expect(result.status, describeRun(`kakao-codegen ${args.join(' ')} in ${dir}`, result)).toBe(0);
}

interface EslintRun {
  readonly results: LintResult[];
  readonly stderr: string;
}

/** ESLint with `--format json`: exit 0, or 1 when problems are left; 2 (a crash, a config error) fails. */
async function eslint(bin: string, args: readonly string[], cwd: string): Promise<EslintRun> {
  const result = await runOk(process.execPath, [bin, '--format', 'json', ...args], cwd, { allowed: [0, 1] });
  try {
    return { results: JSON.parse(result.stdout) as LintResult[], stderr: result.stderr };
  } catch {
    throw new Error(describeRun(`eslint ${args.join(' ')} (not JSON)`, result));
  }
}

/** `file:line message` of the problems of `rule` (all rules when omitted) and of parse errors. */
function problems(results: readonly LintResult[], root: string, rule?: string): string[] {
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.fatal === true || rule === undefined || message.ruleId === rule)
      .map((message) => `${path.relative(root, result.filePath).split(path.sep).join('/')}:${message.line} ${message.message}`),
  );
}

/**
 * `eslint --fix`, then a second `eslint --fix` that must change nothing: the results of the first
 * run and the files after it.
 */
async function fixTwice(
  bin: string,
  args: readonly string[],
  cwd: string,
  root: string,
  files: readonly string[],
): Promise<{ results: LintResult[]; fixed: Record<string, string> }> {
  const first = await eslint(bin, ['--fix', ...args], cwd);
  const fixed = readTree(root, files);
  const second = await eslint(bin, ['--fix', ...args], cwd);
  expect(
    second.results.filter((result) => result.output !== undefined).map((result) => path.relative(root, result.filePath)),
    'files a second --fix changed',
  ).toEqual([]);
  expect(readTree(root, files), 'the files after a second --fix').toEqual(fixed);
  expect(problems(first.results, root).filter((line) => / Parsing error| fatal/iu.test(line)), first.stderr).toEqual([]);
  return { results: first.results, fixed };
}

/** `node <file>` for each file: status and output, to compare before and after the fix. */
async function runEach(dir: string, files: readonly string[]): Promise<Record<string, string>> {
  const outputs = await Promise.all(
    files.map(async (file) => {
      const result = await run(process.execPath, [file], dir);
      return [file, `exit ${String(result.status)}\n${result.stdout}${result.stderr}`] as const;
    }),
  );
  return Object.fromEntries(outputs);
}

function expectFixedFiles(fixed: Readonly<Record<string, string>>, expected: Readonly<Record<string, InsertedStatement>>): void {
  for (const [file, expectation] of Object.entries(expected)) expectInserted(file, fixed[file]!, expectation);
}

beforeAll(async () => {
  work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'kakao-shapes-')));
  if (!path.relative(REPO_ROOT, work).startsWith('..')) throw new Error(`${work} is inside the repository`);
  const { tarball, codegenTarball } = await timed('npm pack', () => packRepository(work));

  shared = path.join(work, 'shared-install');
  mkdirSync(shared);
  writeFileSync(path.join(shared, 'package.json'), `${JSON.stringify({ name: 'kakao-shapes-shared', private: true }, null, 2)}\n`);

  monorepo = path.join(work, 'monorepo');
  mkdirSync(monorepo);
  writeFileSync(path.join(monorepo, 'package.json'), `${JSON.stringify(MONOREPO_ROOT_PACKAGE, null, 2)}\n`);
  writeTree(monorepo, MONOREPO_FILES);

  await Promise.all([
    timed('install (shared)', () => install(shared, [...LINT_PACKAGES, ...COMPONENT_PACKAGES, JITI, tarball, codegenTarball])),
    timed('install (monorepo)', () => install(monorepo, [...LINT_PACKAGES, tarball, codegenTarball])),
  ]);
  const generated = await run(
    process.execPath,
    [tools(monorepo).codegen, '--out', 'src/generated/kakao-error-codes.ts'],
    path.join(monorepo, 'packages', 'app'),
  );
  if (generated.status !== 0) throw new Error(describeRun('kakao-codegen in the monorepo', generated));
}, INSTALL_TIMEOUT + 60_000);

afterAll(() => {
  console.info(`project-shape tests: ${timings.join(', ')}`);
  if (!work) return;
  if (process.env['KAKAO_CONSUMER_KEEP']) console.info(`project-shape projects kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}, 120_000);

interface MonorepoVariant {
  readonly name: string;
  /** Where the config goes (relative to the monorepo root) and what it says. */
  readonly config: { readonly file: string; readonly text: string };
  /** Where ESLint runs, relative to the monorepo root, and on what. */
  readonly cwd: string;
  readonly args: readonly string[];
}

const ENUM_TS = './src/generated/kakao-error-codes.ts';
const MONOREPO_VARIANTS: readonly MonorepoVariant[] = [
  {
    name: 'package config with a relative enumModule, ESLint run from the repository root',
    config: { file: 'packages/app/eslint.config.js', text: packageConfig(`'${ENUM_TS}'`) },
    cwd: '.',
    args: ['packages/app/src'],
  },
  {
    name: 'package config with a relative enumModule, ESLint run from the package',
    config: { file: 'packages/app/eslint.config.js', text: packageConfig(`'${ENUM_TS}'`) },
    cwd: 'packages/app',
    args: ['src'],
  },
  {
    name: 'package config with a file: URL (new URL(…, import.meta.url).href), run from the root',
    config: { file: 'packages/app/eslint.config.js', text: packageConfig(`new URL('${ENUM_TS}', import.meta.url).href`) },
    cwd: '.',
    args: ['packages/app/src'],
  },
  {
    name: 'package config with fileURLToPath(new URL(…, import.meta.url)), run from the root',
    config: {
      file: 'packages/app/eslint.config.js',
      text: packageConfig(`fileURLToPath(new URL('${ENUM_TS}', import.meta.url))`, "import { fileURLToPath } from 'node:url';\n"),
    },
    cwd: '.',
    args: ['packages/app/src'],
  },
  {
    name: 'package config with path.join(import.meta.dirname, …), run from the package',
    config: {
      file: 'packages/app/eslint.config.js',
      text: packageConfig(`path.join(import.meta.dirname, 'src', 'generated', 'kakao-error-codes.ts')`, "import path from 'node:path';\n"),
    },
    cwd: 'packages/app',
    args: ['src'],
  },
  {
    name: 'root config with enumModule relative to the root, ESLint run from the package',
    config: { file: 'eslint.config.js', text: MONOREPO_ROOT_CONFIG },
    cwd: 'packages/app',
    args: ['src'],
  },
];

describe.concurrent('the packed plugin in real project shapes (ESLint CLI, --fix, then the build)', () => {
  it.each(MONOREPO_VARIANTS.map((variant, index) => ({ ...variant, index })))(
    'npm workspaces monorepo: $name',
    async (variant) => {
      const dir = path.join(work, `monorepo-${String(variant.index)}`);
      cpSync(monorepo, dir, { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
      symlinkSync(path.join(monorepo, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
      writeFileSync(path.join(dir, variant.config.file), variant.config.text);
      const bins = tools(monorepo);
      const sources = listFiles(path.join(dir, 'packages', 'app', 'src')).map((file) => `packages/app/src/${file}`);

      const { results, fixed } = await fixTwice(bins.eslint, variant.args, path.join(dir, variant.cwd), dir, sources);
      expect(problems(results, dir, MAGIC), 'literals left unfixed').toEqual([]);
      expectFixedFiles(fixed, MONOREPO_FIXED);
      for (const [file, text] of Object.entries(fixed)) {
        expect(text.includes(work), `${file} contains an absolute path:\n${text}`).toBe(false);
      }
      const tsc = await run(process.execPath, [bins.tsc, '--noEmit', '-p', 'packages/app'], dir);
      expect(tsc.status, describeRun('tsc --noEmit -p packages/app after --fix', tsc)).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it('CommonJS package ("type": "commonjs"): require() after the directives and requires; node prints the same', async () => {
    const dir = createProject('commonjs', CJS_FILES);
    await codegen(dir, ['--out', 'src/generated/kakao-error-codes.cjs']);
    expect(existsSync(path.join(dir, 'src', 'generated', 'kakao-error-codes.d.cts')), 'the .d.cts beside the .cjs').toBe(true);
    const files = Object.keys(CJS_FIXED);
    const before = await runEach(dir, files);
    for (const [file, output] of Object.entries(before)) expect(output, file).toMatch(/^exit 0\n/u);

    const { results, fixed } = await fixTwice(tools(shared).eslint, ['src'], dir, dir, files);
    expect(problems(results, dir, MAGIC), 'literals left unfixed').toEqual([]);
    expectFixedFiles(fixed, CJS_FIXED);
    expect(await runEach(dir, files), 'node output after --fix').toEqual(before);
  }, TEST_TIMEOUT);

  it('Vue 3 SFCs: the import goes inside the script block; template and style unchanged; compileScript succeeds', async () => {
    const dir = createProject('vue', VUE_FILES);
    await codegen(dir, ['--out', 'src/generated/kakao-error-codes.ts', '--style', 'object']);
    const components = Object.keys(VUE_FILES).filter((file) => file.endsWith('.vue'));

    const { results, fixed } = await fixTwice(tools(shared).eslint, ['src'], dir, dir, components);
    // The template literal without the enum in scope is reported, and only that one is left.
    expect(problems(results, dir, MAGIC).map((line) => line.split(' ', 1)[0])).toEqual(['src/components/TemplateNoImport.vue:9']);
    expect(fixed['src/components/TemplateNoImport.vue']).toBe(VUE_FILES['src/components/TemplateNoImport.vue']);
    // With the enum imported in <script setup>, the template's literal is fixed, and nothing else changes.
    expect(fixed['src/components/TemplateInScope.vue']).toBe(
      VUE_FILES['src/components/TemplateInScope.vue']!.replace('kakaoError.code === -401', 'kakaoError.code === KakaoErrorCode.InvalidToken'),
    );
    for (const [file, { literals }] of Object.entries(VUE_FIXED)) {
      const original = VUE_FILES[file]!;
      const text = fixed[file]!;
      expectInScriptBlock(file, text, VUE_IMPORT);
      expect(outsideScripts(text), `${file}: template, style and script tags unchanged`).toEqual(outsideScripts(original));
      let body = original;
      for (const [from, to] of literals) body = body.replace(from, to);
      expect(withoutBlankLines(text.replace(VUE_IMPORT, '')), file).toBe(withoutBlankLines(body));
    }

    writeFileSync(path.join(dir, 'compile.mjs'), VUE_COMPILE);
    const compiled = await runOk(process.execPath, ['compile.mjs', ...components], dir);
    expect(JSON.parse(compiled.stdout)).toEqual(Object.fromEntries(components.map((file) => [file, 'ok'])));
  }, TEST_TIMEOUT);

  it('Svelte 5 components: the import goes inside a <script> block that every use can see; markup unchanged; compile succeeds', async () => {
    const dir = createProject('svelte', SVELTE_FILES);
    await codegen(dir, ['--out', 'src/generated/kakao-error-codes.ts', '--style', 'object']);
    const components = Object.keys(SVELTE_FILES).filter((file) => file.endsWith('.svelte'));

    const { results, fixed } = await fixTwice(tools(shared).eslint, ['src'], dir, dir, components);
    expect(problems(results, dir, MAGIC), 'literals left unfixed').toEqual([]);
    for (const [file, { literals, block }] of Object.entries(SVELTE_FIXED)) {
      const original = SVELTE_FILES[file]!;
      const text = fixed[file]!;
      expect(expectInScriptBlock(file, text, SVELTE_IMPORT), `${file}: the block with the import`).toMatch(block);
      expect(outsideScripts(text), `${file}: markup, style and script tags unchanged`).toEqual(outsideScripts(original));
      let body = original;
      for (const [from, to] of literals) body = body.replace(from, to);
      expect(withoutBlankLines(text.replace(SVELTE_IMPORT, '')), file).toBe(withoutBlankLines(body));
    }

    writeFileSync(path.join(dir, 'compile.mjs'), SVELTE_COMPILE);
    const compiled = await runOk(process.execPath, ['compile.mjs', ...components], dir);
    expect(JSON.parse(compiled.stdout)).toEqual(Object.fromEntries(components.map((file) => [file, 'ok'])));
  }, TEST_TIMEOUT);

  it.each([
    { name: "a relative enumModule", project: 'next', files: NEXT_FILES, expected: NEXT_FIXED },
    { name: "the '@/' path alias as enumModule (written verbatim)", project: 'next-alias', files: NEXT_ALIAS_FILES, expected: NEXT_ALIAS_FIXED },
  ])("Next.js-style app, $name: the import after 'use client', header comments and a trailing comment; a script is not fixed; tsc passes", async ({ project, files: tree, expected }) => {
    const dir = createProject(project, tree);
    await codegen(dir, ['--out', 'lib/generated/kakao-error-codes.ts', '--style', 'object']);
    const bins = tools(shared);
    const before = await run(process.execPath, [bins.tsc, '--noEmit', '-p', '.'], dir);
    expect(before.status, describeRun('tsc before --fix', before)).toBe(0);
    const files = listFiles(path.join(dir, 'app')).map((file) => `app/${file}`);

    const { results, fixed } = await fixTwice(bins.eslint, ['app'], dir, dir, files);
    expect(problems(results, dir, MAGIC).map((line) => line.split(' ', 1)[0]), 'only the script is left').toEqual(['app/script.ts:2']);
    expect(fixed['app/script.ts']).toBe(NEXT_FILES['app/script.ts']);
    expectFixedFiles(fixed, expected);
    const after = await run(process.execPath, [bins.tsc, '--noEmit', '-p', '.'], dir);
    expect(after.status, describeRun('tsc after --fix', after)).toBe(0);
  }, TEST_TIMEOUT);

  it('JavaScript-only ES module package (enum generated as .js): import after the imports or the shebang; node prints the same', async () => {
    const dir = createProject('esm-js', ESM_FILES);
    await codegen(dir, ['--out', 'src/generated/kakao-error-codes.js']);
    const files = Object.keys(ESM_FIXED);
    const before = await runEach(dir, files);
    for (const [file, output] of Object.entries(before)) expect(output, file).toMatch(/^exit 0\n/u);

    const { results, fixed } = await fixTwice(tools(shared).eslint, files, dir, dir, files);
    expect(problems(results, dir, MAGIC), 'literals left unfixed').toEqual([]);
    expectFixedFiles(fixed, ESM_FIXED);
    expect(await runEach(dir, files), 'node output after --fix').toEqual(before);
  }, TEST_TIMEOUT);

  it('a JavaScript file is not given an import of a const enum module: reported without a fix', async () => {
    const dir = createProject('esm-const-enum', ESM_FILES);
    await codegen(dir, ['--out', 'src/generated/const/kakao-error-codes.ts']);
    const { results, fixed } = await fixTwice(tools(shared).eslint, ['--config', 'eslint.const-enum.config.js', 'src/const-enum.js'], dir, dir, [
      'src/const-enum.js',
    ]);
    expect(fixed['src/const-enum.js']).toBe(ESM_FILES['src/const-enum.js']);
    const messages = problems(results, dir, MAGIC);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^src\/const-enum\.js:2 /u);
    expect(messages[0], 'the message says why there is no fix').toMatch(/const enum/iu);
  }, TEST_TIMEOUT);

  it('an enumModule that resolves to no file: reported without a fix, the message names the setting and the path', async () => {
    const dir = createProject('esm-missing', ESM_FILES);
    const { results, fixed } = await fixTwice(tools(shared).eslint, ['--config', 'eslint.missing.config.js', 'src/missing.js'], dir, dir, [
      'src/missing.js',
    ]);
    expect(fixed['src/missing.js']).toBe(ESM_FILES['src/missing.js']);
    const messages = problems(results, dir, MAGIC);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^src\/missing\.js:2 /u);
    expect(messages[0]).toContain('settings.kakao.enumModule');
    expect(messages[0]).toContain(path.join(dir, 'src', 'generated', 'nowhere', 'kakao-error-codes.js'));
  }, TEST_TIMEOUT);
});

/** A README code block that is a whole ESLint config: its first line names the file (`// eslint.config.mjs`). */
interface ReadmeConfig {
  readonly line: number;
  readonly file: string;
  readonly code: string;
}

function readmeConfigs(): ReadmeConfig[] {
  const text = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const configs: ReadmeConfig[] = [];
  for (const match of text.matchAll(/^```(?:js|ts)\n(\/\/ ((?:[\w-]+\/)*eslint\.config\.[cm]?[jt]s)\b[^\n]*\n[\s\S]*?)^```$/gmu)) {
    configs.push({ line: text.slice(0, match.index).split('\n').length, file: match[2]!, code: match[1]! });
  }
  return configs;
}

/** A file the config must lint, with one magic code in it, by the parser the config sets up. */
function sampleFor(code: string): { file: string; text: string } {
  if (code.includes('vue-eslint-parser')) {
    return {
      file: 'src/KakaoLogin.vue',
      text: `<script setup lang="ts">
const props = defineProps<{ kakaoError: { code: number } }>();
const expired = props.kakaoError.code === -401;
</script>

<template>
  <p>{{ expired }}</p>
</template>
`,
    };
  }
  if (code.includes('svelte-eslint-parser')) {
    return {
      file: 'src/KakaoLogin.svelte',
      text: `<script lang="ts">
  let { kakaoError }: { kakaoError: { code: number } } = $props();
  const expired = $derived(kakaoError.code === -401);
</script>

<p>{expired}</p>
`,
    };
  }
  if (code.includes("'packages/app/src/**/*.ts'")) {
    // The monorepo's root config: it applies to the package's sources only.
    return { file: 'packages/app/src/kakao.ts', text: 'export const isKakaoTokenExpired = (err: { code: number }): boolean => err.code === -401;\n' };
  }
  if (code.includes('tsParser')) {
    return { file: 'src/kakao.ts', text: 'export const isKakaoTokenExpired = (err: { code: number }): boolean => err.code === -401;\n' };
  }
  return { file: 'src/kakao.js', text: 'exports.isKakaoTokenExpired = (err) => err.code === -401;\n' };
}

describe.concurrent('the README\'s config examples, each in a fresh project with the packed plugin', () => {
  const configs = readmeConfigs();

  it('the README has the config examples this test loads', () => {
    expect(configs.map((config) => config.file)).toEqual(
      expect.arrayContaining(['eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'packages/app/eslint.config.mjs']),
    );
    expect(configs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(configs)('README.md:$line ($file) loads, and reports a magic code', async ({ line, file, code }) => {
    // The package as `npm init -y` writes it: CommonJS, so that .js configs would have to be CommonJS too.
    const type = file.endsWith('.js') ? 'module' : 'commonjs';
    const packageDir = path.dirname(file);
    const sample = sampleFor(code);
    const dir = createProject(`readme-${String(line)}`, {
      'package.json': `${JSON.stringify({ name: `kakao-readme-${String(line)}`, version: '1.0.0', type }, null, 2)}\n`,
      [file]: code,
      [path.posix.join(packageDir, sample.file)]: sample.text,
    });
    const cwd = path.join(dir, packageDir);
    const printed = await runOk(process.execPath, [tools(shared).eslint, '--print-config', sample.file], cwd);
    const config = JSON.parse(printed.stdout) as { rules?: Record<string, unknown>; settings?: { kakao?: { enumModule?: unknown } } };
    expect(config.rules?.[MAGIC], printed.stdout).toBeDefined();
    expect(config.settings?.kakao?.enumModule, printed.stdout).toEqual(expect.any(String));
    const { results, stderr } = await eslint(tools(shared).eslint, [sample.file], cwd);
    expect(
      problems(results, cwd, MAGIC).map((message) => message.split(' ', 1)[0]),
      `${stderr}\n${JSON.stringify(results, null, 2)}`,
    ).toEqual([`${sample.file}:${sample.file.endsWith('.ts') || sample.file.endsWith('.js') ? '1' : '3'}`]);
  }, TEST_TIMEOUT);
});

/** Compiles each .vue file given with @vue/compiler-sfc (parse, then compileScript): 'ok' or the error. */
const VUE_COMPILE = `import { readFileSync } from 'node:fs';
import { compileScript, parse } from '@vue/compiler-sfc';

const results = {};
for (const file of process.argv.slice(2)) {
  try {
    const { descriptor, errors } = parse(readFileSync(file, 'utf8'), { filename: file });
    if (errors.length > 0) throw errors[0];
    compileScript(descriptor, { id: 'kakao' });
    results[file] = 'ok';
  } catch (error) {
    results[file] = String(error?.message ?? error);
  }
}
console.log(JSON.stringify(results));
`;

/** Compiles each .svelte file given with svelte/compiler, for the client and the server: 'ok' or the error. */
const SVELTE_COMPILE = `import { readFileSync } from 'node:fs';
import { compile } from 'svelte/compiler';

const results = {};
for (const file of process.argv.slice(2)) {
  try {
    const source = readFileSync(file, 'utf8');
    for (const generate of ['client', 'server']) compile(source, { filename: file, generate });
    results[file] = 'ok';
  } catch (error) {
    results[file] = String(error?.message ?? error);
  }
}
console.log(JSON.stringify(results));
`;
