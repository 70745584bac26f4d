/**
 * Combines rule listeners: each selector's handlers run in the order given, so a rule can build its
 * visitor from independent parts (as eslint-plugin-regexp's `compositingVisitors`) without one part
 * chaining another's handler by hand.
 */
import type { TSESLint } from '@typescript-eslint/utils';

type Handler = (node: never) => void;

export function composeVisitors(...parts: readonly (TSESLint.RuleListener | undefined)[]): TSESLint.RuleListener {
  // Rules pass `undefined` for a part a file does not need: most files get one part or none, and
  // then nothing is composed (this runs for every file).
  let count = 0;
  let last: TSESLint.RuleListener | undefined;
  for (const part of parts) {
    if (part) {
      count++;
      last = part;
    }
  }
  if (count <= 1) return last ?? {};
  const handlers = new Map<string, Handler[]>();
  for (const part of parts) {
    if (!part) continue;
    for (const [selector, handler] of Object.entries(part) as [string, Handler | undefined][]) {
      if (!handler) continue;
      const list = handlers.get(selector);
      if (list) list.push(handler);
      else handlers.set(selector, [handler]);
    }
  }
  const composed: Record<string, Handler> = {};
  for (const [selector, list] of handlers) {
    composed[selector] =
      list.length === 1
        ? list[0]!
        : (node) => {
            for (const handler of list) handler(node);
          };
  }
  return composed;
}
