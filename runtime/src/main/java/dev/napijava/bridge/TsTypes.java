package dev.napijava.bridge;

import java.util.List;

/**
 * The TypeScript side of the {@link TypeCode} table: how each type code is spelled in the typings
 * that {@code napi-java generate} writes, in both directions (a value JS passes to Java, a value
 * Java returns to JS). The native core implements the conversions; this table states the same
 * facts for the typings, next to the codes, so typings and behaviour cannot drift apart.
 */
public final class TsTypes {
    private TsTypes() {
    }

    public enum Direction {
        /** Parameters and field writes: what the bridge accepts. */
        TO_JAVA,
        /** Returns and field reads: what the bridge produces. */
        FROM_JAVA
    }

    /** Typed arrays the bridge converts element-wise (with range checks) into numeric primitive arrays. */
    private static final String NUMERIC_TYPED_ARRAYS = "Int8Array | Uint8Array | Uint8ClampedArray | Int16Array"
            + " | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array";

    /**
     * The TS spelling of a value of the given code, or null for {@link TypeCode#OBJECT},
     * {@link TypeCode#ARRAY_OBJECT} and codes the generator types by their Java class (the
     * generator composes those from the class, its type arguments and {@link #BY_VALUE}).
     * Nullability is added by the generator (reference codes accept and may return null).
     */
    public static String of(TypeCode code, Direction direction) {
        boolean in = direction == Direction.TO_JAVA;
        switch (code.name()) {
            case "VOID": return "void";
            case "BOOLEAN": case "BOX_BOOLEAN": return "boolean";
            case "BYTE": case "SHORT": case "INT": case "FLOAT": case "DOUBLE":
            case "BOX_BYTE": case "BOX_SHORT": case "BOX_INTEGER": case "BOX_FLOAT": case "BOX_DOUBLE":
                return "number";
            case "LONG": return "number | bigint";
            case "BOX_LONG": return in ? "number | bigint" : "bigint"; // a Long object is a bigint (README Marshaling)
            case "CHAR": case "BOX_CHAR": case "STRING": return "string";
            // by the run-time class, wherever Java hands them out (results, elements, callback arguments)
            case "BIG_INTEGER": return in ? null : "bigint";
            case "DATE": case "INSTANT": return in ? null : "Date";
            case "ARRAY_BOOLEAN": return in ? "readonly boolean[]" : "boolean[]";
            case "ARRAY_BYTE": case "ARRAY_SHORT": case "ARRAY_INT": case "ARRAY_FLOAT": case "ARRAY_DOUBLE":
                return in ? NUMERIC_TYPED_ARRAYS + " | readonly number[]" : code.jsType;
            case "ARRAY_CHAR": return in ? "Uint16Array | readonly string[]" : code.jsType;
            case "ARRAY_LONG":
                return in ? "BigInt64Array | " + NUMERIC_TYPED_ARRAYS + " | readonly (number | bigint)[]" : code.jsType;
            default: return null;
        }
    }

    /**
     * Codes whose values the bridge converts by their declared type into or out of JS values of another
     * kind. Placeholders the generator fills in: {@code $J} the Java type itself (parameters still take a
     * Java object), {@code $T} a future's type argument (the promise settles with the value converted by
     * its run-time class), {@code $E} / {@code $K} / {@code $V} a collection's or map's type arguments as
     * the JS values in it (converted as for Object when Java reads them), {@code $R} a record's components
     * as a plain object (see {@link #component}). Null for other codes.
     */
    public static String converted(TypeCode code, Direction direction) {
        boolean in = direction == Direction.TO_JAVA;
        switch (code.name()) {
            case "FUTURE": return in ? "Promise<$T> | $J" : "Promise<$T>"; // only a real Promise (napi_is_promise), not any thenable
            case "BIG_INTEGER": return in ? "bigint | number | string | $J" : null; // out: of()
            case "BIG_DECIMAL": return in ? "number | string | bigint | $J" : null;
            case "DATE": case "INSTANT": case "LOCAL_DATE_TIME": return in ? "Date | $J" : null; // out: of()
            case "CLASS": return in ? PROJECTED_CLASS + " | $J" : null;
            case "INPUT_STREAM": return in ? NODE_READABLE + " | $J" : NODE_READABLE;
            case "OUTPUT_STREAM": return in ? NODE_WRITABLE + " | $J" : NODE_WRITABLE;
            // a JS array is a live view, a JS Set a copy (also for a List: an ArrayList)
            case "LIST": return in ? "readonly $E[] | ReadonlySet<$E> | $J" : null;
            case "SET": return in ? "ReadonlySet<$E> | readonly $E[] | $J" : null;
            case "MAP": return in ? "ReadonlyMap<$K, $V> | " + STRING_KEYED + " | $J" : null;
            case "RECORD": return in ? "$R | $J" : null;
            // java.nio buffers: the same memory as a typed array (README "Shared memory"). Results are
            // typed `any`: the buffer classes' own methods return buffers too (clear(), slice()...),
            // and a typed-array result would make TypeScript reject their Java hierarchy
            // (MappedByteBuffer's clear() against ByteBuffer's); at run time they are code.jsType.
            case "BYTE_BUFFER": return in ? "ArrayBuffer | ArrayBufferView | $J" : "any";
            case "SHORT_BUFFER": case "CHAR_BUFFER": case "INT_BUFFER": case "FLOAT_BUFFER": case "DOUBLE_BUFFER":
                return in ? code.jsType + " | $J" : "any";
            case "LONG_BUFFER": return in ? "BigInt64Array | BigUint64Array | $J" : "any";
            default: return null;
        }
    }

    /**
     * A projected class (its constructor, e.g. {@code mapper.readValue(json, Foo)}) where Java expects a
     * {@code Class}: every projected class has its {@code Class} as the static property {@code class}
     * ({@code $J}: {@code Class<T>}), which is also how the typings tell a projected class from other values.
     */
    public static final String PROJECTED_CLASS = "{ readonly class: $J }";

    /**
     * A plain JS object where Java expects a Map: a LinkedHashMap with String keys (its property names).
     * The generator offers it only where the map's key type takes a String.
     */
    public static final String STRING_KEYED = "{ readonly [key: string]: $V }";

    /**
     * A record component's value in a plain JS object passed where the record is expected (Values.record:
     * the value is converted as for Object, then {@code Values.coerce} fits it to the component's type),
     * for a component of that code and class (binary name). Null: as a parameter of that code ({@link #of}
     * and {@link #boxes}: numbers, strings, booleans, boxes; classes, maps and nested records as
     * {@link #converted}), and for other classes an instance of the class (the JS values of
     * {@link #BY_VALUE} that are one). Otherwise the placeholders of {@link #converted}, {@code $A} for the
     * {@link #BY_VALUE} spelling of exactly that array class, and {@code never} where no JS value fits
     * (a Java object of that class never reaches JS: it arrives as a JS Date or array).
     * Narrower than a parameter: no BigInteger/BigDecimal from a string, no java.time types or Date
     * subclasses from a JS Date, no JS arrays for Set, Collection or reference-array components, no JS
     * Set for a List, no JS functions or objects for interfaces.
     */
    public static String component(TypeCode code, String className) {
        switch (code.name()) {
            case "BIG_INTEGER": case "BIG_DECIMAL": return "number | bigint | $J";
            case "DATE": return className.equals("java.util.Date") ? "Date" : "never";
            case "INSTANT": return "never";
            case "LOCAL_DATE_TIME": case "FUTURE": case "INPUT_STREAM": case "OUTPUT_STREAM": return "$J";
            // a JS array becomes an ArrayList for a List, a JS Set a LinkedHashSet
            case "LIST": return className.equals("java.util.List") ? "readonly $E[] | $J" : "ReadonlySet<$E> | $J";
            case "SET": return "ReadonlySet<$E> | $J";
            case "ARRAY_BOOLEAN": case "ARRAY_BYTE": case "ARRAY_CHAR": case "ARRAY_SHORT": case "ARRAY_INT":
            case "ARRAY_LONG": case "ARRAY_FLOAT": case "ARRAY_DOUBLE": case "ARRAY_OBJECT":
                return "$A"; // the typed array of that element type; a JS array is an Object[]
            default: return null;
        }
    }

    /** A component of an enum type also takes a constant's name ({@code $N}: the names as string literals). */
    public static final String ENUM_COMPONENT = "$N | $J";

    /**
     * The Java boxes ({@code jvm.int(5)}, binary names) a parameter of this code also takes: a primitive
     * the boxes that widen to it (as Java would: an {@code int} takes a {@code Character}), a box its own
     * box only; empty for other codes.
     */
    public static List<String> boxes(TypeCode code) {
        switch (code.name()) {
            case "BOOLEAN": case "BOX_BOOLEAN": return List.of("java.lang.Boolean");
            case "BYTE": case "BOX_BYTE": return List.of("java.lang.Byte");
            case "CHAR": case "BOX_CHAR": return List.of("java.lang.Character");
            case "BOX_SHORT": return List.of("java.lang.Short");
            case "BOX_INTEGER": return List.of("java.lang.Integer");
            case "BOX_LONG": return List.of("java.lang.Long");
            case "BOX_FLOAT": return List.of("java.lang.Float");
            case "BOX_DOUBLE": return List.of("java.lang.Double");
            case "SHORT": return List.of("java.lang.Short", "java.lang.Byte");
            case "INT": return List.of("java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.lang.Character");
            case "LONG": return concat("java.lang.Long", boxes(TypeCode.INT));
            case "FLOAT": return concat("java.lang.Float", boxes(TypeCode.LONG));
            case "DOUBLE": return concat("java.lang.Double", boxes(TypeCode.FLOAT));
            default: return List.of();
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new java.util.ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return List.copyOf(out);
    }

    /**
     * What {@code lib/collections.js} adds to a projected class by its traits ({@link ClassDescriptor}
     * traitsOf): the supertype that gives the trait and the members, in the order the package applies
     * them (a Map's iteration wins over an Iterable's). {@code $0}, {@code $1}: the class's type arguments
     * for that supertype, as the values the package hands out (converted by their run-time class);
     * {@code $Iterator}: TypeScript's own Iterator (the typings declare the alias beside their root
     * namespace: Java's {@code java.util.Iterator} shadows the name in the generated namespaces).
     * {@code inherited}: declared on that class only (every subclass inherits it in TS too); otherwise on
     * every class that has the trait.
     */
    public static final class Trait {
        public final String className;
        public final boolean inherited;
        public final List<String> members;

        Trait(String className, boolean inherited, String... members) {
            this.className = className;
            this.inherited = inherited;
            this.members = List.of(members);
        }
    }

    public static final List<Trait> TRAITS = List.of(
            new Trait("java.util.Map", false, "[Symbol.iterator](): $Iterator<[$0, $1]>"),
            // an entry iterates its key, then its value: const [k, v] = entry (TS cannot type the positions)
            new Trait("java.util.Map$Entry", false, "[Symbol.iterator](): $Iterator<$0 | $1>"),
            new Trait("java.lang.Iterable", false, "[Symbol.iterator](): $Iterator<$0>"),
            new Trait("java.util.Iterator", false, "[Symbol.iterator](): $Iterator<$0>"),
            new Trait("java.util.Enumeration", false, "[Symbol.iterator](): $Iterator<$0>"),
            new Trait("java.util.stream.BaseStream", false, "[Symbol.iterator](): $Iterator<$0>"),
            // list[i] reads get(i), writes set(i, v) (add(v) at the end): one type both ways
            new Trait("java.util.List", false, "readonly length: number", "[index: number]: $0"),
            // JSON.stringify: every projected class has a toJSON (data for collections and records, an enum's
            // name, else toString()); one type for all (an enum's interfaces would see two)
            new Trait("java.lang.Object", true, "toJSON(): unknown"));

    /**
     * Interfaces (binary names) a JS object or function never stands for, nor their subinterfaces
     * (marshal.c proxy_target): Java would fail later, far from the call. JS data converts to them instead.
     */
    public static final List<String> NEVER_PROXIED = List.of("java.util.Map", "java.util.Collection");

    /** Node's stream types (typings that use them reference {@code @types/node}). */
    public static final String NODE_READABLE = "import('stream').Readable";
    public static final String NODE_WRITABLE = "import('stream').Writable";

    /**
     * The result of {@code nameAsync} (the method run on the async pool, {@code AsyncCalls.submit}):
     * a promise settled with the result converted by the method's declared type, so {@code void}
     * settles with {@code null}, and a future's promise is adopted (not nested).
     */
    public static String asyncResult(TypeCode returnCode, String result) {
        if (returnCode == TypeCode.VOID) {
            return "Promise<null>";
        }
        if (returnCode == TypeCode.FUTURE) {
            return result.endsWith(" | null") ? result.substring(0, result.length() - 7).replace("Promise<", "Promise<null | ")
                    : result;
        }
        return "Promise<" + result + ">";
    }

    /** The name the bridge gives the async variant of a method group (unless Java declares that name). */
    public static String asyncName(String name) {
        return OverloadSet.asyncName(name);
    }

    /** Whether values of this code can be null (references). */
    public static boolean isReference(TypeCode code) {
        return !code.isPrimitive() && code != TypeCode.VOID;
    }

    /**
     * A class whose instances cross the boundary by value when the declared Java type is only a
     * supertype ({@code Object}, {@code Number}, {@code CharSequence}, {@code Comparable}...): the
     * JS spelling of such a value in each direction (null: that direction never produces it).
     */
    public static final class ByValue {
        /** Binary name ({@code java.lang.String}, {@code [I}, {@code [Ljava.lang.Object;}). */
        public final String className;
        public final String toJava;
        public final String fromJava;

        ByValue(String className, String toJava, String fromJava) {
            this.className = className;
            this.toJava = toJava;
            this.fromJava = fromJava;
        }
    }

    /**
     * From JS (dynamic conversion, where the declared type is only a supertype): boolean to Boolean,
     * integral number to Integer (Long beyond int), other number to Double, bigint to Long (BigInteger
     * beyond 64 bits), string to String, Date to java.util.Date, Map and plain object to LinkedHashMap,
     * Set to LinkedHashSet, JS array to Object[] (an ArrayList where the type takes one but not an
     * Object[]), typed array to the primitive array of its element type. To JS (by run-time class):
     * String, the boxes (a Long as a bigint), BigInteger, java.util.Date and Instant by value, arrays
     * copied, anything else wrapped.
     */
    public static final List<ByValue> BY_VALUE = List.of(
            new ByValue("java.lang.String", "string", "string"),
            new ByValue("java.lang.Boolean", "boolean", "boolean"),
            new ByValue("java.lang.Integer", "number", "number"),
            new ByValue("java.lang.Long", "number | bigint", "bigint"),
            new ByValue("java.lang.Double", "number", "number"),
            new ByValue("java.lang.Float", null, "number"),
            new ByValue("java.lang.Short", null, "number"),
            new ByValue("java.lang.Byte", null, "number"),
            new ByValue("java.lang.Character", null, "string"),
            new ByValue("java.math.BigInteger", null, "bigint"),
            new ByValue("java.util.Date", "Date", "Date"),
            new ByValue("java.time.Instant", null, "Date"),
            new ByValue("java.util.LinkedHashMap", "ReadonlyMap<unknown, unknown> | { readonly [key: string]: unknown }", null),
            new ByValue("java.util.LinkedHashSet", "ReadonlySet<unknown>", null),
            new ByValue("java.util.ArrayList", "readonly unknown[]", null),
            new ByValue("[Z", null, "boolean[]"),
            new ByValue("[B", "Int8Array | Uint8Array | Uint8ClampedArray", "Uint8Array"),
            new ByValue("[C", "Uint16Array", "Uint16Array"),
            new ByValue("[S", "Int16Array", "Int16Array"),
            new ByValue("[I", "Int32Array | Uint32Array", "Int32Array"),
            new ByValue("[J", "BigInt64Array | BigUint64Array", "BigInt64Array"),
            new ByValue("[F", "Float32Array", "Float32Array"),
            new ByValue("[D", "Float64Array", "Float64Array"),
            new ByValue("[Ljava.lang.Object;", "readonly unknown[]", "unknown[]"));

    /** The by-value spelling of a class (binary name) in that direction, or null. */
    public static String byValue(String className, Direction direction) {
        for (ByValue v : BY_VALUE) {
            if (v.className.equals(className)) {
                return direction == Direction.TO_JAVA ? v.toJava : v.fromJava;
            }
        }
        return null;
    }

    /**
     * The type code of a JVM field descriptor ({@code I}, {@code Ljava/lang/String;}, {@code [J}),
     * through {@link TypeCode#of(Class)} itself. Only JDK classes are loaded (the codes
     * other than OBJECT/ARRAY_OBJECT all name {@code java.*} classes or primitive arrays), through the
     * platform loader: java.sql's Timestamp is a DATE too.
     */
    public static TypeCode codeOf(String descriptor) {
        Class<?> c = bootstrapClass(descriptor);
        if (c != null) {
            return TypeCode.of(c);
        }
        return descriptor.startsWith("[") ? TypeCode.ARRAY_OBJECT : TypeCode.OBJECT;
    }

    private static Class<?> bootstrapClass(String d) {
        switch (d) {
            case "V": return void.class;
            case "Z": return boolean.class;
            case "B": return byte.class;
            case "C": return char.class;
            case "S": return short.class;
            case "I": return int.class;
            case "J": return long.class;
            case "F": return float.class;
            case "D": return double.class;
            default: break;
        }
        String name;
        if (d.startsWith("[")) {
            if (d.length() != 2) {
                return null; // arrays of references and nested arrays: ARRAY_OBJECT
            }
            name = d;
        } else if (d.startsWith("Ljava/")) {
            name = d.substring(1, d.length() - 1).replace('/', '.');
        } else {
            return null;
        }
        try {
            return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
