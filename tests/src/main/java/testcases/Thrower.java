package testcases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Methods that throw, overflow the stack or stress the Java heap. */
public class Thrower {
    public final int value;

    public Thrower(int value) {
        if (value < 0) throw new IllegalArgumentException("negative: " + value);
        this.value = value;
    }

    /** Unchecked, with a two-level cause chain. */
    public static void fail(String message) {
        throw new IllegalStateException(message,
                new IllegalArgumentException("middle", new IOException("root cause")));
    }

    /** Checked exception. */
    public static String checked(String message) throws IOException {
        throw new IOException(message);
    }

    /** An instance method that throws. */
    public int divide(int by) { return value / by; }

    private static Object nothing;

    /** A NullPointerException from a real null dereference (the JVM's implicit null check). */
    public static int npe() { return nothing.hashCode(); }

    /** Unbounded recursion: StackOverflowError. */
    public static int recurse(int depth) { return recurse(depth + 1) + 1; }

    /** Bounded recursion, to check the stack still works after an overflow. */
    public static int recurseTo(int depth) { return depth == 0 ? 0 : recurseTo(depth - 1) + 1; }

    /** Allocates {@code megabytes} MB in 1 MB chunks, keeping a ring of 32 alive: forces GCs. */
    public static long allocate(int megabytes) {
        List<byte[]> ring = new ArrayList<>();
        long checksum = 0;
        for (int i = 0; i < megabytes; i++) {
            byte[] chunk = new byte[1 << 20];
            chunk[i % chunk.length] = (byte) i;
            checksum += chunk.length;
            if (ring.size() < 32) ring.add(chunk); else ring.set(i % 32, chunk);
        }
        System.gc();
        return checksum;
    }

    private static volatile Thread background;

    /** Starts a daemon thread that allocates for {@code millis} ms (GCs while JS runs). */
    public static void allocateInBackground(int millis) {
        Thread t = new Thread(() -> {
            long end = System.currentTimeMillis() + millis;
            List<byte[]> ring = new ArrayList<>();
            int i = 0;
            while (System.currentTimeMillis() < end) {
                byte[] chunk = new byte[256 * 1024];
                if (ring.size() < 64) ring.add(chunk); else ring.set(i % 64, chunk);
                i++;
            }
        }, "napi-test-allocator");
        t.setDaemon(true);
        t.start();
        background = t;
    }

    public static boolean joinBackground(int millis) throws InterruptedException {
        Thread t = background;
        if (t == null) return false;
        t.join(millis);
        return !t.isAlive();
    }
}
