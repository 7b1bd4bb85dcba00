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
}
