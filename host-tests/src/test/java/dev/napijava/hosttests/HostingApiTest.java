package dev.napijava.hosttests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.JSArray;
import dev.napijava.JSException;
import dev.napijava.JSObject;
import dev.napijava.JSValue;
import dev.napijava.NodejsEnvironment;
import dev.napijava.NodejsPlatform;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Java hosts Node, the seed's API in full (issue 13): the global object as a module, ES-module-only
 * packages (marked 16), JS values built from Java (ajv with a schema from a Java Map), proxies
 * returning JS values, getters and setters, Java null as a JS default, the inspector. Real npm
 * packages (marked, ajv, luxon) installed into target/app-api by the test setup.
 */
class HostingApiTest {
    static NodejsEnvironment nodejs;
    static Path app;

    /** The seed's very first example: the global console as an interface. */
    public interface IConsole {
        void log(String s);
    }

    /** luxon's DateTime class: its static methods, a JS function with methods. */
    public interface DateTimeStatics {
        JSValue fromISO(String iso, Object options);

        Object fromMillis(double millis, Object options);
    }

    /** A JS object through an interface: methods returning JS values, getters and setters. */
    public interface Item {
        JSValue pair(Object o);

        Object wrap(Object o);

        Object plain();

        String name();

        String getTitle();

        boolean isDone();

        void setTitle(String title);

        JSArray tags();
    }

    public interface Defaults {
        String withDefault(String a, String b);

        String declared(String a, String b);
    }

    public interface BytesSink {
        String describe(byte[] bytes);
    }

    @BeforeAll
    static void setUp() throws Exception {
        Path libnode = Libnode.path();
        app = Paths.get(System.getProperty("napi.java.testApp", "target/app")).toAbsolutePath().resolveSibling("app-api");
        NodeHostingTest.npmInstall(app, "marked@16", "ajv@8", "luxon@3"); // marked 16: ES modules only
        Files.writeString(app.resolve("item.js"), String.join("\n",
                "module.exports = {",
                "  pair(o) { return [o, 1]; },",
                "  wrap(o) { return { value: o }; },",
                "  plain() { return { a: 1, list: [1, 2] }; },",
                "  name: 'the name',",
                "  title: 'first',",
                "  done: true,",
                "  tags() { return ['x', 'y']; },",
                "};",
                ""));
        Files.writeString(app.resolve("defaults.js"), String.join("\n",
                "exports.withDefault = (a, b = 'default') => a + ':' + b;",
                "exports.declared = (a, b) => a + ':' + (b === null ? 'null' : typeof b);",
                "exports.describe = (bytes) => (Buffer.isBuffer(bytes) ? 'Buffer ' : 'not a Buffer ') + [...bytes].join(',');",
                ""));
        NodejsPlatform platform = NodejsPlatform.current() != null ? NodejsPlatform.current() : new NodejsPlatform(libnode);
        nodejs = platform.createEnvironment(app, new NodejsEnvironment.Options().inspect(0));
    }

    @AfterAll
    static void tearDown() {
        if (nodejs != null) {
            nodejs.close();
        }
    }

    @Test
    void theGlobalObjectIsAModuleNamedGlobalOrNull() {
        IConsole console = nodejs.importModule(IConsole.class, "global", "console");
        console.log("node-api-java: the seed's first example"); // through the interface, from a test thread
        IConsole also = nodejs.importModule(IConsole.class, null, "console");
        also.log("node-api-java: null is the global object too");
        assertTrue(nodejs.run(() -> nodejs.importModule("global").get("console").isObject()));
        assertTrue(nodejs.run(() -> nodejs.importModule(null).get("globalThis").isObject()));
        assertEquals("function", nodejs.run(() -> nodejs.eval("typeof console.log").asString()));
    }

    @Test
    void esModuleOnlyPackagesImportAsync() throws Exception {
        // marked 16 ships ES modules only: require() cannot load it
        assertThrows(JSException.class, () -> nodejs.run(() -> nodejs.importModule("marked")));
        JSValue ns = nodejs.importModuleAsync("marked").get(30, TimeUnit.SECONDS);
        assertEquals("<h1>Hi <em>ESM</em></h1>", nodejs.run(() -> ns.get("marked").call("# Hi *ESM*").asString().trim()));
        // the interface form: a property of the namespace
        IMarked marked = nodejs.importModuleAsync(IMarked.class, "marked", "marked").get(30, TimeUnit.SECONDS);
        assertEquals("<p><strong>b</strong></p>", marked.parse("**b**").trim());
        // dynamic import() inside evaluated code resolves from the base folder
        CompletableFuture<JSValue> viaEval = nodejs.run(() -> nodejs.eval(
                "import('marked').then((m) => m.marked.parse('`x`'))").asPromise().toFuture());
        assertEquals("<p><code>x</code></p>", viaEval.get(30, TimeUnit.SECONDS).asString().trim());
        // a CommonJS package through import(): its exports are the namespace's default
        JSValue luxon = nodejs.importModuleAsync("luxon").get(30, TimeUnit.SECONDS);
        assertTrue(nodejs.run(() -> luxon.get("DateTime").isFunction()));
        ExecutionCause missing = ExecutionCause.of(nodejs.importModuleAsync("no-such-package-x"));
        assertTrue(missing.message.contains("no-such-package-x"), missing.message);
    }

    public interface IMarked {
        String parse(String markdown);
    }

    record ExecutionCause(Throwable cause, String message) {
        static ExecutionCause of(CompletableFuture<?> f) {
            try {
                f.get(30, TimeUnit.SECONDS);
                return new ExecutionCause(null, "completed");
            } catch (Exception e) {
                Throwable c = e.getCause() != null ? e.getCause() : e;
                return new ExecutionCause(c, String.valueOf(c.getMessage()));
            }
        }
    }

    @Test
    void ajvValidatesWithASchemaBuiltFromAJavaMap() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of("name", Map.of("type", "string"), "age", Map.of("type", "integer", "minimum", 0)));
        schema.put("required", List.of("name", "age"));
        schema.put("additionalProperties", false);
        List<Object> results = nodejs.run(() -> {
            JSValue ajv = nodejs.importModule("ajv").get("default").construct();
            JSValue validate = ajv.callMethod("compile", JSValue.copyOf(schema));
            List<Object> out = new ArrayList<>();
            out.add(validate.call(JSValue.copyOf(Map.of("name", "Ada", "age", 36))).asBoolean());
            out.add(validate.call(JSValue.copyOf(Map.of("name", "Ada", "age", -1))).asBoolean());
            out.add(validate.get("errors").get(0).get("message").asString());
            JSObject built = JSObject.create(Map.of("name", "Bob"));
            built.set("age", 7);
            out.add(validate.call(built).asBoolean());
            out.add(validate.call(JSObject.create()).asBoolean());
            return out;
        });
        assertEquals(List.of(true, false, "must be >= 0", true, false), results);
    }

    @Test
    void valuesBuiltFromJavaFollowTheMarshalingTable() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("n", 1);
        data.put("when", new java.util.Date(0));
        data.put("big", new BigInteger("123456789012345678901234567890"));
        data.put("nested", List.of(Map.of("k", "v")));
        List<String> seen = nodejs.run(() -> {
            JSValue describe = nodejs.eval("(v) => JSON.stringify(v, (k, x) => typeof x === 'bigint' ? x + 'n' : x)");
            JSValue kind = nodejs.eval("(v) => Object.prototype.toString.call(v) + (v instanceof Map ? ' Map' : '')");
            List<String> out = new ArrayList<>();
            out.add(describe.call(JSValue.copyOf(data)).asString()); // plain data, deeply
            out.add(kind.call(JSValue.copyOf(data)).asString());
            JSValue byReference = JSValue.from(data); // the live Java map
            out.add(byReference.callMethod("get", "n").asString());
            data.put("later", "seen");
            out.add(byReference.callMethod("get", "later").asString());
            out.add(JSArray.of(1, "two", null, true).callMethod("join", "|").asString());
            out.add(String.valueOf(JSArray.of().size()));
            out.add(describe.call(JSValue.copyOf(new String[] {"a", "b"})).asString() + " " + kind.call(JSValue.copyOf(new int[] {1, 2})).asString());
            out.add(describe.call(JSValue.copyOf(Map.of(1, "one"))).asString() + " " + kind.call(JSValue.copyOf(Map.of(1, "one"))).asString());
            return out;
        });
        assertEquals("{\"n\":1,\"when\":\"1970-01-01T00:00:00.000Z\",\"big\":\"123456789012345678901234567890n\",\"nested\":[{\"k\":\"v\"}]}",
                seen.get(0));
        assertEquals("[object Object]", seen.get(1));
        assertEquals(List.of("1", "seen", "1|two||true", "0", "[\"a\",\"b\"] [object Int32Array]"), seen.subList(2, 7));
        assertEquals("{} [object Map] Map", seen.get(7), "non-String keys: a JS Map");
    }

    @Test
    void proxyMethodsReturnJsValuesObjectsAndPlainData() {
        Item item = nodejs.run(() -> nodejs.importModule("./item.js").as(Item.class));
        assertEquals("x,1", nodejs.run(() -> item.pair("x").asString()));
        Object wrapped = item.wrap(5);
        assertInstanceOf(Map.class, wrapped, "a plain object for Object: a Map (the values table)");
        assertEquals(Map.of("value", 5), wrapped);
        Map<?, ?> plain = (Map<?, ?>) item.plain();
        assertEquals(1, plain.get("a"));
        assertArrayEquals(new Object[] {1, 2}, (Object[]) plain.get("list"), "a JS array for Object: an Object[]");
        assertEquals(2, nodejs.run(() -> item.tags().size()));
        // getters and setters: a JS object without the function reads and writes the property
        assertEquals("the name", item.name());
        assertEquals("first", item.getTitle());
        assertTrue(item.isDone());
        item.setTitle("second");
        assertEquals("second", item.getTitle());
        assertEquals("second", nodejs.run(() -> nodejs.importModule("./item.js").get("title").asString()));
    }

    @Test
    void luxonThroughAnInterfaceJavaNullIsAJsDefault() {
        DateTimeStatics dateTime = nodejs.importModule(DateTimeStatics.class, "luxon", "DateTime");
        // fromISO(text, opts = {}): Java's null for opts lets the JS default apply
        JSValue parsed = dateTime.fromISO("2024-02-03T04:05:06Z", null);
        assertEquals("2024-02-03T04:05:06.000Z", nodejs.run(() -> parsed.callMethod("toUTC").callMethod("toISO").asString()));
        assertTrue(nodejs.run(() -> parsed.get("isValid").asBoolean()));
        // an Object result that has no Java form (a DateTime instance) is the JS value itself
        Object fromMillis = dateTime.fromMillis(0, null);
        assertInstanceOf(JSValue.class, fromMillis);
        assertEquals(1970, nodejs.run(() -> ((JSValue) fromMillis).callMethod("toUTC").get("year").asInt()));
        Defaults defaults = nodejs.importModule(Defaults.class, "./defaults.js", null);
        assertEquals("a:default", defaults.withDefault("a", null), "beyond the declared parameters: left out");
        assertEquals("a:null", defaults.declared("a", null), "a declared parameter sees JS null");
        assertEquals("a:undefined", nodejs.run(() -> nodejs.importModule("./defaults.js").callMethod("declared", "a", JSValue.UNDEFINED).asString()));
        assertEquals("a:null", nodejs.run(() -> nodejs.importModule("./defaults.js").callMethod("declared", "a", null).asString()),
                "the JSValue API passes what it is given");
    }

    @Test
    void bytesAreBuffersAndBigNumbersKeepTheirValue() {
        BytesSink sink = nodejs.importModule(BytesSink.class, "./defaults.js", null);
        assertEquals("Buffer 1,2,255", sink.describe(new byte[] {1, 2, (byte) 255}));
        Object unsigned = nodejs.run(() -> nodejs.eval("2n ** 64n - 1n").as(Object.class));
        assertEquals(new BigInteger("18446744073709551615"), unsigned);
        assertEquals(42L, nodejs.run(() -> nodejs.eval("42n").as(Object.class)));
        ArithmeticException tooBig = assertThrows(ArithmeticException.class, () -> nodejs.run(() -> nodejs.eval("2n ** 64n - 1n").asLong()));
        assertTrue(tooBig.getMessage().contains("18446744073709551615") && tooBig.getMessage().contains("toBigInteger"), tooBig.getMessage());
        ArithmeticException fraction = assertThrows(ArithmeticException.class, () -> nodejs.run(() -> nodejs.eval("1.5").asLong()));
        assertTrue(fraction.getMessage().contains("1.5"), fraction.getMessage());
        assertEquals(-7L, nodejs.run(() -> nodejs.eval("-7").asLong()));
    }

    @Test
    void jsValuesHeldByJavaAreCounted() throws Exception {
        long before = nodejs.heldJSValueCount();
        List<JSValue> held = nodejs.run(() -> {
            List<JSValue> out = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                out.add(nodejs.eval("({ i: " + i + " })"));
            }
            return out;
        });
        assertTrue(nodejs.heldJSValueCount() >= before + 200, nodejs.heldJSValueCount() + " held, " + before + " before");
        held.clear();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (nodejs.heldJSValueCount() >= before + 200 && System.nanoTime() < deadline) {
            System.gc();
            nodejs.run(() -> null); // the releases run on the JS thread
            Thread.sleep(50);
        }
        assertTrue(nodejs.heldJSValueCount() < before + 200, "released after GC: " + nodejs.heldJSValueCount());
    }

    @Test
    void theInspectorAnswersTheDevToolsProtocol() throws Exception {
        String url = nodejs.inspectorUrl();
        assertTrue(url.startsWith("ws://127.0.0.1:"), url);
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String message = text.toString();
                    text.setLength(0);
                    if (message.contains("\"id\":1")) {
                        reply.complete(message);
                    }
                }
                socket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        nodejs.run(() -> nodejs.eval("globalThis.inspected = 2"));
        ws.sendText("{\"id\":1,\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":\"6 * 7 - globalThis.inspected + 2\"}}", true);
        String message = reply.get(20, TimeUnit.SECONDS);
        assertTrue(message.contains("\"value\":42"), message);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        // one inspector per process
        IllegalStateException second = assertThrows(IllegalStateException.class,
                () -> NodejsPlatform.current().createEnvironment(app, new NodejsEnvironment.Options().inspect(0)));
        assertTrue(second.getMessage().contains("inspector"), second.getMessage());
        NodejsEnvironment plain = NodejsPlatform.current().createEnvironment(app);
        try {
            assertThrows(IllegalStateException.class, plain::inspectorUrl);
            assertFalse(plain.isClosed());
        } finally {
            plain.close();
        }
    }
}
