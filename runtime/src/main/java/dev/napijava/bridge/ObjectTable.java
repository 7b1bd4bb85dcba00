package dev.napijava.bridge;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Identity map of the Java objects that currently have a JS wrapper in one Node environment:
 * object -> cookie of the native wrapper record. It keeps "same Java object, same JS object".
 * The JS wrapper's finalizer detaches its cookie, so the map holds an object only while JS can
 * still reach it. Used only from that environment's JS thread.
 */
public final class ObjectTable {
    private final Map<Object, Long> cookies = new IdentityHashMap<>();

    /** The cookie of the object's current wrapper record, or 0 when it has none. */
    public long lookup(Object o) {
        Long cookie = cookies.get(o);
        return cookie == null ? 0L : cookie;
    }

    public void attach(Object o, long cookie) {
        cookies.put(o, cookie);
    }

    /** Called by a wrapper's finalizer; a newer wrapper of the same object keeps its entry. */
    public void detach(Object o, long cookie) {
        Long current = cookies.get(o);
        if (current != null && current == cookie) {
            cookies.remove(o);
        }
    }

    public int size() {
        return cookies.size();
    }
}
