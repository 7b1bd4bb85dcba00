package testcases;

/** Starts a non-daemon Java thread that never ends by itself. */
public final class Threads {
    private Threads() {}

    private static volatile Thread started;

    public static Thread startNonDaemon() {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // keep running: only the process exit may end this thread
                }
            }
        }, "napi-test-non-daemon");
        t.setDaemon(false);
        t.start();
        started = t;
        return t;
    }

    public static boolean running() {
        Thread t = started;
        return t != null && t.isAlive() && !t.isDaemon();
    }
}
