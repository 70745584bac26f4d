/**
 * One pass over a file's text before its text searches (code-nodes.ts' string codes and enum
 * names, endpoints.ts' source scan) and the generated-file check: a regular expression of what each
 * of them must find before it can answer true. Most files hold none of it, and then every search
 * answers false without its own scan, the endpoint tails' loop over every slash among them.
 *
 * Only for texts of up to PREFILTER_MAX_LENGTH characters. The expression's cost grows with every
 * character; the searches' is mostly per file while V8 has not optimised them (a loop body per slash
 * or minus sign), and in a long text their native scans and optimised loops cost less per character
 * than the expression (docs/performance.md, ninth round). The limit is set where the pass still
 * paid on the benchmark's project of large files (tenth round): it covers every file of rxjs and
 * three quarters of effect's, whose median file is 12 KB.
 */
import { GENERATED_MARKER_START } from '../../core/generated-marker.js';
import { sourceScanPatterns } from '../no-deprecated-api-utils/endpoints.js';
import { escapeRegExp } from './ast.js';
import { enumNamePatterns, stringCodePatterns } from './code-nodes.js';
import { memoizeByIdentity } from './memo.js';
import type { KakaoSettings } from './settings.js';

/**
 * False only when no search of the file's text can answer true and the file is not generated
 * (test/rules/mention-prefilter.test.ts holds each of them to it).
 */
export const mentionPrefilter = memoizeByIdentity((settings: KakaoSettings): ((text: string) => boolean) => {
  const sources = new Set([
    ...stringCodePatterns(settings.index),
    ...enumNamePatterns(settings.enumNames),
    ...sourceScanPatterns(settings.index.spec),
    escapeRegExp(GENERATED_MARKER_START),
  ]);
  const pattern = new RegExp([...sources].join('|'), 'u');
  return (text) => pattern.test(text);
});

/** See the header: longer texts go to the searches without the prefilter. */
export const PREFILTER_MAX_LENGTH = 32_768;

/** False only when no search of `text` can answer true and it is not generated; true, without a pass, for a long text. */
export function mayMentionAnything(settings: KakaoSettings, text: string): boolean {
  return text.length > PREFILTER_MAX_LENGTH || mentionPrefilter(settings)(text);
}
