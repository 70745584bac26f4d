import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-deprecated-api.js';
import { compilePathPattern, findUrlHits, getEndpointTable, getSourceScan, matchPathAt, parseUrlHost } from '../../rules/no-deprecated-api-utils/endpoints.js';
import { parseSpec } from '../../core/spec.js';
import { getBundledSpec } from '../../rules/utils/settings.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const file = 'src/kakao-client.ts';
const IMPORT = "import { KakaoErrorCode } from '../generated/kakao-error-codes';";

const ME = { api: 'Kakao', path: '/v1/user/me', since: ' on 2020-08-10', replacement: 'use /v2/user/me' };
const PLUSFRIENDS = { api: 'Kakao', path: '/v1/api/talk/plusfriends', since: '', replacement: 'use /v2/api/talk/channels' };
const TERMS = {
  api: 'Kakao',
  path: '/v1/user/service/terms',
  since: ' (superseded on 2023-07-13)',
  replacement: 'use /v2/user/service_terms',
};
const CHANNELS = {
  api: 'Kakao',
  path: '/v1/api/talk/channels',
  since: ' (superseded in 2023-09)',
  replacement: 'use /v2/api/talk/channels',
};
const story = (path: string) => ({ api: 'Kakao', path, since: ' in 2023', replacement: 'it has no replacement' });
const GET_STATUS = {
  api: 'Kakao',
  member: 'Kakao.Auth.getStatus',
  status: 'was terminated',
  since: ' on 2020-08-10',
  replacement: 'use Kakao.Auth.getStatusInfo',
};
const CODE = { api: 'Kakao', code: '-9', member: 'DeprecatedApi', summary: 'the API called is deprecated' };
const STATUS_NAMES = { name: 'getStatus', replacement: 'getStatusInfo' };
const migrate = (output: string) => [{ messageId: 'migrateCallbackToPromise' as const, data: STATUS_NAMES, output }];

const meError = (output: string) => ({
  messageId: 'terminatedEndpoint' as const,
  data: ME,
  suggestions: [{ messageId: 'replaceEndpoint' as const, data: { path: '/v1/user/me', replacement: '/v2/user/me' }, output }],
});

const suggest = (path: string, replacement: string, output: string) => [
  { messageId: 'replaceEndpoint' as const, data: { path, replacement }, output },
];

const CURRENT_ENDPOINTS = [
  '/v1/user/logout',
  '/v1/user/unlink',
  '/v1/user/access_token_info',
  '/v1/api/talk/profile',
  '/v1/api/talk/friends',
  '/v1/api/talk/friends/message/default/send',
  '/v2/user/me',
  '/v2/api/talk/memo/default/send',
  '/v2/api/talk/channels',
  '/v2/user/service_terms',
];

ruleTester.run('no-deprecated-api', rule, {
  valid: [
    // Current endpoints, in every form that reports a deprecated one.
    ...CURRENT_ENDPOINTS.flatMap((path) => [
      { filename: file, code: `fetch('https://kapi.kakao.com${path}');` },
      { filename: file, code: `Kakao.API.request({ url: '${path}' });` },
      {
        filename: file,
        code: outdent`
          const kakao = 1;
          axios.post(\`\${KAKAO_API}${path}?x=\${x}\`);
        `,
      },
    ]),
    // Near misses of a deprecated path.
    { filename: file, code: "fetch('https://kapi.kakao.com/v1/user/me2');" },
    { filename: file, code: "fetch('https://kapi.kakao.com/v1/user/metadata');" },
    { filename: file, code: "Kakao.API.request({ url: '/v1/user/me2' });" },
    { filename: file, code: "Kakao.API.request({ url: '/V1/USER/ME' });" },
    { filename: file, code: "Kakao.API.request({ url: '/v1/api/storyboard' });" },
    { filename: file, code: "Kakao.API.request({ url: '/api/v1/user/me' });" },
    // Another host, even in a Kakao file and whatever the scope.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        fetch('https://api.example.com/v1/user/me');
      `,
    },
    { filename: file, code: "fetch('https://kauth.kakao.com/v1/user/me');" },
    { filename: file, code: "fetch('https://kapi.kakao.com.example.com/v1/user/me');" },
    { filename: file, code: "fetch('https://example.com/kapi.kakao.com/v1/user/me');" },
    {
      filename: 'src/other.ts',
      code: "fetch('https://api.example.com/v1/user/me');",
      settings: { kakao: { scope: 'all' } },
    },
    {
      filename: file,
      code: outdent`
        const OTHER = 'https://api.example.com';
        const kakao = 1;
        fetch(\`\${OTHER}/v1/user/me\`);
      `,
    },
    {
      filename: file,
      code: outdent`
        const OTHER = 'https://api.example.com';
        const kakao = 1;
        fetch(OTHER + '/v1/user/me');
      `,
    },
    {
      filename: file,
      code: outdent`
        const github = axios.create({ baseURL: 'https://api.example.com' });
        const kakao = 1;
        github.get('/v1/user/me');
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        https.get({ host: 'api.example.com', path: '/v1/user/me' });
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        new URL('/v1/user/me', 'https://api.example.com');
      `,
    },
    // Comments and type positions.
    {
      filename: file,
      code: outdent`
        // GET https://kapi.kakao.com/v1/user/me was retired
        Kakao.API.request({ url: "/v2/user/me" });
      `,
    },
    {
      filename: file,
      code: outdent`
        /* Kakao.Auth.getStatus(cb); fetch("/v1/user/me") */
        const kakao = 1;
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        type Path = '/v1/user/me' | 'https://kapi.kakao.com/v1/user/me';
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        type Path = \`https://kapi.kakao.com/v1/user/me\`;
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        interface Routes { 'https://kapi.kakao.com/v1/user/me': unknown }
      `,
    },
    {
      filename: file,
      code: outdent`
        import me from 'https://kapi.kakao.com/v1/user/me';
        const kakao = me;
      `,
    },
    // A bare path that is not a request target.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const messages = { me: '/v1/user/me' };
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        t('/v1/user/me');
        console.log('/v1/user/me');
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        describe('/v1/user/me', () => { it('/v1/api/story/mystory', () => {}); });
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        app.get('/v1/user/me', (req, res) => res.json({}));
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        router.get('/v1/user/me', getMe);
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const label = 'Calling ' + '/v1/user/me';
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const page = \`/docs\${section}/v1/user/me\`;
      `,
    },
    {
      filename: 'src/kakao-login.tsx',
      code: outdent`
        const kakao = 1;
        const el = <a href="/v1/user/me">me</a>;
      `,
    },
    // No Kakao evidence: a bare path is another API's (the default scope is 'kakao-files').
    {
      filename: 'src/other.ts',
      code: outdent`
        fetch('/v1/user/me');
        axios.get('/v1/api/story/mystory');
      `,
    },
    { filename: 'src/other.ts', code: 'if (err.code === -9) {}' },
    // SDK members that are current.
    { filename: file, code: 'Kakao.Auth.getStatusInfo().then(f);' },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        foo.Auth.getStatus(cb);
        Auth.getStatus(cb);
        Kakao.Auth.getStatus2;
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const { getStatus } = other.Auth;
      `,
    },
    // -9 that is not checked against an error-code expression.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const last = items.slice(-9);
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if (offset === -9) {}
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const body = { code: -9, msg: 'deprecated' };
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        throw new KakaoError(KakaoErrorCode.DeprecatedApi);
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if (err.code === -10) {}
        if (err.code === KakaoErrorCode.ApiLimitExceeded) {}
      `,
    },
    // Options.
    { filename: file, code: "Kakao.API.request({ url: '/v1/api/talk/plusfriends' });", options: [{ reportLegacy: false }] },
    { filename: file, code: "fetch('https://kapi.kakao.com/v1/user/service/terms');", options: [{ reportLegacy: false }] },
    {
      filename: file,
      code: outdent`
        fetch('https://kapi.kakao.com/v1/api/story/mystory');
        Kakao.API.request({ url: '/v1/api/story/linkinfo' });
      `,
      options: [{ ignore: ['/v1/api/story/*'] }],
    },
    { filename: file, code: "fetch('https://kapi.kakao.com/v1/user/me');", options: [{ ignore: ['/v1/user/me'] }] },
    { filename: file, code: 'Kakao.Auth.getStatus(cb);', options: [{ ignore: ['Kakao.Auth.getStatus'] }] },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if (err.status === -9) {}
      `,
      options: [{ errorCodeNames: ['errorCode'] }],
    },
    // Generated files are never checked.
    {
      filename: file,
      code: outdent`
        // Code generated by kakao-codegen. DO NOT EDIT.
        fetch('https://kapi.kakao.com/v1/user/me');
      `,
    },
    // Odd strings do not crash.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const a = 'https://kapi.kakao.com:abc/v1';
        const b = '//';
        const c = 'https://';
        const d = \`\${x}\`;
        const e = /\\/v1\\/user\\/me/u;
        const f = 10n;
        const g = '\\u002fv1/user/me';
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const big = '${'/v1/user/'.repeat(5000)}';
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const big = '${'https://kapi.kakao.com/v1/user/mex '.repeat(5000)}';
      `,
    },
    {
      filename: 'src/kakao-login.tsx',
      code: outdent`
        const kakao = 1;
        const el = <p>See https://kapi.kakao.com/v1/user/me</p>;
      `,
    },
  ],
  invalid: [
    // Full URLs: query, trailing slash, fragment, http, protocol-relative, upper-case host.
    {
      filename: file,
      code: "fetch('https://kapi.kakao.com/v1/user/me?secure_resource=true');",
      errors: [meError("fetch('https://kapi.kakao.com/v2/user/me?secure_resource=true');")],
    },
    {
      filename: 'src/anywhere.ts',
      code: "const ME = 'https://kapi.kakao.com/v1/user/me/';",
      errors: [meError("const ME = 'https://kapi.kakao.com/v2/user/me/';")],
    },
    {
      filename: file,
      code: 'const me = "http://kapi.kakao.com/v1/user/me#top";',
      errors: [meError('const me = "http://kapi.kakao.com/v2/user/me#top";')],
    },
    {
      filename: file,
      code: "$.ajax({ url: '//KAPI.Kakao.com:443/v1/user/me' });",
      errors: [meError("$.ajax({ url: '//KAPI.Kakao.com:443/v2/user/me' });")],
    },
    {
      filename: file,
      code: "const help = 'Call GET https://kapi.kakao.com/v1/user/me with a token';",
      errors: [meError("const help = 'Call GET https://kapi.kakao.com/v2/user/me with a token';")],
    },
    {
      filename: 'src/kakao-login.tsx',
      code: outdent`
        const kakao = 1;
        const el = <a href="https://kapi.kakao.com/v1/user/me">me</a>;
      `,
      errors: [meError(outdent`
        const kakao = 1;
        const el = <a href="https://kapi.kakao.com/v2/user/me">me</a>;
      `)],
    },
    // An escaped string: reported, but no suggestion (the source text is not the value).
    {
      filename: file,
      code: "fetch('https:\\/\\/kapi.kakao.com/v1/user/me');",
      errors: [{ messageId: 'terminatedEndpoint', data: ME, suggestions: [] }],
    },
    // Paths passed to the Kakao SDK and to HTTP clients in a Kakao file.
    {
      filename: file,
      code: "Kakao.API.request({ url: '/v1/user/me' }).then(show);",
      errors: [meError("Kakao.API.request({ url: '/v2/user/me' }).then(show);")],
    },
    {
      filename: file,
      code: "window.Kakao.API.request({ url: '/v1/user/me', data: { property_keys: ['kakao_account.email'] } });",
      errors: [meError("window.Kakao.API.request({ url: '/v2/user/me', data: { property_keys: ['kakao_account.email'] } });")],
    },
    {
      filename: file,
      code: outdent`
        import axios from 'axios';
        const kakaoToken = 't';
        await axios.get('/v1/user/me', { headers: { Authorization: \`Bearer \${kakaoToken}\` } });
      `,
      errors: [
        meError(
          outdent`
            import axios from 'axios';
            const kakaoToken = 't';
            await axios.get('/v2/user/me', { headers: { Authorization: \`Bearer \${kakaoToken}\` } });
          `,
        ),
      ],
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        await fetch('/v1/user/me?secure_resource=true');
      `,
      errors: [meError(outdent`
        const kakao = 1;
        await fetch('/v2/user/me?secure_resource=true');
      `)],
    },
    {
      filename: file,
      code: outdent`
        const kakaoApi = axios.create({ baseURL: 'https://kapi.kakao.com' });
        kakaoApi.post('/v1/api/talk/plusfriends');
      `,
      errors: [
        {
          messageId: 'legacyEndpoint',
          data: PLUSFRIENDS,
          suggestions: [
            {
              messageId: 'replaceEndpoint',
              data: { path: '/v1/api/talk/plusfriends', replacement: '/v2/api/talk/channels' },
              output: outdent`
                const kakaoApi = axios.create({ baseURL: 'https://kapi.kakao.com' });
                kakaoApi.post('/v2/api/talk/channels');
              `,
            },
          ],
        },
      ],
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        https.request({ hostname: 'kapi.kakao.com', path: '/v1/user/service/terms', method: 'GET' });
      `,
      errors: [
        {
          messageId: 'legacyEndpoint',
          data: TERMS,
          suggestions: suggest(
            '/v1/user/service/terms',
            '/v2/user/service_terms',
            outdent`
              const kakao = 1;
              https.request({ hostname: 'kapi.kakao.com', path: '/v2/user/service_terms', method: 'GET' });
            `,
          ),
        },
      ],
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const USER_ME_URL = '/v1/user/me';
        const ENDPOINTS = { me: '/v1/user/me', list: ['/v1/api/story/mystories'] };
        this.http.get(useSecure ? '/v1/user/me' : '/v2/user/me');
      `,
      errors: [
        meError(outdent`
          const kakao = 1;
          const USER_ME_URL = '/v2/user/me';
          const ENDPOINTS = { me: '/v1/user/me', list: ['/v1/api/story/mystories'] };
          this.http.get(useSecure ? '/v1/user/me' : '/v2/user/me');
        `),
        meError(outdent`
          const kakao = 1;
          const USER_ME_URL = '/v1/user/me';
          const ENDPOINTS = { me: '/v2/user/me', list: ['/v1/api/story/mystories'] };
          this.http.get(useSecure ? '/v1/user/me' : '/v2/user/me');
        `),
        { messageId: 'terminatedEndpoint', data: story('/v1/api/story/mystories'), line: 3 },
        meError(outdent`
          const kakao = 1;
          const USER_ME_URL = '/v1/user/me';
          const ENDPOINTS = { me: '/v1/user/me', list: ['/v1/api/story/mystories'] };
          this.http.get(useSecure ? '/v2/user/me' : '/v2/user/me');
        `),
      ],
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        enum KakaoEndpoint { Me = '/v1/user/me' }
        class Client { url = '/v1/user/me'; }
      `,
      errors: [
        meError(outdent`
          const kakao = 1;
          enum KakaoEndpoint { Me = '/v2/user/me' }
          class Client { url = '/v1/user/me'; }
        `),
        meError(outdent`
          const kakao = 1;
          enum KakaoEndpoint { Me = '/v1/user/me' }
          class Client { url = '/v2/user/me'; }
        `),
      ],
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        send('/v1/user/me');
      `,
      options: [{ httpClientNames: ['send'] }],
      errors: [meError(outdent`
        const kakao = 1;
        send('/v2/user/me');
      `)],
    },
    // Templates: a host expression, the host in the text, the host in a const.
    {
      filename: file,
      code: 'const res = await fetch(`${KAKAO_API}/v1/api/talk/plusfriends`);',
      errors: [
        {
          messageId: 'legacyEndpoint',
          data: PLUSFRIENDS,
          suggestions: suggest(
            '/v1/api/talk/plusfriends',
            '/v2/api/talk/channels',
            'const res = await fetch(`${KAKAO_API}/v2/api/talk/channels`);',
          ),
        },
      ],
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const url = \`\${config.apiBase}/v1/user/me?property_keys=\${keys}\`;
      `,
      errors: [meError(outdent`
        const kakao = 1;
        const url = \`\${config.apiBase}/v2/user/me?property_keys=\${keys}\`;
      `)],
    },
    {
      filename: file,
      code: 'fetch(`https://kapi.kakao.com/v1/user/me?x=${y}`);',
      errors: [meError('fetch(`https://kapi.kakao.com/v2/user/me?x=${y}`);')],
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        fetch(\`https://\${host}/v1/api/story/\${kind}\`);
      `,
      errors: [{ messageId: 'terminatedEndpoint', data: story('/v1/api/story'), suggestions: [] }],
    },
    {
      filename: file,
      code: outdent`
        const KAKAO_API = 'https://kapi.kakao.com';
        fetch(\`\${KAKAO_API}/v1/user/me\`);
      `,
      errors: [meError(outdent`
        const KAKAO_API = 'https://kapi.kakao.com';
        fetch(\`\${KAKAO_API}/v2/user/me\`);
      `)],
    },
    {
      filename: file,
      code: outdent`
        const KAKAO_V1 = 'https://kapi.kakao.com/v1';
        fetch(\`\${KAKAO_V1}/user/me\`);
      `,
      errors: [{ messageId: 'terminatedEndpoint', data: ME, suggestions: [] }],
    },
    // Concatenation after a host expression.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        const url = KAKAO_API + '/v1/user/me';
      `,
      errors: [meError(outdent`
        const kakao = 1;
        const url = KAKAO_API + '/v2/user/me';
      `)],
    },
    {
      filename: file,
      code: outdent`
        const KAKAO_API = 'https://kapi.kakao.com';
        request(KAKAO_API + '/v1/api/story/delete/mystory' + '?id=' + id);
      `,
      errors: [{ messageId: 'terminatedEndpoint', data: story('/v1/api/story/delete/mystory') }],
    },
    // Every path in the spec, and the story wildcard's sub-paths.
    ...[
      ['/v1/user/me', 'terminatedEndpoint', ME],
      ['/v1/api/talk/plusfriends', 'legacyEndpoint', PLUSFRIENDS],
      ['/v1/api/talk/channels', 'legacyEndpoint', CHANNELS],
      ['/v1/user/service/terms', 'legacyEndpoint', TERMS],
      ...[
        'isstoryuser',
        'profile',
        'mystory',
        'mystories',
        'post/note',
        'post/photo',
        'delete/mystory',
        'linkinfo',
        'upload/multi',
      ].map((sub) => [`/v1/api/story/${sub}`, 'terminatedEndpoint', story(`/v1/api/story/${sub}`)] as const),
      ['/v1/api/story', 'terminatedEndpoint', story('/v1/api/story')],
    ].map(([path, messageId, data]) => {
      const code = outdent`
        Kakao.API.request({ url: '${path as string}' });
        fetch('https://kapi.kakao.com${path as string}?a=1');
      `;
      const replacement = (data as { replacement: string }).replacement.replace(/^use /u, '');
      const suggestions = (output: string) =>
        (path as string).includes('story') ? [] : suggest(path as string, replacement, output);
      return {
        filename: file,
        code,
        errors: [
          {
            messageId: messageId as 'terminatedEndpoint',
            data: data as Record<string, string>,
            line: 1,
            suggestions: suggestions(code.replace(path as string, replacement)),
          },
          {
            messageId: messageId as 'terminatedEndpoint',
            data: data as Record<string, string>,
            line: 2,
            suggestions: suggestions(code.replace(`com${path as string}`, `com${replacement}`)),
          },
        ],
      };
    }),
    // The SDK member: v1 getStatus(callback) called callback(status); v2 getStatusInfo() takes no
    // arguments and resolves with the status, so a call with a callback becomes .then(callback).
    {
      filename: file,
      code: 'Kakao.Auth.getStatus((status) => show(status));',
      errors: [
        {
          messageId: 'deprecatedMember',
          data: GET_STATUS,
          suggestions: [
            {
              messageId: 'migrateCallbackToPromise',
              data: STATUS_NAMES,
              output: 'Kakao.Auth.getStatusInfo().then((status) => show(status));',
            },
          ],
        },
      ],
    },
    {
      filename: file,
      code: outdent`
        window.Kakao.Auth.getStatus(cb);
        Kakao?.Auth?.getStatus?.(cb);
        globalThis.Kakao!.Auth.getStatus;
      `,
      errors: [
        {
          messageId: 'deprecatedMember',
          data: GET_STATUS,
          line: 1,
          suggestions: migrate(outdent`
            window.Kakao.Auth.getStatusInfo().then(cb);
            Kakao?.Auth?.getStatus?.(cb);
            globalThis.Kakao!.Auth.getStatus;
          `),
        },
        {
          messageId: 'deprecatedMember',
          data: GET_STATUS,
          line: 2,
          suggestions: migrate(outdent`
            window.Kakao.Auth.getStatus(cb);
            Kakao?.Auth?.getStatusInfo?.().then(cb);
            globalThis.Kakao!.Auth.getStatus;
          `),
        },
        // Not called: renaming would hand a Promise-returning function to code that passes a callback.
        {
          messageId: 'deprecatedMemberNoSuggestion',
          data: {
            ...GET_STATUS,
            reason: 'getStatusInfo takes no callback and returns a Promise: only calls of getStatus are migrated',
          },
          line: 3,
          suggestions: [],
        },
      ],
    },
    // A function expression over several lines, with a comment and a trailing comma: all kept.
    {
      filename: file,
      code: outdent`
        export function isLoggedIn(): Promise<boolean> {
          return new Promise((resolve) => {
            window.Kakao.Auth.getStatus(
              // the status object
              function (result) {
                resolve(result.status === 'connected');
              },
            );
          });
        }
      `,
      errors: [
        {
          messageId: 'deprecatedMember',
          data: GET_STATUS,
          suggestions: migrate(outdent`
            export function isLoggedIn(): Promise<boolean> {
              return new Promise((resolve) => {
                window.Kakao.Auth.getStatusInfo().then(
                  // the status object
                  function (result) {
                    resolve(result.status === 'connected');
                  },
                );
              });
            }
          `),
        },
      ],
    },
    // Without arguments: renamed, and the message says it now returns a Promise.
    {
      filename: file,
      code: 'Kakao.Auth.getStatus();',
      errors: [
        {
          messageId: 'deprecatedMember',
          data: GET_STATUS,
          suggestions: [
            { messageId: 'replaceMemberWithoutArguments', data: STATUS_NAMES, output: 'Kakao.Auth.getStatusInfo();' },
          ],
        },
      ],
    },
    // No safe migration: the call's value is read, or it passes more than one callback.
    {
      filename: file,
      code: outdent`
        const pending = Kakao.Auth.getStatus(cb);
        Kakao.Auth.getStatus(onStatus, onError);
        Kakao.Auth.getStatus(...callbacks);
      `,
      errors: [
        {
          messageId: 'deprecatedMemberNoSuggestion',
          data: {
            ...GET_STATUS,
            reason: "getStatusInfo() returns a Promise where getStatus returned nothing, and this call's value is used",
          },
          line: 1,
          suggestions: [],
        },
        {
          messageId: 'deprecatedMemberNoSuggestion',
          data: { ...GET_STATUS, reason: 'getStatusInfo() takes no arguments: pass getStatus one callback to have it migrated' },
          line: 2,
          suggestions: [],
        },
        {
          messageId: 'deprecatedMemberNoSuggestion',
          data: { ...GET_STATUS, reason: 'getStatusInfo() takes no arguments: pass getStatus one callback to have it migrated' },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      filename: file,
      code: outdent`
        Kakao.Auth['getStatus'](cb);
        const { getStatus } = Kakao.Auth;
      `,
      errors: [
        { messageId: 'deprecatedMember', data: GET_STATUS, line: 1, suggestions: [] },
        { messageId: 'deprecatedMember', data: GET_STATUS, line: 2, suggestions: [] },
      ],
    },
    // -9 handled: comparison, case, list; literal and enum forms.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if (err.response?.data?.code === -9) { migrate(); }
      `,
      errors: [{ messageId: 'deprecatedCodeHandled', data: CODE, column: 34 }],
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        switch (error.code) {
          case -9: break;
          case -401: break;
        }
      `,
      errors: [{ messageId: 'deprecatedCodeHandled', data: CODE, line: 3 }],
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if ([-9, -3].includes(e.errorCode)) {}
        const FATAL = new Set([-9]);
        FATAL.has(e.code);
      `,
      errors: [
        { messageId: 'deprecatedCodeHandled', data: CODE, line: 2 },
        { messageId: 'deprecatedCodeHandled', data: CODE, line: 3 },
      ],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (err.code === KakaoErrorCode.DeprecatedApi) {}
        switch (code) { case KakaoErrorCode.DeprecatedApi: break; }
      `,
      errors: [
        { messageId: 'deprecatedCodeHandled', data: CODE, line: 2 },
        { messageId: 'deprecatedCodeHandled', data: CODE, line: 3 },
      ],
    },
    {
      filename: file,
      code: outdent`
        import { KakaoErrorCode as K } from '../generated/kakao-error-codes';
        if ([K.DeprecatedApi].includes(e.code)) {}
        if (e.code !== K?.DeprecatedApi) {}
      `,
      errors: [
        { messageId: 'deprecatedCodeHandled', data: CODE, line: 2 },
        { messageId: 'deprecatedCodeHandled', data: CODE, line: 3 },
      ],
    },
    {
      filename: file,
      code: outdent`
        import * as codes from '../generated/kakao-error-codes';
        if (codes.KakaoErrorCode.DeprecatedApi == e.code) {}
      `,
      errors: [{ messageId: 'deprecatedCodeHandled', data: CODE }],
    },
    // Scope 'all': a file without Kakao evidence is checked too.
    {
      filename: 'src/other.ts',
      code: outdent`
        fetch('/v1/user/me');
        if (err.code === -9) {}
      `,
      settings: { kakao: { scope: 'all' } },
      errors: [meError(outdent`
        fetch('/v2/user/me');
        if (err.code === -9) {}
      `), { messageId: 'deprecatedCodeHandled', data: CODE }],
    },
    // reportLegacy: false keeps the terminated ones.
    {
      filename: file,
      code: outdent`
        Kakao.API.request({ url: '/v1/api/talk/plusfriends' });
        Kakao.API.request({ url: '/v1/user/me' });
      `,
      options: [{ reportLegacy: false }],
      errors: [
        meError(outdent`
          Kakao.API.request({ url: '/v1/api/talk/plusfriends' });
          Kakao.API.request({ url: '/v2/user/me' });
        `),
      ],
    },
    // A custom spec: a legacy member with no date and a member replaced elsewhere.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        Acme.Login.status();
        Acme.Old.thing();
        fetch('https://api.acme.test/v1/items/42/');
        Acme.Auth.check(cb);
      `,
      settings: {
        kakao: {
          spec: {
            api: { name: 'Acme', hosts: ['api.acme.test'] },
            enumName: 'AcmeErrorCode',
            httpStatuses: [{ status: 400, name: 'Bad Request', result: 'fail', description: 'General error.' }],
            codes: [
              { code: -1, name: 'Gone', httpStatus: 400, summary: 'gone', description: 'Gone.', retryable: false, deprecated: true },
            ],
            deprecatedEndpoints: [
              { path: '/v1/items/*', hosts: ['api.acme.test'], status: 'legacy', replacement: '/v2/items/{id}', since: '2024-05', source: 'x' },
            ],
            deprecatedMembers: [
              { member: 'Acme.Login.status', status: 'legacy', replacement: 'Acme.Session.status', since: null, source: 'x' },
              { member: 'Acme.Old.thing', status: 'terminated', replacement: null, since: null, source: 'x' },
              // The same arguments (the default): a plain rename, the callback kept.
              { member: 'Acme.Auth.check', status: 'legacy', replacement: 'Acme.Auth.verify', since: null, source: 'x', replacementCall: 'sameArguments' },
            ],
          },
        },
      },
      errors: [
        {
          messageId: 'deprecatedMember',
          data: { api: 'Acme', member: 'Acme.Login.status', status: 'is legacy', since: '', replacement: 'use Acme.Session.status' },
          suggestions: [],
        },
        {
          messageId: 'deprecatedMember',
          data: { api: 'Acme', member: 'Acme.Old.thing', status: 'was terminated', since: '', replacement: 'it has no replacement' },
        },
        {
          messageId: 'legacyEndpoint',
          data: { api: 'Acme', path: '/v1/items/42', since: ' (superseded in 2024-05)', replacement: 'use /v2/items/{id}' },
          suggestions: [],
        },
        {
          messageId: 'deprecatedMember',
          data: { api: 'Acme', member: 'Acme.Auth.check', status: 'is legacy', since: '', replacement: 'use Acme.Auth.verify' },
          suggestions: [
            {
              messageId: 'replaceMember',
              data: { name: 'check', replacement: 'verify' },
              output: outdent`
                const kakao = 1;
                Acme.Login.status();
                Acme.Old.thing();
                fetch('https://api.acme.test/v1/items/42/');
                Acme.Auth.verify(cb);
              `,
            },
          ],
        },
      ],
    },
  ],
});

// The rule registers listeners only for what a file's source text can mention (getSourceScan):
// these pin the spellings that such a text pre-check must still let through.
const ACME_SPEC = {
  api: { name: 'Acme', hosts: ['api.acme.test'] },
  enumName: 'AcmeErrorCode',
  httpStatuses: [{ status: 400, name: 'Bad Request', result: 'fail', description: 'General error.' }],
  codes: [
    { code: 7, name: 'Gone', httpStatus: 400, summary: 'gone', description: 'Gone.', retryable: false, deprecated: true },
    { code: 0, name: 'Zero', httpStatus: 400, summary: 'zero', description: 'Zero.', retryable: false, deprecated: true },
  ],
  deprecatedEndpoints: [
    { path: '/v1/*/items', hosts: ['api.acme.test'], status: 'legacy', replacement: null, since: null, source: 'x' },
    { path: '/v2/user*', hosts: ['api.acme.test'], status: 'terminated', replacement: null, since: null, source: 'x' },
  ],
  deprecatedMembers: [],
};
const acme = { kakao: { scope: 'all', spec: ACME_SPEC } };
const acmeCode = (code: string, member: string, summary: string) => ({
  messageId: 'deprecatedCodeHandled' as const,
  data: { api: 'Acme', code, member, summary },
});

ruleTester.run('no-deprecated-api: spellings the per-file pre-checks must let through', rule, {
  valid: [
    // Near misses of the pre-checks' needles: `/me` not ending a path, names inside longer ones.
    {
      filename: file,
      code: outdent`
        import { mergeMap } from './operators/mergeMap';
        fetch('/v1/user/metadata');
      `,
    },
    {
      filename: file,
      code: outdent`
        Kakao.Auth.getStatusInfo(cb);
        const { getStatusInfo } = Kakao.Auth;
      `,
    },
    // Code forms that are not -9.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if (err.code === - -9) {}
        if (err.code === +9) {}
        if (err.code === 9) {}
      `,
    },
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if (err.code === -9n) {}
      `,
    },
    // No error-code name in the file: no code check at all.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if (x.status === -9) {}
      `,
    },
    // `-7` is not the code 7.
    {
      filename: 'src/other.ts',
      code: outdent`
        if (err.code === -7) {}
        if (err.code === +7) {}
      `,
      settings: acme,
    },
  ],
  invalid: [
    // An enum member is a code whatever it is compared with (as handle-retryable-codes counts it).
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if (KakaoErrorCode.DeprecatedApi === x.status) {}
      `,
      errors: [{ messageId: 'deprecatedCodeHandled', data: CODE, line: 2, column: 5 }],
    },
    // A base constant and a short suffix: only the last segment of the path is in the suffix.
    {
      filename: file,
      code: outdent`
        const KAKAO_USER = 'https://kapi.kakao.com/v1/user';
        fetch(KAKAO_USER + '/me');
      `,
      errors: [{ messageId: 'terminatedEndpoint', data: ME, line: 2, suggestions: [] }],
    },
    {
      filename: file,
      code: outdent`
        const KAKAO_USER = 'https://kapi.kakao.com/v1/user';
        fetch(\`\${KAKAO_USER}/me?x=\${y}\`);
      `,
      errors: [{ messageId: 'terminatedEndpoint', data: ME, line: 2, suggestions: [] }],
    },
    {
      filename: file,
      code: outdent`
        const BASE = 'https://kapi.kakao.com/v' + 1 + '/user';
        fetch(BASE + '/me');
      `,
      errors: [{ messageId: 'terminatedEndpoint', data: ME, line: 2 }],
    },
    {
      filename: file,
      code: outdent`
        const API = 'https://kapi.kakao.com/v1/api';
        fetch(API + '/story/mystory');
      `,
      errors: [{ messageId: 'terminatedEndpoint', data: story('/v1/api/story/mystory'), line: 2 }],
    },
    {
      filename: file,
      code: outdent`
        const TALK = 'https://kapi.kakao.com/v1/api/talk';
        axios.post(\`\${TALK}/plusfriends\`);
      `,
      errors: [{ messageId: 'legacyEndpoint', data: PLUSFRIENDS, line: 2, suggestions: [] }],
    },
    {
      filename: file,
      code: outdent`
        const SERVICE = 'https://kapi.kakao.com/v1/user/service';
        fetch(SERVICE + '/terms');
      `,
      errors: [{ messageId: 'legacyEndpoint', data: TERMS, line: 2 }],
    },
    // What may follow a path in the source: `${`, an escape, an entity; escaped slashes before it.
    {
      filename: file,
      code: 'fetch(`https://kapi.kakao.com/v1/user/me${query}`);',
      errors: [meError('fetch(`https://kapi.kakao.com/v2/user/me${query}`);')],
    },
    {
      filename: file,
      code: "const help = 'GET https://kapi.kakao.com/v1/user/me\\nthen';",
      errors: [{ messageId: 'terminatedEndpoint', data: ME, suggestions: [] }],
    },
    {
      filename: file,
      code: "fetch('https:\\/\\/kapi.kakao.com\\/v1\\/user\\/me');",
      errors: [{ messageId: 'terminatedEndpoint', data: ME, suggestions: [] }],
    },
    {
      filename: 'src/kakao-login.tsx',
      code: outdent`
        const kakao = 1;
        const el = <a href="https://kapi.kakao.com/v1/user/me&#63;x=1">me</a>;
      `,
      errors: [{ messageId: 'terminatedEndpoint', data: ME, suggestions: [] }],
    },
    // The enum, aliased on import, read by a computed key; the SDK member, destructured.
    {
      filename: file,
      code: outdent`
        import { KakaoErrorCode as Codes } from '../generated/kakao-error-codes';
        if (err.code === Codes['DeprecatedApi']) {}
        switch (err.code) { case Codes.DeprecatedApi: break; }
      `,
      errors: [
        { messageId: 'deprecatedCodeHandled', data: CODE, line: 2 },
        { messageId: 'deprecatedCodeHandled', data: CODE, line: 3 },
      ],
    },
    {
      filename: file,
      code: outdent`
        const { getStatus: status } = window.Kakao.Auth;
        const { ['getStatus']: s } = Kakao.Auth;
      `,
      errors: [
        { messageId: 'deprecatedMember', data: GET_STATUS, line: 1, suggestions: [] },
        { messageId: 'deprecatedMember', data: GET_STATUS, line: 2, suggestions: [] },
      ],
    },
    // -9 spelled otherwise: found from the unary minus.
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        if (err.code === -(9)) {}
        if (err.code === -0x9) {}
        if (err.code === -9.0) {}
        if ((-9 as number) === err.code) {}
        switch (e.code) { case - 9: break; }
      `,
      errors: [2, 3, 4, 5, 6].map((line) => ({ messageId: 'deprecatedCodeHandled' as const, data: CODE, line })),
    },
    // A custom spec: a `*` before the last segment (any suffix may complete it), a `*` in the last
    // segment, and codes that are not negative (7, and 0 also as -0).
    {
      filename: 'src/other.ts',
      code: outdent`
        const SHOP = 'https://api.acme.test/v1/shop';
        fetch(SHOP + '/items');
        fetch('https://api.acme.test/v2/users/42');
      `,
      settings: acme,
      errors: [
        { messageId: 'legacyEndpoint', data: { api: 'Acme', path: '/v1/shop/items', since: '', replacement: 'it has no replacement' } },
        { messageId: 'terminatedEndpoint', data: { api: 'Acme', path: '/v2/users/42', since: '', replacement: 'it has no replacement' } },
      ],
    },
    {
      filename: 'src/other.ts',
      code: outdent`
        if (err.code === 7) {}
        if (err.code === -0) {}
        if (err.code === 0) {}
      `,
      settings: acme,
      errors: [acmeCode('7', 'Gone', 'gone'), acmeCode('0', 'Zero', 'zero'), acmeCode('0', 'Zero', 'zero')],
    },
    {
      filename: 'src/other.ts',
      code: 'if (err.code === 7) {}',
      settings: { kakao: { scope: 'all', spec: { ...ACME_SPEC, deprecatedEndpoints: [] } } },
      errors: [acmeCode('7', 'Gone', 'gone')],
    },
  ],
});

createJsRuleTester().run('no-deprecated-api in JavaScript', rule as never, {
  valid: [
    {
      filename: 'src/api/client.js',
      code: outdent`
        const Kakao = require('kakao');
        Kakao.API.request({ url: '/v2/user/me' });
      `,
    },
  ],
  invalid: [
    {
      filename: 'src/api/client.js',
      code: outdent`
        'use strict';
        const axios = require('axios');
        const KAKAO = 'https://kapi.kakao.com';
        axios.get(KAKAO + '/v1/user/me').catch((e) => { if (e.response.data.code == -9) {} });
        Kakao.Auth.getStatus(cb);
      `,
      languageOptions: { sourceType: 'commonjs' },
      errors: [
        {
          messageId: 'terminatedEndpoint',
          suggestions: [
            {
              messageId: 'replaceEndpoint',
              output: outdent`
                'use strict';
                const axios = require('axios');
                const KAKAO = 'https://kapi.kakao.com';
                axios.get(KAKAO + '/v2/user/me').catch((e) => { if (e.response.data.code == -9) {} });
                Kakao.Auth.getStatus(cb);
              `,
            },
          ],
        },
        { messageId: 'deprecatedCodeHandled' },
        {
          messageId: 'deprecatedMember',
          suggestions: [
            {
              messageId: 'migrateCallbackToPromise',
              output: outdent`
                'use strict';
                const axios = require('axios');
                const KAKAO = 'https://kapi.kakao.com';
                axios.get(KAKAO + '/v1/user/me').catch((e) => { if (e.response.data.code == -9) {} });
                Kakao.Auth.getStatusInfo().then(cb);
              `,
            },
          ],
        },
      ],
    },
  ],
});

// ---- JavaScript SDK v2: removed members and namespaces, the v1 channel paths ---------------------

const LINK = {
  api: 'Kakao',
  member: 'Kakao.Link.*',
  status: 'was terminated',
  since: '',
  replacement: 'use Kakao.Share.*',
};
const STORY = {
  api: 'Kakao',
  member: 'Kakao.Story.*',
  status: 'was terminated',
  since: ' on 2023-11-15',
  replacement: 'it has no replacement',
};
const removedLogin = (member: string) => ({
  messageId: 'deprecatedMemberNoSuggestion' as const,
  data: {
    api: 'Kakao',
    member,
    status: 'was terminated',
    since: '',
    replacement: 'use Kakao.Auth.authorize',
    reason: 'Kakao.Auth.authorize works differently, so the code is rewritten by hand',
  },
  suggestions: [],
});
const linkError = (output: string) => ({
  messageId: 'deprecatedMember' as const,
  data: LINK,
  suggestions: [{ messageId: 'replaceMember' as const, data: { name: 'Link', replacement: 'Share' }, output }],
});

/** A page script: the SDK is the global `Kakao`, loaded by a script tag, never imported. */
const pageScript = 'public/js/share.js';

createJsRuleTester().run('no-deprecated-api: JavaScript SDK v2 removals in page scripts', rule as never, {
  valid: [
    {
      filename: pageScript,
      code: outdent`
        Kakao.init(KAKAO_JS_KEY);
        Kakao.Share.sendDefault({ objectType: 'feed', content });
        window.Kakao.Share.createDefaultButton({ container: '#share', objectType: 'feed', content });
        Kakao.Auth.authorize({ redirectUri: 'https://example.com/oauth' });
        Kakao.Auth.getStatusInfo().then(render);
      `,
    },
    {
      // Names in messages and logs are not calls.
      filename: pageScript,
      code: outdent`
        Kakao.init(KAKAO_JS_KEY);
        console.warn('Kakao.Link.sendDefault is gone: use Kakao.Share.sendDefault');
        const help = 'Kakao.Auth.login was removed in v2; see /v1/api/talk/channels';
      `,
    },
    {
      // The file's own class called Kakao is not the SDK.
      filename: pageScript,
      code: outdent`
        class Kakao {
          static Link = { sendDefault() {} };
          static Auth = { login() {} };
        }
        Kakao.Link.sendDefault();
        Kakao.Auth.login();
      `,
    },
    {
      // Other objects with the same member names.
      filename: pageScript,
      code: outdent`
        Kakao.init(KAKAO_JS_KEY);
        router.Link.sendDefault();
        auth.login(user);
        app.Story.share();
      `,
    },
  ],
  invalid: [
    {
      filename: pageScript,
      code: outdent`
        Kakao.init(KAKAO_JS_KEY);
        Kakao.Link.sendDefault({ objectType: 'feed', content });
      `,
      errors: [
        linkError(outdent`
          Kakao.init(KAKAO_JS_KEY);
          Kakao.Share.sendDefault({ objectType: 'feed', content });
        `),
      ],
    },
    {
      filename: pageScript,
      code: outdent`
        window.Kakao.Link.createDefaultButton({ container: '#share', objectType: 'feed', content });
        globalThis.Kakao.Link.sendScrap({ requestUrl: location.href });
      `,
      errors: [
        linkError(outdent`
          window.Kakao.Share.createDefaultButton({ container: '#share', objectType: 'feed', content });
          globalThis.Kakao.Link.sendScrap({ requestUrl: location.href });
        `),
        linkError(outdent`
          window.Kakao.Link.createDefaultButton({ container: '#share', objectType: 'feed', content });
          globalThis.Kakao.Share.sendScrap({ requestUrl: location.href });
        `),
      ],
    },
    {
      // The namespace alone, and taken out of the SDK.
      filename: pageScript,
      code: outdent`
        if (Kakao.Link) share(Kakao.Link);
        const { Link } = Kakao;
      `,
      errors: [
        linkError(outdent`
          if (Kakao.Share) share(Kakao.Link);
          const { Link } = Kakao;
        `),
        linkError(outdent`
          if (Kakao.Link) share(Kakao.Share);
          const { Link } = Kakao;
        `),
        { messageId: 'deprecatedMember', data: LINK, line: 2, suggestions: [] },
      ],
    },
    {
      filename: pageScript,
      code: outdent`
        Kakao.Story.share({ url: location.href, text: title });
        window.Kakao.Story.createShareButton({ container: '#story' });
      `,
      errors: [
        { messageId: 'deprecatedMember', data: STORY, line: 1, column: 1, endColumn: 12, suggestions: [] },
        { messageId: 'deprecatedMember', data: STORY, line: 2, column: 1, endColumn: 19, suggestions: [] },
      ],
    },
    {
      filename: pageScript,
      code: outdent`
        Kakao.Auth.login({
          success: (auth) => save(auth),
          fail: (error) => console.error(error),
        });
        window.Kakao.Auth.createLoginButton({ container: '#login' });
      `,
      errors: [removedLogin('Kakao.Auth.login'), removedLogin('Kakao.Auth.createLoginButton')],
    },
    {
      // A binding that holds the SDK is the SDK.
      filename: pageScript,
      code: outdent`
        const Kakao = window.Kakao;
        Kakao.Link.sendCustom({ templateId: 1234 });
      `,
      errors: [
        linkError(outdent`
          const Kakao = window.Kakao;
          Kakao.Share.sendCustom({ templateId: 1234 });
        `),
      ],
    },
  ],
});

ruleTester.run('no-deprecated-api: the SDK global described by ambient types', rule, {
  valid: [
    {
      // The file's own namespace, with a value in it, is not the SDK.
      filename: 'src/kakao-share.ts',
      code: outdent`
        namespace Kakao {
          export const Link = { sendDefault(settings: object): void {} };
        }
        Kakao.Link.sendDefault({ objectType: 'feed' });
      `,
    },
  ],
  invalid: [
    {
      // A declaration of the SDK's global is the SDK, not the file's own namespace.
      filename: 'src/kakao-share.ts',
      code: outdent`
        declare namespace Kakao {
          namespace Link {
            function sendDefault(settings: object): void;
          }
        }
        Kakao.Link.sendDefault({ objectType: 'feed' });
      `,
      errors: [
        linkError(outdent`
          declare namespace Kakao {
            namespace Link {
              function sendDefault(settings: object): void;
            }
          }
          Kakao.Share.sendDefault({ objectType: 'feed' });
        `),
      ],
    },
    {
      filename: 'src/kakao-share.ts',
      code: outdent`
        declare global {
          class Kakao {
            static Story: { share(options: object): void };
          }
        }
        Kakao.Story.share({ url: location.href });
        export {};
      `,
      errors: [{ messageId: 'deprecatedMember', data: STORY, line: 6, suggestions: [] }],
    },
  ],
});

ruleTester.run('no-deprecated-api: the v1 channel paths', rule, {
  valid: [
    { filename: file, code: "fetch('https://kapi.kakao.com/v2/api/talk/channels?channel_ids=_x');" },
    { filename: file, code: "fetch('https://kapi.kakao.com/v1/api/talk/friends');" },
    { filename: file, code: "logger.info('moved from /v1/api/talk/channels to /v2/api/talk/channels');" },
  ],
  invalid: [
    {
      filename: file,
      code: outdent`
        const res = await fetch('https://kapi.kakao.com/v1/api/talk/channels', {
          headers: { Authorization: \`Bearer \${token}\` },
        });
      `,
      errors: [
        {
          messageId: 'legacyEndpoint',
          data: CHANNELS,
          suggestions: suggest(
            '/v1/api/talk/channels',
            '/v2/api/talk/channels',
            outdent`
              const res = await fetch('https://kapi.kakao.com/v2/api/talk/channels', {
                headers: { Authorization: \`Bearer \${token}\` },
              });
            `,
          ),
        },
      ],
    },
    {
      filename: file,
      code: "Kakao.API.request({ url: '/v1/api/talk/plusfriends' });",
      errors: [
        {
          messageId: 'legacyEndpoint',
          data: PLUSFRIENDS,
          suggestions: suggest(
            '/v1/api/talk/plusfriends',
            '/v2/api/talk/channels',
            "Kakao.API.request({ url: '/v2/api/talk/channels' });",
          ),
        },
      ],
    },
  ],
});

describe('endpoint matching', () => {
  const table = getEndpointTable(getBundledSpec());

  it('compiles a namespace to its own names, and renames only where the call keeps its shape', () => {
    const compiled = (member: string) => table.members.find((entry) => entry.entry.member === member);
    expect(compiled('Kakao.Link.*')).toMatchObject({ names: ['Kakao', 'Link'], replacementName: 'Share' });
    expect(compiled('Kakao.Story.*')).toMatchObject({ names: ['Kakao', 'Story'], replacementName: undefined });
    // `rewrite`: authorize is another kind of call, so it is never a rename.
    expect(compiled('Kakao.Auth.login')).toMatchObject({ names: ['Kakao', 'Auth', 'login'], replacementName: undefined });
    expect(compiled('Kakao.Auth.getStatus')?.replacementName).toBe('getStatusInfo');
    const namespaceToMember = getEndpointTable(
      parseSpec(
        {
          ...getBundledSpec(),
          deprecatedMembers: [{ member: 'Sdk.Old.*', status: 'terminated', replacement: 'Sdk.New', since: null, source: 'x' }],
        },
        'x.json',
      ),
    );
    // A namespace replaced by a member (or the reverse) is not a rename.
    expect(namespaceToMember.members[0]).toMatchObject({ names: ['Sdk', 'Old'], replacementName: undefined });
  });

  it('matches exact paths with a trailing slash, query or fragment, and nothing longer', () => {
    const exact = compilePathPattern('/v1/user/me');
    for (const path of ['/v1/user/me', '/v1/user/me/']) expect(exact.test(path)).toBe(true);
    for (const path of ['/v1/user/me2', '/v1/user/metadata', '/v2/user/me', '/v1/user', '/v1/user/me/x']) {
      expect(exact.test(path)).toBe(false);
    }
    for (const text of ['/v1/user/me?secure_resource=true', '/v1/user/me#x', '/v1/user/me/']) {
      expect(matchPathAt(table, text, 0)?.path).toBe('/v1/user/me');
    }
  });

  it('matches a trailing /* on the path itself and everything below', () => {
    const wildcard = compilePathPattern('/v1/api/story/*');
    for (const path of ['/v1/api/story', '/v1/api/story/', '/v1/api/story/mystory', '/v1/api/story/delete/mystory']) {
      expect(wildcard.test(path)).toBe(true);
    }
    for (const path of ['/v1/api/storyx', '/v1/api/stor', '/v2/api/story/mystory']) expect(wildcard.test(path)).toBe(false);
    const inner = compilePathPattern('/a/*/b');
    expect(inner.test('/a/x/b')).toBe(true);
    expect(inner.test('/a/x/y/b')).toBe(false);
  });

  it('finds URLs only on the endpoint hosts', () => {
    const hits = (text: string) => findUrlHits(table, text).map((hit) => [hit.path, hit.start, hit.replaceEnd]);
    expect(hits('https://kapi.kakao.com/v1/user/me?x=1')).toEqual([['/v1/user/me', 22, 33]]);
    expect(hits('HTTPS://KAPI.KAKAO.COM./v1/user/me')).toEqual([['/v1/user/me', 23, 34]]);
    expect(hits('https://user@kapi.kakao.com:8443/v1/api/story/post/note')).toEqual([
      ['/v1/api/story/post/note', 32, 55],
    ]);
    for (const text of [
      'https://api.example.com/v1/user/me',
      'https://kauth.kakao.com/v1/user/me',
      'https://xkapi.kakao.com/v1/user/me',
      'https://kapi.kakao.com.evil.test/v1/user/me',
      'https://evil.test/kapi.kakao.com/v1/user/me',
      'https://kapi.kakao.com//v1/user/me',
    ]) {
      expect(hits(text)).toEqual([]);
    }
  });

  it('tells from a source text what the file may mention', () => {
    const scan = getSourceScan(getBundledSpec());
    const nothing = { endpoints: false, members: false };
    expect(scan(outdent`
      import { mergeMap } from './operators/mergeMap';
      Kakao.Auth.getStatusInfo(f);
    `)).toEqual(nothing);
    expect(scan("fetch(BASE + '/me');").endpoints).toBe(true);
    expect(scan('fetch(`${BASE}/story/${id}`);').endpoints).toBe(true);
    // Right after `//` and `///`, whose second slash the scan takes without searching again.
    expect(scan("fetch('//me');").endpoints).toBe(true);
    expect(scan("fetch('///me');").endpoints).toBe(true);
    expect(scan("fetch('https://kapi.kakao.com//me');").endpoints).toBe(true);
    expect(scan("// me\n//\n/me").endpoints).toBe(true);
    expect(scan("// see /meet, //mess\nfetch('/x');").endpoints).toBe(false);
    expect(scan("const { getStatus } = Kakao.Auth;").members).toBe(true);
    expect(scan('Auth.getStatus(f);').members).toBe(false);
    // A `*` before the last segment: any path may complete it after a base.
    const acmeScan = getSourceScan(parseSpec(ACME_SPEC, 'test'));
    expect(acmeScan("fetch(SHOP + '/x');").endpoints).toBe(true);
    // A segment that starts with a character outside ASCII, after `/` and after `//`.
    const unicodeScan = getSourceScan(
      parseSpec({ ...ACME_SPEC, deprecatedEndpoints: [{ ...ACME_SPEC.deprecatedEndpoints[0]!, path: '/v1/ünits' }] }, 'test'),
    );
    expect(unicodeScan("fetch(BASE + '/ünits');").endpoints).toBe(true);
    expect(unicodeScan("fetch(BASE + '//ünits');").endpoints).toBe(true);
    expect(unicodeScan("fetch(BASE + '/ünitsx'); // /units").endpoints).toBe(false);
  });

  it('parses the host of a base URL', () => {
    expect(parseUrlHost('https://u:p@API.Example.com:8080/x')).toBe('api.example.com');
    expect(parseUrlHost('//kapi.kakao.com')).toBe('kapi.kakao.com');
    expect(parseUrlHost('/v1')).toBeUndefined();
    expect(parseUrlHost('https://')).toBeUndefined();
  });
});
