/**
 * One benchmark configuration, linted once over the whole corpus in this process:
 *
 *   node --expose-gc bench/lint.js <config>
 *
 * Prints a short summary on stderr and one line `BENCH_RESULT {json}` on stdout (read by run.js).
 * Configurations (see CONFIGS): parser, kakao-default, ours, peer, peers, typed.
 * Uses the built plugin (dist/index.js, or $KAKAO_PLUGIN_DIST/index.js): run `npm run build` first
 * (`npm run bench` does). $KAKAO_BENCH_PACKAGES (`rxjs` or `rxjs,zod`) lints those packages of the
 * corpus only: a project of many small files, where per-file costs weigh most.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';
import { corpusESLint, countLines, ENUM_MODULE, PEER_RULE, pluginEntry, selectedCorpus } from './corpus.js';
import { median } from './format.js';

const plugin = (await import(pathToFileURL(pluginEntry()).href)).default;

/** Every rule of the plugin, so rules added later are benchmarked without touching this file. */
export const OUR_RULES = Object.keys(plugin.rules).map((name) => `kakao/${name}`);
export const TYPED_PEERS = ['@typescript-eslint/switch-exhaustiveness-check', '@typescript-eslint/no-unsafe-enum-comparison'];

const on = (ids) => Object.fromEntries(ids.map((id) => [id, 'error']));

export const CONFIGS = {
  parser: { label: '(a) parser, no rules', rules: {} },
  'kakao-default': {
    label: "(b') ours, scope 'kakao-files' (default)",
    rules: on(OUR_RULES),
    kakao: { enumModule: ENUM_MODULE },
  },
  ours: { label: "(b) ours, scope 'all'", rules: on(OUR_RULES), kakao: { scope: 'all', enumModule: ENUM_MODULE } },
  peer: { label: '(p) no-magic-numbers alone', rules: { [PEER_RULE]: 'error' } },
  peers: {
    label: `(c) ours + no-magic-numbers`,
    rules: { ...on(OUR_RULES), [PEER_RULE]: 'error' },
    kakao: { scope: 'all', enumModule: ENUM_MODULE },
  },
  typed: {
    label: '(d) (c) + type-aware peers',
    rules: { ...on(OUR_RULES), [PEER_RULE]: 'error', ...on(TYPED_PEERS) },
    kakao: { scope: 'all', enumModule: ENUM_MODULE },
    typed: true,
  },
};

/** A tsconfig listing every corpus file: one program, as type-aware rules need. */
function writeTsconfig(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kakao-bench-'));
  const file = path.join(dir, 'tsconfig.json');
  writeFileSync(
    file,
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        lib: ['es2023', 'dom'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        allowImportingTsExtensions: true,
        noEmit: true,
        strict: true,
        skipLibCheck: true,
        types: [],
      },
      files,
    }),
  );
  return { dir, file };
}

function addTimes(target, key, ms) {
  target[key] = (target[key] ?? 0) + ms;
}

export async function runConfig(name) {
  const config = CONFIGS[name];
  if (!config) throw new Error(`unknown config "${name}"; expected one of ${Object.keys(CONFIGS).join(', ')}`);
  const packages = selectedCorpus();
  const files = packages.flatMap((p) => p.files);
  const lines = countLines(files);
  const tsconfig = config.typed ? writeTsconfig(files) : undefined;

  const eslint = corpusESLint([
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: {
        parser: tsParser,
        parserOptions: tsconfig ? { project: tsconfig.file, tsconfigRootDir: tsconfig.dir } : {},
      },
      plugins: { kakao: plugin, '@typescript-eslint': tseslint.plugin },
      settings: config.kakao ? { kakao: config.kakao } : {},
      rules: config.rules,
    },
  ]);

  globalThis.gc?.();
  const start = performance.now();
  const results = await eslint.lintFiles(files);
  const wallMs = performance.now() - start;
  if (tsconfig) rmSync(tsconfig.dir, { recursive: true, force: true });

  const rulesMs = {};
  /** Each package's share of the rules' times, within this one run. */
  const rulesMsByPackage = Object.fromEntries(packages.map((p) => [p.name, {}]));
  const packageOf = (filePath) => packages.find((p) => filePath.startsWith(p.dir + path.sep))?.name;
  const messages = {};
  let parseMs = 0;
  let passMs = 0;
  let parsed = 0;
  let fatal = 0;
  /** Per file, our rules' time and the peer's: their medians are not moved by the spikes that land in a few files. */
  const fileMs = { ours: [], peer: [] };
  for (const result of results) {
    let oursInFile = 0;
    let peerInFile = 0;
    for (const pass of result.stats?.times.passes ?? []) {
      if (pass.parse) {
        parseMs += pass.parse.total;
        parsed++;
      }
      passMs += pass.total ?? 0;
      const byPackage = rulesMsByPackage[packageOf(result.filePath)];
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
        addTimes(rulesMs, ruleId, time.total);
        if (byPackage) addTimes(byPackage, ruleId, time.total);
        if (OUR_RULES.includes(ruleId)) oursInFile += time.total;
        else if (ruleId === PEER_RULE) peerInFile += time.total;
      }
    }
    fileMs.ours.push(oursInFile);
    fileMs.peer.push(peerInFile);
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      addTimes(messages, message.ruleId ?? '(no rule)', 1);
    }
  }
  return {
    config: name,
    label: config.label,
    packages: packages.map((p) => ({ name: p.name, version: p.version, files: p.files.length })),
    files: files.length,
    linted: results.length,
    parsed,
    lines,
    fatal,
    wallMs,
    parseMs,
    passMs,
    rulesMs,
    rulesMsByPackage,
    medianFileUs: { ours: median(fileMs.ours) * 1000, peer: median(fileMs.peer) * 1000 },
    messages,
    ourRules: OUR_RULES,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const name = process.argv[2] ?? 'ours';
  const result = await runConfig(name);
  const rules = Object.entries(result.rulesMs)
    .map(([id, ms]) => `${id} ${ms.toFixed(1)} ms`)
    .join(', ');
  process.stderr.write(
    `${result.label}: ${result.linted}/${result.files} files, ${result.lines} lines, wall ${(result.wallMs / 1000).toFixed(2)} s, ` +
      `parse ${(result.parseMs / 1000).toFixed(2)} s${rules ? `; ${rules}` : ''}${result.fatal ? `; ${result.fatal} FATAL` : ''}\n`,
  );
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}
