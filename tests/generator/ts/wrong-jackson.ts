// Mistakes a user makes with the jackson-databind typings, one per marked line: tsc must report exactly those lines.
import jvm = require('./out/jackson-databind-2.18.2');
const { ObjectMapper, SerializationFeature, DeserializationFeature, JsonNode } = jvm.com.fasterxml.jackson.databind;
const { ObjectNode, JsonNodeFactory } = jvm.com.fasterxml.jackson.databind.node;
const mapper = new ObjectMapper();
const a: number = mapper.writeValueAsString({ a: 1 }); // error: 1
mapper.readTree(42); // error: 2
const t = mapper.readTree('{"a":1}');
const x: string = t.get('a'); // error: 3
t.get('a').asInt('x'); // error: 4
const i: string = t.get('a').asInt(); // error: 5
t.path(1).asText().nope(); // error: 6
mapper.enable('INDENT_OUTPUT'); // error: 7
mapper.configure(SerializationFeature.INDENT_OUTPUT, 'yes'); // error: 8
mapper.configure(DeserializationFeature.NOPE, true); // error: 9
const o = mapper.createObjectNode();
o.put('k', { v: 1 }); // error: 10
o.put(1, 'v'); // error: 11
const f: boolean = o.size(); // error: 12
o.set('child', 'text'); // error: 13
JsonNodeFactory.instance.textNode(5); // error: 14
mapper.readValue('{}', 'java.util.Map'); // error: 15
mapper.convertValue({ a: 1 }); // error: 16
const arr = mapper.createArrayNode();
arr.add(o).add(1).add('s').add(true).addNope(); // error: 17
for (const n of t) { const s: number = n; void s; } // error: 18
mapper.writerWithDefaultPrettyPrinter().writeValueAsString(); // error: 19
new ObjectNode(); // error: 20
const isObj: string = t.isObject(); // error: 21
mapper.readValue('[]', jvm.java.util.List).push(1); // error: 22
void a; void x; void i; void f; void isObj; void JsonNode;
