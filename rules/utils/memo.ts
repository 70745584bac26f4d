/**
 * Caches of what is derived from an object once (a spec's endpoint table, an options array's
 * compiled form), asked for by every rule of every file: the last two objects asked about are
 * answered before the WeakMap is looked up, as most runs ask about the same few objects over and
 * over, some in turn (the rules of a file ask about the spec's codes and its deprecated codes).
 */
export function memoizeByIdentity<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const cache = new WeakMap<Key, Value>();
  let lastKey: Key | undefined;
  let lastValue: Value | undefined;
  let previousKey: Key | undefined;
  let previousValue: Value | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as Value;
    let value: Value | undefined;
    if (key === previousKey) value = previousValue;
    else {
      value = cache.get(key);
      if (value === undefined && !cache.has(key)) {
        value = compute(key);
        cache.set(key, value);
      }
    }
    previousKey = lastKey;
    previousValue = lastValue;
    lastKey = key;
    lastValue = value;
    return value as Value;
  };
}

/**
 * Whether two arrays hold the same values, element by element (`===`). ESLint builds each file's
 * options array anew from the same configured objects, so this answers most per-file cache checks
 * before any deeper comparison.
 */
export function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
