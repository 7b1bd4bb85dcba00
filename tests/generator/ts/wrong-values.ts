// Must NOT type-check: each line with a trailing "error" comment is one tsc error (generator.test.js checks
// them line by line), a form of the marshaling table used the wrong way. The other lines must stay error-free.
import jvm = require('./out/jackson-databind-2.18.2');

const { ObjectMapper } = jvm.com.fasterxml.jackson.databind;
const mapper = new ObjectMapper();
const list = mapper.readValue('[1]', jvm.java.util.List);
const node = mapper.createObjectNode();

mapper.readValue('1', 42); // error: a number is no Class
mapper.readValue('1', { name: 'java.lang.Integer' }); // error: nor is a plain object
const n: number = mapper.readValue('5', jvm.java.lang.Long); // error: a Long is a bigint, not a number
const s: string = mapper.readValue('5', jvm.java.lang.Integer); // error: an Integer is a number
const d: string = mapper.readValue('0', jvm.java.util.Date); // error: a java.util.Date is a JS Date
for (const child of mapper.readTree('[1]')) { const text: string = child; } // error: a JsonNode iterates JsonNodes
const size: string = list.length; // error: a List's length is a number
list.length = 3; // error: and read-only
const isMap: number = mapper.readValue('{}', jvm.java.util.Map).length; // error: a Map has no length
node.retain(new globalThis.Map([['a', 1]])); // error: a Collection<String> takes an array or Set, not a Map
node.retain([1, 2]); // error: of strings
node.retain({ size() { return 0; } }); // error: a JS object never poses as a Collection
node.setAll(new globalThis.Map([[1, node]])); // error: a Map<String, JsonNode> has String keys
node.setAll({ a: 'text' }); // error: and JsonNode values
jvm.int('5'); // error: a box of a number
jvm.long(true); // error: a long box of a number or bigint
mapper.getNodeFactory().numberNode(jvm.int(2)).asText(); // right: an Integer box where an int is expected
mapper.writeValueAsString(Symbol('s')); // error: a symbol is no Java value
mapper.writeValueAsString(() => 1); // error: nor is a function where Java expects Object
jvm.configure({ asyncThreads: 'four' }); // error: the package's own ConfigureOptions (index.d.ts) types the root's API
const live: string = jvm.stats().liveObjects; // error: and its Stats
