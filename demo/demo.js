// The main demo: JS using the JDK and a real jar through node-api-java, in one process.
const jvm = require('node-api-java');

console.log(`JVM ${jvm.javaVersion} from ${jvm.javaHome}`);

// JDK classes as namespaces
const { ArrayList, HashMap } = jvm.java.util;
const list = new ArrayList();
for (const word of ['Node', 'and', 'Java', 'in', 'one', 'process', '🚀']) list.add(word);
jvm.java.util.Collections.sort(list);
console.log('sorted list:', String(list), 'size', list.size());

const counts = new HashMap();
for (const ch of 'mississippi') counts.put(ch, counts.getOrDefault(ch, 0) + 1);
console.log('letter counts:', counts.toString());

console.log('Math.max(3, 7) =', jvm.java.lang.Math.max(3, 7));
console.log('2^64 as BigInteger:', new jvm.java.math.BigInteger('2').pow(64).toString());
console.log('Long.MAX_VALUE:', jvm.java.lang.Long.MAX_VALUE, '(bigint: beyond 2^53)');

// A library from Maven Central: `npx napi-java add org.apache.commons:commons-lang3:3.14.0` put it in
// package.json and napi-java-lock.json; require('node-api-java') loaded it, no jvm.load needed
const { StringUtils, RandomStringUtils } = jvm.org.apache.commons.lang3;
console.log('abbreviate:', StringUtils.abbreviate('node-api-java brings Java libraries to Node', 24));
console.log('capitalize:', StringUtils.capitalize('jvm'), '| reverse:', StringUtils.reverse('avaj'));
console.log('random alphanumeric(8) length:', RandomStringUtils.randomAlphanumeric(8).length);

// Java exceptions are JS errors with both stacks
try {
  list.get(99);
} catch (err) {
  console.log(`caught ${err.name}: ${err.message}`);
  console.log(err.stack.split('\n').slice(0, 4).join('\n'));
}
