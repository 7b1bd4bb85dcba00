package bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collections for bench/values: a 100k-element list and map built once per process. */
public final class ValueTarget {
    private ValueTarget() {
    }

    public static List<Integer> ints(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(i);
        return out;
    }

    public static Map<String, Integer> map(int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < n; i++) out.put("k" + i, i);
        return out;
    }

    /** Java's own loop over the same list: the floor for any JS loop over it. */
    public static long sum(List<Integer> list) {
        long s = 0;
        for (int x : list) s += x;
        return s;
    }
}
