package dev.napijava.bridge;

import dev.napijava.JSEnvironmentClosedException;
import dev.napijava.JSException;
import dev.napijava.JSInvalidThreadAccessException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One Node environment (main thread or worker) as Java sees it: its JS thread, its identity table
 * and the queue through which other Java threads reach JS. Only the JS thread touches JS values;
 * every other thread posts a task here and the native core runs it on the JS thread.
 *
 * <p>An environment ends (worker exit or terminate, process exit, hosted close) while other
 * threads may still hold its proxies, futures and queued calls. {@link #close()} is called first
 * (by the native core, or by the hosting code): from then on nothing reaches the native side
 * again; queued calls, waiting threads and futures of JS promises fail with
 * {@link JSEnvironmentClosedException}, fire-and-forget work is dropped (as Node drops a
 * terminated worker's pending work).
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

    /** A queued unit of work somebody waits for: told when it will never run. */
    public abstract static class Task implements Runnable {
        /** The environment ended before the task ran. */
        protected abstract void abandon(JSEnvironmentClosedException why);
    }

    final long nativeCtx;
    final Thread jsThread;
    /** JS functions and objects already seen as an interface: the same proxy again (JsProxies). */
    final JsProxies.Cache proxies = new JsProxies.Cache();
    /** JS values Java holds (JSValue handles, proxies, callbacks): native references not yet released (JsRef). */
    final java.util.concurrent.atomic.AtomicLong heldJsValues = new java.util.concurrent.atomic.AtomicLong();
    /** Tasks for the JS thread, guarded by this. A plain monitor rather than concurrent collections:
     *  those pull the VarHandle machinery into every start, a few ms in the interpreter. */
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    /** Guarded by this: a wake-up is scheduled and its drain has not emptied the queue yet. */
    private boolean wakePending;
    /** Orders wake() against close(): no wake-up reaches a native queue that close() let go. */
    private final Object wakeLock = new Object();
    /** Native int: depth of JS -> Java synchronous calls in progress on the JS thread (a plain
     *  memory write per call in C, read here only while a Java thread waits for JS). Its memory is
     *  never freed, so a read racing the environment's end reads a stale count, nothing worse. */
    private final ByteBuffer syncDepth;
    /** Set when the environment ends: no more wake-ups of its (soon freed) native queue. */
    private volatile boolean closed;
    /** Futures of JS promises not settled yet (guarded by this): failed if the environment ends first. */
    private final Map<CompletableFuture<?>, Boolean> unsettled = new IdentityHashMap<>();
    private static final ThreadLocal<JsEnv> CURRENT = new ThreadLocal<>();

    /** Schedules {@link #drain} on the JS thread: {@link #wake} (a unit test's own otherwise: JsEnvTest). */
    private final java.util.function.LongConsumer waker;

    /** {@link #wake} as a class, not a method reference: no lambda bootstrap in every start. */
    private static final class NativeWake implements java.util.function.LongConsumer {
        @Override
        public void accept(long ctx) {
            wake(ctx);
        }
    }

    private static final NativeWake NATIVE_WAKE = new NativeWake();

    JsEnv(long nativeCtx, ByteBuffer syncDepth, java.util.function.LongConsumer waker) {
        this.nativeCtx = nativeCtx;
        this.waker = waker;
        this.jsThread = Thread.currentThread();
        this.syncDepth = syncDepth.order(ByteOrder.nativeOrder());
        Bridge.registerJsThread(jsThread);
        CURRENT.set(this);
    }

    /** The environment whose JS thread is the calling thread, or null. */
    public static JsEnv current() {
        JsEnv env = CURRENT.get();
        return env == null || env.closed ? null : env;
    }

    /** The fast calls' memory ({@link #callSlots}); JS thread only. */
    private CallSlots callSlots;

    /** The memory of this environment's fast calls into JS, made and handed to C on first use; JS thread only. */
    CallSlots callSlots() {
        CallSlots cs = callSlots;
        if (cs == null) {
            cs = new CallSlots();
            JSValueNatives.registerSlots(nativeCtx, cs.slots);
            callSlots = cs;
        }
        return cs;
    }

    /** The native context, for the natives of {@link JSValueNatives}. */
    long nativeContext() {
        return nativeCtx;
    }

    /**
     * The environment ends: later posts are dropped, queued tasks and waiting callers fail, futures
     * of unsettled promises fail. Idempotent; from any thread (the native core calls it on the JS
     * thread before the environment's native state goes away).
     */
    public void close() {
        List<Runnable> dropped;
        List<CompletableFuture<?>> pending;
        synchronized (wakeLock) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                dropped = new ArrayList<>(queue);
                queue.clear();
                pending = new ArrayList<>(unsettled.keySet());
                unsettled.clear();
            }
        }
        Bridge.unregisterJsThread(jsThread);
        JSEnvironmentClosedException why = closedError("its work was dropped");
        for (Runnable task : dropped) {
            if (task instanceof Task) {
                ((Task) task).abandon(why);
            }
        }
        for (CompletableFuture<?> future : pending) {
            future.completeExceptionally(closedError("the JS promise never settled"));
        }
    }

    public boolean isClosed() {
        return closed;
    }

    static JSEnvironmentClosedException closedError(String what) {
        return new JSEnvironmentClosedException("The Node.js environment has ended (a worker exited or was "
                + "terminated, the process is exiting, or the hosted environment was closed): " + what);
    }

    /** Called by the native core on the JS thread when the environment starts using Java. */
    public static JsEnv create(long nativeCtx, ByteBuffer syncDepth) {
        return new JsEnv(nativeCtx, syncDepth, NATIVE_WAKE);
    }

    /** Called by the native core for each future a JS promise will complete: fails it if this ends first. */
    public void track(CompletableFuture<?> future) {
        synchronized (this) {
            if (!closed) {
                unsettled.put(future, Boolean.TRUE);
                future.whenComplete((value, error) -> untrack(future));
                return;
            }
        }
        future.completeExceptionally(closedError("the JS promise cannot settle"));
    }

    private synchronized void untrack(CompletableFuture<?> future) {
        unsettled.remove(future);
    }

    /** Called by the native core: a JS throw as a JSException holding the thrown value. */
    static JSException jsException(JsEnv env, Object thrown, String name, String message, String stack) {
        return new JSException(name, message, stack, JSValueNatives.asValue(thrown));
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

    /** Runs the task on the JS thread, later; from any thread. False (and the task dropped, or
     *  abandoned if it is a {@link Task}) once the environment has ended. */
    public boolean post(Runnable task) {
        boolean mustWake;
        boolean accepted;
        synchronized (this) {
            accepted = !closed;
            mustWake = accepted && !wakePending;
            if (accepted) {
                queue.add(task);
                wakePending = true;
            }
        }
        if (!accepted) {
            if (task instanceof Task) {
                ((Task) task).abandon(closedError("it was queued after the end"));
            }
            return false;
        }
        if (mustWake) {
            // Not under this monitor, which drain() takes per task: the JS thread never waits for it.
            synchronized (wakeLock) {
                if (!closed) {
                    waker.accept(nativeCtx);
                }
            }
        }
        return true;
    }

    /*
     * Termination of the JS a task runs (NodejsEnvironment.terminateExecution): only while a task
     * runs, and resumed before the task's frame is left, so that a termination never reaches JS that
     * Node itself called (a timer, I/O: Node aborts on the async-context stack such JS leaves).
     */
    private final Object terminationLock = new Object();
    private boolean inTask;
    private Runnable resumeAfterTermination;

    /** Runs terminate now if a task is running (its resume when that task ends); false otherwise. */
    public boolean terminateTask(Runnable terminate, Runnable resume) {
        synchronized (terminationLock) {
            if (!inTask || closed) {
                return false;
            }
            terminate.run();
            resumeAfterTermination = resume;
            return true;
        }
    }

    private void runTask(Runnable task) {
        synchronized (terminationLock) {
            inTask = true;
        }
        try {
            task.run();
        } finally {
            synchronized (terminationLock) {
                inTask = false;
                Runnable resume = resumeAfterTermination;
                resumeAfterTermination = null;
                if (resume != null) {
                    resume.run();
                }
            }
        }
    }

    /** Runs queued tasks; called by the native core on the JS thread. */
    public void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = closed ? null : queue.poll();
                if (task == null) {
                    wakePending = false; // a later post wakes the JS thread again
                    return;
                }
            }
            try {
                runTask(task);
            } catch (Throwable t) {
                // tasks report their own failures to whoever waits for them
            }
        }
    }

    /** Takes a task back that has not run yet; false when it ran (or runs) already. */
    private synchronized boolean unpost(Runnable task) {
        return queue.remove(task);
    }

    /** A call someone waits for: its future completes with the result, the failure, or the
     *  environment's end. */
    public static final class Call<T> extends Task {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Supplier<T> call;

        public Call(Supplier<T> call) {
            this.call = call;
        }

        public CompletableFuture<T> result() {
            return result;
        }

        @Override
        public void run() {
            try {
                result.complete(call.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }

        @Override
        protected void abandon(JSEnvironmentClosedException why) {
            result.completeExceptionally(why);
        }
    }

    /**
     * Runs the call on the JS thread: directly when already there (re-entrant, e.g. a comparator
     * during list.sort), else through the queue while this thread waits. If the JS thread is parked
     * inside a synchronous Java call meanwhile, the two threads most likely wait for each other:
     * fail with a clear error instead of hanging. If the environment ends, fail with
     * {@link JSEnvironmentClosedException}.
     */
    public <T> T callOnJsThread(Supplier<T> call, Object what) {
        if (onJsThread() && !closed) {
            return call.get();
        }
        if (closed) {
            throw closedError(what + " cannot run");
        }
        Call<T> task = new Call<>(call);
        post(task);
        long blockedSince = 0;
        while (true) {
            try {
                return task.result().get(10, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
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
        if (closed || syncDepth.getInt(0) == 0) {
            return false;
        }
        Thread.State state = jsThread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }

    /** For diagnostics. */
    @Override
    public String toString() {
        return "JsEnv[" + jsThread.getName() + (closed ? ", ended" : "") + "]";
    }
}
