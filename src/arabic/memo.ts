// Memoisation of pure functions. Per word: a corpus uses a few tens of
// thousands of distinct words, each many thousands of times, so a pure
// function of one word is best computed once per word; those caches are
// bounded: when one grows past its limit it is emptied and fills again. Per
// object (a document, an organisation): the result lives as long as the
// object does. The functions memoised are pure, so a result never depends
// on what was asked before. Per name and inputs (KeptWhileSame): a value the
// development server's next build would make again from the same objects.

/** The default number of entries a cache may hold before it is emptied. */
export const WORD_CACHE_LIMIT = 200_000;

/** `compute`, remembering its result per distinct argument (at most `limit` at a time). */
export function memoize<T>(compute: (word: string) => T, limit = WORD_CACHE_LIMIT): (word: string) => T {
  const cache = new Map<string, T>();
  return (word: string): T => {
    let value = cache.get(word);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(word);
      cache.set(word, value);
    }
    return value;
  };
}

/** `compute`, remembering its result per object for as long as the object lives. */
export function memoizeByObject<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const cache = new WeakMap<K, T>();
  return (key: K): T => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/** Whether two lists hold the same values, in order (Object.is: the same objects, not equal copies). */
export function sameValues(before: readonly unknown[], now: readonly unknown[]): boolean {
  return before.length === now.length && before.every((value, n) => Object.is(value, now[n]));
}

/**
 * The last value made under each name, made again only when its inputs are
 * not the same values (sameValues). For what every build makes from objects
 * that the next build mostly keeps: the archive keeps a document's object
 * until its file changes.
 */
export class KeptWhileSame<T> {
  #kept = new Map<string, { inputs: readonly unknown[]; value: T }>();

  get(name: string, inputs: readonly unknown[], make: () => T): T {
    const kept = this.#kept.get(name);
    if (kept && sameValues(kept.inputs, inputs)) return kept.value;
    const value = make();
    this.#kept.set(name, { inputs, value });
    return value;
  }
}
