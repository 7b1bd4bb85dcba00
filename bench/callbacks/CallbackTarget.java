package bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntUnaryOperator;

/** Java side of the callback/async/stream benchmark. */
public class CallbackTarget {
    /** Calls f n times on the calling thread; returns the sum of the results. */
    public static long callN(IntUnaryOperator f, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += f.applyAsInt(i);
        }
        return sum;
    }

    public static int id(int x) {
        return x;
    }

    public static InputStream open(String path) throws IOException {
        return new FileInputStream(path);
    }

    /** Shared-memory pass (JS -> Java): reads one byte of the buffer JS passed. */
    public static int first(java.nio.ByteBuffer b) {
        return b.get(0);
    }

    /** Today's copy of a byte[] (JS -> Java). */
    public static int first(byte[] b) {
        return b[0];
    }

    private static final java.util.Map<Integer, java.nio.ByteBuffer> DIRECT = new java.util.HashMap<>();
    private static final java.util.Map<Integer, byte[]> ARRAYS = new java.util.HashMap<>();

    /** Shared-memory pass (Java -> JS): the same direct buffer each time. */
    public static java.nio.ByteBuffer direct(int size) {
        return DIRECT.computeIfAbsent(size, java.nio.ByteBuffer::allocateDirect).duplicate();
    }

    /** Today's copy of a byte[] (Java -> JS). */
    public static byte[] array(int size) {
        return ARRAYS.computeIfAbsent(size, byte[]::new);
    }
}
