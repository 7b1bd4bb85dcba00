package testcases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Cases of tests/js/node-java.test.js: node-java's API (require('node-api-java/node-java')). */
public class NodeJavaCases {
    public int count = 7;
    public static String label = "start";
    public static int length = 11; // a static field named like a JS function's own property

    public NodeJavaCases() {
    }

    public NodeJavaCases(int count) {
        this.count = count;
    }

    public String greet(String who) {
        return "hi " + who + " x" + count;
    }

    public static long big() {
        return Long.MAX_VALUE;
    }

    public static long small() {
        return 42L;
    }

    public static long twice(long v) {
        return 2 * v;
    }

    public static Long nextLong(Long v) {
        return v + 1;
    }

    public static String kind(int v) {
        return "int";
    }

    public static String kind(double v) {
        return "double";
    }

    public static String kind(String v) {
        return "String";
    }

    public static String kind(Long v) {
        return "Long";
    }

    public static String name() {
        return "static name()";
    }

    public static long[] longs() {
        return new long[] {Long.MIN_VALUE, 1};
    }

    public static byte[] bytes() {
        return new byte[] {-1, 2};
    }

    public static Object[] objects() {
        return new Object[] {"s", 3, 4.5, Long.MAX_VALUE, new NodeJavaCases(9)};
    }

    public static String classOf(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }

    public static String elements(Object[] values) {
        return values.getClass().getComponentType().getSimpleName() + values.length;
    }

    public static void fail(String message) throws IOException {
        throw new IOException(message, new IllegalStateException("the root cause"));
    }

    public static String echoLater(String s, int millis) throws InterruptedException {
        Thread.sleep(millis);
        return s + " on " + Thread.currentThread().getName();
    }

    public enum Mode { FAST, caller }

    public static class Inner {
        public static int VALUE = 3;
    }

    public interface Callback {
        int apply(int v, String thread);
    }

    /** Calls cb from `threads` new Java threads at once; the sum of its results. */
    public static int callFromThreads(Callback cb, int threads) throws InterruptedException {
        AtomicInteger sum = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            int v = i;
            Thread t = new Thread(() -> {
                try {
                    sum.addAndGet(cb.apply(v, Thread.currentThread().getName()));
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            }, "node-java-case-" + i);
            t.start();
        }
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a proxy call failed: " + failures.get(0), failures.get(0));
        }
        return sum.get();
    }

    /** Calls cb once from another thread and waits (from the JS thread: the bridge reports it). */
    public static int callFromOtherThread(Callback cb) throws Exception {
        int[] result = new int[1];
        Exception[] failure = new Exception[1];
        Thread t = new Thread(() -> {
            try {
                result[0] = cb.apply(1, Thread.currentThread().getName());
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        t.start();
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    private static Runnable listener;

    public static void setListener(Runnable r) {
        listener = r;
    }

    /** Fires the listener from a new Java thread, without waiting. */
    public static void fireLater() {
        Runnable r = listener;
        new Thread(r::run, "node-java-case-fire").start();
    }

    public static int callOnThisThread(Callback cb, int v) {
        return cb.apply(v, Thread.currentThread().getName());
    }

    public static boolean proxyEquals(Object a, Object b) {
        return a.equals(b);
    }

    public static int proxyHash(Object a) {
        return a.hashCode() == System.identityHashCode(a) ? 1 : 0;
    }
}
