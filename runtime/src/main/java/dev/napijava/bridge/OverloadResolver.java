package dev.napijava.bridge;

import java.util.List;

/**
 * The overload rules (documented in README "Overload rules"): each JS argument costs something
 * against each Java parameter type; the cheapest overload wins, ties go to the most specific
 * overload, and remaining ties are ambiguous. Varargs expansion is tried only when no overload
 * fits with fixed arity, as in Java.
 */
final class OverloadResolver {
    static final int NO = -1;
    /** Cost of passing a value as a general reference (Object, Number, CharSequence...). */
    private static final int GENERAL = 20;

    private OverloadResolver() {
    }

    static long fixedCost(Overload c, ArgTag[] tags, Class<?>[] classes) {
        if (c.paramTypes.length != tags.length) {
            return NO;
        }
        long total = 0;
        for (int i = 0; i < tags.length; i++) {
            int cost = cost(tags[i], classes[i], c.paramTypes[i]);
            if (cost < 0) {
                return NO;
            }
            total += cost;
        }
        return total;
    }

    static long varargsCost(Overload c, ArgTag[] tags, Class<?>[] classes) {
        int fixed = c.paramTypes.length - 1;
        if (!c.isVarargs || tags.length < fixed) {
            return NO;
        }
        long total = 1; // expansion is never preferred over an equal fixed-arity fit
        Class<?> component = c.paramTypes[fixed].getComponentType();
        for (int i = 0; i < tags.length; i++) {
            int cost = cost(tags[i], classes[i], i < fixed ? c.paramTypes[i] : component);
            if (cost < 0) {
                return NO;
            }
            total += cost;
        }
        return total;
    }

    /** Cost of passing one JS argument of the given tag to a parameter of type p; NO if impossible. */
    static int cost(ArgTag tag, Class<?> argClass, Class<?> p) {
        if (tag != ArgTag.NULL && dev.napijava.JSValue.class.isAssignableFrom(p)) {
            return jsValueCost(tag, p);
        }
        switch (tag) {
            case NULL:
                return p.isPrimitive() ? NO : 0;
            case BOOLEAN:
                return p == boolean.class ? 0 : p == Boolean.class ? 1 : general(p, Boolean.class);
            case INT8:
            case INT16:
            case INT32:
                return integerCost(tag, p);
            case SAFE_INTEGER:
            case BIGINT:
                return p == long.class ? 0 : p == Long.class ? 1
                        : p == java.math.BigInteger.class ? 2 : p == java.math.BigDecimal.class ? 3
                        : tag == ArgTag.BIGINT ? general(p, Long.class)
                        : p == double.class ? 4 : p == Double.class ? 5 : general(p, Long.class);
            case DOUBLE:
                return p == double.class ? 0 : p == Double.class ? 1 : p == float.class ? 2
                        : p == Float.class ? 3 : p == java.math.BigDecimal.class ? 8
                        // only to say why when it is not an integer (a RangeError from Values.toBigInteger)
                        : p == java.math.BigInteger.class ? 9 : general(p, Double.class);
            case CHAR_STRING:
                return p == String.class ? 0 : p == char.class ? 1 : p == Character.class ? 2 : bigOrGeneral(p);
            case STRING:
                return p == String.class ? 0 : bigOrGeneral(p);
            case JAVA_OBJECT:
                if (argClass != null && p.isPrimitive()) {
                    return unboxingCost(argClass, p); // a Java box (jvm.long(5), or from a collection)
                }
                return argClass != null && !p.isPrimitive() && p.isAssignableFrom(argClass) ? distance(argClass, p) : NO;
            case ARRAY:
                // elements of several kinds (or none): an array of references fits best
                // (Object[] first: an element of another kind would not fit a narrower component type)
                return p.isArray() ? (p.getComponentType() == Object.class ? 1 : p.getComponentType().isPrimitive() ? 3 : 2)
                        : collectionCost(p, true);
            case ARRAY_OF_INTS:
                return arrayCost(ArgTag.INT32, p);
            case ARRAY_OF_NUMBERS:
                return arrayCost(ArgTag.DOUBLE, p);
            case ARRAY_OF_STRINGS:
                return arrayCost(ArgTag.STRING, p);
            case ARRAY_OF_CHARS:
                return arrayCost(ArgTag.CHAR_STRING, p);
            case ARRAY_OF_BOOLEANS:
                return arrayCost(ArgTag.BOOLEAN, p);
            case DATE:
                // a JS Date is a java.util.Date first (same model: a UTC instant), then an Instant
                return p == java.util.Date.class ? 0 : p == java.time.Instant.class ? 1
                        : java.util.Date.class.isAssignableFrom(p) ? 2
                        : p == java.time.LocalDateTime.class || p == java.time.OffsetDateTime.class
                                || p == java.time.ZonedDateTime.class || p == java.time.LocalDate.class ? 3
                        : general(p, java.util.Date.class);
            case MAP:
                return p == java.util.Map.class ? 0 : p != Object.class && p.isAssignableFrom(java.util.LinkedHashMap.class) ? 1
                        : p == Object.class ? GENERAL + 2 : NO;
            case SET:
                return p == java.util.Set.class ? 0 : p == java.util.Collection.class || p == Iterable.class ? 1
                        : p != Object.class && p.isAssignableFrom(java.util.LinkedHashSet.class) ? 2
                        : p == java.util.List.class || p.isAssignableFrom(java.util.ArrayList.class) && p != Object.class ? 3
                        : p == Object.class ? GENERAL + 2 : NO;
            case PLAIN_OBJECT:
                // a record from its components; data as a Map<String, Object>; or an interface implemented in JS
                return p.isRecord() ? 4 : p == java.util.Map.class ? 5
                        : p != Object.class && p.isAssignableFrom(java.util.LinkedHashMap.class) ? 6
                        : p == Object.class ? GENERAL + 5 : proxyCost(p);
            case ARRAY_BUFFER:
                return Buffers.cost(tag, p); // a ByteBuffer (shared memory, README "Shared memory")
            case BUILTIN:
                return NO;
            case INT8_ARRAY:
            case INT16_ARRAY:
            case UINT16_ARRAY:
            case INT32_ARRAY:
            case FLOAT32_ARRAY:
            case FLOAT64_ARRAY:
            case BIGINT64_ARRAY:
                return typedArrayCost(tag, p);
            case FUNCTION:
                // a JS function implements a functional interface (Runnable, Comparator, any SAM)
                // prefer value-returning SAMs (submit(Overload) over submit(Runnable)), as Java does
                // for lambdas that return a value: a JS function may always return one
                return p.isInterface() && JsProxies.isFunctional(p) && proxyCost(p) != NO
                        ? (JsProxies.samReturnsVoid(p) ? 6 : 5) : NO;
            case OTHER_OBJECT:
                // a JS object implements an interface; a Node stream stands for a Java stream
                return p == java.io.InputStream.class || p == java.io.OutputStream.class ? 10 : proxyCost(p);
            case PROMISE:
                return p == java.util.concurrent.CompletableFuture.class
                        || p == java.util.concurrent.CompletionStage.class
                        || p == java.util.concurrent.Future.class ? 0 : NO;
            default:
                return NO;
        }
    }

    /**
     * A JSValue parameter (Java hosts Node) takes the JS value as itself: after every conversion
     * (an overload of String or Map wins), a view (JSArray, JSFunction...) before JSObject before JSValue.
     */
    private static int jsValueCost(ArgTag tag, Class<?> p) {
        if (p == dev.napijava.JSValue.class) {
            return GENERAL + 30;
        }
        Class<?> view;
        switch (tag) {
            case ARRAY: case ARRAY_OF_INTS: case ARRAY_OF_NUMBERS: case ARRAY_OF_STRINGS: case ARRAY_OF_CHARS: case ARRAY_OF_BOOLEANS:
                view = dev.napijava.JSArray.class;
                break;
            case FUNCTION: view = dev.napijava.JSFunction.class; break;
            case PROMISE: view = dev.napijava.JSPromise.class; break;
            case DATE: view = dev.napijava.JSDate.class; break;
            case MAP: view = dev.napijava.JSMap.class; break;
            case SET: view = dev.napijava.JSSet.class; break;
            case ARRAY_BUFFER: view = dev.napijava.JSArrayBuffer.class; break;
            case BIGINT: view = dev.napijava.JSBigInt.class; break;
            case SYMBOL: view = dev.napijava.JSSymbol.class; break;
            case PLAIN_OBJECT: case OTHER_OBJECT: view = dev.napijava.JSObject.class; break;
            case BUILTIN: // an Error, a DataView, a RegExp...: JSValueNatives.parameter checks the kind
                view = p == dev.napijava.JSError.class || p == dev.napijava.JSTypedArray.class ? p : dev.napijava.JSObject.class;
                break;
            default: view = tag.isTypedArray() ? dev.napijava.JSTypedArray.class : null;
        }
        if (view == null || !p.isAssignableFrom(view)) {
            return NO; // a number, string or boolean, or a Java object, for a view of JS objects
        }
        return p == dev.napijava.JSObject.class ? GENERAL + 29 : GENERAL + 28;
    }

    /** A JS object as an implementation of p: interfaces, but never a Map or Collection (Java would
     *  fail later, far from the call, calling methods the JS object lacks). */
    private static int proxyCost(Class<?> p) {
        return p.isInterface() && !java.util.Map.class.isAssignableFrom(p) && !java.util.Collection.class.isAssignableFrom(p)
                ? 10 : NO;
    }

    /** A JS array for a collection parameter: a live List view (List, Collection, Iterable), or a copy. */
    private static int collectionCost(Class<?> p, boolean mixed) {
        if (p == java.util.List.class || p == java.util.Collection.class || p == Iterable.class) {
            return 8;
        }
        if (p != Object.class && (p.isAssignableFrom(java.util.ArrayList.class) || p == java.util.Set.class)) {
            return 9;
        }
        return p == Object.class ? GENERAL + 10 : NO;
    }

    /** A JS array whose elements are all of one kind: by how well that kind fits p's component type. */
    private static int arrayCost(ArgTag element, Class<?> p) {
        if (!p.isArray()) {
            return collectionCost(p, false);
        }
        Class<?> c = p.getComponentType();
        if (element == ArgTag.INT32 && (c == byte.class || c == short.class || c == Byte.class || c == Short.class)) {
            return 12; // the elements' range is only known when they are converted (a RangeError then)
        }
        if (element == ArgTag.DOUBLE && (c == long.class || c == Long.class)) {
            // numbers beyond int range: safe integers are longs ([2 ** 40]); a fraction or an unsafe
            // integer is the conversion's RangeError, naming the element (double[] fits such arrays first)
            return 13;
        }
        if (element == ArgTag.CHAR_STRING && (c == char.class || c == Character.class)) {
            // a JS string is a String first: ['a', 'b'] is a String[]/Object[] where one fits, as in Java
            return GENERAL + 5;
        }
        int cost = cost(element, null, c);
        return cost < 0 ? NO : 1 + cost;
    }

    /** A Java box for a primitive parameter: unboxing, then Java's widening (never narrowing). */
    private static int unboxingCost(Class<?> box, Class<?> p) {
        Class<?> prim = box == Integer.class ? int.class : box == Long.class ? long.class : box == Double.class ? double.class
                : box == Float.class ? float.class : box == Short.class ? short.class : box == Byte.class ? byte.class
                : box == Character.class ? char.class : box == Boolean.class ? boolean.class : null;
        if (prim == null) {
            return NO;
        }
        if (prim == p) {
            return 1;
        }
        if (prim == boolean.class || p == boolean.class || p == char.class) {
            return NO;
        }
        int from = prim == char.class ? WIDENING.indexOf(int.class) - 1 : WIDENING.indexOf(prim);
        int to = WIDENING.indexOf(p);
        return to > from ? 1 + (to - from) : NO;
    }

    private static int integerCost(ArgTag tag, Class<?> p) {
        if (p == int.class) {
            return 0;
        }
        if (p == long.class) {
            return 1;
        }
        if (p == Integer.class) {
            return 2;
        }
        if (p == Long.class) {
            return 3;
        }
        if (p == double.class) {
            return 4;
        }
        if (p == Double.class) {
            return 5;
        }
        if (p == float.class) {
            return 6;
        }
        if (p == Float.class) {
            return 7;
        }
        boolean fitsShort = tag == ArgTag.INT8 || tag == ArgTag.INT16;
        if (p == short.class || p == Short.class) {
            return fitsShort ? (p == short.class ? 8 : 9) : NO;
        }
        if (p == byte.class || p == Byte.class) {
            return tag == ArgTag.INT8 ? (p == byte.class ? 10 : 11) : NO;
        }
        if (p == java.math.BigInteger.class) {
            return 12;
        }
        if (p == java.math.BigDecimal.class) {
            return 13;
        }
        return general(p, Integer.class);
    }

    /** A string where Java expects text, or a big number written as text ("12.50"). */
    private static int bigOrGeneral(Class<?> p) {
        // a BigInteger/BigDecimal from its digits; an enum constant by its name (Values.fromString)
        return p == java.math.BigInteger.class || p == java.math.BigDecimal.class || p.isEnum() ? GENERAL - 1 : general(p, String.class);
    }

    private static int typedArrayCost(ArgTag tag, Class<?> p) {
        Class<?> exact = exactArrayFor(tag);
        if (p == exact) {
            return 0;
        }
        if (p == Object.class) {
            return GENERAL;
        }
        int buffer = Buffers.cost(tag, p); // java.nio buffers over the view's bytes
        if (buffer >= 0) {
            return buffer;
        }
        boolean numericTarget = p == byte[].class || p == short[].class || p == int[].class || p == long[].class
                || p == float[].class || p == double[].class;
        // Element-wise conversion with range checks; BigInt64Array holds bigints, so only long[].
        return tag != ArgTag.BIGINT64_ARRAY && numericTarget && p != long[].class ? 5 : NO;
    }

    static Class<?> exactArrayFor(ArgTag tag) {
        switch (tag) {
            case INT8_ARRAY: return byte[].class;
            case INT16_ARRAY: return short[].class;
            case UINT16_ARRAY: return char[].class;
            case INT32_ARRAY: return int[].class;
            case FLOAT32_ARRAY: return float[].class;
            case FLOAT64_ARRAY: return double[].class;
            case BIGINT64_ARRAY: return long[].class;
            default: return null;
        }
    }

    private static int general(Class<?> p, Class<?> boxed) {
        return !p.isPrimitive() && p.isAssignableFrom(boxed) ? GENERAL + (p == Object.class ? 1 : 0) : NO;
    }

    /** Inheritance distance from a class to a supertype: 0 exact, then one per step; Object last. */
    static int distance(Class<?> from, Class<?> to) {
        if (from == to) {
            return 0;
        }
        if (to == Object.class) {
            return GENERAL + 1;
        }
        int best = Integer.MAX_VALUE;
        for (Class<?> i : from.getInterfaces()) {
            if (to.isAssignableFrom(i)) {
                best = Math.min(best, 1 + distance(i, to));
            }
        }
        Class<?> sup = from.getSuperclass();
        if (sup != null && to.isAssignableFrom(sup)) {
            best = Math.min(best, 1 + distance(sup, to));
        }
        return best == Integer.MAX_VALUE ? GENERAL : best;
    }

    /** Among equally cheap candidates, the one whose every parameter is at least as specific; -1 if none. */
    static int mostSpecific(Overload[] candidates, List<Integer> tied) {
        for (int a : tied) {
            boolean all = true;
            for (int b : tied) {
                if (a != b && !atLeastAsSpecific(candidates[a], candidates[b])) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return a;
            }
        }
        return -1;
    }

    private static boolean atLeastAsSpecific(Overload a, Overload b) {
        if (a.paramTypes.length != b.paramTypes.length) {
            return !a.isVarargs && b.isVarargs;
        }
        for (int i = 0; i < a.paramTypes.length; i++) {
            if (!isSubtype(a.paramTypes[i], b.paramTypes[i])) {
                return false;
            }
        }
        return true;
    }

    private static final List<Class<?>> WIDENING = List.of(byte.class, short.class, int.class, long.class,
            float.class, double.class);

    private static boolean isSubtype(Class<?> a, Class<?> b) {
        if (a == b) {
            return true;
        }
        if (a.isPrimitive() && b.isPrimitive()) {
            int ia = WIDENING.indexOf(a);
            int ib = WIDENING.indexOf(b);
            return ia >= 0 && ib >= 0 && ia < ib;
        }
        return !a.isPrimitive() && !b.isPrimitive() && b.isAssignableFrom(a);
    }
}
