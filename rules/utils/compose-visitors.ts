/**
 * Combines rule listeners: each selector's handlers run in the order given, so a rule can build its
 * visitor from independent parts (as eslint-plugin-regexp's `compositingVisitors`) without one part
 * chaining another's handler by hand.
 */
import type { TSESLint } from '@typescript-eslint/utils';

type Handler = (node: never) => void;

export function composeVisitors(...parts: readonly (TSESLint.RuleListener | undefined)[]): TSESLint.RuleListener {
  // Rules pass `undefined` for a part a file does not need: most files get one part or none, and
  // then nothing is composed. This runs for every file, mostly before V8 has optimised it: loops
  // over indices, as for-of makes an iterator and calls it per part.
  let count = 0;
  let last: TSESLint.RuleListener | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part) {
      count++;
      last = part;
    }
  }
  if (count <= 1) return last ?? {};
  // Plain assignment, not a map of lists: parts seldom share a selector.
  const composed: Record<string, Handler> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part) continue;
    for (const selector in part) {
      const handler = (part as Record<string, Handler | undefined>)[selector];
      if (!handler) continue;
      const earlier = composed[selector];
      composed[selector] = earlier
        ? (node) => {
            earlier(node);
            handler(node);
          }
        : handler;
    }
  }
  return composed;
}
