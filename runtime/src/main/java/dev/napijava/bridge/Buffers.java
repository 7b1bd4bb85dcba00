package dev.napijava.bridge;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * java.nio buffers and JS memory (README "Shared memory"); the native side is buffers.c.
 *
 * <p>The one rule: memory that both sides use is always memory Java owns (a direct buffer's native
 * memory, which Java frees only once the buffer object is unreachable). Java -> JS: a direct
 * buffer becomes an external ArrayBuffer over its memory, and the ArrayBuffer's backing store holds
 * a JNI global reference to the buffer until V8 frees it: whatever JS does (detach, transfer, GC),
 * the memory stays valid while either side holds it. JS -> Java: a view of such memory becomes a
 * new buffer over the same bytes that keeps the original buffer reachable ({@link #view}). Memory
 * V8 owns (any other ArrayBuffer) is never handed to Java: JS can detach it at any time (byte
 * streams, transfer(), postMessage) and V8 then frees it, so Java gets a read-only copy
 * ({@link #copy}) - writes into it fail with ReadOnlyBufferException instead of being lost.
 */
public final class Buffers {
    private Buffers() {
    }

    /** Element kinds, as the native side numbers them: code - TC_BYTE_BUFFER. */
    static final int BYTE = 0;
    static final int SHORT = 1;
    static final int CHAR = 2;
    static final int INT = 3;
    static final int LONG = 4;
    static final int FLOAT = 5;
    static final int DOUBLE = 6;

    private static final Class<?>[] KINDS = {ByteBuffer.class, ShortBuffer.class, CharBuffer.class, IntBuffer.class,
        LongBuffer.class, FloatBuffer.class, DoubleBuffer.class};

    /** The type code of a java.nio buffer type (or a subclass such as MappedByteBuffer); null for others. */
    static TypeCode codeOf(Class<?> type) {
        for (int i = 0; i < KINDS.length; i++) {
            if (KINDS[i].isAssignableFrom(type)) {
                return TypeCode.values()[TypeCode.BYTE_BUFFER.ordinal() + i];
            }
        }
        return null;
    }

    /** log2 of the element size of a kind. */
    private static int shift(int kind) {
        return kind == BYTE ? 0 : kind <= INT ? (kind == INT ? 2 : 1) : kind == LONG || kind == DOUBLE ? 3 : 2;
    }

    // ---- Java -> JS ----

    /**
     * How a buffer of the given kind goes to JS: its element size shift (0..3) when JS may see its
     * memory (direct, writable, and for multi-byte elements in the platform's byte order, which is
     * the only order typed arrays have), or -1 when JS gets a copy of its remaining elements (a heap
     * buffer lives in the moving Java heap; a read-only one must stay read-only).
     */
    public static int shareable(Buffer b, int kind) {
        if (!b.isDirect() || b.isReadOnly()) {
            return -1;
        }
        if (kind != BYTE && order(b, kind) != ByteOrder.nativeOrder()) {
            return -1;
        }
        return shift(kind);
    }

    private static ByteOrder order(Buffer b, int kind) {
        switch (kind) {
            case SHORT: return ((ShortBuffer) b).order();
            case CHAR: return ((CharBuffer) b).order();
            case INT: return ((IntBuffer) b).order();
            case LONG: return ((LongBuffer) b).order();
            case FLOAT: return ((FloatBuffer) b).order();
            case DOUBLE: return ((DoubleBuffer) b).order();
            default: return ByteOrder.BIG_ENDIAN;
        }
    }

    /**
     * The remaining elements of a buffer JS cannot share, as bytes in the platform's order (the
     * native side copies them into a new ArrayBuffer). Does not move the buffer's position.
     */
    public static byte[] remainingBytes(Buffer b, int kind) {
        int n = b.remaining();
        ByteBuffer out = ByteBuffer.allocate(n << shift(kind)).order(ByteOrder.nativeOrder());
        switch (kind) {
            case BYTE: out.put(((ByteBuffer) b).duplicate()); break;
            case SHORT: out.asShortBuffer().put(((ShortBuffer) b).duplicate()); break;
            case CHAR: out.asCharBuffer().put(((CharBuffer) b).duplicate()); break;
            case INT: out.asIntBuffer().put(((IntBuffer) b).duplicate()); break;
            case LONG: out.asLongBuffer().put(((LongBuffer) b).duplicate()); break;
            case FLOAT: out.asFloatBuffer().put(((FloatBuffer) b).duplicate()); break;
            default: out.asDoubleBuffer().put(((DoubleBuffer) b).duplicate()); break;
        }
        return out.array();
    }

    // ---- JS -> Java ----

    /** Keeps the buffer whose memory a view uses reachable while the view is (the Cleaner holds it). */
    private static final class KeepAlive implements Runnable {
        @SuppressWarnings("unused")
        private Object owner;

        KeepAlive(Object owner) {
            this.owner = owner;
        }

        @Override
        public void run() {
            owner = null;
        }
    }

    /** Drops a claim on a stream chunk (native memory counted by claims, see {@link #newChunk}). */
    private static final class DropChunk implements Runnable {
        private final long chunk;
        private final boolean ifPending;

        DropChunk(long chunk, boolean ifPending) {
            this.chunk = chunk;
            this.ifPending = ifPending;
        }

        @Override
        public void run() {
            if (ifPending) {
                dropPending(chunk);
            } else {
                dropChunk(chunk);
            }
        }
    }

    /**
     * A view the native side made (NewDirectByteBuffer over JS-visible memory) as the buffer Java
     * expects. The memory belongs to {@code owner} (a Java buffer, kept reachable while the view or
     * anything made from it is: a Cleaner holds it) or, when chunk != 0, is a stream chunk on which
     * the native side took a claim for this view (dropped when the view is unreachable).
     */
    public static Buffer view(ByteBuffer bytes, Buffer owner, int kind, long chunk) {
        JsEnv.Cleaners.CLEANER.register(bytes, chunk != 0 ? new DropChunk(chunk, false) : new KeepAlive(owner));
        return typed(bytes, kind);
    }

    // ---- stream chunks (Streams.readShared): native memory freed as soon as nobody holds it ----

    /**
     * A chunk of native memory (not zeroed) for a stream to read into. Its memory is counted by
     * claims: this reader's, until the chunk is handed to JS (the ArrayBuffer over it takes that
     * claim over, buffers.c) or dropped ({@link #dropPending}, else when the buffer is unreachable);
     * each ArrayBuffer over it; each Java view of it. It is freed when the last claim goes, so a
     * Readable's memory is reused as soon as V8 frees its Buffers, without waiting for a Java GC.
     */
    static ByteBuffer newChunk(int size) {
        ByteBuffer chunk = allocChunk(size);
        JsEnv.Cleaners.CLEANER.register(chunk, new DropChunk(address(chunk), true));
        return chunk;
    }

    /** A chunk that is not handed to JS after all (end of stream, an exception): freed now. */
    static void dropPending(ByteBuffer chunk) {
        dropPending(address(chunk));
    }

    private static long address(ByteBuffer chunk) {
        return chunkAddress(chunk);
    }

    // implemented by the native core (buffers.c, registered at start)
    private static native ByteBuffer allocChunk(int size);

    private static native long chunkAddress(ByteBuffer chunk);

    /** Drops the reader's claim if the chunk was not handed to JS. */
    private static native void dropPending(long chunk);

    private static native void dropChunk(long chunk);

    /** A new direct buffer of n bytes for a copy of V8-owned memory (the native side fills it). */
    public static ByteBuffer allocateCopy(int n) {
        return ByteBuffer.allocateDirect(n);
    }

    /** The filled copy, read-only and of the kind Java expects. */
    public static Buffer copy(ByteBuffer filled, int kind) {
        return typed(filled.asReadOnlyBuffer(), kind);
    }

    private static Buffer typed(ByteBuffer bytes, int kind) {
        if (kind == BYTE) {
            return bytes;
        }
        ByteBuffer b = bytes.order(ByteOrder.nativeOrder());
        switch (kind) {
            case SHORT: return b.asShortBuffer();
            case CHAR: return b.asCharBuffer();
            case INT: return b.asIntBuffer();
            case LONG: return b.asLongBuffer();
            case FLOAT: return b.asFloatBuffer();
            default: return b.asDoubleBuffer();
        }
    }

    // ---- the JS API (jvm.allocateBuffer, jvm.toBuffer) ----

    /** jvm.allocateBuffer(size): zeroed Java memory that JS sees as a Buffer (shared). */
    public static ByteBuffer allocate(int size) {
        if (size < 0) {
            throw new BridgeRangeError("allocateBuffer(size): size must be 0 or more bytes, not " + size);
        }
        return ByteBuffer.allocateDirect(size);
    }

    /**
     * jvm.toBuffer(b): a Java buffer held as a wrapper, as its JS view. An Object result goes to JS
     * by its run-time class (Values.dynamicCode), where every java.nio buffer is shared memory.
     */
    public static Object share(java.nio.Buffer b) {
        return b;
    }

    // ---- overload costs (OverloadResolver) ----

    /**
     * The cost of a JS ArrayBuffer or typed array for a buffer parameter p, or -1 (NO). A typed
     * array still prefers the primitive array of its element type (cost 0, as before: an overload
     * pair like CRC32.update(byte[]) / update(ByteBuffer) keeps choosing the array); the java.nio
     * buffer of its element type is next, a ByteBuffer takes the bytes of any view.
     */
    static int cost(ArgTag tag, Class<?> p) {
        TypeCode code = codeOf(p);
        if (code == null) {
            return -1;
        }
        if (code == TypeCode.BYTE_BUFFER && p != ByteBuffer.class) {
            return -1; // MappedByteBuffer: only a Java object of that class
        }
        if (tag == ArgTag.ARRAY_BUFFER) {
            return code == TypeCode.BYTE_BUFFER ? 0 : -1;
        }
        int kind = code.ordinal() - TypeCode.BYTE_BUFFER.ordinal();
        int tagKind = kindOf(tag);
        if (tagKind < 0) {
            return -1;
        }
        // the bytes of another view: after the element-wise arrays (5), which it did not displace
        return kind == tagKind ? 1 : kind == BYTE ? 6 : -1;
    }

    private static int kindOf(ArgTag tag) {
        switch (tag) {
            case INT8_ARRAY: return BYTE;
            case INT16_ARRAY: return SHORT;
            case UINT16_ARRAY: return CHAR;
            case INT32_ARRAY: return INT;
            case FLOAT32_ARRAY: return FLOAT;
            case FLOAT64_ARRAY: return DOUBLE;
            case BIGINT64_ARRAY: return LONG;
            default: return -1;
        }
    }
}
