// Word-level memoisation. A corpus uses a few tens of thousands of distinct
// words, each many thousands of times, so a pure function of one word is
// best computed once per word. The caches are module-level and bounded: when
// one grows past its limit it is emptied and fills again. The functions
// memoised are pure, so a result never depends on what was asked before.

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
