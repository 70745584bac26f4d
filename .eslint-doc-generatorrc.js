// @ts-check
/**
 * eslint-doc-generator (`npm run docs` writes, `npm run docs:check` fails on a diff; part of `npm test`).
 * It owns the README rules table between its markers and each docs/rules/<name>.md header up to
 * `<!-- end auto-generated rule header -->`. It loads the built plugin (package.json `exports`, i.e.
 * dist/index.js), so build first.
 */

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ruleDocTitleFormat: 'name',
  ruleDocNotices: ['description', 'configs', 'fixableAndHasSuggestions', 'options'],
  ruleDocSectionInclude: ['Rule Details', 'Options', 'Settings', 'When Not To Use It', 'Known limitations'],
  ruleDocSectionOptions: true,
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options'],
  pathRuleDoc: 'docs/rules/{name}.md',
  pathRuleList: 'README.md',
  // The same URL as `createRule` in rules/utils/create-rule.ts, so the README links work on npm too.
  urlRuleDoc: 'https://github.com/eslint-plugin-kakao/eslint-plugin-kakao/blob/main/docs/rules/{name}.md',
  urlConfigs: 'https://github.com/eslint-plugin-kakao/eslint-plugin-kakao#configuration',
};

export default config;
