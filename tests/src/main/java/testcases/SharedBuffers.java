package testcases;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

/** java.nio buffers shared with JS (tests/js/buffers.test.js). */
public class SharedBuffers {
    private static final List<ByteBuffer> KEPT = new ArrayList<>();
    private static IntBuffer keptInts;

    /** A new direct buffer, kept by Java, bytes 0..n-1 = i * 3 + seed; position/limit as given. */
    public static ByteBuffer keepNew(int n, int seed, int position, int limit) {
        ByteBuffer b = ByteBuffer.allocateDirect(n);
        for (int i = 0; i < n; i++) {
            b.put(i, (byte) (i * 3 + seed));
        }
        b.position(position).limit(limit);
        KEPT.add(b);
        return b;
    }

    /** Keeps a buffer JS passed; returns its index. */
    public static int keep(ByteBuffer b) {
        KEPT.add(b);
        return KEPT.size() - 1;
    }

    public static int get(int which, int i) {
        return KEPT.get(which).get(i);
    }

    public static void put(int which, int i, int v) {
        KEPT.get(which).put(i, (byte) v);
    }

    public static int capacity(int which) {
        return KEPT.get(which).capacity();
    }

    public static boolean isDirect(ByteBuffer b) {
        return b.isDirect();
    }

    public static boolean isReadOnly(ByteBuffer b) {
        return b.isReadOnly();
    }

    /** Sum of the kept buffer's bytes (unsigned), read through the buffer: a freed buffer would be caught by ASan. */
    public static long sum(int which) {
        ByteBuffer b = KEPT.get(which);
        long s = 0;
        for (int i = 0; i < b.capacity(); i++) {
            s += b.get(i) & 0xff;
        }
        return s;
    }

    public static long sumOf(ByteBuffer b) {
        long s = 0;
        for (int i = b.position(); i < b.limit(); i++) {
            s += b.get(i) & 0xff;
        }
        return s;
    }

    public static int kept() {
        return KEPT.size();
    }

    public static void dropAll() {
        KEPT.clear();
        keptInts = null;
    }

    /** Collects garbage and lets the Cleaners run. */
    public static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
    }

    /** A direct IntBuffer in the platform's order (shared), kept. */
    public static IntBuffer keepInts(int n) {
        keptInts = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
        for (int i = 0; i < n; i++) {
            keptInts.put(i, i * 1000);
        }
        return keptInts;
    }

    public static int keptInt(int i) {
        return keptInts.get(i);
    }

    public static void setKeptInt(int i, int v) {
        keptInts.put(i, v);
    }

    /** A big-endian direct IntBuffer: JS gets a copy (typed arrays have the platform's order). */
    public static IntBuffer bigEndianInts(int n) {
        IntBuffer b = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.BIG_ENDIAN).asIntBuffer();
        for (int i = 0; i < n; i++) {
            b.put(i, i + 1);
        }
        return b;
    }

    /** Java reads an IntBuffer JS passed: the sum of its remaining ints, then it adds 1 to each. */
    public static long bumpInts(IntBuffer b) {
        long s = 0;
        for (int i = b.position(); i < b.limit(); i++) {
            s += b.get(i);
            if (!b.isReadOnly()) {
                b.put(i, b.get(i) + 1);
            }
        }
        return s;
    }

    public static ByteBuffer readOnly() {
        return ByteBuffer.allocateDirect(4).put(0, (byte) 1).asReadOnlyBuffer();
    }

    public static ByteBuffer heap(int n) {
        ByteBuffer b = ByteBuffer.allocate(n);
        for (int i = 0; i < n; i++) {
            b.put(i, (byte) i);
        }
        KEPT.add(b);
        return b;
    }

    /** A buffer behind a declared Object (jvm.toBuffer). */
    public static Object asObject(int which) {
        return KEPT.get(which);
    }

    // ---- stream chunks ----

    private static ByteBuffer keptChunk;

    /** Reads a stream chunk through the bridge's internal helper and keeps the Java object too. */
    public static ByteBuffer chunkKeptInJava(InputStream in) throws java.io.IOException {
        keptChunk = dev.napijava.bridge.Streams.readShared(in, 1024);
        return keptChunk;
    }

    /** The kept chunk object once JS has it: emptied, so Java fails cleanly instead of reading freed memory. */
    public static String keptChunkState() {
        try {
            return "capacity=" + keptChunk.capacity() + " get0=" + keptChunk.get(0);
        } catch (IndexOutOfBoundsException e) {
            return "capacity=" + keptChunk.capacity() + " " + e.getClass().getSimpleName();
        }
    }
}
