import { rules } from './rules/index.js';

const plugin = {
  meta: { name: 'eslint-plugin-kakao', version: '0.1.0', namespace: 'kakao' },
  rules,
};

export default plugin;
