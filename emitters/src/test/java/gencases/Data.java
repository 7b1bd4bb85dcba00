package gencases;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Date;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Test case for the generator: the marshaling table's rows (collections, records, classes, dates, numbers). */
public class Data {
    public record Point(int x, int y) { }

    public record Pair<A, B>(A first, B second) { }

    public enum Color { RED, GREEN }

    /** Components of the kinds a plain JS object can give. */
    public record Shape(String name, Point origin, Color color, List<Point> corners, Set<String> tags,
            Map<String, Integer> weights, @Nullable String note, Date when, BigDecimal scale, int[] bits, Object extra) { }

    /** A component no JS value fits (a JS array is an Object[]): only the Java record is typed. */
    public record Labels(String[] labels) { }

    /** A record that contains itself. */
    public record Node(String value, Node next) { }

    public static String draw(Shape s) { return s.name(); }

    public static int count(Labels l) { return l.labels().length; }

    public static Node link(Node n) { return n; }

    public static <A, B> Pair<B, A> swap(Pair<A, B> p) { return new Pair<>(p.second(), p.first()); }

    public static int size(Collection<?> c) { return c.size(); }

    public static String join(Iterable<String> parts) { return String.join(",", parts); }

    public static Set<String> unique(Set<String> s) { return s; }

    public static int byId(Map<Integer, String> m) { return m.size(); }

    public static <T> T read(String json, Class<T> type) { return null; }

    public static Date when(Instant i) { return Date.from(i); }

    public static Instant at(LocalDate d) { return Instant.EPOCH; }

    public static Timestamp stamp(Timestamp t) { return t; }

    public static BigInteger big(BigInteger b) { return b; }

    public static BigDecimal dec(BigDecimal d) { return d; }

    public static Long boxedLong() { return 1L; }

    public static long primitiveLong() { return 1L; }

    public static Object any(Object o) { return o; }

    public static Number number() { return 1; }

    public static Iterator<String> iterator() { return List.of("a").iterator(); }

    public static Stream<String> stream() { return Stream.of("a"); }

    public static Enumeration<String> words() { return java.util.Collections.emptyEnumeration(); }

    public static Map<String, List<Point>> grouped() { return Map.of(); }

    public static Map.Entry<String, Integer> entry() { return Map.entry("a", 1); }

    /** A List with a length() method of its own: the package's length (its size) hides it. */
    public static class Row extends AbstractList<String> {
        @Override
        public String get(int index) { return "x"; }

        @Override
        public int size() { return 1; }

        public int length() { return 3; }
    }

    /** Iterable without being a collection. */
    public static class Words implements Iterable<String> {
        @Override
        public Iterator<String> iterator() { return List.of("a").iterator(); }
    }
}
