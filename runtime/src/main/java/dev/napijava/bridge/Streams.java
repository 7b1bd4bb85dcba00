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

    /** The largest chunk readShared reads. */
    static final int CHUNK = 256 * 1024;
    /** Scratch arrays of the pool threads, for streams that can only read into a byte[]. */
    private static final ThreadLocal<byte[]> SCRATCH =
            ThreadLocal.withInitial(() -> new byte[Streams.CHUNK]);

    /**
     * Up to max bytes (at most the chunk size; at least one unless at end) in a direct chunk that
     * JS sees as a Buffer over the same memory (README "Shared memory"); null at end of stream. A
     * FileInputStream reads straight into it (one copy, from the kernel), any other stream through
     * a per-thread array. The chunk's memory is freed as soon as V8 frees the Buffer (and no Java
     * view of it is left): Buffers.newChunk.
     */
    public static java.nio.ByteBuffer readShared(InputStream in, int max) throws IOException {
        int want = Math.max(1, Math.min(max, CHUNK));
        java.nio.ByteBuffer chunk = Buffers.newChunk(want);
        boolean handed = false;
        try {
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
                Buffers.dropPending(chunk);
            }
        }
    }

    /**
     * An InputStream read ahead on a pool thread into shared chunks (lib/streams.js toReadable):
     * while JS handles one chunk, Java already reads the next ones (at most {@link #AHEAD} ready),
     * and JS takes a ready chunk with one synchronous call, without a round trip through the pool.
     * Backpressure stays Node's: nothing more is read while AHEAD chunks wait for JS.
     */
    public static final class SharedReader implements Closeable {
        static final int AHEAD = 3;
        private final InputStream in;
        private final int chunkSize;
        // all guarded by this
        private final java.util.ArrayDeque<java.nio.ByteBuffer> ready = new java.util.ArrayDeque<>();
        private boolean pumping;
        private boolean ended;
        private boolean closed;
        private Throwable failure;
        private CompletableFuture<Object> waiter;

        public SharedReader(InputStream in, int chunkSize) {
            this.in = in;
            this.chunkSize = chunkSize;
        }

        /** JS thread: a ready chunk (a Buffer over it in JS), or null when none is ready yet (then
         *  {@link #whenReady}); at the end null; a read failure is thrown once the chunks before it went. */
        public synchronized java.nio.ByteBuffer poll() throws IOException {
            java.nio.ByteBuffer chunk = ready.poll();
            if (chunk != null) {
                startPump();
                return chunk;
            }
            if (failure != null) {
                Throwable t = failure;
                throw t instanceof IOException ? (IOException) t : new IOException(t.getMessage(), t);
            }
            return null;
        }

        /** Completes with true when {@link #poll} has something (a chunk or the failure), false at the end. */
        public synchronized CompletableFuture<Object> whenReady() {
            if (!ready.isEmpty() || failure != null) {
                return CompletableFuture.completedFuture(Boolean.TRUE);
            }
            if (ended || closed) {
                return CompletableFuture.completedFuture(Boolean.FALSE);
            }
            if (waiter == null) {
                waiter = new CompletableFuture<>();
            }
            startPump();
            return waiter;
        }

        private void startPump() { // holding this
            if (!pumping && !ended && !closed && ready.size() < AHEAD) {
                pumping = true;
                AsyncCalls.pool().execute(this::pump);
            }
        }

        private void pump() {
            while (true) {
                synchronized (this) {
                    if (closed || ended || ready.size() >= AHEAD) {
                        pumping = false;
                        return;
                    }
                }
                java.nio.ByteBuffer chunk = null;
                Throwable error = null;
                try {
                    chunk = readShared(in, chunkSize);
                } catch (Throwable t) {
                    error = t;
                }
                CompletableFuture<Object> told;
                synchronized (this) {
                    if (closed) {
                        if (chunk != null) {
                            Buffers.dropPending(chunk);
                        }
                        pumping = false;
                        return;
                    }
                    if (chunk != null) {
                        ready.add(chunk);
                    } else {
                        ended = true;
                        failure = error;
                        pumping = false;
                    }
                    told = waiter;
                    waiter = null;
                }
                if (told != null) {
                    told.complete(chunk != null || error != null);
                }
                if (chunk == null) {
                    return;
                }
            }
        }

        /** Drops the chunks JS never took and closes the stream (a pool thread: closeAsync). */
        @Override
        public void close() throws IOException {
            CompletableFuture<Object> told;
            synchronized (this) {
                closed = true;
                for (java.nio.ByteBuffer chunk : ready) {
                    Buffers.dropPending(chunk);
                }
                ready.clear();
                told = waiter;
                waiter = null;
            }
            if (told != null) {
                told.complete(Boolean.FALSE);
            }
            in.close();
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
