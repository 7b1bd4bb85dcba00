// Caffeine (JSpecify-annotated) through the generated typings: a LoadingCache whose CacheLoader is a
// JS object literal (its methods' parameters typed from the Java interface under --strict), bulk
// loads, stats and a manual cache with a mapping function; prints JSON on the last line.
import jvm = require('./out/caffeine-3.2.2');

const { Caffeine } = jvm.com.github.benmanes.caffeine.cache;
const loads: string[] = [];
const cache = Caffeine.newBuilder().maximumSize(100).recordStats().build<string, number>({
  load(key) {
    loads.push(key);
    return key.length;
  },
  loadAll(keys) {
    const out = new Map<string, number>();
    for (const k of keys) out.set(k, k.length * 10);
    return out;
  },
});
const first = cache.get('hello');
const again = cache.get('hello');
const bulk = cache.getAll(['ab', 'abc']);
const manual = Caffeine.newBuilder().build<string, string>();
const computed = manual.get('k', (k) => k.toUpperCase());
const missing = manual.getIfPresent('nope');
const stats = cache.stats();
console.log(JSON.stringify({
  first, again, loads, bulk: [bulk.get('ab'), bulk.get('abc')], computed, missing,
  hits: Number(stats.hitCount()), misses: Number(stats.missCount()), size: Number(cache.estimatedSize()),
}));
