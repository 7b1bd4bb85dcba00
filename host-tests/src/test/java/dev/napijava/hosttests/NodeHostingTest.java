package dev.napijava.hosttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.JSArray;
import dev.napijava.JSException;
import dev.napijava.JSFunction;
import dev.napijava.JSInvalidThreadAccessException;
import dev.napijava.JSObject;
import dev.napijava.JSReference;
import dev.napijava.JSValue;
import dev.napijava.NodejsEnvironment;
import dev.napijava.NodejsPlatform;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Java hosts Node: real npm packages (marked, lodash) from a node_modules set up here. */
class NodeHostingTest {
    static NodejsEnvironment nodejs;
    static Path app;

    /** marked through an interface: parse(markdown) on the module object. */
    public interface Marked {
        String parse(String markdown);
    }

    public interface Lodash {
        String kebabCase(String s);

        String padStart(String s, int length, String chars);

        Object[] uniq(Object[] values);
    }

    public interface IConsole {
        void log(String s);
    }

    @BeforeAll
    static void setUp() throws Exception {
        Path libnode = Libnode.path();
        app = Paths.get(System.getProperty("napi.java.testApp", "target/app")).toAbsolutePath();
        installPackages(app);
        Files.writeString(app.resolve("helpers.js"), String.join("\n",
                "exports.fail = (what) => {",
                "  throw new RangeError('bad input: ' + what);",
                "};",
                "exports.later = (v, ms) => new Promise((resolve) => setTimeout(() => resolve(v * 2), ms));",
                "exports.laterFail = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('nope')), ms));",
                "exports.add = (a, b) => a + b;",
                ""));
        NodejsPlatform platform = NodejsPlatform.current() != null ? NodejsPlatform.current() : new NodejsPlatform(libnode);
        nodejs = platform.createEnvironment(app);
    }

    /** npm install marked and lodash into target/app (once; later runs reuse them). */
    static void installPackages(Path dir) throws IOException, InterruptedException {
        npmInstall(dir, "marked@12", "lodash@4");
    }

    /** npm install name@range... into dir (once: nothing when each package is there already). */
    static void npmInstall(Path dir, String... packages) throws IOException, InterruptedException {
        boolean all = true;
        for (String spec : packages) {
            all &= Files.isRegularFile(dir.resolve("node_modules").resolve(spec.substring(0, spec.lastIndexOf('@'))).resolve("package.json"));
        }
        if (all) {
            return;
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("package.json"), "{ \"name\": \"" + dir.getFileName() + "\", \"private\": true }\n");
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"));
        command.addAll(List.of(packages));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "npm install timed out");
        assertEquals(0, p.exitValue(), "npm install " + String.join(" ", packages) + " failed");
    }

    @AfterAll
    static void tearDown() {
        if (nodejs != null) {
            nodejs.close();
        }
    }

    @Test
    void markedAsJSValue() {
        String html = nodejs.run(() -> nodejs.importModule("marked").callMethod("parse", "# Hello *Java*").asString());
        assertEquals("<h1>Hello <em>Java</em></h1>", html.trim());
        JSValue version = nodejs.run(() -> nodejs.importModule("marked", "marked"));
        assertTrue(version.isFunction());
    }

    @Test
    void markedThroughAnInterfaceFromAnyThread() throws Exception {
        Marked marked = nodejs.importModule(Marked.class, "marked", null);
        assertEquals("<p><strong>bold</strong></p>", marked.parse("**bold**").trim());
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> marked.parse("`code`"));
        assertEquals("<p><code>code</code></p>", other.get(10, TimeUnit.SECONDS).trim());
    }

    @Test
    void lodashAsJSValueAndInterface() {
        List<Object> chunks = nodejs.run(() -> {
            JSValue lodash = nodejs.importModule("lodash");
            JSArray result = lodash.callMethod("chunk", nodejs.eval("[1, 2, 3, 4, 5]"), 2).asArray();
            assertEquals(3, result.size());
            assertEquals("fooBar", lodash.callMethod("camelCase", "Foo Bar").asString());
            List<Object> sizes = new ArrayList<>();
            for (JSValue c : result.toList()) {
                sizes.add(c.asArray().size());
            }
            return sizes;
        });
        assertEquals(List.of(2, 2, 1), chunks);
        Lodash lodash = nodejs.importModule(Lodash.class, "lodash", null);
        assertEquals("hello-big-world", lodash.kebabCase("helloBigWorld"));
        assertEquals("__7", lodash.padStart("7", 3, "_"));
        assertEquals(List.of("a", "b"), List.of(lodash.uniq(new Object[] {"a", "b", "a"})));
    }

    /** JSFunction.call's fast path: every argument kind and primitive result kind converts as before. */
    @Test
    void callConvertsEveryArgumentAndResultKind() {
        nodejs.run(() -> {
            JSFunction describe = nodejs.eval("(...a) => a.map((v) => v === null ? 'null' : typeof v + ':' + String(v)).join(',')").asFunction();
            JSValue obj = nodejs.eval("({ k: 1 })");
            ArrayList<String> javaList = new ArrayList<>(List.of("j"));
            // a Long is a bigint whatever its size, as everywhere (README "Marshaling"); a Java List a List
            assertEquals("number:1,number:2.5,string:s\u00e9\ud83c\udf0d,boolean:true,null,bigint:9007199254740991,"
                            + "bigint:9007199254740993,number:-3,number:7,number:1.5,string:c,object:[object Object],object:[j]",
                    describe.call(1, 2.5, "s\u00e9\ud83c\udf0d", true, null, 9007199254740991L, 9007199254740993L, (short) -3, (byte) 7,
                            1.5f, 'c', obj, javaList).asString());
            JSFunction echo = nodejs.eval("(v) => v").asFunction();
            assertEquals(3.25, echo.call(3.25).asDouble());
            assertTrue(echo.call(true).asBoolean());
            assertFalse(echo.call(false).asBoolean());
            assertTrue(echo.call((Object) null).isNull());
            assertTrue(nodejs.eval("() => undefined").asFunction().call().isUndefined());
            assertEquals("str", echo.call("str").asString());
            assertEquals(obj.get("k").asInt(), echo.call(obj).get("k").asInt());
            assertEquals(javaList, echo.call(javaList).as(Object.class));
            Object[] many = new Object[20];
            for (int i = 0; i < many.length; i++) many[i] = i;
            assertEquals(190, nodejs.eval("(...a) => a.reduce((x, y) => x + y, 0)").asFunction().call(many).asInt());
            // re-entrant: JS called from Java calls Java that calls JS again
            JSFunction outer = nodejs.eval("(f, x) => f.applyAsInt(x) + 1").asFunction();
            assertEquals(11, outer.call((java.util.function.IntUnaryOperator) (x) -> echo.call(x * 2).asInt(), 5).asInt());
            JSValue methods = nodejs.eval("({ twice(x) { return x * this.k; }, k: 2, s: 'str' })");
            assertEquals(8, methods.callMethod("twice", 4).asInt());
            assertThrows(JSException.class, () -> methods.callMethod("s"));
            assertThrows(JSException.class, () -> methods.callMethod("missing", 1));
            return null;
        });
    }

    /** A Java -> JS call's callback into Java calls JS again, nested deeper than the fast call's frames
     *  (JSValueNatives.callFast): each level's arguments and result survive the calls nested inside it. */
    public interface Level {
        Object enter(int depth);
    }

    @Test
    void nestedReentrantCallsKeepTheirArgumentsAndResults() {
        nodejs.run(() -> {
            // the callback runs first, then the level reads its own arguments
            JSFunction level = nodejs.eval("(cb, depth, x, s, flag, o) => { const inner = depth > 0 ? cb.enter(depth - 1) : null;"
                    + " return depth === 0 ? x * 2 : depth + ':' + x + ':' + s + ':' + flag + ':' + o.k + '|' + inner; }").asFunction();
            JSValue obj = nodejs.eval("({ k: 'obj' })");
            Level[] self = new Level[1];
            self[0] = depth -> {
                JSValue r = level.call(self[0], depth, depth * 1.5, "s" + depth, depth % 2 == 0, obj);
                // read back only after the nested calls returned: a number at the bottom, a string above
                return depth == 0 ? (Object) r.asDouble() : r.asString();
            };
            StringBuilder expected = new StringBuilder();
            for (int d = 12; d > 0; d--) {
                expected.append(d).append(':').append(jsNumber(d * 1.5)).append(":s").append(d).append(':')
                        .append(d % 2 == 0).append(":obj|");
            }
            expected.append('0');
            assertEquals(expected.toString(), self[0].enter(12));
            // a primitive result read after a nested call at every level
            JSFunction sum = nodejs.eval("(cb, n) => n === 0 ? 0 : n + cb.applyAsInt(n - 1)").asFunction();
            java.util.function.IntUnaryOperator[] down = new java.util.function.IntUnaryOperator[1];
            down[0] = n -> sum.call(down[0], n).asInt();
            assertEquals(20 * 21 / 2, down[0].applyAsInt(20));
            return null;
        });
    }

    /** Every primitive return type of an interface proxy (JS values converted by the declared type). */
    public interface Primitives {
        boolean z();

        byte b();

        char c();

        short s();

        int i();

        long j();

        long big();

        float f();

        double d();

        void v();

        String str();

        Integer boxed();

        byte tooBig();
    }

    /** Java's side of a nested proxy call: calls back into the JS function through its proxy. */
    public interface Down {
        int down(int n);
    }

    @Test
    void proxiesConvertResultsByTheDeclaredTypeNestedOrNot() throws Exception {
        String js = "({ z: () => true, b: () => -7, c: () => '\u00e9', s: () => -300, i: () => 123456, j: () => 9007199254740991,"
                + " big: () => 1234567890123456789n, f: () => 1.5, d: () => 0.1, v: () => 42, str: () => null, boxed: () => 5,"
                + " tooBig: () => 300 })";
        Primitives p = nodejs.run(() -> nodejs.eval(js).as(Primitives.class));
        for (int round = 0; round < 2; round++) { // on the JS thread, then from this thread (queued)
            java.util.function.Supplier<String> all = () -> p.z() + " " + p.b() + " " + p.c() + " " + p.s() + " " + p.i() + " " + p.j()
                    + " " + p.big() + " " + p.f() + " " + p.d() + " " + p.str() + " " + p.boxed();
            String got = round == 0 ? nodejs.run(() -> {
                p.v();
                return all.get();
            }) : all.get();
            assertEquals("true -7 \u00e9 -300 123456 9007199254740991 1234567890123456789 1.5 0.1 null 5", got);
            if (round == 0) {
                assertThrows(JSException.class, () -> nodejs.run(p::tooBig));
            } else {
                assertThrows(JSException.class, p::tooBig);
            }
        }
        // a proxy call whose JS calls Java that calls the proxy again, deeper than the fast call's frames
        int sum = nodejs.run(() -> {
            Down[] self = new Down[1];
            JSValue javaSide = JSValue.from((Down) n -> self[0].down(n));
            self[0] = nodejs.eval("(side) => function f(n) { return n <= 0 ? 0 : n + side.down(n - 1); }").asFunction()
                    .call(javaSide).as(Down.class);
            return self[0].down(20);
        });
        assertEquals(20 * 21 / 2, sum);
    }

    @Test
    void numbersAsJSValuesKeepTheirValueBothWays() {
        nodejs.run(() -> {
            JSFunction describe = nodejs.eval("(v) => typeof v + ':' + (Object.is(v, -0) ? '-0' : String(v))").asFunction();
            JSFunction echo = nodejs.eval("(v) => v").asFunction();
            for (double d : new double[] {0, -0.0, 1.5, -3, Double.NaN, Double.POSITIVE_INFINITY, 9007199254740993.0}) {
                JSValue made = JSValue.of(d);
                JSValue back = echo.call(made); // a number result read from the fast call's slots
                assertEquals(describe.call(d).asString(), describe.call(made).asString());
                assertEquals(describe.call(d).asString(), describe.call(back).asString());
                assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(back.asDouble()));
                assertEquals(made, back);
                assertEquals(made.hashCode(), back.hashCode());
                assertEquals(d == 0 || Double.isNaN(d) ? false : true, back.asBoolean());
                assertEquals(Double.valueOf(d), back.as(Double.class));
                assertEquals(Double.valueOf(d), back.as(Number.class));
            }
            assertEquals("3", JSValue.of(3).toString());
            assertEquals("0.1", echo.call(0.1).asString());
            assertFalse(JSValue.of(0.0).equals(JSValue.of(-0.0))); // as Double.equals
            assertEquals(JSValue.of(Double.NaN), JSValue.of(Double.NaN));
            assertEquals(7, echo.call(7).as(Object.class)); // the marshaler's Object: an integral number is an Integer
            assertEquals(12, nodejs.eval("(o) => o.n * 2").asFunction().call(JSValue.copyOf(java.util.Map.of("n", JSValue.of(6)))).asInt());
            return null;
        });
    }

    private static String jsNumber(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Test
    void consoleLogThroughInterface() {
        IConsole console = nodejs.importModule(IConsole.class, "console", null);
        // what console.log writes, seen on process.stdout (and still written there)
        nodejs.run(() -> nodejs.eval("globalThis.__logged = []; globalThis.__write = process.stdout.write;"
                + "process.stdout.write = function (chunk, ...rest) { __logged.push(String(chunk)); return __write.call(this, chunk, ...rest); };"));
        try {
            console.log("hello from Java through console.log"); // from this (non-JS) thread: through the queue
            assertEquals("hello from Java through console.log\n",
                    nodejs.run(() -> nodejs.eval("__logged.join('')").asString()));
        } finally {
            nodejs.run(() -> nodejs.eval("process.stdout.write = __write; delete globalThis.__write; delete globalThis.__logged;"));
        }
    }

    @Test
    void jsErrorsArriveWithJsAndJavaFrames() {
        JSException e = assertThrows(JSException.class,
                () -> nodejs.run(() -> nodejs.importModule("./helpers").callMethod("fail", "x")));
        assertEquals("bad input: x", e.getMessage());
        assertEquals("RangeError", e.getJsName());
        StackTraceElement top = e.getStackTrace()[0];
        assertEquals("<js>", top.getClassName());
        assertTrue(top.getFileName().endsWith("helpers.js"), top.toString());
        assertEquals(2, top.getLineNumber());
        boolean javaFrame = false;
        for (StackTraceElement f : e.getStackTrace()) {
            javaFrame |= f.getClassName().startsWith(NodeHostingTest.class.getName());
        }
        assertTrue(javaFrame, "Java frames follow the JS frames");
        // the environment keeps working after a JS exception
        assertEquals(3, nodejs.run(() -> nodejs.eval("1 + 2").asInt()));
    }

    @Test
    void promisesAreAwaitedFromJava() throws Exception {
        CompletableFuture<JSValue> f = nodejs.run(() -> nodejs.importModule("./helpers").callMethod("later", 21, 20).asPromise().toFuture());
        assertEquals(42, f.get(10, TimeUnit.SECONDS).asInt());
        CompletableFuture<JSValue> rejected = nodejs.run(() -> nodejs.importModule("./helpers").callMethod("laterFail", 5).asPromise().toFuture());
        ExecutionException e = assertThrows(ExecutionException.class, () -> rejected.get(10, TimeUnit.SECONDS));
        assertInstanceOf(JSException.class, e.getCause());
        assertEquals("nope", e.getCause().getMessage());
    }

    @Test
    void timersFireBetweenCalls() throws Exception {
        nodejs.run(() -> nodejs.eval("globalThis.ticks = 0; globalThis.tickTimer = setInterval(() => globalThis.ticks++, 5)"));
        Thread.sleep(200);
        int ticks = nodejs.run(() -> nodejs.eval("clearInterval(tickTimer); ticks").asInt());
        assertTrue(ticks >= 5, "ticks: " + ticks);
        CompletableFuture<String> fromTimeout = new CompletableFuture<>();
        nodejs.post(() -> nodejs.eval("(cb) => setTimeout(() => cb.accept('fired'), 10)").call(
                (java.util.function.Consumer<String>) fromTimeout::complete));
        assertEquals("fired", fromTimeout.get(10, TimeUnit.SECONDS));
        assertEquals(7, nodejs.runAsync(() -> nodejs.eval("3 + 4").asInt()).get(10, TimeUnit.SECONDS));
    }

    @Test
    void wrongThreadAccessThrows() {
        JSValue obj = nodejs.run(() -> nodejs.eval("({ a: 1, f() { return 2; } })"));
        JSInvalidThreadAccessException e = assertThrows(JSInvalidThreadAccessException.class, () -> obj.get("a"));
        assertTrue(e.getMessage().contains("NodejsEnvironment.run"), e.getMessage());
        assertThrows(JSInvalidThreadAccessException.class, () -> obj.callMethod("f"));
        assertThrows(JSInvalidThreadAccessException.class, () -> nodejs.importModule("lodash"));
        JSReference ref = obj.reference();
        assertThrows(JSInvalidThreadAccessException.class, ref::get);
        assertEquals(2, nodejs.run(() -> ref.get().callMethod("f").asInt()));
        assertEquals("[JS object (JSObject)]", obj.toString());
    }

    @Test
    void typedViews() {
        nodejs.run(() -> {
            JSObject o = nodejs.eval("({ n: 1.5, s: 'héllo 🌍', b: true, nul: null })").asObject();
            assertEquals(1.5, o.get("n").asDouble());
            assertEquals("héllo 🌍", o.get("s").asString());
            assertTrue(o.get("b").asBoolean());
            assertTrue(o.get("nul").isNull());
            assertTrue(o.get("missing").isUndefined());
            o.set("added", 5);
            assertEquals(List.of("n", "s", "b", "nul", "added"), o.keys());

            var map = nodejs.eval("new Map([['k', 1]])").asMap();
            map.put("j", 2);
            assertEquals(2, map.size());
            assertEquals(1, map.getValue("k").asInt());
            var set = nodejs.eval("new Set([1, 2])").asSet();
            set.add(3);
            assertTrue(set.contains(3.0));
            assertEquals(Instant.ofEpochMilli(86_400_000L), nodejs.eval("new Date(86400000)").asDate().toInstant());
            assertEquals(new BigInteger("123456789012345678901234567890"),
                    nodejs.eval("123456789012345678901234567890n").asBigInt().toBigInteger());
            assertEquals("tag", nodejs.eval("Symbol('tag')").asSymbol().getDescription());
            var err = nodejs.eval("new TypeError('t')").asError();
            assertEquals("TypeError", err.getName());
            assertEquals("t", err.toException().getMessage());

            // ArrayBuffer / typed array / Buffer: ByteBuffer views over the same memory
            var u8 = nodejs.eval("globalThis.u8 = new Uint8Array(8); u8").asTypedArray();
            ByteBuffer bb = u8.byteBuffer();
            bb.put(0, (byte) 7);
            assertEquals(7, nodejs.eval("u8[0]").asInt());
            nodejs.eval("u8[1] = 9");
            assertEquals(9, bb.get(1));
            var buf = nodejs.eval("Buffer.from('abc')").asTypedArray();
            ByteBuffer b2 = buf.byteBuffer();
            byte[] bytes = new byte[b2.remaining()];
            b2.get(bytes);
            assertEquals("abc", new String(bytes, StandardCharsets.UTF_8));
            assertEquals(16, nodejs.eval("new ArrayBuffer(16)").asArrayBuffer().byteBuffer().capacity());

            // functions: call, construct, as a Java functional interface
            JSFunction add = nodejs.importModule("./helpers", "add").asFunction();
            assertEquals(5, add.call(2, 3).asInt());
            @SuppressWarnings("unchecked")
            BiFunction<Object, Object, Object> f = add.as(BiFunction.class);
            assertEquals(3, ((Number) f.apply(1, 2)).intValue());
            assertEquals(2024, nodejs.eval("Date").construct(2024, 0, 1).callMethod("getFullYear").asInt());
            return null;
        });
    }

    @Test
    void javaObjectsCrossBothWays() {
        List<String> list = new ArrayList<>();
        int size = nodejs.run(() -> {
            nodejs.global().set("jlist", list);
            return nodejs.eval("jlist.add('from JS'); jlist.size()").asInt();
        });
        assertEquals(1, size);
        assertEquals(List.of("from JS"), list);
        Object back = nodejs.run(() -> nodejs.eval("jlist").as(Object.class));
        assertTrue(back == list, "the same Java object comes back");
        assertEquals(12, (int) nodejs.run(() -> nodejs.eval("jvm => jvm.import('java.lang.Math').max(5, 12)")
                .call(nodejs.eval("require('" + System.getProperty("napi.java.package") + "')")).asInt()));
    }

    /** Weak references: get() while JS keeps the value, null once JS collected it; strong ones keep it. */
    @Test
    void weakReferencesDoNotKeepValuesAlive() throws Exception {
        JSReference[] refs = nodejs.run(() -> new JSReference[] {
            nodejs.eval("globalThis.kept = { v: 7 }").weakReference(),
            nodejs.eval("({ v: 8 })").weakReference(),
            nodejs.eval("({ v: 9 })").reference(),
        });
        assertTrue(refs[1].isWeak() && !refs[2].isWeak());
        assertEquals(8, (int) nodejs.run(() -> refs[1].get().get("v").asInt()));
        assertThrows(JSInvalidThreadAccessException.class, () -> refs[0].get());
        boolean collected = false;
        for (int i = 0; i < 100 && !collected; i++) {
            System.gc(); // drops the Java handles, whose cleaners release their strong JS references
            Thread.sleep(20);
            collected = nodejs.run(() -> nodejs.eval("require('v8').setFlagsFromString('--expose-gc'); "
                    + "require('vm').runInNewContext('gc')(); true").asBoolean() && refs[1].get() == null);
        }
        assertTrue(collected, "the weakly referenced object was collected");
        assertEquals(7, (int) nodejs.run(() -> refs[0].get().get("v").asInt()));
        assertEquals(9, (int) nodejs.run(() -> refs[2].get().get("v").asInt()));
    }

    /** Hosted JS's require('node-api-java') sees the JVM's packages as namespaces: the JDK's and the classpath's (under surefire too). */
    @Test
    void hostedJsSeesJavaNamespaces() {
        String result = nodejs.run(() -> nodejs.eval("(jvm) => [typeof jvm.java.lang, jvm.java.lang.Math.max(5, 12), "
                + "typeof jvm.dev.napijava.hosttests.NodeHostingTest, typeof jvm.org.junit.jupiter.api.Assertions].join(' ')")
                .call(nodejs.eval("require('node-api-java')")).asString());
        assertEquals("object 12 function function", result);
        // require('node-api-java') in hosted JS is the instance this environment joined
        assertTrue(nodejs.run(() -> nodejs.eval("require('node-api-java') === require('" + System.getProperty("napi.java.package") + "')").asBoolean()));
    }

    @Test
    void environmentsCloseCleanly() throws Exception {
        NodejsEnvironment second = NodejsPlatform.current().createEnvironment(app);
        Thread secondThread = second.run(Thread::currentThread); // its JS thread ("nodejs-<id>")
        JSValue kept = second.run(() -> second.eval("({ x: 1 })"));
        assertEquals("b", second.run(() -> second.importModule("lodash").callMethod("last", second.eval("['a', 'b']")).asString()));
        second.run(() -> second.eval("setTimeout(() => {}, 60000)")); // a pending timer does not block close
        second.close();
        assertEquals(0, second.getExitCode());
        assertThrows(IllegalStateException.class, () -> second.run(() -> 1));
        assertThrows(IllegalStateException.class, () -> kept.get("x"));
        // process.exit in JS ends that environment, not the JVM
        NodejsEnvironment third = NodejsPlatform.current().createEnvironment(app);
        Thread thirdThread = third.run(Thread::currentThread);
        third.post(() -> third.eval("process.exit(3)"));
        assertTrue(third.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(third.isClosed());
        third.close();
        assertEquals(3, third.getExitCode());
        // the closed environments' JS threads end (close() returns as they finish their last steps)
        for (Thread t : new Thread[] {secondThread, thirdThread}) {
            assertTrue(t.getName().startsWith("nodejs-"), t.getName());
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " still runs after close()");
        }
        assertTrue(nodejs.run(Thread::currentThread).isAlive());
        // the first environment still works
        assertEquals(4, nodejs.run(() -> nodejs.eval("2 * 2").asInt()));
    }
}
