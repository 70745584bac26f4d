import type { ESLint } from 'eslint';
import { rules } from './rules/index.js';

const plugin = {
  meta: { name: 'eslint-plugin-kakao', version: '0.1.0', namespace: 'kakao' },
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
} satisfies ESLint.Plugin;

export default plugin;
