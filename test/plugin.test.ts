/**
 * The plugin object and the package around it, like eslint-plugin-regexp's meta and all-rules tests:
 * `meta` against package.json, every rule file registered, each rule's meta (docs URL, description,
 * messages, default options, strict schema), the configs, the built `dist/` loaded by `require` and
 * `import`, and what `npm pack` would publish.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin, { meta } from '../index.js';
import { rules } from '../rules/index.js';
import { REPOSITORY_URL } from '../rules/utils/create-rule.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  types: string;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** The parts of a JSON Schema this test looks at. */
interface Schema {
  readonly type?: string | string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema | Schema[];
  readonly anyOf?: Schema[];
  readonly oneOf?: Schema[];
  readonly allOf?: Schema[];
}

interface RuleModule {
  meta: {
    type: string;
    docs: { description: string; url: string; recommended?: boolean };
    messages: Record<string, string>;
    schema: Schema[];
    defaultOptions?: unknown[];
    fixable?: string;
    hasSuggestions?: boolean;
  };
  create: unknown;
}

const ruleEntries = Object.entries(rules as unknown as Record<string, RuleModule>);
const ruleNames = ruleEntries.map(([name]) => name);

/** Every `type: 'object'` schema in `schema` (nested in properties, items, anyOf, ...). */
function objectSchemas(schema: Schema | Schema[] | undefined): Schema[] {
  if (schema === undefined) return [];
  if (Array.isArray(schema)) return schema.flatMap((item) => objectSchemas(item));
  const nested = [
    ...Object.values(schema.properties ?? {}),
    ...(Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : []),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ];
  return [...(schema.type === 'object' ? [schema] : []), ...nested.flatMap((item) => objectSchemas(item))];
}

describe('meta', () => {
  it('matches package.json', () => {
    expect(plugin.meta).toBe(meta);
    expect(meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'kakao' });
  });
});

describe('rules', () => {
  it('registers every file in rules/ under its file name', async () => {
    const files = readdirSync(path.join(ROOT, 'rules'))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.slice(0, -'.ts'.length))
      .sort();
    expect(ruleNames.slice().sort()).toEqual(files);
    expect(ruleNames).toEqual(ruleNames.slice().sort());
    for (const name of files) {
      const url = pathToFileURL(path.join(ROOT, 'rules', `${name}.ts`)).href;
      const module = (await import(/* @vite-ignore */ url)) as { default: unknown };
      expect(rules[name as keyof typeof rules], name).toBe(module.default);
    }
    expect(plugin.rules).toBe(rules);
  });

  describe.each(ruleEntries)('%s', (name, rule) => {
    it('links to its doc', () => {
      expect(rule.meta.docs.url).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);
      expect(existsSync(path.join(ROOT, 'docs', 'rules', `${name}.md`))).toBe(true);
    });

    it('has a description: one sentence without a final period (the docs add it)', () => {
      expect(rule.meta.docs.description).toMatch(/^(?:Enforce|Require|Disallow) \S.*[^.]$/u);
      expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
    });

    it('has messages that end with a period', () => {
      const messages = Object.entries(rule.meta.messages);
      expect(messages.length).toBeGreaterThan(0);
      for (const [id, message] of messages) expect(message, id).toMatch(/\.$/u);
    });

    it('has a strict, described schema and meta.defaultOptions that satisfy it', () => {
      expect(Array.isArray(rule.meta.schema)).toBe(true);
      expect(rule.meta.defaultOptions).toHaveLength(rule.meta.schema.length);
      const objects = objectSchemas(rule.meta.schema);
      expect(objects.length).toBeGreaterThan(0);
      for (const schema of objects) {
        expect(schema.additionalProperties, JSON.stringify(schema).slice(0, 80)).toBe(false);
        for (const [key, property] of Object.entries(schema.properties ?? {})) {
          expect(property.description, `${key}.description`).toMatch(/\S/u);
          expect(property, `${key}: defaults belong in meta.defaultOptions`).not.toHaveProperty('default');
        }
      }
      // ESLint validates the options against the schema: the defaults written out must pass.
      const messages = new Linter().verify('', [
        {
          plugins: { kakao: plugin },
          rules: { [`kakao/${name}`]: ['error', ...(rule.meta.defaultOptions ?? [])] as Linter.RuleEntry },
        },
      ]);
      expect(messages).toEqual([]);
      // ...and an unknown option must not.
      expect(() =>
        new Linter().verify('', [
          { plugins: { kakao: plugin }, rules: { [`kakao/${name}`]: ['error', { noSuchOption: true }] } },
        ]),
      ).toThrow(/noSuchOption|additional properties/iu);
    });
  });
});

describe('configs', () => {
  const configs = Object.entries(plugin.configs);

  it('are recommended and strict', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(['recommended', 'strict']);
  });

  it.each(configs)('%s registers this very plugin as "kakao" and only its rules', (configName, config) => {
    expect(config.name).toBe(`kakao/${configName}`);
    expect(config.plugins.kakao).toBe(plugin);
    expect(Object.keys(config.plugins)).toEqual(['kakao']);
    for (const key of Object.keys(config.rules)) {
      expect(key).toMatch(/^kakao\//u);
      expect(ruleNames, key).toContain(key.slice('kakao/'.length));
    }
    // ESLint accepts it as it is (rules exist, options valid).
    expect(new Linter().verify('', [config as Linter.Config])).toEqual([]);
  });

  it('recommended has exactly the rules marked docs.recommended; strict has every rule as an error', () => {
    const recommended = ruleEntries.filter(([, rule]) => rule.meta.docs.recommended === true).map(([name]) => `kakao/${name}`);
    expect(Object.keys(plugin.configs.recommended.rules).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs.strict.rules).sort()).toEqual(ruleNames.map((name) => `kakao/${name}`).sort());
    for (const entry of Object.values(plugin.configs.strict.rules)) {
      expect(Array.isArray(entry) ? entry[0] : entry).toBe('error');
    }
  });
});

/** What the built plugin looks like, from a child process (require, import, the package name). */
const SHAPE_SCRIPT = `
const shape = (p) => ({
  meta: p.meta,
  rules: Object.keys(p.rules).sort(),
  configs: Object.fromEntries(Object.entries(p.configs).map(([name, c]) => [name, {
    name: c.name, rules: c.rules, samePlugin: c.plugins.kakao === p,
  }])),
  urls: Object.values(p.rules).map((rule) => rule.meta.docs.url),
});
const required = require('./dist/index.js');
const byName = require('eslint-plugin-kakao');
Promise.all([import('./dist/index.js'), import('eslint-plugin-kakao'), import('eslint-plugin-kakao/spec/kakao-error-codes.json', { with: { type: 'json' } })])
  .then(([imported, importedByName, spec]) => {
    process.stdout.write(JSON.stringify({
      required: shape(required),
      sameObject: imported.default === required && byName === required && importedByName.default === required,
      hasDefaultKey: 'default' in required,
      specCodes: spec.default.codes.length,
    }));
  });
`;

describe('dist (run npm run build first; npm test does)', () => {
  it('require() and import() of the built package give the same plugin as the sources', () => {
    expect(existsSync(path.join(ROOT, 'dist', 'index.js')), 'dist/index.js: run npm run build').toBe(true);
    const output = execFileSync(process.execPath, ['--no-warnings', '-e', SHAPE_SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    const result = JSON.parse(output) as {
      required: unknown;
      sameObject: boolean;
      hasDefaultKey: boolean;
      specCodes: number;
    };
    expect(result.sameObject).toBe(true);
    expect(result.hasDefaultKey).toBe(false);
    expect(result.specCodes).toBeGreaterThan(0);
    expect(result.required).toEqual({
      meta,
      rules: ruleNames.slice().sort(),
      configs: Object.fromEntries(
        Object.entries(plugin.configs).map(([name, config]) => [name, { name: config.name, rules: config.rules, samePlugin: true }]),
      ),
      urls: ruleEntries.map(([, rule]) => rule.meta.docs.url),
    });
  });

  it('the package.json entry points exist', () => {
    expect(packageJson.exports['.']).toEqual({ types: packageJson.types, default: packageJson.main });
    for (const file of [packageJson.main, packageJson.types, ...Object.values(packageJson.bin)]) {
      expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    }
    for (const target of Object.values(packageJson.exports).filter((value) => typeof value === 'string')) {
      expect(existsSync(path.join(ROOT, target)), target).toBe(true);
    }
  });

  it('dist/index.js is the plugin bundled into one module: it imports dependencies, Node built-ins and the on-demand spec loader only', () => {
    const text = readFileSync(path.join(ROOT, 'dist', 'index.js'), 'utf8');
    const specifiers = [...text.matchAll(/^import\b[^'"]*["']([^"']+)["'];?$/gmu)].map((match) => match[1]!);
    expect(specifiers.length).toBeGreaterThan(0);
    const allowed = new Set([...Object.keys(packageJson.dependencies ?? {}), ...Object.keys(packageJson.peerDependencies ?? {})]);
    const unexpected = specifiers.filter(
      (specifier) => !specifier.startsWith('node:') && !allowed.has(specifier) && specifier !== './rules/utils/spec-module.js',
    );
    expect(unexpected).toEqual([]);
    expect(specifiers).toContain('./rules/utils/spec-module.js');
    // The rules themselves are in it, not imported.
    expect(text).toContain('name: "no-magic-error-code"');
  });

  it('npm pack publishes the built code, the spec and the docs, and nothing else', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [pack] = JSON.parse(output) as [{ files: { path: string }[] }];
    const files = pack.files.map((file) => file.path).sort();
    const unexpected = files.filter(
      (file) =>
        !(
          /^dist\/.+\.(?:js|d\.ts|json)$/u.test(file) ||
          /^spec\/[\w.-]+\.json$/u.test(file) ||
          /^docs\/.+\.md$/u.test(file) ||
          ['package.json', 'README.md', 'LICENSE'].includes(file)
        ),
    );
    expect(unexpected).toEqual([]);
    expect(files.filter((file) => /(?:^|\/)(?:test|fixtures|bench|examples)\/|\.test\./u.test(file))).toEqual([]);
    // The generator is its own package (codegen/, kakao-codegen): none of it here, nor the schema writer.
    expect(files.filter((file) => /^dist\/(?:codegen|scripts)\//u.test(file))).toEqual([]);
    // The rules are bundled into dist/index.js: of their modules only the on-demand spec loader ships.
    expect(files.filter((file) => /^dist\/rules\/.+\.js$/u.test(file))).toEqual(['dist/rules/utils/spec-module.js']);
    for (const needed of [
      'README.md',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/bin/kakao-codegen.js',
      'dist/core/spec.js',
      'dist/spec/kakao-error-codes.json',
      'spec/kakao-error-codes.json',
      'spec/kakao-error-codes.schema.json',
      ...ruleNames.map((name) => `docs/rules/${name}.md`),
    ]) {
      expect(files, needed).toContain(needed);
    }
    expect(readFileSync(path.join(ROOT, 'dist', 'bin', 'kakao-codegen.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('npm pack of kakao-codegen (codegen/) publishes the generator, the core and the bundled spec, and nothing else', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--workspace', 'codegen'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [pack] = JSON.parse(output) as [{ name: string; files: { path: string }[] }];
    expect(pack.name).toBe('kakao-codegen');
    const files = pack.files.map((file) => file.path).sort();
    expect(files.filter((file) => !/^dist\/(?:codegen|core)\/[\w-]+\.(?:js|d\.ts)$|^dist\/spec\/kakao-error-codes\.json$|^package\.json$/u.test(file))).toEqual([]);
    for (const needed of ['dist/codegen/bin.js', 'dist/codegen/index.js', 'dist/core/spec.js', 'dist/spec/kakao-error-codes.json']) {
      expect(files, needed).toContain(needed);
    }
    expect(readFileSync(path.join(ROOT, 'codegen', 'dist', 'codegen', 'bin.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
