/**
 * `node bench/footprint.js`: what a user pays to install and load the plugin, from the packed
 * tarballs in fresh projects outside the repository (npm registry needed, run by `npm run bench`).
 *
 * 1. Install size: a project with only `eslint@<version>`, then one copy of it per added package
 *    (eslint-plugin-kakao; kakao-codegen; eslint-plugin-unicorn, -n, -regexp for comparison). The
 *    size added to node_modules: bytes of the files (apparent) and disk usage (`du -sk`).
 * 2. Import time: `import('eslint')` against `import('eslint-plugin-kakao')`, each in a fresh
 *    process, interleaved, median of --runs.
 * 3. A one-file lint of a JavaScript file (`eslint file.js`) without and with the plugin's
 *    recommended config, fresh processes, interleaved, median of --runs.
 *
 *   node bench/footprint.js [--runs N] [--eslint 10.15.0] [--json file]
 * Prints a table and a JSON line tagged BENCH_FOOTPRINT for bench/run.js.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './corpus.js';
import { median, table } from './format.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    eslint: { type: 'string', default: '10.15.0' },
    json: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const COMPARED = ['eslint-plugin-unicorn', 'eslint-plugin-n', 'eslint-plugin-regexp'];
const log = (line) => process.stderr.write(`${line}\n`);

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function pack(dest, workspace) {
  const args = ['pack', '--ignore-scripts', '--json', '--pack-destination', dest, ...(workspace ? ['--workspace', workspace] : [])];
  const [info] = JSON.parse(npm(args, ROOT));
  return { tarball: path.join(dest, info.filename), packed: info.size, unpacked: info.unpackedSize, files: info.entryCount };
}

/** Apparent bytes of every file under `dir` (symbolic links counted as links). */
function apparentBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += apparentBytes(full);
    else total += lstatSync(full).size;
  }
  return total;
}

function measure(project) {
  const modules = path.join(project, 'node_modules');
  const packages = readdirSync(modules).reduce(
    (count, name) => count + (name.startsWith('.') ? 0 : name.startsWith('@') ? readdirSync(path.join(modules, name)).length : 1),
    0,
  );
  const diskKb = Number(execFileSync('du', ['-sk', modules], { encoding: 'utf8' }).split(/\s/u)[0]);
  return { bytes: apparentBytes(modules), diskKb, packages };
}

/** Milliseconds `node -e script` reports for itself, median of `runs` fresh processes. */
function timeImport(cwd, specifier) {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`import ${specifier} failed: ${result.stderr}`);
  return Number(result.stdout.trim());
}

function timeProcess(cwd, args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return performance.now() - start;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'kakao-footprint-'));
try {
  log(`footprint: packing into ${work}`);
  const plugin = pack(work);
  const codegen = pack(work, 'codegen');

  const base = path.join(work, 'eslint-only');
  mkdirSync(base);
  writeFileSync(path.join(base, 'package.json'), `${JSON.stringify({ name: 'footprint', version: '1.0.0', private: true, type: 'module' })}\n`);
  log(`footprint: npm install eslint@${values.eslint}`);
  npm(['install', '--no-audit', '--no-fund', '--save-dev', `eslint@${values.eslint}`], base);
  const baseSize = measure(base);

  const additions = [
    { name: 'eslint-plugin-kakao', install: [plugin.tarball] },
    { name: 'kakao-codegen (with the plugin)', install: [plugin.tarball, codegen.tarball], over: 'eslint-plugin-kakao' },
    ...COMPARED.map((name) => ({ name, install: [name] })),
  ];
  const sizes = {};
  for (const addition of additions) {
    const dir = path.join(work, addition.name.replace(/\W+/gu, '-'));
    cpSync(base, dir, { recursive: true, verbatimSymlinks: true });
    log(`footprint: npm install ${addition.install.map((spec) => path.basename(spec)).join(' ')}`);
    npm(['install', '--no-audit', '--no-fund', '--save-dev', ...addition.install], dir);
    sizes[addition.name] = { dir, ...measure(dir), over: addition.over };
  }

  // The plugin's project: import times and a one-file lint.
  const project = sizes['eslint-plugin-kakao'].dir;
  writeFileSync(path.join(project, 'client.js'), "export function retry(error) {\n  if (error.code === -401) return 'login';\n  return 'fail';\n}\n");
  writeFileSync(path.join(project, 'eslint.without.js'), "export default [{ rules: { 'no-unused-vars': 'error' } }];\n");
  writeFileSync(
    path.join(project, 'eslint.with.js'),
    "import kakao from 'eslint-plugin-kakao';\nexport default [{ rules: { 'no-unused-vars': 'error' } }, kakao.configs.recommended, { settings: { kakao: { scope: 'all' } } }];\n",
  );
  const eslintBin = path.join(project, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const samples = { eslintImport: [], pluginImport: [], lintWithout: [], lintWith: [] };
  log(`footprint: import and one-file lint, ${runs} runs each, interleaved`);
  for (let run = 0; run < runs; run++) {
    samples.eslintImport.push(timeImport(project, 'eslint'));
    samples.pluginImport.push(timeImport(project, 'eslint-plugin-kakao'));
    samples.lintWithout.push(timeProcess(project, [eslintBin, '--config', 'eslint.without.js', 'client.js']));
    samples.lintWith.push(timeProcess(project, [eslintBin, '--config', 'eslint.with.js', 'client.js']));
  }
  const result = {
    eslint: values.eslint,
    base: baseSize,
    tarballs: { plugin, codegen },
    added: Object.fromEntries(
      Object.entries(sizes).map(([name, size]) => {
        const against = size.over ? sizes[size.over] : baseSize;
        return [name, { bytes: size.bytes - against.bytes, diskKb: size.diskKb - against.diskKb, packages: size.packages - against.packages }];
      }),
    ),
    importMs: { eslint: median(samples.eslintImport), plugin: median(samples.pluginImport) },
    lintMs: { without: median(samples.lintWithout), with: median(samples.lintWith) },
    runs,
  };
  const mb = (bytes) => (bytes / 1e6).toFixed(2);
  const out = [
    '',
    `install size added to a project with only eslint@${values.eslint} (${mb(baseSize.bytes)} MB, ${baseSize.packages} packages):`,
    ...table(
      ['package', 'MB (files)', 'MB (du)', 'packages'],
      Object.entries(result.added).map(([name, added]) => [
        name + (sizes[name].over ? ` (over ${sizes[name].over})` : ''),
        mb(added.bytes),
        (added.diskKb / 1024).toFixed(2),
        String(added.packages),
      ]),
    ),
    `tarballs: eslint-plugin-kakao ${(plugin.packed / 1024).toFixed(0)} kB (${plugin.files} files), kakao-codegen ${(codegen.packed / 1024).toFixed(0)} kB (${codegen.files} files)`,
    '',
    `import (median of ${runs} fresh processes): eslint ${result.importMs.eslint.toFixed(1)} ms, eslint-plugin-kakao ${result.importMs.plugin.toFixed(1)} ms = ${(result.importMs.plugin / result.importMs.eslint).toFixed(2)}x`,
    `one-file lint of a .js file (median of ${runs}): without the plugin ${result.lintMs.without.toFixed(0)} ms, with it ${result.lintMs.with.toFixed(0)} ms (+${(result.lintMs.with - result.lintMs.without).toFixed(0)} ms)`,
    '',
  ];
  if (!values.quiet) process.stdout.write(out.join('\n'));
  else process.stderr.write(out.join('\n'));
  process.stdout.write(`BENCH_FOOTPRINT ${JSON.stringify(result)}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
