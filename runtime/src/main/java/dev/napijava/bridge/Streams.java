package dev.napijava.bridge;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Java streams <-> Node streams. Node's side (lib/streams.js) pulls and pushes bulk chunks
 * through async calls of the static helpers here, so the JS thread never blocks on I/O and
 * backpressure is Node's own (a chunk is requested only when the Readable wants one; a write
 * completes only when Java accepted it).
 */
public final class Streams {
    private Streams() {
    }

    /** Up to max bytes (at least one unless at end); null at end of stream. */
    public static byte[] read(InputStream in, int max) throws IOException {
        byte[] buffer = new byte[max];
        int n = in.readNBytes(buffer, 0, max);
        if (n == 0) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            buffer[0] = (byte) b;
            n = 1;
        }
        return n == max ? buffer : java.util.Arrays.copyOf(buffer, n);
    }

    /** Scratch arrays of the pool threads, for streams that can only read into a byte[]. */
    private static final ThreadLocal<byte[]> SCRATCH =
            ThreadLocal.withInitial(() -> new byte[Buffers.ChunkPool.CHUNK]);

    /**
     * Up to max bytes (at most the chunk size; at least one unless at end) in a direct chunk that
     * JS sees as a Buffer over the same memory (README "Shared memory"); null at end of stream. A
     * FileInputStream reads straight into it (one copy, from the kernel), any other stream through
     * a per-thread array. The chunk is reused once V8 has freed the Buffer (Buffers.released).
     */
    public static java.nio.ByteBuffer readShared(InputStream in, int max) throws IOException {
        java.nio.ByteBuffer chunk = Buffers.ChunkPool.take();
        boolean handed = false;
        try {
            int want = Math.max(1, Math.min(max, chunk.capacity()));
            chunk.limit(want);
            if (in.getClass() == java.io.FileInputStream.class) {
                java.nio.channels.FileChannel channel = ((java.io.FileInputStream) in).getChannel();
                while (chunk.hasRemaining() && channel.read(chunk) >= 0) {
                    // a regular file fills the chunk in one read; pipes and devices may take several
                }
            } else {
                byte[] scratch = SCRATCH.get();
                int n = in.readNBytes(scratch, 0, want);
                if (n == 0) {
                    int b = in.read();
                    if (b >= 0) {
                        scratch[0] = (byte) b;
                        n = 1;
                    }
                }
                chunk.put(scratch, 0, n);
            }
            if (chunk.position() == 0) {
                return null;
            }
            chunk.flip();
            handed = true;
            return chunk;
        } finally {
            if (!handed) {
                Buffers.ChunkPool.giveBack(chunk);
            }
        }
    }

    public static void write(OutputStream out, byte[] data) throws IOException {
        out.write(data);
    }

    public static void close(Closeable c) throws IOException {
        c.close();
    }

    /** The JS side of a Node Readable: each call promises the next chunk, or null at the end. */
    public interface ChunkSource {
        CompletableFuture<Object> next();
    }

    /** The JS side of a Node Writable: write promises completion (honouring backpressure). */
    public interface ChunkSink {
        CompletableFuture<Object> write(byte[] chunk);

        CompletableFuture<Object> end();
    }

    private static Object await(CompletableFuture<Object> future, String what) throws IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IOException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(what + " interrupted");
        }
    }

    private static void requireOffJsThread(String what) {
        if (Bridge.isJsThread()) {
            throw new dev.napijava.JSInvalidThreadAccessException(what + " on the JS thread would wait for JS "
                    + "itself: call the Java method that uses this stream with its Async variant "
                    + "(await obj.methodAsync(...)) so it runs on a pool thread");
        }
    }

    /** A Java InputStream reading a Node Readable. */
    public static final class FromReadable extends InputStream {
        private final ChunkSource source;
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean ended;

        public FromReadable(ChunkSource source) {
            this.source = source;
        }

        private boolean fill() throws IOException {
            while (!ended && pos >= chunk.length) {
                requireOffJsThread("Reading a Node stream from Java");
                Object next = await(source.next(), "Reading the Node stream");
                if (next == null) {
                    ended = true;
                } else {
                    chunk = (byte[]) next;
                    pos = 0;
                }
            }
            return !ended || pos < chunk.length;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** A Java OutputStream writing to a Node Writable. */
    public static final class ToWritable extends OutputStream {
        private final ChunkSink sink;
        private boolean closed;

        public ToWritable(ChunkSink sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            requireOffJsThread("Writing to a Node stream from Java");
            await(sink.write(java.util.Arrays.copyOfRange(b, off, off + len)), "Writing to the Node stream");
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                requireOffJsThread("Closing a Node stream from Java");
                await(sink.end(), "Ending the Node stream");
            }
        }
    }
}
