package testcases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;

/** Java code that calls back into JS: on the calling thread, on other threads, and asynchronously. */
public class Callbacks {
    /** A user-defined interface with several methods and a default method. */
    public interface Greeter {
        String greet(String name);

        int times();

        default String greetAll(List<String> names) {
            StringBuilder out = new StringBuilder();
            for (String n : names) {
                out.append(greet(n)).append(';');
            }
            return out.toString();
        }
    }

    public static String useGreeter(Greeter g, String name) {
        return g.greet(name) + " x" + g.times();
    }

    public static String useGreeterDefault(Greeter g) {
        return g.greetAll(List.of("a", "b"));
    }

    public static int applyTwice(IntBinaryOperator op, int a, int b) {
        return op.applyAsInt(op.applyAsInt(a, b), b);
    }

    public static <T, R> R apply(Function<T, R> f, T value) {
        return f.apply(value);
    }

    /** Calls fn from `threads` pool threads, `calls` times in all; returns the sum of results. */
    public static long callFromPool(Function<Integer, Integer> fn, int calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                final int n = i;
                results.add(pool.submit(() -> fn.apply(n)));
            }
            long sum = 0;
            for (Future<Integer> r : results) {
                sum += r.get(60, TimeUnit.SECONDS);
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The peers' deadlock: a synchronous call that waits for another thread calling back into JS. */
    public static Object waitForCallbackOnOtherThread(Supplier<Object> fn) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            return pool.submit(fn::get).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls fn on another thread and returns at once; the result arrives as a promise. */
    public static CompletableFuture<String> callLater(Supplier<String> fn) {
        return CompletableFuture.supplyAsync(fn::get);
    }

    public static CompletableFuture<Integer> delayed(int value, int millis) {
        return CompletableFuture.supplyAsync(() -> {
            sleep(millis);
            return value;
        });
    }

    public static CompletionStage<String> failingStage(String message) {
        return CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException(message);
        });
    }

    public static Future<String> plainFuture(String value) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }).submit(() -> value);
    }

    /** A JS promise as a Java future. */
    public static String awaitFuture(CompletableFuture<Object> f) throws Exception {
        return "got " + f.get(30, TimeUnit.SECONDS);
    }

    /** A promise's value fitted to the declared type argument: a JS 3 is a Double here, not an Integer. */
    public static CompletableFuture<Double> half(CompletableFuture<Double> value) {
        return value.thenApply(d -> d / 2);
    }

    public static CompletableFuture<String> thenUpper(CompletionStage<Object> stage) {
        return stage.thenApply(v -> String.valueOf(v).toUpperCase()).toCompletableFuture();
    }

    /** Java 21+: calls fn on a virtual thread and returns its result; "unsupported" before 21. */
    public static Object callOnVirtualThread(Supplier<Object> fn) throws Exception {
        java.lang.reflect.Method ofVirtual;
        try {
            ofVirtual = Thread.class.getMethod("ofVirtual");
        } catch (NoSuchMethodException e) {
            return "unsupported";
        }
        Object builder = ofVirtual.invoke(null);
        Object[] result = new Object[1];
        Thread t = (Thread) Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class).invoke(builder,
                (Runnable) () -> result[0] = fn.get() + " on virtual=" + isVirtual(Thread.currentThread()));
        t.start();
        t.join(30_000);
        return result[0];
    }

    private static boolean isVirtual(Thread t) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(t);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Object held;

    /** Keeps a Java reference to a JS-backed proxy (a static: lives until released). */
    public static void hold(Runnable r) {
        held = r;
    }

    public static void release() {
        held = null;
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static final ConcurrentHashMap<String, CyclicBarrier> RENDEZVOUS = new ConcurrentHashMap<>();

    /**
     * Waits until `parties` callers of the same group are inside this method at once (at most
     * timeoutMillis; then every waiter fails): proves that many calls run concurrently. Returns the
     * caller's thread name, so that the callers can be seen to be as many threads.
     */
    public static String rendezvousThread(String group, int parties, int timeoutMillis) throws Exception {
        RENDEZVOUS.computeIfAbsent(group, g -> new CyclicBarrier(parties)).await(timeoutMillis, TimeUnit.MILLISECONDS);
        return Thread.currentThread().getName();
    }

    public static void throwing(Runnable r) {
        r.run();
    }

    public static Object call(Callable<Object> c) throws Exception {
        return c.call();
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
