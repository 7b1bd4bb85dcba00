package dev.napijava.hosttests;

import dev.napijava.JSEnvironmentClosedException;
import dev.napijava.JSValue;
import dev.napijava.NodejsEnvironment;
import dev.napijava.NodejsPlatform;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The hosting cases of HostingReliabilityTest, each in a JVM of its own (argv[0] = case, argv[1] =
 * the app folder): what used to abort the JVM or leave futures pending forever. Prints one
 * "key=value" line per observation; exits 0 when it got to the end.
 */
public class HostingReliabilityMain {
    public static void main(String[] args) throws Exception {
        Path app = Paths.get(args[1]);
        NodejsPlatform platform = new NodejsPlatform();
        switch (args[0]) {
            case "two-environments" -> twoEnvironments(platform, app);
            case "run-async-at-close" -> runAsyncAtClose(platform, app);
            case "promise-at-exit" -> promiseAtExit(platform, app);
            case "terminate" -> terminate(platform, app);
            case "exit-while-running" -> exitWhileRunning(platform, app);
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("end=ok");
    }

    static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    /** Two environments at once; a JS object of one passed into the other is refused clearly. */
    static void twoEnvironments(NodejsPlatform platform, Path app) throws Exception {
        try (NodejsEnvironment a = platform.createEnvironment(app); NodejsEnvironment b = platform.createEnvironment(app)) {
            JSValue objectOfA = a.run(() -> a.eval("({ from: 'a' })"));
            JSValue stringOfA = a.run(() -> a.eval("'text of a'"));
            JSValue identity = b.run(() -> b.eval("(x) => x"));
            print("a", a.run(() -> a.eval("1 + 1").asInt()));
            print("b", b.run(() -> b.eval("2 + 2").asInt()));
            print("crossObject", b.run(() -> {
                try {
                    return "accepted: " + identity.call(objectOfA);
                } catch (IllegalArgumentException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
            print("crossString", b.run(() -> identity.call(stringOfA).asString()));
            print("crossProperty", b.run(() -> {
                try {
                    return "accepted: " + b.global().get("globalThis").asObject().get(objectOfA);
                } catch (IllegalArgumentException e) {
                    return e.getClass().getSimpleName();
                }
            }));
            // b's values used on a's thread: refused as another environment's, not touched
            print("wrongEnvironment", a.run(() -> {
                try {
                    return "accepted: " + identity.call(1);
                } catch (IllegalStateException e) {
                    return e.getClass().getSimpleName();
                }
            }));
            print("afterA", a.run(() -> a.eval("'still a'").asString()));
            print("afterB", b.run(() -> b.eval("'still b'").asString()));
        }
    }

    /** Many runAsync calls queued when the environment closes: every future completes. */
    static void runAsyncAtClose(NodejsPlatform platform, Path app) throws Exception {
        NodejsEnvironment env = platform.createEnvironment(app);
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int n = i;
            futures.add(env.runAsync(() -> {
                long end = System.nanoTime() + 100_000; // a little work each
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                return n;
            }));
        }
        env.close();
        int done = 0, closed = 0, other = 0, pending = 0;
        for (CompletableFuture<Integer> f : futures) {
            try {
                f.get(10, TimeUnit.SECONDS);
                done++;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof JSEnvironmentClosedException) closed++;
                else other++;
            } catch (TimeoutException e) {
                pending++;
            }
        }
        print("total", done + closed + other + pending);
        print("pending", pending);
        print("other", other);
        print("someRan", done > 0);
        print("afterClose", env.runAsync(() -> 1).handle((v, e) -> e == null ? "ran" : e.getClass().getSimpleName()).get(5, TimeUnit.SECONDS));
    }

    /** A promise awaited from Java whose environment ends first (process.exit in JS, or close()). */
    static void promiseAtExit(NodejsPlatform platform, Path app) throws Exception {
        NodejsEnvironment env = platform.createEnvironment(app);
        CompletableFuture<JSValue> never = env.run(() -> env.eval("new Promise(() => {})").asPromise().toFuture());
        env.post(() -> env.eval("setTimeout(() => process.exit(3), 50)"));
        print("exited", env.awaitTermination(10, TimeUnit.SECONDS));
        print("exitCode", env.getExitCode());
        print("exitPromise", outcome(never));
        NodejsEnvironment other = platform.createEnvironment(app);
        CompletableFuture<JSValue> later = other.run(() -> other.eval("new Promise(() => {})").asPromise().toFuture());
        other.close();
        print("closePromise", outcome(later));
    }

    /**
     * terminateExecution: a runaway loop a Java call runs (plain, inside an async scope, inside an
     * event handler) stops and the environment goes on; JS that Node itself runs (a timer) is never
     * terminated (Node aborts on the async-context state a terminated callback leaves).
     */
    static void terminate(NodejsPlatform platform, Path app) throws Exception {
        try (NodejsEnvironment env = platform.createEnvironment(app)) {
            String[] runaways = {
                "for (;;) {}",
                "new (require('async_hooks').AsyncResource)('runaway').runInAsyncScope(() => { for (;;) {} })",
                "const e = new (require('events'))(); e.on('x', () => { for (;;) {} }); e.emit('x')",
            };
            for (int i = 0; i < runaways.length; i++) {
                String source = runaways[i];
                CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
                    try {
                        return "returned " + env.run(() -> env.eval(source).toString());
                    } catch (RuntimeException e) {
                        return e.getClass().getSimpleName();
                    }
                });
                boolean stopped = false;
                for (int tries = 0; tries < 100 && !stopped; tries++) {
                    Thread.sleep(20);
                    stopped = env.terminateExecution();
                }
                print("terminated" + i, stopped);
                print("call" + i, call.get(10, TimeUnit.SECONDS));
                print("after" + i, env.run(() -> env.eval("[1, 2, 3].map((x) => x * 2).join()").asString()));
            }
            // a timer's callback: Node runs it, not a Java call: terminateExecution refuses
            // (while the timer's loop runs no Java task can run: every check finds none)
            env.run(() -> env.eval("globalThis.done = false; setTimeout(() => { const t = Date.now(); while (Date.now() - t < 1500) {} done = true; }, 0)"));
            Thread.sleep(400);
            boolean any = false;
            for (int i = 0; i < 5; i++) {
                any |= env.terminateExecution();
                Thread.sleep(100);
            }
            print("timer", any);
            Thread.sleep(1200);
            print("timerDone", env.run(() -> env.eval("done").asBoolean()));
            // nothing to stop (or only the end of the previous run's task): harmless either way
            env.terminateExecution();
            print("afterIdle", env.run(() -> env.eval("'still usable'").asString()));
            // a promise job after the termination runs normally
            print("promise", env.run(() -> env.eval("Promise.resolve(5)").asPromise().toFuture()).get(10, TimeUnit.SECONDS).asInt());
        }
    }

    /**
     * System.exit while environments still run JS (timers, a worker thread, async calls in flight,
     * one in a busy loop) and one was just closed: the process exits 0, nothing crashes in exit()
     * (the platform is never torn down under a running JS thread or V8's worker jobs).
     */
    static void exitWhileRunning(NodejsPlatform platform, Path app) throws Exception {
        List<NodejsEnvironment> envs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            NodejsEnvironment env = platform.createEnvironment(app);
            envs.add(env);
            env.run(() -> env.eval("setInterval(() => JSON.stringify(new Array(2000).fill({ a: [1, 2] })), 0); 1"));
            for (int k = 0; k < 50; k++) {
                env.runAsync(() -> env.eval("[1, 2, 3].map((x) => x * 2).length").asInt());
            }
        }
        envs.get(0).run(() -> envs.get(0).eval(
                "new (require('worker_threads').Worker)('setInterval(() => new Array(1e4).fill(0).sort(), 0)', { eval: true }); 1"));
        envs.get(1).close();
        envs.get(2).post(() -> envs.get(2).eval("for (;;) {}"));
        Thread.sleep(50);
        print("end", "ok");
        System.exit(0);
    }

    static String outcome(CompletableFuture<?> f) throws InterruptedException {
        try {
            return "value " + f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName();
        } catch (TimeoutException e) {
            return "pending";
        }
    }
}
