/**
 * Which files the rules look at. With `scope: 'kakao-files'` (the default) only files that show
 * evidence of the API: one of its hosts in a string, an import of a module whose name contains the
 * API's name or of the enum module, or an identifier containing the API's name. Generated files
 * (`// Code generated ... DO NOT EDIT.`) are never checked.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { escapeRegExp } from './ast.js';
import { namesEnumModule } from './enum-module.js';
import { hasGeneratedMarker } from '../../core/generated-marker.js';
import { memoizeByIdentity } from './memo.js';
import { moduleBaseName } from './module-specifier.js';
import type { KakaoSettings } from './settings.js';

interface EvidencePatterns {
  /** Any of the words, hosts or the enum module's name: a cheap pre-check on the raw text. */
  readonly anywhere: RegExp;
  readonly host: RegExp;
  readonly name: string;
}

const patternsFor = memoizeByIdentity((settings: KakaoSettings): EvidencePatterns => {
  const name = settings.index.apiName.toLowerCase();
  const hosts = settings.index.spec.api.hosts.map(escapeRegExp);
  const words = [escapeRegExp(name), ...hosts];
  const { enumModule } = settings;
  if (enumModule) {
    const base = moduleBaseName(enumModule.kind === 'bare' ? enumModule.specifier : enumModule.path);
    if (base) words.push(escapeRegExp(base));
  }
  return {
    anywhere: new RegExp(words.join('|'), 'iu'),
    host: new RegExp(hosts.join('|'), 'iu'),
    name,
  };
});

export function isGeneratedFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return hasGeneratedMarker(sourceCode.text);
}

/** Called once per file and settings (rule-context.ts shares the answer among the rules). */
export function hasApiEvidence(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  settings: KakaoSettings,
): boolean {
  const patterns = patternsFor(settings);
  if (!patterns.anywhere.test(sourceCode.text)) return false;
  const tokens = sourceCode.ast.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'Identifier':
      case 'JSXIdentifier':
      case 'PrivateIdentifier':
        if (token.value.toLowerCase().includes(patterns.name)) return true;
        break;
      case 'Template':
      case 'JSXText':
        if (patterns.host.test(token.value)) return true;
        break;
      case 'String': {
        const value = token.value.slice(1, -1);
        if (patterns.host.test(value)) return true;
        if (isModuleSpecifier(tokens, i) && isApiModule(value, patterns.name, filename, settings)) return true;
        break;
      }
      default:
        break;
    }
  }
  return false;
}

/** `from 'x'`, `import 'x'`, `require('x')`, `import('x')`. */
function isModuleSpecifier(tokens: readonly TSESTree.Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (!previous) return false;
  if (previous.value === 'from' || previous.value === 'import') return true;
  if (previous.value !== '(') return false;
  const callee = tokens[index - 2];
  return callee?.value === 'require' || callee?.value === 'import';
}

function isApiModule(specifier: string, name: string, filename: string, settings: KakaoSettings): boolean {
  if (specifier.toLowerCase().includes(name)) return true;
  return namesEnumModule(specifier, filename, settings);
}
