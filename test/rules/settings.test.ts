import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { outdent } from 'outdent';
import plugin from '../../index.js';
import { parseSpec } from '../../core/spec.js';
import rule from '../../rules/no-magic-error-code.js';
import { countKakaoFileSetUps } from '../../rules/utils/rule-context.js';
import { getBundledSpec, getKakaoSettings } from '../../rules/utils/settings.js';
import { checkKakaoSettings } from '../../rules/utils/settings-schema.js';
import spec from '../../spec/kakao-error-codes.json' with { type: 'json' };

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kakao-settings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What `lint` checks unless told otherwise: a Kakao file with one magic code. */
const MAGIC_CODE = outdent`
  const kakao = 1;
  if (err.code === -401) {}
`;

function lint(kakao: unknown, code = MAGIC_CODE): Linter.LintMessage[] {
  const linter = new Linter({ cwd: tmp });
  return linter.verify(
    code,
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { kakao: { rules: { 'no-magic-error-code': rule as never } } },
      settings: { kakao },
      rules: { 'kakao/no-magic-error-code': 'error' },
    },
    path.join(tmp, 'client.ts'),
  );
}

describe('settings.kakao', () => {
  it('uses the bundled spec as it is: it is valid and the model changes nothing in it', () => {
    expect(parseSpec(spec, 'spec/kakao-error-codes.json')).toEqual(getBundledSpec());
  });

  it.each([
    [[], /settings\.kakao: expected an object/u],
    [{ enumName: 42 }, /settings\.kakao\.enumName: expected an identifier/u],
    [{ enumModule: '' }, /settings\.kakao\.enumModule: expected a non-empty module specifier/u],
    [{ enumModule: 7 }, /settings\.kakao\.enumModule: expected a module specifier, a path or a file: URL/u],
    [{ spec: '' }, /settings\.kakao\.spec: expected a spec object/u],
    [{ spec: [] }, /settings\.kakao\.spec: expected a spec object/u],
    [{ errorCodeNames: 'code' }, /settings\.kakao\.errorCodeNames: expected an array of names/u],
    [{ errorCodeNames: ['code', ''] }, /settings\.kakao\.errorCodeNames\[1\]: expected a non-empty name/u],
    [{ scope: 'all', colour: 1, size: 2 }, /settings\.kakao: unknown key\(s\) colour, size; expected enumName, enumModule, errorCodeNames, scope or spec\n/u],
  ])('checks the shape of settings.kakao without a schema library (%#)', (kakao, message) => {
    expect(() => lint(kakao)).toThrow(message);
  });

  it.each([
    [{ scope: 'everything' }, /settings\.kakao\.scope: expected "kakao-files" or "all"/u],
    [{ enumName: 'not an identifier' }, /settings\.kakao\.enumName: expected an identifier/u],
    [{ enumName: 'class' }, /settings\.kakao\.enumName: expected an identifier that is not a reserved word/u],
    [{ enumName: 'this' }, /settings\.kakao\.enumName: expected an identifier that is not a reserved word/u],
    [{ enumName: 'eval' }, /settings\.kakao\.enumName: expected an identifier that is not a reserved word/u],
    [{ enumModule: './codes\n.ts' }, /settings\.kakao\.enumModule: expected a module specifier without line breaks or control characters/u],
    [{ enumModule: 'file://host/x' }, /settings\.kakao\.enumModule: "file:\/\/host\/x" is not a valid file: URL/u],
    [{ enumModul: './x' }, /settings\.kakao: unknown key\(s\) enumModul/u],
    [{ errorCodeNames: ['code', ''] }, /settings\.kakao\.errorCodeNames\[1\]: expected a non-empty name/u],
    [{ spec: 42 }, /settings\.kakao\.spec: expected a spec object .* or a path to a spec file/u],
    [{ spec: './missing.json' }, /settings\.kakao\.spec: .*missing\.json: file not found/u],
    [{ spec: { ...spec, codes: [] } }, /settings\.kakao\.spec: invalid spec: codes: expected at least 1/u],
    [
      { spec: { ...spec, codes: [{ ...spec.codes[0], name: 'not valid' }] } },
      /settings\.kakao\.spec: invalid spec: codes\[0\]\.name: expected a valid JavaScript identifier/u,
    ],
  ])('rejects a bad setting with one clear line and no stack trace (%#)', (kakao, message) => {
    let error: Error | undefined;
    try {
      lint(kakao);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).toContain('eslint-plugin-kakao: settings.kakao');
    expect(error?.stack).not.toMatch(/\n\s+at /u);
  });

  it('rejects an enumModule with any control character or line separator, and takes any other character', () => {
    for (const char of ['\u0000', '\t', '\r', '\u001f', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029']) {
      expect(checkKakaoSettings({ enumModule: `./codes${char}.ts` }), JSON.stringify(char)).toEqual({
        problem: ['settings.kakao.enumModule', 'expected a module specifier without line breaks or control characters'],
      });
    }
    for (const char of [' ', '~', '\u00a0', '\u00ff', '\u2027', '\u202a', 'é', '\ud83d\ude00']) {
      expect(checkKakaoSettings({ enumModule: `./codes${char}.ts` }), JSON.stringify(char)).toEqual({ settings: { enumModule: `./codes${char}.ts` } });
    }
  });

  it('accepts any Unicode identifier as enumName', () => {
    expect(lint({ enumName: 'KakaoCodé' }).map((m) => m.message)).toEqual([expect.stringContaining('use KakaoCodé.InvalidToken')]);
  });

  it('reads a spec file relative to the cwd, and sees edits to it', () => {
    const file = path.join(tmp, 'errors.json');
    writeFileSync(file, JSON.stringify(spec));
    expect(lint({ spec: './errors.json' }).map((m) => m.messageId)).toEqual(['magicCodeNoEnumModule']);

    const renamed = { ...spec, codes: spec.codes.map((c) => (c.code === -401 ? { ...c, name: 'TokenInvalid' } : c)) };
    writeFileSync(file, JSON.stringify(renamed));
    // A different mtime is what tells the cache the file changed.
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(lint({ spec: './errors.json' }).map((m) => m.message)).toEqual([
      expect.stringContaining('use KakaoErrorCode.TokenInvalid'),
    ]);
  });

  it("finds a relative spec path from the config's directory when the working directory is elsewhere (a monorepo package)", () => {
    const app = path.join(tmp, 'monorepo', 'packages', 'app');
    mkdirSync(app, { recursive: true });
    writeFileSync(path.join(app, 'eslint.config.js'), '');
    const renamed = { ...spec, codes: spec.codes.map((c) => (c.code === -401 ? { ...c, name: 'PackageToken' } : c)) };
    writeFileSync(path.join(app, 'errors.json'), JSON.stringify(renamed));
    const linter = new Linter({ cwd: path.join(tmp, 'monorepo') });
    const messages = linter.verify(
      outdent`
        const kakao = 1;
        if (err.code === -401) {}
      `,
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { kakao: { rules: { 'no-magic-error-code': rule as never } } },
        settings: { kakao: { spec: './errors.json' } },
        rules: { 'kakao/no-magic-error-code': 'error' },
      },
      path.join(app, 'client.ts'),
    );
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('use KakaoErrorCode.PackageToken')]);
  });

  it('resolves one settings object again for another working directory, and back (two ESLint instances sharing a config)', () => {
    const kakao = { scope: 'all', enumModule: './generated/kakao-error-codes' };
    const context = (cwd: string) => ({ settings: { kakao }, cwd, physicalFilename: path.join(cwd, 'a.ts') }) as never;
    const first = getKakaoSettings(context('/a'));
    const second = getKakaoSettings(context('/b'));
    expect([first.cwd, second.cwd]).toEqual(['/a', '/b']);
    expect(getKakaoSettings(context('/a'))).toBe(first);
    expect(getKakaoSettings(context('/b'))).toBe(second);
    // Another settings object with the same content, then the first again.
    const copy = getKakaoSettings({ settings: { kakao: { ...kakao, scope: 'kakao-files' } }, cwd: '/a' } as never);
    expect(copy.scope).toBe('kakao-files');
    expect(getKakaoSettings(context('/a')).scope).toBe('all');
  });

  it('uses the spec object given in settings (so that --cache sees spec changes)', () => {
    const withoutToken = { ...spec, codes: spec.codes.filter((c) => c.code !== -401) };
    expect(lint({ spec: withoutToken })).toEqual([]);
    expect(lint({ spec }).map((m) => m.messageId)).toEqual(['magicCodeNoEnumModule']);
  });
});

describe('one per-file context for every rule', () => {
  const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`kakao/${name}`, 'error' as const]));
  const lintFiles = (kakao: Record<string, unknown>, count: number) => {
    const linter = new Linter({ cwd: tmp });
    const config: Linter.Config = {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { kakao: plugin },
      settings: { kakao },
      rules: allRules,
    };
    const messages: Linter.LintMessage[] = [];
    for (let i = 0; i < count; i++) {
      const code = outdent`
        export const kakao${i} = 1;
        if (err.code === -401) {}
      `;
      messages.push(...linter.verify(code, config, path.join(tmp, `client${i}.ts`)));
    }
    return messages;
  };

  it('with settings.kakao.spec given as a path, 10 files x 3 rules cost 10 set-ups', () => {
    const specFile = path.join(tmp, 'spec-for-count.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const before = countKakaoFileSetUps();
    const messages = lintFiles({ spec: specFile, scope: 'all' }, 10);
    expect(countKakaoFileSetUps() - before).toBe(10);
    // Not vacuous: every file was checked by the rules.
    expect(messages.filter((message) => message.ruleId === 'kakao/no-magic-error-code')).toHaveLength(10);
  });

  it('settings.kakao.errorCodeNames applies to every rule; a rule option still overrides it', () => {
    const linter = new Linter({ cwd: tmp });
    const verify = (ruleOptions: unknown[]) =>
      linter.verify(
        outdent`
          export const kakao = 1;
          if (res.status === -401) {}
          if (err.code === -402) {}
        `,
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { kakao: plugin },
          settings: { kakao: { errorCodeNames: ['status'] } },
          rules: { 'kakao/no-magic-error-code': ['error', ...ruleOptions] as never },
        },
        path.join(tmp, 'names.ts'),
      );
    expect(verify([]).map((message) => message.line)).toEqual([2]);
    expect(verify([{ errorCodeNames: ['code'] }]).map((message) => message.line)).toEqual([3]);
  });
});
