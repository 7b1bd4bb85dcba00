package dev.napijava.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.napijava.JSEnvironmentClosedException;
import dev.napijava.JSInvalidThreadAccessException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JsEnv's queue without Node: the thread that makes the JsEnv plays the JS thread and drains by hand,
 * the native wake-up is counted. What Java threads rely on when they reach JS: order, one wake-up per
 * batch, nothing lost or left waiting at the end, re-entrant calls, and the deadlock grace (a Java
 * thread waiting for a JS thread that is parked in a synchronous Java call fails instead of hanging).
 */
@Timeout(60) // a broken deadlock check would hang, not fail
class JsEnvTest {
    private final AtomicInteger wakes = new AtomicInteger();
    private final ByteBuffer syncDepth = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());

    private JsEnv env() {
        return new JsEnv(0, syncDepth, ctx -> wakes.incrementAndGet());
    }

    private static void onOtherThread(Runnable r) throws InterruptedException {
        Thread t = new Thread(r, "java-worker");
        t.start();
        t.join(10_000);
        assertFalse(t.isAlive(), "the worker thread finished");
    }

    @Test
    void postsFromOtherThreadsRunInOrderOnTheJsThreadWithOneWakeUpPerBatch() throws Exception {
        JsEnv env = env();
        List<String> ran = new ArrayList<>();
        AtomicBoolean onJs = new AtomicBoolean(true);
        onOtherThread(() -> {
            for (String s : List.of("a", "b", "c")) {
                assertTrue(env.post(() -> {
                    ran.add(s);
                    onJs.compareAndSet(true, env.onJsThread());
                }));
            }
        });
        assertEquals(1, wakes.get(), "one wake-up until the drain empties the queue");
        assertEquals(List.of(), ran, "nothing runs before the JS thread drains");
        env.drain();
        assertEquals(List.of("a", "b", "c"), ran);
        assertTrue(onJs.get(), "the tasks ran on the JS thread");
        onOtherThread(() -> env.post(() -> ran.add("d")));
        assertEquals(2, wakes.get(), "a post after the drain wakes the JS thread again");
        env.drain();
        assertEquals(List.of("a", "b", "c", "d"), ran);
        env.close();
    }

    @Test
    void aFailingTaskDoesNotStopTheDrain() {
        JsEnv env = env();
        List<String> ran = new ArrayList<>();
        env.post(() -> {
            throw new IllegalStateException("boom");
        });
        env.post(() -> ran.add("after"));
        env.drain();
        assertEquals(List.of("after"), ran);
        env.close();
    }

    @Test
    void theEndFailsQueuedCallsAndRefusesLaterPostsWithoutWakingTheGoneQueue() throws Exception {
        JsEnv env = env();
        JsEnv.Call<Integer> queued = new JsEnv.Call<>(() -> 1);
        assertTrue(env.post(queued));
        int wakesBefore = wakes.get();
        env.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> queued.result().get(5, TimeUnit.SECONDS));
        assertInstanceOf(JSEnvironmentClosedException.class, e.getCause());
        JsEnv.Call<Integer> late = new JsEnv.Call<>(() -> 2);
        assertFalse(env.post(late));
        assertInstanceOf(JSEnvironmentClosedException.class,
                assertThrows(ExecutionException.class, () -> late.result().get(5, TimeUnit.SECONDS)).getCause());
        assertEquals(wakesBefore, wakes.get(), "no wake-up after the end");
        env.drain(); // runs nothing: the queue was dropped
        assertTrue(env.isClosed());
        env.close(); // idempotent
    }

    @Test
    void futuresOfUnsettledPromisesFailAtTheEnd() {
        JsEnv env = env();
        CompletableFuture<Object> pending = new CompletableFuture<>();
        CompletableFuture<Object> settled = new CompletableFuture<>();
        env.track(pending);
        env.track(settled);
        settled.complete("done");
        env.close();
        assertInstanceOf(JSEnvironmentClosedException.class,
                assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS)).getCause());
        CompletableFuture<Object> afterEnd = new CompletableFuture<>();
        env.track(afterEnd);
        assertTrue(afterEnd.isCompletedExceptionally(), "tracked after the end: failed at once");
    }

    @Test
    void aCallOnTheJsThreadRunsDirectlyAndOneFromAnotherThreadWaitsForTheDrain() throws Exception {
        JsEnv env = env();
        assertEquals(7, env.callOnJsThread(() -> 7, "direct"));
        assertEquals(0, wakes.get(), "re-entrant: not queued");
        AtomicReference<Object> got = new AtomicReference<>();
        Thread caller = new Thread(() -> got.set(env.callOnJsThread(() -> env.onJsThread() ? "on js" : "elsewhere", "queued")));
        caller.start();
        while (wakes.get() == 0) {
            Thread.sleep(1);
        }
        env.drain();
        caller.join(10_000);
        assertEquals("on js", got.get());
        env.close();
    }

    @Test
    void aJavaThreadWaitingForAJsThreadParkedInASyncJavaCallFailsAfterTheGraceInsteadOfHanging() throws Exception {
        CountDownLatch made = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<JsEnv> holder = new AtomicReference<>();
        AtomicInteger ranOnJs = new AtomicInteger();
        // the JS thread: inside a synchronous Java call (depth 1) that waits for the other thread
        Thread js = new Thread(() -> {
            holder.set(env());
            syncDepth.putInt(0, 1);
            made.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            syncDepth.putInt(0, 0);
            holder.get().drain();
        }, "js");
        js.start();
        made.await();
        JsEnv env = holder.get();
        long started = System.nanoTime();
        JSInvalidThreadAccessException e = assertThrows(JSInvalidThreadAccessException.class,
                () -> env.callOnJsThread(ranOnJs::incrementAndGet, "a callback"));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waitedMs >= JsEnv.DEADLOCK_GRACE_MS, "waited the grace first (" + waitedMs + " ms)");
        assertTrue(e.getMessage().contains("a callback") && e.getMessage().contains("Async"), e.getMessage());
        release.countDown();
        js.join(10_000);
        assertEquals(0, ranOnJs.get(), "the failed call was taken back: it never runs later");
        env.close();
    }

    @Test
    void aJsThreadThatIsBusyRatherThanParkedIsWaitedFor() throws Exception {
        CountDownLatch made = new CountDownLatch(1);
        AtomicBoolean spin = new AtomicBoolean(true);
        AtomicReference<JsEnv> holder = new AtomicReference<>();
        // in a synchronous Java call too, but running (RUNNABLE): no deadlock to report, however long
        Thread js = new Thread(() -> {
            holder.set(env());
            syncDepth.putInt(0, 1);
            made.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3 * JsEnv.DEADLOCK_GRACE_MS);
            while (spin.get() && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            syncDepth.putInt(0, 0);
            while (spin.get()) {
                holder.get().drain();
                Thread.onSpinWait();
            }
        }, "js");
        js.start();
        made.await();
        JsEnv env = holder.get();
        try {
            assertEquals("done", env.callOnJsThread(() -> "done", "a busy wait"));
        } finally {
            spin.set(false);
            js.join(10_000);
        }
        assertSame(Boolean.FALSE, js.isAlive());
        env.close();
    }
}
