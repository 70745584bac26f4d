/**
 * The one pass before a file's text searches (rules/utils/mention-prefilter.ts): where it answers
 * false, every search it stands for must answer false too, or a rule would miss what it reports.
 */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../core/spec.js';
import type { Spec } from '../../core/spec.js';
import { getSourceScan } from '../../rules/no-deprecated-api-utils/endpoints.js';
import { enumNameSearch, stringCodeSearch } from '../../rules/utils/code-nodes.js';
import { mayMentionAnything, mentionPrefilter, PREFILTER_MAX_LENGTH } from '../../rules/utils/mention-prefilter.js';
import { getBundledSpec, indexSpec } from '../../rules/utils/settings.js';
import type { KakaoSettings } from '../../rules/utils/settings.js';

/** What the prefilter reads of the settings: the spec's index and the enum names. */
function settingsFor(spec: Spec, enumName = spec.enumName): KakaoSettings {
  const index = indexSpec(spec);
  return { index, enumNames: [enumName, ...index.stringFamilies.map((family) => family.enumName)] } as unknown as KakaoSettings;
}

const ACME_ENDPOINT = { hosts: ['api.acme.test'], status: 'legacy', replacement: null, since: null, source: 'x' } as const;
const ACME_SPEC = parseSpec(
  {
    api: { name: 'Acme', hosts: ['api.acme.test'] },
    enumName: 'AcmeErrorCode',
    httpStatuses: [{ status: 400, name: 'Bad Request', result: 'fail', description: 'General error.' }],
    codes: [
      { code: 7, name: 'Gone', httpStatus: 400, summary: 'gone', description: 'Gone.', retryable: false, deprecated: true },
      { code: -12, name: 'Minus', httpStatus: 400, summary: 'minus', description: 'Minus.', retryable: true, deprecated: false },
    ],
    deprecatedEndpoints: [
      { ...ACME_ENDPOINT, path: '/v1/ünits' },
      { ...ACME_ENDPOINT, path: '/v2/files/*' },
    ],
    deprecatedMembers: [{ member: 'Acme.Files.open', status: 'legacy', replacement: null, since: null, source: 'x' }],
  },
  'test',
);

// Texts are made of these: the searches' needles, what follows or precedes them, and near misses.
const FRAGMENTS = [
  "'-401'", '"-401"', "'-'", '"-4', "'-9798'", '-401', '`-401`', "'7'", '"-12"', "'-1'", "'0'",
  'KOE320', 'KOE', 'KOE3200', 'xKOE320', 'KOE320:',
  'Kakao', 'KakaoErrorCode', 'KakaoLoginErrorCode.X', 'ApiErrorCode', 'AcmeErrorCode.Gone', 'Kakaox', 'kakao',
  '/me', '/me/', "/me'", '/merge', '//me', '/me?x', '/me`', '/me\\', '/story', '/story/1', '/storybook',
  '/plusfriends', '/channels', '/channelsx', '/terms', '/terms#', '/ünits', '/ünitsx', '/v2/files/', '/v2/filesx',
  'Kakao.Auth.getStatus', 'getStatus', 'Auth', 'Kakao.Link', 'Link', 'Kakao.Story', 'Acme.Files.open', 'open', 'Files',
  ' ', '\n', '(', ')', "'", '"', '`', '${', '}', '+', '.', ':', 'x', '1', '-', '/', '\\',
];

/** A seeded generator, so a failure names a text that comes back on every run. */
function* texts(count: number, seed: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const length = 1 + Math.floor(next() * 8);
    for (let j = 0; j < length; j++) parts.push(FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!);
    yield parts.join('');
  }
}

describe.each([
  ['the bundled spec', settingsFor(getBundledSpec())],
  ['the bundled spec, the enum renamed', settingsFor(getBundledSpec(), 'ApiErrorCode')],
  ['a spec with a wildcard before the last segment, a tail outside ASCII and positive codes', settingsFor(ACME_SPEC)],
])('mentionPrefilter, %s', (_label, settings) => {
  const prefilter = mentionPrefilter(settings);
  const searches = {
    'string codes': stringCodeSearch(settings.index),
    'enum names': enumNameSearch(settings.enumNames),
    endpoints: (text: string) => getSourceScan(settings.index.spec)(text).endpoints,
    members: (text: string) => getSourceScan(settings.index.spec)(text).members,
  };

  it('answers false only where every search answers false', () => {
    const found = Object.fromEntries(Object.keys(searches).map((name) => [name, 0]));
    let passedOver = 0;
    for (const text of texts(3000, 20_261_206)) {
      const mayMention = prefilter(text);
      if (!mayMention) passedOver++;
      for (const [name, search] of Object.entries(searches)) {
        if (!search(text)) continue;
        found[name]!++;
        expect(mayMention, `${name} found in ${JSON.stringify(text)}`).toBe(true);
      }
    }
    // Each search answered true somewhere, and the prefilter passed texts over: neither side is vacuous.
    for (const name of Object.keys(searches)) {
      if (name === 'members' && settings.index.spec.deprecatedMembers.length === 0) continue;
      expect(found[name], name).toBeGreaterThan(0);
    }
    expect(passedOver).toBeGreaterThan(300);
  });
});

describe('mayMentionAnything', () => {
  const settings = settingsFor(getBundledSpec());
  const ordinary = "import { mergeMap } from './operators/mergeMap';\n";

  it('passes over a text without a needle, up to PREFILTER_MAX_LENGTH characters, and leaves a longer one to the searches', () => {
    const atMost = ordinary.repeat(Math.floor(PREFILTER_MAX_LENGTH / ordinary.length));
    expect(atMost.length).toBeLessThanOrEqual(PREFILTER_MAX_LENGTH);
    expect(mayMentionAnything(settings, atMost)).toBe(false);
    const longer = atMost + ordinary;
    expect(longer.length).toBeGreaterThan(PREFILTER_MAX_LENGTH);
    expect(mayMentionAnything(settings, longer)).toBe(true);
    expect(mayMentionAnything(settings, `${atMost.slice(0, -20)}get(BASE + '/me')`)).toBe(true);
  });
});

describe('mentionPrefilter on ordinary code', () => {
  const prefilter = mentionPrefilter(settingsFor(getBundledSpec()));

  it('passes over what is common in code that does not call Kakao', () => {
    expect(
      prefilter(
        [
          "import { mergeMap } from './operators/mergeMap';",
          "const dash = '-'; const range = \"-\";",
          'if (list.indexOf(x) === -1) return -401;',
          '// see /meet and /stories, https://example.com/terms-of-use',
          'const url = `${base}/channel`;',
        ].join('\n'),
      ),
    ).toBe(false);
  });

  it('lets through each kind of mention', () => {
    for (const text of ["code === '-401'", "{ KOE320: f }", 'KakaoErrorCode.InvalidToken', "get(BASE + '/me')", '`${BASE}/story/${id}`', 'Kakao.Auth.getStatus(f)']) {
      expect(prefilter(text), text).toBe(true);
    }
  });
});
