// Deliberate type errors against the caffeine typings: tsc must report exactly the marked lines.
import jvm = require('./out/caffeine-3.2.2');

const { Caffeine } = jvm.com.github.benmanes.caffeine.cache;
const cache = Caffeine.newBuilder().build<string, number>((key) => key.length);
cache.get(42); // error: the keys are strings
const text: string = cache.get('x'); // error: the values are numbers
Caffeine.newBuilder().build<string, number>({ load(key) { return `${key}!`; } }); // error: load must return a number
Caffeine.newBuilder().build<string, number>((key: number) => key); // error: the loader takes a string key
Caffeine.newBuilder().build<string, number>({ load(key) { return key.length; }, loadAll(keys) { return keys.nope(); } }); // error: keys is a Java Set, typed
Caffeine.newBuilder().build<string, string>().get('k', (k) => k.length); // error: the mapping function must return a string
void text;
