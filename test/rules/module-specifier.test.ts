/** Module specifiers (rules/utils/module-specifier.ts): what the fix writes to import the enum, and what it resolves. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  extensionStyleOf,
  isRelativeSpecifier,
  moduleBaseName,
  relativeSpecifier,
  resolveRelativeSpecifier,
  sameBareModule,
  splitExtension,
} from '../../rules/utils/module-specifier.js';

describe('splitExtension', () => {
  it.each([
    ['./codes.ts', './codes', '.ts'],
    ['./codes.d.mts', './codes', '.d.mts'],
    ['./codes.js', './codes', '.js'],
    ['./codes', './codes', ''],
    ['./codes.json', './codes.json', ''],
  ])('%s', (specifier, base, extension) => {
    expect(splitExtension(specifier)).toEqual({ base, extension });
  });
});

describe('isRelativeSpecifier', () => {
  it.each([
    ['.', true],
    ['..', true],
    ['./x', true],
    ['../x', true],
    ['.x', false],
    ['@app/codes', false],
    ['/abs/codes', false],
  ])('%s: %s', (specifier, relative) => {
    expect(isRelativeSpecifier(specifier)).toBe(relative);
  });
});

describe('extensionStyleOf', () => {
  it("follows the file's first relative import", () => {
    expect(extensionStyleOf(['react', './a.js', './b'])).toBe('runtime');
    expect(extensionStyleOf(['./a.ts'])).toBe('source');
    expect(extensionStyleOf(['../a'])).toBe('none');
    expect(extensionStyleOf(['react'])).toBeUndefined();
  });
});

describe('relativeSpecifier', () => {
  const from = '/repo/src/feature/client.ts';
  it.each([
    ['/repo/generated/codes.ts', 'runtime', '../../generated/codes.js'],
    ['/repo/generated/codes.mts', 'runtime', '../../generated/codes.mjs'],
    ['/repo/generated/codes.ts', 'source', '../../generated/codes.ts'],
    ['/repo/generated/codes.d.ts', 'source', '../../generated/codes.js'],
    ['/repo/generated/codes.ts', 'none', '../../generated/codes'],
    ['/repo/generated/codes.cts', 'none', '../../generated/codes.cjs'],
    ['/repo/src/feature/index.ts', 'none', '.'],
    ['/repo/src/feature/codes.ts', 'runtime', './codes.js'],
  ] as const)('%s (%s): %s', (target, style, expected) => {
    expect(relativeSpecifier(from, target, style)).toBe(expected);
  });
});

describe('bare specifiers', () => {
  it('compares them without the extension and names the module by its base name', () => {
    expect(sameBareModule('@app/codes', '@app/codes.js')).toBe(true);
    expect(sameBareModule('@app/codes', '@app/other')).toBe(false);
    expect(moduleBaseName('../generated/kakao-error-codes.js')).toBe('kakao-error-codes');
  });
});

describe('resolveRelativeSpecifier', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kakao-specifier-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'generated', 'dir'), { recursive: true });
  writeFileSync(path.join(root, 'generated', 'codes.ts'), '');
  writeFileSync(path.join(root, 'generated', 'dir', 'index.ts'), '');
  const from = path.join(root, 'src.ts');

  it('finds the TypeScript source a runtime specifier names, an extensionless file and an index', () => {
    expect(resolveRelativeSpecifier('./generated/codes.js', from)).toBe(path.join(root, 'generated', 'codes.ts'));
    expect(resolveRelativeSpecifier('./generated/codes', from)).toBe(path.join(root, 'generated', 'codes.ts'));
    expect(resolveRelativeSpecifier('./generated/dir', from)).toBe(path.join(root, 'generated', 'dir', 'index.ts'));
  });

  it('gives undefined for a missing file or a bare specifier', () => {
    expect(resolveRelativeSpecifier('./generated/missing.js', from)).toBeUndefined();
    expect(resolveRelativeSpecifier('generated/codes', from)).toBeUndefined();
  });
});
