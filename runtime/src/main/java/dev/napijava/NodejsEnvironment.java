package dev.napijava;

import dev.napijava.bridge.JsEnv;
import dev.napijava.bridge.JsValues;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One Node.js environment hosted by Java, on its own JS thread (8 MB+ stack). Its event loop
 * runs between calls, so timers fire and promises settle. JS values are used on that thread:
 * {@link #run}, {@link #runAsync}, {@link #post}. Interface proxies from
 * {@link #importModule(Class, String, String)} may be called from any thread (routed there).
 * Close it to stop the environment (pending timers are dropped); the JVM keeps running.
 */
public final class NodejsEnvironment implements AutoCloseable {
    private static final long STACK_BYTES = Long.getLong("napi.java.jsThreadStack", 16L << 20);
    private static final Map<Long, NodejsEnvironment> STARTING = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private final NodejsPlatform platform;
    private final Path baseDir;
    private final long id = IDS.incrementAndGet();
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long nativeEnv;
    private volatile JsEnv jsEnv;
    private volatile Throwable failure;
    private volatile boolean closed;
    private volatile int exitCode;
    private JSValue require; // JS thread only

    NodejsEnvironment(NodejsPlatform platform, Path baseDir) {
        this.platform = platform;
        this.baseDir = baseDir;
        STARTING.put(id, this);
        thread = new dev.napijava.bridge.JsThread(this::main, "nodejs-" + id, STACK_BYTES);
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
            int code = runEnvironment(new String[] {"java"}, bootstrap());
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
                + "globalThis.require = createRequire(path.join(" + js(baseDir.toString()) + ", '[java]'));\n"
                + "setInterval(() => {}, 1 << 30);\n"
                + "process.on('uncaughtException', (e) => { console.error('Uncaught in Node.js hosted by Java:', e); });\n"
                + "const jvm = createRequire(" + js(pkg + "/") + ")(" + js(pkg) + ");\n"
                // hosted JS's require('node-api-java') is the package this environment joined
                + "const pkgMain = createRequire(" + js(pkg + "/") + ").resolve(" + js(pkg) + ");\n"
                + "const resolve = Module._resolveFilename;\n"
                + "Module._resolveFilename = function (request, ...rest) {\n"
                + "  return request === 'node-api-java' ? pkgMain : resolve.call(this, request, ...rest);\n"
                + "};\n"
                + "jvm.configure({ javaHome: " + js(javaHome) + " });\n"
                + "jvm.import('dev.napijava.NodejsEnvironment').attach(" + id + ");\n";
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
    private void started(long env) {
        nativeEnv = env;
    }

    /** Called by the bootstrap JS on the JS thread once node-api-java joined this JVM. */
    public static void attach(long id) {
        NodejsEnvironment self = STARTING.get(id);
        if (self == null) {
            throw new IllegalStateException("No Node.js environment " + id + " is starting");
        }
        JsEnv env = JsEnv.current();
        JSValue global = JSValue.of(JsValues.global(env));
        self.require = global.get("require");
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
        return env().callOnJsThread(call, "NodejsEnvironment.run");
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

    /** require(module) from baseDir (or a built-in such as "fs"); on the JS thread. */
    public JSValue importModule(String module) {
        checkJsThread();
        return require.call(module);
    }

    /** require(module)[property]; on the JS thread. */
    public JSValue importModule(String module, String property) {
        JSValue m = importModule(module);
        return property == null ? m : m.get(property);
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

    /** Evaluates JS source in the global scope (indirect eval); on the JS thread. */
    public JSValue eval(String source) {
        checkJsThread();
        return JSGlobals.of(jsEnv).global.get("eval").call(source);
    }

    /** globalThis; on the JS thread. */
    public JSObject global() {
        checkJsThread();
        return JSGlobals.of(jsEnv).global.asObject();
    }

    /** A Java value as a JS value (strings, numbers, arrays converted; other objects wrapped). */
    public JSValue toJS(Object value) {
        checkJsThread();
        return JSValue.of(JsValues.fromJava(jsEnv, value));
    }

    private void checkJsThread() {
        env();
        if (!isJsThread()) {
            throw JSValue.wrongThread();
        }
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

    private native int runEnvironment(String[] args, String bootstrap);

    private static native void stop(long env);
}
