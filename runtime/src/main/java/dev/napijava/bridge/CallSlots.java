package dev.napijava.bridge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * The memory of one environment's fast calls into JS ({@link JSValueNatives#callFast}), JS thread only.
 * Java classifies each argument into a (tag, bits) pair of longs ({@link Values#slot}) in direct
 * memory that C reads in place, and C writes a primitive result (tag {@code R_*}, bits) over the
 * frame's first pair: no JNI array copy either way. C got the memory's address once
 * ({@code JSValueNatives.registerSlots}) and holds a global reference to it until the environment ends,
 * so the memory outlives every native use of it.
 *
 * <p>Frames: a call made while another is in progress on the thread (JS calling Java calling JS,
 * or Java code run while an argument converts) takes the next frame, so it never overwrites the
 * arguments or the result of the outer call; deeper than {@link #DEPTH} the general path runs.
 */
final class CallSlots {
    /** Arguments of a fast call; FAST_ARGS in native/src/bridge.h (SharedConstantsTest). */
    static final int MAX_ARGS = 16;
    /** Nested fast calls with their own frame (C reads the frame count from the memory's capacity). */
    static final int DEPTH = 8;
    /** Longs per frame: a (tag, bits) pair per argument. */
    static final int FRAME = 2 * MAX_ARGS;

    final LongBuffer slots = ByteBuffer.allocateDirect(DEPTH * FRAME * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    /** Per frame, the arguments C needs as objects (strings, other objects), at their argument index; made on first use. */
    private final Object[][] objects = new Object[DEPTH][];
    /** The first free frame. */
    int depth;

    Object[] objects(int frame) {
        Object[] o = objects[frame];
        return o != null ? o : (objects[frame] = new Object[MAX_ARGS]);
    }
}
