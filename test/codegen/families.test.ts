/**
 * Code families: a spec's own integer `codes` plus `families`, each with its own enum and helpers in
 * the one generated module. Nothing here is Kakao's: an "Acme" OAuth table of string codes and a
 * second integer table go through the same paths. Bad input gets one line naming the field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate, type Style } from '../../codegen/generate.js';
import { codeFamilies } from '../../core/families.js';
import { parseSpec, type SpecInput } from '../../core/spec.js';
import { ACME_SPEC, STRICT_OPTIONS, typeCheck } from './helpers.js';

const acmeJson = JSON.parse(readFileSync(ACME_SPEC, 'utf8')) as SpecInput;

const oauthCode = (code: string, name: string, retryable = false) => ({
  code,
  name,
  httpStatus: null,
  summary: `${name} summary`,
  description: `${name} description.`,
  retryable,
  deprecated: false,
  source: 'The Acme OAuth reference.',
});

/** Acme's REST table plus a string family (OAuth errors) and a second integer family. */
const withFamilies: SpecInput = {
  ...acmeJson,
  families: [
    {
      enumName: 'AcmeOAuthError',
      valueType: 'string',
      description: 'Errors of the Acme OAuth server.',
      codes: [
        oauthCode('E200', 'CodeExpired'),
        oauthCode('E100', 'Busy', true),
        // Computed keys: an own property, never the prototype.
        oauthCode('__proto__', 'Proto'),
      ],
    },
    {
      enumName: 'AcmeBillingError',
      valueType: 'integer',
      codes: [{ ...oauthCode('x', 'Declined'), code: 3001 }],
    },
  ],
};

/** The one-line SpecError for `families` changed by `change`. */
function familyError(change: (families: Record<string, unknown>[]) => void): string {
  const data = structuredClone(withFamilies) as unknown as { families: Record<string, unknown>[] };
  change(data.families);
  try {
    parseSpec(data, 'x.json');
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toMatch(/[\n\r]/u);
    return message;
  }
  throw new Error('expected the spec to be rejected');
}

const codesOf = (families: Record<string, unknown>[], index: number) => families[index]!['codes'] as Record<string, unknown>[];

describe('the schema', () => {
  it('accepts families; the spec\'s own codes come first', () => {
    const spec = parseSpec(withFamilies, 'x.json');
    expect(codeFamilies(spec).map((family) => [family.enumName, family.valueType, family.codes.length])).toEqual([
      ['AcmeError', 'integer', 5],
      ['AcmeOAuthError', 'string', 3],
      ['AcmeBillingError', 'integer', 1],
    ]);
    expect(parseSpec(acmeJson, 'x.json').families).toEqual([]);
  });

  it.each([
    [
      'a number in a string family',
      (f: Record<string, unknown>[]) => (codesOf(f, 0)[0]!['code'] = 200),
      'x.json: invalid spec: families[0].codes[0].code: expected a string, got 200',
    ],
    [
      'a string in an integer family',
      (f: Record<string, unknown>[]) => (codesOf(f, 1)[0]!['code'] = '3001'),
      'x.json: invalid spec: families[1].codes[0].code: expected a number, got "3001"',
    ],
    [
      'an unknown valueType',
      (f: Record<string, unknown>[]) => (f[0]!['valueType'] = 'text'),
      'x.json: invalid spec: families[0].valueType: expected one of "integer", "string", got "text"',
    ],
    [
      'no valueType',
      (f: Record<string, unknown>[]) => delete f[0]!['valueType'],
      'x.json: invalid spec: families[0].valueType: missing required field (expected one of "integer", "string")',
    ],
    [
      'a duplicate code within a family',
      (f: Record<string, unknown>[]) => (codesOf(f, 0)[1]!['code'] = 'E200'),
      'x.json: invalid spec: families[0].codes[1].code: expected a unique code, but "E200" is already used by families[0].codes[0]',
    ],
    [
      'a duplicate name within a family',
      (f: Record<string, unknown>[]) => (codesOf(f, 0)[1]!['name'] = 'CodeExpired'),
      'x.json: invalid spec: families[0].codes[1].name: expected a unique name, but "CodeExpired" is already used by families[0].codes[0]',
    ],
    [
      'an empty string code',
      (f: Record<string, unknown>[]) => (codesOf(f, 0)[0]!['code'] = ''),
      'x.json: invalid spec: families[0].codes[0].code: expected a non-empty string, got ""',
    ],
    [
      'a string code with white space around it',
      (f: Record<string, unknown>[]) => (codesOf(f, 0)[0]!['code'] = 'E200 '),
      'x.json: invalid spec: families[0].codes[0].code: expected a code without leading or trailing white space, got "E200 "',
    ],
    [
      'an HTTP status not listed',
      (f: Record<string, unknown>[]) => (codesOf(f, 0)[0]!['httpStatus'] = 418),
      'x.json: invalid spec: families[0].codes[0].httpStatus: expected an HTTP status listed in httpStatuses (400, 401, 503) or null, but got 418',
    ],
    [
      'an empty family',
      (f: Record<string, unknown>[]) => (f[1]!['codes'] = []),
      'x.json: invalid spec: families[1].codes: expected at least 1 item, got an empty array',
    ],
    [
      'an unknown field',
      (f: Record<string, unknown>[]) => (f[0]!['enumNmae'] = 'X'),
      'x.json: invalid spec: families[0].enumNmae: unknown field (remove it or check its spelling)',
    ],
    [
      'the enum name of another family',
      (f: Record<string, unknown>[]) => (f[1]!['enumName'] = 'AcmeOAuthError'),
      'x.json: invalid spec: families[1].enumName: expected an enum name whose generated names do not clash with another family\'s, but "AcmeOAuthError" is already generated for families[0].enumName',
    ],
    [
      'an enum name that another family generates (AcmeErrorInfo is the first family\'s metadata type)',
      (f: Record<string, unknown>[]) => (f[0]!['enumName'] = 'AcmeErrorInfo'),
      'x.json: invalid spec: families[0].enumName: expected an enum name whose generated names do not clash with another family\'s, but "AcmeErrorInfo" is already generated for enumName',
    ],
    [
      'a reserved enum name',
      (f: Record<string, unknown>[]) => (f[0]!['enumName'] = 'exports'),
      'x.json: invalid spec: families[0].enumName: expected an enum name that a CommonJS module does not already declare (exports, require, module, __filename, __dirname), got "exports"',
    ],
  ])('rejects %s, naming the field', (_name, change, expected) => {
    expect(familyError(change)).toBe(expected);
  });

  it('allows the same code and name in two families', () => {
    const data = structuredClone(withFamilies);
    data.families![1]!.codes[0]!.name = 'InvalidToken';
    (data.families![1]!.codes[0] as { code: number }).code = -401;
    expect(() => parseSpec(data, 'x.json')).not.toThrow();
  });
});

const STYLES: Style[] = ['const-enum', 'enum', 'object'];

const CONSUMER = `
import { AcmeError, AcmeOAuthError, AcmeBillingError, isAcmeOAuthError, isRetryableAcmeOAuthError, retryableAcmeOAuthErrors } from './acme.js';
export function handle(code: unknown): string {
  if (isAcmeOAuthError(code)) return code === AcmeOAuthError.CodeExpired ? 'log in again' : String(isRetryableAcmeOAuthError(code));
  return String(code === AcmeError.InvalidToken || code === AcmeBillingError.Declined);
}
export const busy: readonly AcmeOAuthError[] = retryableAcmeOAuthErrors;
// @ts-expect-error -- a member of another family
export const wrong: AcmeOAuthError = AcmeError.Busy;
`;

describe('the generated module', () => {
  const spec = parseSpec(withFamilies, 'acme.json');

  it.each(STYLES)('--style %s declares every family and type-checks with a consumer', (style) => {
    const text = generate(spec, { out: 'acme.ts', style, specFile: 'acme.json' }).files[0]!.text;
    for (const name of ['AcmeError', 'AcmeOAuthError', 'AcmeBillingError']) {
      expect(text).toContain(`function is${name}(code: unknown)`);
    }
    expect(text).toContain('return typeof code === "string" && Object.prototype.hasOwnProperty.call(acmeOAuthErrorInfo, code)');
    expect(text).toContain('["__proto__"]: Object.freeze(');
    const checked = typeCheck({ 'acme.ts': text, 'consumer.ts': CONSUMER }, STRICT_OPTIONS);
    expect(checked.errors).toEqual([]);
  });

  it('JavaScript and CommonJS outputs export every family', () => {
    const esm = generate(spec, { out: 'acme.js', specFile: 'acme.json' });
    const cjs = generate(spec, { out: 'acme.cjs', specFile: 'acme.json' });
    expect(esm.files[1]!.text).toContain('export declare const AcmeOAuthError: {');
    expect(esm.files[1]!.text).toContain('readonly CodeExpired: "E200";');
    expect(cjs.files[0]!.text).toContain('exports.isRetryableAcmeOAuthError = isRetryableAcmeOAuthError;');
    expect(cjs.files[0]!.text).toContain('exports.retryableAcmeBillingErrors = retryableAcmeBillingErrors;');
    const checked = typeCheck(
      { ...Object.fromEntries(cjs.files.map((file) => [file.path, file.text])), 'consumer.ts': CONSUMER.replace("'./acme.js'", "'./acme.cjs'") },
      { ...STRICT_OPTIONS, allowJs: true, checkJs: true },
    );
    expect(checked.errors).toEqual([]);
  });

  it('sorts string codes by code unit, whatever the spec order, the same on every run', () => {
    const text = generate(spec, { out: 'acme.ts', style: 'object', specFile: 'acme.json' }).files[0]!.text;
    const order = ['"E100"', '"E200"', '"__proto__"'].map((code) => text.indexOf(`${code},`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(generate(parseSpec(withFamilies, 'acme.json'), { out: 'acme.ts', style: 'object', specFile: 'acme.json' }).files[0]!.text).toBe(text);
  });
});

describe('the other new fields', () => {
  it('a code\'s source is optional text', () => {
    const withSource = structuredClone(acmeJson);
    withSource.codes[0]!.source = 'The Acme reference, page 3.';
    expect(parseSpec(withSource, 'x.json').codes[0]?.source).toBe('The Acme reference, page 3.');
    withSource.codes[0]!.source = ' ';
    expect(() => parseSpec(withSource, 'x.json')).toThrow('x.json: invalid spec: codes[0].source: expected a non-empty string, got ""');
  });

  it('a deprecated member may be a whole namespace, and may need a rewrite', () => {
    const member = (value: string, replacementCall?: string) => ({
      ...acmeJson,
      deprecatedMembers: [{ member: value, status: 'terminated', replacement: null, since: null, source: 'x', replacementCall }],
    });
    expect(parseSpec(member('Acme.Old.*', 'rewrite'), 'x.json').deprecatedMembers[0]?.member).toBe('Acme.Old.*');
    expect(() => parseSpec(member('Acme.*.x'), 'x.json')).toThrow(
      'x.json: invalid spec: deprecatedMembers[0].member: expected a dotted member path such as "Kakao.Auth.getStatus", or a namespace such as "Kakao.Link.*", got "Acme.*.x"',
    );
    // A namespace is named where it is used, as a member: a bare global (`Acme.*`) is not one.
    expect(() => parseSpec(member('Acme.*'), 'x.json')).toThrow('deprecatedMembers[0].member: expected a dotted member path');
    expect(() => parseSpec(member('Acme.Old', 'byHand'), 'x.json')).toThrow(
      'x.json: invalid spec: deprecatedMembers[0].replacementCall: expected one of "sameArguments", "callbackToPromise", "rewrite", got "byHand"',
    );
  });
});
