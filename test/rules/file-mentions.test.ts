/**
 * The per-file scan of what a text may mention (rules/utils/file-mentions.ts): its one expression of
 * every search's needles must never hide a mention a search would find.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileMentions } from '../../rules/utils/file-mentions.js';
import { enumNameSearch, getMentionScan, getSourceScan, stringCodeSearch } from '../../rules/utils/file-mentions.js';
import { getKakaoSettings } from '../../rules/utils/settings.js';
import type { KakaoSettings } from '../../rules/utils/settings.js';

const REPO = join(import.meta.dirname, '../..');

function settingsOf(kakao: object): KakaoSettings {
  const context = { settings: { kakao }, cwd: REPO, physicalFilename: join(REPO, 'src/x.ts') };
  return getKakaoSettings(context as unknown as Parameters<typeof getKakaoSettings>[0]);
}

/** Each search asked directly, with no expression before it. */
function searchedOneByOne(settings: KakaoSettings, text: string): FileMentions {
  return {
    stringCode: stringCodeSearch(settings.index).search(text),
    enumName: enumNameSearch(settings.enumNames).search(text),
    ...getSourceScan(settings.index.spec).search(text),
  };
}

const ACME_SPEC = {
  api: { name: 'Acme', hosts: ['api.acme.test'] },
  enumName: 'AcmeErrorCode',
  httpStatuses: [{ status: 400, name: 'Bad Request', result: 'fail', description: 'General error.' }],
  codes: [
    { code: 7, name: 'Gone', httpStatus: 400, summary: 'gone', description: 'Gone.', retryable: false, deprecated: true },
    { code: 4041, name: 'Lost', httpStatus: 400, summary: 'lost', description: 'Lost.', retryable: true, deprecated: false },
  ],
  deprecatedEndpoints: [
    { path: '/v2/user*', hosts: ['api.acme.test'], status: 'terminated', replacement: null, since: null, source: 'x' },
    { path: '/v1/orders/', hosts: ['api.acme.test'], status: 'legacy', replacement: null, since: null, source: 'x' },
  ],
  deprecatedMembers: [{ member: 'acme.cart.clear', status: 'legacy', replacement: null, replacementCall: 'rewrite', since: null, source: 'x' }],
};

const SETTINGS = {
  bundled: settingsOf({ scope: 'all' }),
  'renamed enum': settingsOf({ scope: 'all', enumName: 'ApiError' }),
  'a spec of positive codes': settingsOf({ scope: 'all', spec: ACME_SPEC }),
};

/** One mention each, and near misses of each. */
const TEXTS = [
  "if (code === '-401') retry();",
  'if (code === "-9798") retry();',
  "if (code === '-4010') {}",
  "const s = 'a-401' + `-401`;",
  'const handlers = { KOE320: relogin };',
  'const c = xKOE320;',
  'const c = KakaoErrorCode.InvalidToken;',
  'const c = KakaoLoginErrorCode.KOE320;',
  'const c = ApiError.InvalidToken;',
  "fetch('https://kapi.kakao.com/v1/user/me');",
  "fetch(BASE + '/me?x=1');",
  'fetch(`${BASE}/story/${id}`);',
  "import { mergeMap } from './operators/mergeMap'; // see /meet",
  'Kakao.Auth.getStatus(callback);',
  "const { getStatus } = Kakao['Auth'];",
  'Auth.getStatus(callback);',
  "if (code === '7' || code === \"4041\") {}",
  "if (code === '74041') {}",
  "fetch(ACME + '/v2/users');",
  "fetch(ACME + '/orders');",
  "fetch(ACME + '/ordersx');",
  'acme.cart.clear();',
  'acme.cart.clearAll();',
  'const n = -401 - 7;',
  '',
];

/** Texts made of the pieces the needles are made of, so that many of them come close. */
function* fragmentTexts(count: number): Generator<string> {
  const pieces = ["'", '"', '`', '-', '/', '401', '9798', '7', '4041', 'KOE', '320', 'Kakao', 'ErrorCode', '.', 'Auth', 'getStatus', 'me', 'story', 'orders', 'v2', 'user', 'acme', 'cart', 'clear', ' ', '\n', '?', 'x', '{', ':'];
  let seed = 20261206;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = 1 + Math.floor(next() * 12);
    for (let j = 0; j < length; j++) text += pieces[Math.floor(next() * pieces.length)]!;
    yield text;
  }
}

/** Real files: the bundled example client and some of a library's sources. */
function realTexts(): string[] {
  const example = join(REPO, 'examples/kakao-client/src');
  const rxjs = join(dirname(createRequire(import.meta.url).resolve('rxjs/package.json')), 'src/internal/operators');
  return [
    ...readdirSync(example).filter((name) => name.endsWith('.ts')).map((name) => join(example, name)),
    ...readdirSync(rxjs).filter((name) => name.endsWith('.ts')).slice(0, 60).map((name) => join(rxjs, name)),
  ].map((file) => readFileSync(file, 'utf8'));
}

describe('getMentionScan', () => {
  for (const [name, settings] of Object.entries(SETTINGS)) {
    it(`answers what every search answers on its own (${name})`, () => {
      const scan = getMentionScan(settings);
      for (const text of [...TEXTS, ...fragmentTexts(3000), ...realTexts()]) {
        expect(scan(text), text).toEqual(searchedOneByOne(settings, text));
      }
    });
  }

  it('finds each kind of mention alone', () => {
    const scan = getMentionScan(SETTINGS.bundled);
    const only = (kind: keyof FileMentions) => ({ stringCode: false, enumName: false, endpoints: false, members: false, [kind]: true });
    expect(scan("if (code === '-401') {}")).toEqual(only('stringCode'));
    expect(scan('const handlers = { KOE320: relogin };')).toEqual(only('stringCode'));
    expect(scan('const c = KakaoErrorCode.InvalidToken;')).toEqual(only('enumName'));
    expect(scan("fetch(BASE + '/me');")).toEqual(only('endpoints'));
    expect(scan('Kakao.Auth.getStatus(f);')).toEqual(only('members'));
    const positive = getMentionScan(SETTINGS['a spec of positive codes']);
    expect(positive("if (code === '4041') {}").stringCode).toBe(true);
    expect(positive('acme.cart.clear();').members).toBe(true);
  });

  it('gives every file that matches no needle the same answer, searching no further', () => {
    const scan = getMentionScan(SETTINGS.bundled);
    const quiet = scan("import { map } from './map';\nexport const x = -1;");
    expect(quiet).toEqual({ stringCode: false, enumName: false, endpoints: false, members: false });
    expect(scan('const y = 2 - 1; // a comment')).toBe(quiet);
    // A file with a needle but no mention gets an answer of its own.
    expect(scan("const s = '-4010';")).not.toBe(quiet);
  });
});
