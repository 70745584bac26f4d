export * from './ast.js';
export * from './code-checks.js';
export * from './create-rule.js';
export * from './enum-reference.js';
export * from './kakao-file.js';
export * from './module-specifier.js';
export * from './rule-context.js';
export * from './settings.js';
