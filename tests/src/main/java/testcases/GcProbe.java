package testcases;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/** Watches objects through WeakReferences so JS can check they are released. */
public final class GcProbe {
    private GcProbe() {}

    private static final List<WeakReference<Object>> WATCHED = new ArrayList<>();
    private static WeakReference<Object> last;

    public static class Payload {
        public final byte[] data = new byte[1024];
        public final int id;
        public Payload(int id) { this.id = id; }
    }

    /** Creates a new object and watches it; collected() reports on the latest one. */
    public static Payload create() {
        Payload p = new Payload(WATCHED.size());
        last = new WeakReference<>(p);
        WATCHED.add(last);
        return p;
    }

    /** Watches any object; returns its id for collected(int). */
    public static synchronized int track(Object o) {
        WATCHED.add(new WeakReference<>(o));
        return WATCHED.size() - 1;
    }

    /** After System.gc(): has the object from the latest create() been collected? */
    public static boolean collected() {
        System.gc();
        return last != null && last.get() == null;
    }

    /** After System.gc(): has the tracked object been collected? */
    public static boolean collected(int id) {
        System.gc();
        return WATCHED.get(id).get() == null;
    }
}
