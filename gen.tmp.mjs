import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import fs from 'node:fs';
import rule from './dist/rules/handle-retryable-codes.js';
const d = JSON.parse(fs.readFileSync('/tmp/r.json', 'utf8'));
const linter = new Linter({ cwd: process.cwd() + '/test/fixtures/project' });
for (const f of d.testResults) for (const t of f.assertionResults) {
  if (t.status !== 'failed' || !t.fullName.includes('handle-retryable')) continue;
  const code = t.title;
  const js = code.startsWith("'use strict'");
  const config = [{ files: ['**/*.ts', '**/*.js'], ...(js ? { languageOptions: { sourceType: 'commonjs' } } : { languageOptions: { parser: tsParser } }), plugins: { k: { rules: { r: rule.default ?? rule } } }, settings: { kakao: { enumModule: js ? './generated/kakao-error-codes' : './generated/kakao-error-codes' } }, rules: { 'k/r': 'error' } }];
  const filename = js ? 'src/api/client.js' : 'src/client.ts';
  const msgs = linter.verify(code, config, filename);
  console.log('#### CODE', JSON.stringify(code));
  for (const m of msgs) {
    console.log('  msg', m.line, m.messageId ?? m.message);
    for (const s of m.suggestions ?? []) {
      console.log('  OUT', JSON.stringify(code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1])));
    }
  }
}
