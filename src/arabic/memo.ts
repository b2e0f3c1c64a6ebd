// Memoisation of pure functions. Per word: a corpus uses a few tens of
// thousands of distinct words, each many thousands of times, so a pure
// function of one word is best computed once per word; those caches are
// bounded: when one grows past its limit it is emptied and fills again. Per
// object (a document, an organisation): the result lives as long as the
// object does. The functions memoised are pure, so a result never depends
// on what was asked before.

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
