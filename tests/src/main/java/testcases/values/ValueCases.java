package testcases.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Values that should feel native on both sides: collections, records, enums, dates, big numbers, classes. */
public final class ValueCases {
    private ValueCases() {
    }

    public record Point(int x, int y) {
    }

    public record Person(String name, int age, List<String> tags, Point home) {
        public Person {
            if (age < 0) throw new IllegalArgumentException("age must not be negative: " + age);
        }
    }

    public enum Planet { MERCURY, VENUS, EARTH }

    // ---- Java collections out ----

    public static List<Integer> ints(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(i);
        return out;
    }

    public static Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("apples", 3);
        m.put("pears", 5);
        return m;
    }

    public static Map<Long, String> byId() {
        Map<Long, String> m = new TreeMap<>();
        m.put(1L, "one");
        m.put(2L, "two");
        return m;
    }

    public static Map<Point, String> byPoint() {
        Map<Point, String> m = new LinkedHashMap<>();
        m.put(new Point(1, 2), "a");
        return m;
    }

    public static Set<String> set() {
        return new LinkedHashSet<>(List.of("x", "y", "z"));
    }

    public static Iterator<String> iterator() {
        return List.of("i1", "i2").iterator();
    }

    public static Enumeration<String> enumeration() {
        return Collections.enumeration(List.of("e1", "e2", "e3"));
    }

    public static Stream<String> stream() {
        return Stream.of("s1", "s2");
    }

    private static final AtomicInteger PULLED = new AtomicInteger();

    /** An endless lazy iterator that counts how many elements were taken from it. */
    public static Iterator<Integer> endless() {
        PULLED.set(0);
        return new Iterator<Integer>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return PULLED.incrementAndGet();
            }
        };
    }

    public static int pulled() {
        return PULLED.get();
    }

    public static Map<String, Object> nested() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", List.of(1, 2));
        m.put("point", new Point(3, 4));
        m.put("planet", Planet.EARTH);
        m.put("big", BigInteger.ONE.shiftLeft(70));
        m.put("long", 5L);
        m.put("decimal", new BigDecimal("12.50"));
        m.put("when", new java.util.Date(0));
        return m;
    }

    // ---- records ----

    public static Point point(int x, int y) {
        return new Point(x, y);
    }

    public static String describe(Point p) {
        return p.toString();
    }

    public static String describePerson(Person p) {
        return p.toString();
    }

    // ---- JS collections in ----

    public static int size(Collection<?> c) {
        return c.size();
    }

    public static String join(List<String> l) {
        return String.join(",", l);
    }

    public static void append(List<Object> l, Object v) {
        l.add(v);
    }

    public static void sortDescending(List<Integer> l) {
        l.sort(Collections.reverseOrder());
    }

    public static String describeMap(Map<String, Object> m) {
        return m.getClass().getSimpleName() + m.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() == null ? "null" : e.getValue().getClass().getSimpleName() + ":" + e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    public static String describeSet(Set<?> s) {
        return s.getClass().getSimpleName() + s;
    }

    public static String describeObject(Object o) {
        return o == null ? "null" : o.getClass().getName() + ":" + o;
    }

    // ---- interfaces ----

    public interface Listener {
        void changed(String what);
    }

    private static final List<Listener> LISTENERS = new ArrayList<>();

    public static void addListener(Listener l) {
        LISTENERS.add(l);
    }

    public static boolean removeListener(Listener l) {
        return LISTENERS.remove(l);
    }

    public static int listeners() {
        return LISTENERS.size();
    }

    public static void fire(String what) {
        for (Listener l : new ArrayList<>(LISTENERS)) l.changed(what);
    }

    public interface Shape {
        double area();
    }

    public static double area(Shape s) {
        return s.area();
    }

    public static String shapeOrObject(Shape s) {
        return "shape";
    }

    // ---- exceptions thrown by JS implementations ----

    /** What Java caught from a JS supplier: the exception's class and message. */
    public static String catching(java.util.function.Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** A JS callable that may throw a checked Java exception, which Java catches as itself. */
    public static String catchingChecked(java.util.concurrent.Callable<String> c) {
        try {
            return c.call();
        } catch (java.io.IOException e) {
            return "IOException: " + e.getMessage();
        } catch (Exception e) {
            return "other " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    public static String through(java.util.function.Supplier<String> s) {
        return s.get();
    }

    /** Java iterating a JS iterator, which ends by throwing NoSuchElementException as Java's contract says. */
    public static int drain(Iterator<?> it) {
        int n = 0;
        try {
            while (true) {
                it.next();
                n++;
            }
        } catch (java.util.NoSuchElementException e) {
            return n;
        }
    }

    // ---- classes ----

    public static String className(Class<?> c) {
        return c.getName();
    }

    public static List<String> services() {
        List<String> out = new ArrayList<>();
        for (Service s : ServiceLoader.load(Service.class)) out.add(s.name());
        return out;
    }

    /** A service interface; its providers may come from a jar added with jvm.load(). */
    public interface Service {
        String name();
    }

    public static final class Named {
        public static String name() {
            return "static name";
        }

        @Override
        public String toString() {
            return "a Named";
        }
    }

    public static Named named() {
        return new Named();
    }

    public static final class BadToString {
        @Override
        public String toString() {
            throw new IllegalStateException("toString fails");
        }
    }

    public static BadToString badToString() {
        return new BadToString();
    }

    // ---- dates ----

    public static java.util.Date date(long ms) {
        return new java.util.Date(ms);
    }

    public static Instant instant(long ms) {
        return Instant.ofEpochMilli(ms);
    }

    public static java.sql.Timestamp timestamp(long ms) {
        return new java.sql.Timestamp(ms);
    }

    public static long millis(java.util.Date d) {
        return d.getTime();
    }

    public static long millis(Instant i) {
        return i.toEpochMilli();
    }

    public static String timestampInfo(java.sql.Timestamp t) {
        return t.getClass().getSimpleName() + ":" + t.getTime();
    }

    public static String local(LocalDateTime t) {
        return t.toString();
    }

    public static String localDate(LocalDate d) {
        return d.toString();
    }

    public static String offset(OffsetDateTime t) {
        return t.toInstant().toEpochMilli() + "@" + t.getOffset();
    }

    public static String zoned(ZonedDateTime t) {
        return t.toInstant().toEpochMilli() + "@" + t.getZone();
    }

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "value-cases-scheduler");
        t.setDaemon(true);
        return t;
    });

    public static ScheduledFuture<String> later(String value, long millis) {
        return SCHEDULER.schedule(() -> value, millis, TimeUnit.MILLISECONDS);
    }

    // ---- numbers ----

    public static BigInteger big(String digits) {
        return new BigInteger(digits);
    }

    public static String bigText(BigInteger b) {
        return b.toString();
    }

    public static String decText(BigDecimal d) {
        return d.toPlainString();
    }

    public static long primitiveLong(long v) {
        return v;
    }

    public static Long boxedLong(long v) {
        return v;
    }

    public static Object asObject(Object o) {
        return o;
    }

    public static String typeOf(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    public static String takesLong(long v) {
        return "long:" + v;
    }

    public static String takesByte(byte b) {
        return "byte:" + b;
    }

    // ---- overloads by array elements ----

    public static String pick(int[] a) {
        return "int[]";
    }

    public static String pick(double[] a) {
        return "double[]";
    }

    public static String pick(String[] a) {
        return "String[]";
    }

    public static String pick(char[] a) {
        return "char[]";
    }

    public static String pick(boolean[] a) {
        return "boolean[]";
    }

    public static String pick(Object[] a) {
        return "Object[]";
    }
}
