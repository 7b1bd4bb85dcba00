// A TypeScript program using the marshaling table's forms through generated typings (jackson-databind and the
// JDK types its API references): compiled with tsc --strict, then run under Node against the real bridge.
import jvm = require('./out/jackson-databind-2.18.2');

declare const console: { log(line: string): void };

const { ObjectMapper } = jvm.com.fasterxml.jackson.databind;
const { List, Map, Set } = jvm.java.util;
const mapper = new ObjectMapper();

// Class parameters take projected classes: readValue(json, Foo) is typed as Foo's JS value
const text: string = mapper.readValue('"héllo"', jvm.java.lang.String);
const big: bigint = mapper.readValue('12345678901234567', jvm.java.lang.Long); // a Long is a bigint
const when: Date = mapper.readValue('0', jvm.java.util.Date); // a java.util.Date is a JS Date
const list: jvm.java.util.List<jvm.$Out.java.lang.Object> = mapper.readValue('[1, "two", 3]', List);
const map = mapper.readValue('{"a": 1, "b": [true]}', Map);
const unique = mapper.readValue('["x", "y", "x"]', Set);

// Java iterables are JS iterables; a List is array-like (length, list[i] read and write)
const listLength: number = list.length;
const second = list[1];
list[3] = 'four';
const listItems = [...list].map(String);
const mapEntries: string[] = [];
for (const [k, v] of map) mapEntries.push(`${String(k)}=${String(v)}`);
const setSize: number = [...unique].length;

// a JsonNode is an Iterable<JsonNode>; fields() an Iterator of Map.Entry, each iterable as [key, value]
const tree = mapper.readTree('{"xs": [1, 2, 3], "name": "n", "big": 9007199254740993}');
let sum = 0;
for (const n of tree.get('xs')) sum += n.asInt();
const fieldNames: string[] = [...tree.fieldNames()]; // an Iterator<String>
const fields: string[] = [];
for (const [name, value] of tree.fields()) fields.push(`${String(name)}:${String(value)}`);
const streamed: string[] = [...list.stream()].map(String); // a Stream is iterable too
const bigLong = jvm.bigint(() => tree.get('big').asLong()); // every long a bigint inside jvm.bigint

// JS data where Java expects Object, Collection or Map: plain objects, arrays, JS Maps and Sets, Dates, bigints
const written: string = mapper.writeValueAsString({ a: 1, list: [1, 2], when: new Date(0), nested: new globalThis.Map([['k', 5n]]) });
const node = mapper.createObjectNode();
node.put('keep', 1).put('drop', 2).put('also', 3);
node.retain(['keep', 'also']); // Collection<String> from a JS array
node.setAll({ added: mapper.getNodeFactory().textNode('t') }); // Map<String, JsonNode> from a plain object
const array = node.putArray('arr');
array.addAll([mapper.getNodeFactory().numberNode(jvm.int(7))]); // a Java box where an int is expected
const converted = mapper.convertValue({ x: 1 }, Map); // Object from a plain object, Class from a projected class
const fromJavaArray: string = mapper.writeValueAsString(jvm.newArray('int', [1, 2, 3]));
const json: string = JSON.stringify({ list, map }); // toJSON: collections as JSON data

console.log(JSON.stringify({
  text, big: String(big), when: when.getTime(), listLength, second, listItems, mapEntries, setSize,
  sum, fieldNames, fields, streamed, bigLong: typeof bigLong, written, node: String(node), converted: String(converted),
  fromJavaArray, json, toJS: jvm.toJS(map),
}));
