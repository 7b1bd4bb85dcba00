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
import java.util.ArrayDeque;

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

    /** Called by the native side when V8 frees the memory of an ArrayBuffer it made over b: chunks
     *  of {@link ChunkPool} go back to their pool (unless Java got a view of them meanwhile). */
    public static void released(Buffer b, boolean escaped) {
        if (b instanceof ByteBuffer) {
            if (escaped) {
                ChunkPool.forget((ByteBuffer) b); // Java holds views of it: the GC frees it
            } else {
                ChunkPool.recycle((ByteBuffer) b);
            }
        }
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

    /**
     * A view the native side made (NewDirectByteBuffer over JS-visible memory that {@code owner}
     * owns) as the buffer Java expects: the owner stays reachable while the view or anything made
     * from it is (a Cleaner holds it, and views of the view reference the view).
     */
    public static Buffer view(ByteBuffer bytes, Buffer owner, int kind) {
        JsEnv.Cleaners.CLEANER.register(bytes, new KeepAlive(owner));
        return typed(bytes, kind);
    }

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

    /** jvm.toBuffer(b): a Java buffer reached as an object (e.g. from a collection) as its JS view. */
    public static ByteBuffer share(ByteBuffer b) {
        return b;
    }

    public static ShortBuffer share(ShortBuffer b) {
        return b;
    }

    public static CharBuffer share(CharBuffer b) {
        return b;
    }

    public static IntBuffer share(IntBuffer b) {
        return b;
    }

    public static LongBuffer share(LongBuffer b) {
        return b;
    }

    public static FloatBuffer share(FloatBuffer b) {
        return b;
    }

    public static DoubleBuffer share(DoubleBuffer b) {
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
        return kind == tagKind ? 1 : kind == BYTE ? 3 : -1;
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

    // ---- chunks of the stream paths (Streams): direct memory reused once V8 lets it go ----

    /** Direct buffers of CHUNK bytes that JS no longer holds, reused for the next chunks read. */
    static final class ChunkPool {
        static final int CHUNK = 256 * 1024;
        /** Kept for reuse at most (8 MiB); more are left to the GC. */
        private static final int KEEP = 32;
        private static final ArrayDeque<ByteBuffer> FREE = new ArrayDeque<>();
        /** The buffers this pool made (so that only they come back): identity set, guarded by FREE. */
        private static final java.util.Set<ByteBuffer> OWN =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        private ChunkPool() {
        }

        /** A cleared chunk: reused, or new. Once handed to JS it comes back through recycle(). */
        static ByteBuffer take() {
            synchronized (FREE) {
                ByteBuffer b = FREE.poll();
                if (b != null) {
                    return b.clear();
                }
            }
            ByteBuffer b = ByteBuffer.allocateDirect(CHUNK);
            synchronized (FREE) {
                if (OWN.size() < KEEP) {
                    OWN.add(b);
                }
            }
            return b;
        }

        /** A chunk JS no longer holds (and Java never got a view of): free for the next read. */
        static void recycle(ByteBuffer b) {
            synchronized (FREE) {
                if (OWN.contains(b)) {
                    FREE.push(b);
                }
            }
        }

        /** A chunk that is not handed to JS after all (end of stream, an exception). */
        static void giveBack(ByteBuffer b) {
            recycle(b);
        }

        /** A chunk Java got views of: never reused, left to the GC with them. */
        static void forget(ByteBuffer b) {
            synchronized (FREE) {
                OWN.remove(b);
            }
        }
    }
}
