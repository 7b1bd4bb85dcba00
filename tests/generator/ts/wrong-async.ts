// Must NOT type-check, one error per line 6-9: async results are promises, callbacks and futures are typed.
import lang3 = require('./out/commons-lang3-3.20.0');
import guava = require('./out/guava-33.8.0-jre');
const { ImmutableList, Lists } = guava.com.google.common.collect;

const notAwaited: string = lang3.org.apache.commons.lang3.StringUtils.abbreviateAsync('node-api-java', 8);
const upper: guava.java.util.List<number> = Lists.transform(ImmutableList.of('a', 'b'), (s: string) => s.toUpperCase());
const wrongResult: Promise<string> = guava.com.google.common.util.concurrent.Futures.lazyTransform(Promise.resolve('x'), (s: string) => s.length);
Lists.transform(ImmutableList.of('a', 'b'), (k: number) => 'str'); // a Function's parameter: any function has an apply, yet this one takes numbers
