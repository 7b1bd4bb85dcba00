package dev.napijava.bridge;

import dev.napijava.JSInvalidThreadAccessException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One Node environment (main thread or worker) as Java sees it: its JS thread, its identity table
 * and the queue through which other Java threads reach JS. Only the JS thread touches JS values;
 * every other thread posts a task here and the native core runs it on the JS thread.
 */
public final class JsEnv {
    /** How long the JS thread may stay parked inside a synchronous Java call before a Java
     *  thread waiting on JS concludes that the two wait for each other. */
    static final long DEADLOCK_GRACE_MS = Long.getLong("napi.java.deadlockGraceMs", 300);
    /** Started on first use (a thread): start-up does not pay for it. */
    static final class Cleaners {
        static final Cleaner CLEANER = Cleaner.create();

        private Cleaners() {
        }
    }

    final long nativeCtx;
    final Thread jsThread;
    public final ObjectTable objects = new ObjectTable();
    /** Tasks for the JS thread, guarded by this. A plain monitor rather than concurrent collections:
     *  those pull the VarHandle machinery into every start, a few ms in the interpreter. */
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    /** Guarded by this: a wake-up is scheduled and its drain has not emptied the queue yet. */
    private boolean wakePending;
    /** Orders wake() against close(): no wake-up reaches a native queue that close() let go. */
    private final Object wakeLock = new Object();
    /** Native int: depth of JS -> Java synchronous calls in progress on the JS thread (a plain
     *  memory write per call in C, read here only while a Java thread waits for JS). */
    private final ByteBuffer syncDepth;
    /** Set when a hosted environment stops: no more wake-ups of its (soon freed) native queue. */
    private volatile boolean closed;
    private static final ThreadLocal<JsEnv> CURRENT = new ThreadLocal<>();

    private JsEnv(long nativeCtx, ByteBuffer syncDepth) {
        this.nativeCtx = nativeCtx;
        this.jsThread = Thread.currentThread();
        this.syncDepth = syncDepth.order(ByteOrder.nativeOrder());
        Bridge.registerJsThread(jsThread);
        CURRENT.set(this);
    }

    /** The environment whose JS thread is the calling thread, or null. */
    public static JsEnv current() {
        return CURRENT.get();
    }

    /** The native context, for the natives of {@link JsValues}. */
    long nativeContext() {
        return nativeCtx;
    }

    /** The hosted environment is stopping: later posts are dropped, waiting callers fail. */
    public void close() {
        synchronized (wakeLock) {
            synchronized (this) {
                closed = true;
                queue.clear();
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Called by the native core on the JS thread when the environment starts using Java. */
    public static JsEnv create(long nativeCtx, ByteBuffer syncDepth) {
        return new JsEnv(nativeCtx, syncDepth);
    }

    // ---- implemented by the native core (registered with RegisterNatives) ----

    /** Schedules {@link #drain} on the JS thread; callable from any thread. */
    static native void wake(long ctx);

    /** Calls a JS function (member == null) or a method of a JS object; JS thread only. */
    static native Object invokeJs(long ctx, long cookie, String member, Object[] args, TypeRef returnType);

    /** Drops the native reference behind a JsRef; JS thread only. */
    static native void releaseRef(long ctx, long cookie);

    /** Resolves (error == null) or rejects a JS promise made for an async Java call; JS thread only. */
    static native void settle(long ctx, long deferred, Object value, Throwable error, TypeRef type);

    // ---- thread routing ----

    public boolean onJsThread() {
        return Thread.currentThread() == jsThread;
    }

    /** Runs the task on the JS thread, later; from any thread. */
    public void post(Runnable task) {
        boolean mustWake;
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.add(task);
            mustWake = !wakePending;
            wakePending = true;
        }
        if (mustWake) {
            // Not under this monitor, which drain() takes per task: the JS thread never waits for it.
            synchronized (wakeLock) {
                if (!closed) {
                    wake(nativeCtx);
                }
            }
        }
    }

    /** Runs queued tasks; called by the native core on the JS thread. */
    public void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = queue.poll();
                if (task == null) {
                    wakePending = false; // a later post wakes the JS thread again
                    return;
                }
            }
            try {
                task.run();
            } catch (Throwable t) {
                // tasks report their own failures to whoever waits for them
            }
        }
    }

    /** Takes a task back that has not run yet; false when it ran (or runs) already. */
    private synchronized boolean unpost(Runnable task) {
        return queue.remove(task);
    }

    /**
     * Runs the call on the JS thread: directly when already there (re-entrant, e.g. a comparator
     * during list.sort), else through the queue while this thread waits. If the JS thread is parked
     * inside a synchronous Java call meanwhile, the two threads most likely wait for each other:
     * fail with a clear error instead of hanging.
     */
    public <T> T callOnJsThread(Supplier<T> call, Object what) {
        if (onJsThread()) {
            return call.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                result.complete(call.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        };
        post(task);
        long blockedSince = 0;
        while (true) {
            try {
                return result.get(10, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (closed) {
                    unpost(task);
                    throw new IllegalStateException("The Node.js environment was closed (" + what + " not run)");
                }
                if (!jsThreadParkedInJava()) {
                    blockedSince = 0;
                } else if (blockedSince == 0) {
                    blockedSince = System.nanoTime();
                } else if (System.nanoTime() - blockedSince > TimeUnit.MILLISECONDS.toNanos(DEADLOCK_GRACE_MS)
                        && unpost(task)) {
                    throw new JSInvalidThreadAccessException("Cannot call JS (" + what + ") from thread '"
                            + Thread.currentThread().getName() + "': the JS thread is blocked inside a synchronous "
                            + "Java call (for more than " + DEADLOCK_GRACE_MS + " ms), most likely waiting for this "
                            + "thread. Call that Java method from JS with its Async variant (e.g. "
                            + "await obj.methodAsync(...)) so the JS thread stays free to run callbacks.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unpost(task);
                throw new JSInvalidThreadAccessException("Interrupted while waiting for the JS thread (" + what + ")");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** The JS thread is inside a synchronous Java call and parked there (not running JS). */
    private boolean jsThreadParkedInJava() {
        if (syncDepth.getInt(0) == 0) {
            return false;
        }
        Thread.State state = jsThread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }
}
