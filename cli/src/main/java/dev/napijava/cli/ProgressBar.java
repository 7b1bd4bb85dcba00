package dev.napijava.cli;

import dev.napijava.analyzer.ApiModel;
import java.io.PrintWriter;

/** A one-line progress bar on stderr, only when it is a terminal (for large jars). */
public final class ProgressBar implements ApiModel.ProgressListener {
    private final PrintWriter err;
    private boolean drawn;
    private long last;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    public static ProgressBar forTerminal(PrintWriter err) {
        boolean terminal = System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
        return terminal || Boolean.getBoolean("napi.java.progress") ? new ProgressBar(err) : null;
    }

    @Override
    public void progress(String step, int done, int total) {
        long now = System.nanoTime();
        if (done != total && now - last < 50_000_000L) {
            return;
        }
        last = now;
        int width = 30;
        int filled = total == 0 ? 0 : (int) ((long) done * width / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + (total == 0 ? 0 : done * 100 / total)
                + "% " + step + "        ");
        err.flush();
        drawn = true;
    }

    public void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(70) + "\r");
            err.flush();
        }
    }
}
