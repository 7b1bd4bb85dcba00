package testcases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
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

    // ---- streams ----

    public static InputStream bytes(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return new ByteArrayInputStream(data);
    }

    /** A stream of `length` generated bytes (nothing held in memory): byte i is (i % 251). */
    public static InputStream generated(long length) {
        return new InputStream() {
            private long pos;

            @Override
            public int read() {
                return pos < length ? (int) (pos++ % 251) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - pos);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((pos + i) % 251);
                }
                pos += n;
                return n;
            }
        };
    }

    /** Reads the whole stream; returns "length:sha256hex". */
    public static String digest(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
            total += n;
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : md.digest()) {
            hex.append(String.format("%02x", b));
        }
        return total + ":" + hex;
    }

    /** Writes `length` bytes of a known pattern to out, in chunks, then closes it. */
    public static long fill(OutputStream out, long length) throws IOException {
        byte[] chunk = new byte[65536];
        long written = 0;
        while (written < length) {
            int n = (int) Math.min(chunk.length, length - written);
            for (int i = 0; i < n; i++) {
                chunk[i] = (byte) ((written + i) % 251);
            }
            out.write(chunk, 0, n);
            written += n;
        }
        out.close();
        return written;
    }

    public static long copy(InputStream in, OutputStream out) throws IOException {
        long n = in.transferTo(out);
        out.close();
        in.close();
        return n;
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
