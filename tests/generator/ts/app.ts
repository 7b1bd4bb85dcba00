// A TypeScript program using generated typings: compiled with tsc --strict, then run under Node.
import lang3 = require('./out/commons-lang3-3.20.0');
import guava = require('./out/guava-33.8.0-jre');

declare const console: { log(line: string): void }; // no @types/node needed

const { StringUtils, ArrayUtils } = lang3.org.apache.commons.lang3;
const { ImmutableList, Lists } = guava.com.google.common.collect;
const { Joiner, Strings } = guava.com.google.common.base;
const { Futures } = guava.com.google.common.util.concurrent;

const abbreviated: string = StringUtils.abbreviate('node-api-java', 8);
const padded: string = StringUtils.leftPad('7', 3, '0');
const parts: string[] = StringUtils.split('x,y,z', ',');
const bytes: Uint8Array = ArrayUtils.addAll(new Int8Array([1, 2]), 3); // a Buffer at run time
const list: guava.com.google.common.collect.ImmutableList<string> = ImmutableList.of('a', 'b', 'c');
const first: string = list.get(0);
const joined: string = Joiner.on(', ').join(list);
const repeated: string = Strings.repeat('ab', 3);
const size: number = Lists.newArrayList(list).size();
const isList: boolean = list instanceof guava.java.util.List;
const glue = (lang3 as unknown as { import(name: string): { stats(): Int32Array } }).import('dev.napijava.bridge.glue.GlueRegistry');

// A JS function where Java expects an interface (guava's Function): typed by the SAM's parameter and result.
const lengths: guava.java.util.List<number> = Lists.transform(list, (s: string) => s.length);
const lengthsSeen: number[] = [lengths.get(0), lengths.get(2)];

async function main(): Promise<void> {
  // nameAsync: the same overloads, resolving with the converted result (void: null).
  const abbreviatedAsync: string = await StringUtils.abbreviateAsync('node-api-java', 8);
  const cleared: null = await Lists.newArrayList(list).clearAsync();
  // A Future parameter takes a JS promise; a Future result is a promise (here of the callback's result).
  const fromFuture: number = await Futures.lazyTransform(Promise.resolve('four'), (s) => s.length * 10);
  console.log(JSON.stringify({
    abbreviated, padded, parts, bytes: Array.from(bytes), first, joined, repeated, size, isList,
    lengthsSeen, abbreviatedAsync, cleared, fromFuture,
    glue: Array.from(glue.stats()),
  }));
}

main().catch((e: unknown) => { console.log(String(e)); throw e; });
