#!/usr/bin/env node
/**
 * `npm run demo`: builds the plugin, lints the example Kakao client in examples/kakao-client with
 * `configs.recommended`, then runs `eslint --fix` on a temporary copy and prints the diff.
 * The committed example is never modified (except that its generated enum is regenerated, which
 * changes nothing unless it was stale). Exits 0 when the findings were shown; the findings are the point.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples', 'kakao-client');
const require = createRequire(import.meta.url);
const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const tscBin = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
const bold = (text) => (process.stdout.isTTY ? `\u001B[1m${text}\u001B[22m` : text);

function heading(step, title, ...lines) {
  console.log(`\n${bold(`== ${step} ${title}`)}`);
  for (const line of lines) console.log(`   ${line}`);
  console.log();
}

/** Runs a command with inherited output; returns its exit status. */
function run(command, args, cwd, { allow = [0] } = {}) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
  if (result.error) throw result.error;
  if (!allow.includes(result.status ?? -1)) {
    console.error(`\ndemo: \`${[path.basename(command), ...args].join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  return result.status;
}

heading('1/5', 'Build the plugin (npm run build)');
run('npm', ['run', '--silent', 'build'], root);
console.log('   built dist/');

heading('2/5', 'Generate the enum the fixes import (kakao-codegen, from the bundled spec)');
run(process.execPath, [path.join(root, 'dist', 'codegen', 'bin.js'), '--out', 'src/generated/kakao-error-codes.ts'], example);

heading(
  '3/5',
  'Lint examples/kakao-client with kakao.configs.recommended (see its eslint.config.js)',
  'A small Kakao REST client (user info, token refresh on -401, KakaoTalk memo, SDK login status)',
  'with the mistakes the three rules catch: magic error codes, retryable codes not handled,',
  'deprecated APIs. ESLint exits 1 here because of the errors; that is expected.',
);
run(process.execPath, [eslintBin, '.'], example, { allow: [0, 1] });

heading(
  '4/5',
  'What `eslint --fix` changes (run on a temporary copy; the example stays as it is)',
  'no-magic-error-code replaces each literal with a KakaoErrorCode member and imports the enum.',
  'The other two rules only offer suggestions (editor quick fixes): they change behaviour.',
);
// Inside the repository (tmp/ is git-ignored) so that the copy's config resolves
// `eslint-plugin-kakao` and `@typescript-eslint/parser` like the original does.
const tmp = path.join(root, 'tmp');
mkdirSync(tmp, { recursive: true });
const work = mkdtempSync(path.join(tmp, 'demo-'));
try {
  const before = path.join(work, 'before');
  const after = path.join(work, 'after');
  cpSync(example, before, { recursive: true });
  cpSync(example, after, { recursive: true });
  const report = path.join(work, 'remaining.json');
  run(process.execPath, [eslintBin, '--fix', '--format', 'json', '--output-file', report, '.'], after, { allow: [0, 1] });
  const diff = spawnSync('git', ['diff', '--no-index', '--no-prefix', '--', 'before', 'after'], { cwd: work, stdio: 'inherit' });
  if (diff.error || (diff.status !== 0 && diff.status !== 1)) {
    console.error('demo: git diff failed; is git installed?');
    process.exit(1);
  }

  heading('5/5', 'After --fix');
  const remaining = JSON.parse(readFileSync(report, 'utf8')).flatMap((result) =>
    result.messages.map((m) => ({ ...m, file: path.relative(after, result.filePath) })),
  );
  console.log(`   ${remaining.length} problems have no auto-fix (fixing them changes behaviour); they are left for a human:`);
  for (const m of remaining) {
    const suggestions = (m.suggestions ?? []).map((s) => `\n       suggestion: ${s.desc}`).join('');
    console.log(`     ${m.file}:${m.line}:${m.column}  ${m.ruleId}: ${m.message}${suggestions}`);
  }
  console.log();
  run(process.execPath, [tscBin, '-p', '.', '--noEmit'], after);
  console.log('   tsc --noEmit: the fixed copy still type-checks.');
} finally {
  rmSync(work, { recursive: true, force: true });
  try {
    rmdirSync(tmp); // only when empty
  } catch {
    // not empty: something else uses tmp/
  }
}
