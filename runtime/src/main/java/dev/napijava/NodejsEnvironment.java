package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JSValueNatives;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One Node.js environment hosted by Java, on its own JS thread (16 MB stack: -Dnapi.java.jsThreadStack). Its event loop
 * runs between calls, so timers fire and promises settle. JS values are used on that thread:
 * {@link #run}, {@link #runAsync}, {@link #post}. Interface proxies from
 * {@link #importModule(Class, String, String)} may be called from any thread (routed there).
 * Close it to stop the environment (pending timers are dropped); the JVM keeps running.
 */
public final class NodejsEnvironment implements AutoCloseable {
    private static final long STACK_BYTES = Long.getLong("napi.java.jsThreadStack", 16L << 20);
    private static final Map<Long, NodejsEnvironment> STARTING = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    /** The environment that owns the process's one inspector (Node allows one), or null. */
    private static final java.util.concurrent.atomic.AtomicReference<NodejsEnvironment> INSPECTED =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Options of {@link NodejsPlatform#createEnvironment(Path, Options)}.
     * {@code new NodejsEnvironment.Options().inspect(9229)}: DevTools / {@code chrome://inspect} or any
     * Chrome DevTools Protocol client attaches at {@link #inspectorUrl()} (127.0.0.1 only).
     */
    public static final class Options {
        int inspectPort = -1;

        /** Opens the inspector on 127.0.0.1:port (0: a free port) for this environment; one per process. */
        public Options inspect(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("inspector port " + port + " is not 0..65535 (0: any free port)");
            }
            inspectPort = port;
            return this;
        }
    }

    private final NodejsPlatform platform;
    private final Path baseDir;
    private final long id = IDS.incrementAndGet();
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long nativeEnv;
    private volatile long nativeIsolate;
    private final Options options;
    private volatile JsEnv jsEnv;
    private volatile Throwable failure;
    private volatile boolean closed;
    private volatile int exitCode;
    private JSValue require; // JS thread only (lib/hosting.js, for the base folder)
    private JSValue evaluate;
    private JSValue importESM;
    private JSValue clearAsyncStack;

    NodejsEnvironment(NodejsPlatform platform, Path baseDir, Options options) {
        this.platform = platform;
        this.baseDir = baseDir;
        this.options = options;
        if (options.inspectPort >= 0 && !INSPECTED.compareAndSet(null, this)) {
            throw new IllegalStateException("Another Node.js environment of this process has the inspector (Node allows one):"
                    + " close it first, or create this one without Options.inspect");
        }
        STARTING.put(id, this);
        thread = new Thread(null, this::main, "nodejs-" + id, STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Node.js");
        } finally {
            STARTING.remove(id);
        }
        if (jsEnv == null) {
            Throwable f = failure;
            throw new IllegalStateException("The Node.js environment did not start"
                    + (f != null ? ": " + f.getMessage() : " (the bootstrap failed: see stderr)"), f);
        }
    }

    private void main() {
        try {
            int code = runEnvironment(new String[] {"java"}, bootstrap(), options.inspectPort >= 0);
            // >= 0: process.exit(code) or a fatal error in JS; < 0: stopped by close()
            exitCode = code >= 0 ? code : 0;
        } catch (Throwable t) {
            failure = t;
        } finally {
            closed = true;
            JsEnv e = jsEnv;
            if (e != null) {
                e.close();
            }
            INSPECTED.compareAndSet(this, null);
            ready.countDown();
            ended.countDown();
        }
    }

    private String bootstrap() {
        String pkg = platform.getPackageDir().toString();
        String javaHome = System.getProperty("java.home");
        // require() from baseDir; the node-api-java package joins this JVM (same libjvm: java.home)
        // and attaches this environment; a keep-alive timer holds the loop open until close().
        return "'use strict';\n"
                + "const Module = require('module');\n"
                + "const { createRequire } = Module;\n"
                + "const path = require('path');\n"
                + "const hosting = createRequire(" + js(pkg + "/") + ")(" + js(pkg + "/lib/hosting.js") + ").forBaseDir(" + js(baseDir.toString()) + ");\n"
                + "globalThis.require = hosting.require;\n"
                + "setInterval(() => {}, 1 << 30);\n"
                + (options.inspectPort >= 0 ? "require('inspector').open(" + options.inspectPort + ", '127.0.0.1', false);\n" : "")
                + "process.on('uncaughtException', (e) => { console.error('Uncaught in Node.js hosted by Java:', e); });\n"
                + "const jvm = createRequire(" + js(pkg + "/") + ")(" + js(pkg) + ");\n"
                // hosted JS's require('node-api-java') is the package this environment joined
                + "const pkgMain = createRequire(" + js(pkg + "/") + ").resolve(" + js(pkg) + ");\n"
                + "const resolve = Module._resolveFilename;\n"
                + "Module._resolveFilename = function (request, ...rest) {\n"
                + "  return request === 'node-api-java' ? pkgMain : resolve.call(this, request, ...rest);\n"
                + "};\n"
                + "jvm.configure({ javaHome: " + js(javaHome) + " });\n"
                + "jvm.import('dev.napijava.NodejsEnvironment').attach(" + id + ", hosting);\n";
    }

    private static String js(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** Called by the native host before the bootstrap runs. */
    private void started(long env, long isolate) {
        nativeEnv = env;
        nativeIsolate = isolate;
    }

    /** Called by the bootstrap JS on the JS thread once node-api-java joined this JVM. */
    public static void attach(long id, JSValue hosting) {
        NodejsEnvironment self = STARTING.get(id);
        if (self == null) {
            throw new IllegalStateException("No Node.js environment " + id + " is starting");
        }
        JsEnv env = JsEnv.current();
        self.require = hosting.get("require");
        self.evaluate = hosting.get("evaluate");
        self.importESM = hosting.get("importModule");
        self.clearAsyncStack = hosting.get("clearAsyncStack");
        self.jsEnv = env;
        self.ready.countDown();
    }

    // ---- running code on the JS thread ----

    /** Runs the task on the JS thread and waits (directly when called on the JS thread). */
    public void run(Runnable task) {
        run(() -> {
            task.run();
            return null;
        });
    }

    /** Runs the call on the JS thread and returns its result; its exception is rethrown here. */
    public <T> T run(Supplier<T> call) {
        long before = terminations.get();
        try {
            return env().callOnJsThread(call, "NodejsEnvironment.run");
        } catch (RuntimeException ex) {
            throw terminations.get() != before && !(ex instanceof JSExecutionTerminatedException)
                    ? new JSExecutionTerminatedException(ex) : ex;
        }
    }

    /**
     * Runs the call on the JS thread later; the future completes with its result, its exception,
     * or a {@link JSEnvironmentClosedException} when the environment ends before the call ran.
     */
    public <T> CompletableFuture<T> runAsync(Supplier<T> call) {
        JsEnv e = jsEnv;
        if (closed || e == null) {
            return CompletableFuture.failedFuture(new JSEnvironmentClosedException("The Node.js environment is closed"));
        }
        JsEnv.Call<T> task = new JsEnv.Call<>(call);
        e.post(task);
        return task.result();
    }

    public CompletableFuture<Void> runAsync(Runnable task) {
        return runAsync(() -> {
            task.run();
            return null;
        });
    }

    /** Queues the task for the JS thread and returns at once (its exceptions are printed). */
    public void post(Runnable task) {
        env().post(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                t.printStackTrace();
            }
        });
    }

    public boolean isJsThread() {
        return Thread.currentThread() == thread;
    }

    private JsEnv env() {
        if (closed) {
            throw new JSEnvironmentClosedException("The Node.js environment is closed");
        }
        return jsEnv;
    }

    // ---- modules ----

    /**
     * require(module) from baseDir (or a built-in such as "fs"); on the JS thread. "global" or null
     * is the global object (as in node-api-dotnet: {@code importModule(IConsole.class, "global", "console")}).
     * An ES-module-only package: {@link #importModuleAsync(String)}.
     */
    public JSValue importModule(String module) {
        checkJsThread();
        if (module == null || module.equals("global")) {
            return global();
        }
        return require.call(module);
    }

    /** require(module)[property]; on the JS thread. */
    public JSValue importModule(String module, String property) {
        JSValue m = importModule(module);
        return property == null ? m : m.get(property);
    }

    /**
     * import(module) from baseDir: the ES module namespace (also of ES-module-only packages, and of
     * CommonJS ones: their exports are its {@code default}), or a JSException. From any thread;
     * the future completes on the JS thread, so wait for it elsewhere (or chain on it).
     */
    public CompletableFuture<JSValue> importModuleAsync(String module) {
        return runAsync(() -> module == null || module.equals("global") ? CompletableFuture.completedFuture((JSValue) global())
                : importESM.call(module).asPromise().toFuture()).thenCompose(f -> f);
    }

    /** import(module)[property] (property null: the namespace) as a Java interface, as {@link #importModule(Class, String, String)}. */
    public <T> CompletableFuture<T> importModuleAsync(Class<T> iface, String module, String property) {
        if (!iface.isInterface()) {
            throw new IllegalArgumentException(iface.getName() + " is not an interface");
        }
        return importModuleAsync(module).thenCompose(ns -> runAsync(() -> (property == null ? ns : ns.get(property)).as(iface)));
    }

    /**
     * require(module)[property] (property null: the module itself) as a Java interface whose
     * methods call the JS object's functions (a JS function: the interface's single method), with
     * arguments and results converted by the marshaler. From any thread; the proxy too.
     */
    public <T> T importModule(Class<T> iface, String module, String property) {
        if (!iface.isInterface()) {
            throw new IllegalArgumentException(iface.getName() + " is not an interface");
        }
        return run(() -> importModule(module, property).as(iface));
    }

    /**
     * Evaluates JS source in the global scope (an indirect eval whose referrer is baseDir, so a
     * dynamic {@code import()} in it resolves from there); on the JS thread.
     */
    public JSValue eval(String source) {
        checkJsThread();
        return evaluate.call(source);
    }

    /** globalThis; on the JS thread. */
    public JSObject global() {
        checkJsThread();
        return JSGlobals.of(jsEnv).global.asObject();
    }

    /** A Java value as a JS value: {@link JSValue#from} (strings, numbers, arrays converted; other objects by reference). */
    public JSValue toJS(Object value) {
        checkJsThread();
        return JSValue.from(value);
    }

    private void checkJsThread() {
        env();
        if (!isJsThread()) {
            throw JSValue.wrongThread();
        }
    }

    /**
     * The inspector's WebSocket URL ({@code ws://127.0.0.1:port/uuid}) for DevTools and other Chrome
     * DevTools Protocol clients; the environment was created with {@code Options.inspect(port)}.
     */
    public String inspectorUrl() {
        if (options.inspectPort < 0) {
            throw new IllegalStateException("This Node.js environment has no inspector: create it with"
                    + " platform.createEnvironment(dir, new NodejsEnvironment.Options().inspect(port))");
        }
        return run(() -> require.call("inspector").callMethod("url").asString());
    }

    /**
     * Stops the JS that a Java call runs now in this environment ({@link #run}, {@link #runAsync},
     * a proxy call from another thread: a runaway loop), from any thread, with V8's uncatchable
     * termination (Javet's terminateExecution); the environment stays usable. That Java call fails
     * with a {@link JSExecutionTerminatedException}. False when no Java call is running JS: JS that
     * Node itself runs (a timer, an I/O callback) cannot be stopped without ending the environment
     * (Node aborts on the state such JS leaves behind): {@link #close()} it.
     */
    public boolean terminateExecution() {
        JsEnv e = env();
        long isolate = nativeIsolate;
        return e.terminateTask(() -> {
            terminations.incrementAndGet();
            terminate(isolate);
        }, () -> {
            resume(isolate);
            clearAsyncStack.call(); // before the scope of the Java call closes: see lib/hosting.js
        });
    }

    /** Terminations so far: a call that failed across one says it was terminated. */
    private final AtomicLong terminations = new AtomicLong();

    /**
     * JS values Java holds in this environment now: JSValue handles, interface proxies and callbacks
     * not yet garbage collected (each keeps its JS value alive). For leak checks: it falls as Java
     * drops them and the GC runs (like {@code jvm.stats().liveObjects} for Java objects held by JS). Any thread.
     */
    public long heldJSValueCount() {
        return JSValueNatives.heldJsValues(env());
    }

    public Path getBaseDir() {
        return baseDir;
    }

    /** The exit code after close (non-zero when JS called process.exit(n) or failed fatally). */
    public int getExitCode() {
        return exitCode;
    }

    /** Waits until the environment ended by itself (process.exit in JS) or was closed. */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops the event loop and disposes the environment; waits up to 30 s for its thread. */
    @Override
    public void close() {
        if (isJsThread()) {
            throw new IllegalStateException("close() the Node.js environment from another thread, not its JS thread");
        }
        if (!closed) {
            closed = true;
            JsEnv e = jsEnv;
            if (e != null) {
                e.close();
            }
            stop(nativeEnv);
        }
        try {
            if (!ended.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The Node.js environment did not stop within 30 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private native int runEnvironment(String[] args, String bootstrap, boolean inspector);

    private static native void stop(long env);

    private static native void terminate(long isolate);

    private static native void resume(long isolate);
}
