/**
 * One pass over a file's text before its text searches (code-nodes.ts' string codes and enum
 * names, endpoints.ts' source scan): a regular expression of what each of them must find before it
 * can answer true. Most files hold none of it, and then every search answers false without its own
 * scan, the endpoint tails' loop over every slash among them.
 */
import { sourceScanPatterns } from '../no-deprecated-api-utils/endpoints.js';
import { enumNamePatterns, stringCodePatterns } from './code-nodes.js';
import { memoizeByIdentity } from './memo.js';
import type { KakaoSettings } from './settings.js';

/** False only when no search of the file's text can answer true (test/rules/mention-prefilter.test.ts holds each search to it). */
export const mentionPrefilter = memoizeByIdentity((settings: KakaoSettings): ((text: string) => boolean) => {
  const sources = new Set([
    ...stringCodePatterns(settings.index),
    ...enumNamePatterns(settings.enumNames),
    ...sourceScanPatterns(settings.index.spec),
  ]);
  if (sources.size === 0) return () => false;
  const pattern = new RegExp([...sources].join('|'), 'u');
  return (text) => pattern.test(text);
});
