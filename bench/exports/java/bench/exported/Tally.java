package bench.exported;

import dev.napijava.JSExport;

/** An exported class: its instance call against BenchTarget.increment() through the limit. */
@JSExport
public class Tally {
    private int count;

    public int increment() {
        return ++count;
    }
}
