package testcases;

import java.util.ArrayList;
import java.util.List;

/** Object identity across the boundary. */
public class Identity {
    private static final Identity SHARED = new Identity("shared");

    public final String tag;
    private final List<Object> kept = new ArrayList<>();

    public Identity(String tag) { this.tag = tag; }

    public static Identity shared() { return SHARED; }
    public static Identity fresh() { return new Identity("fresh"); }
    public static Object echo(Object o) { return o; }
    public static boolean same(Object a, Object b) { return a == b; }

    public Identity self() { return this; }

    public void keep(Object o) { kept.add(o); }
    public Object kept(int i) { return kept.get(i); }

    /** The same object twice, in one array. */
    public static Object[] twice(Object o) { return new Object[] {o, o}; }

    @Override
    public String toString() { return "Identity(" + tag + ")"; }
}
