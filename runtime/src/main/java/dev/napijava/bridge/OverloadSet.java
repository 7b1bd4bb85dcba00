package dev.napijava.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The overloads that share one JS name. The native core asks {@link #resolve} once per call
 * shape (argument tags and classes) and caches the answer; see README "Overload rules".
 */
public final class OverloadSet {
    public final String name;
    public final String ownerName;
    public final Overload[] candidates;
    /** {@code nameAsync}: the call runs on the async pool and JS gets a promise. */
    public final boolean isAsync;

    /** The JS name of a method group's async variant (the projection and the typings use this one rule). */
    public static String asyncName(String name) {
        return name + "Async";
    }

    OverloadSet(String name, String ownerName, List<Overload> candidates) {
        this(name, ownerName, candidates, false);
    }

    OverloadSet(String name, String ownerName, List<Overload> candidates, boolean isAsync) {
        this.name = name;
        this.ownerName = ownerName;
        this.candidates = candidates.toArray(new Overload[0]);
        this.isAsync = isAsync;
    }

    /**
     * Picks the overload for one call shape.
     *
     * @param tags    one {@link ArgTag} ordinal per JS argument
     * @param classes for JAVA_OBJECT arguments, the Java object's class; otherwise null
     * @return {@code index * 2 + (varargs expanded ? 1 : 0)}
     * @throws BridgeTypeError when no overload fits, or several fit equally well
     */
    public int resolve(byte[] tags, Class<?>[] classes) {
        return resolve(tags, classes, null);
    }

    /**
     * As {@link #resolve(byte[], Class[])}; {@code numbers} (may be null) holds the JS numbers of
     * number arguments, for an error that names the value when it is out of a parameter's range.
     *
     * @throws BridgeRangeError when the only misfits are numbers out of the range of their parameters
     */
    public int resolve(byte[] tags, Class<?>[] classes, double[] numbers) {
        ArgTag[] argTags = new ArgTag[tags.length];
        for (int i = 0; i < tags.length; i++) {
            argTags[i] = ArgTag.of(tags[i]);
        }
        List<Integer> best = new ArrayList<>();
        boolean expanded = false;
        for (int phase = 0; phase < 2 && best.isEmpty(); phase++) {
            expanded = phase == 1;
            long bestCost = Long.MAX_VALUE;
            for (int i = 0; i < candidates.length; i++) {
                long cost = expanded
                        ? OverloadResolver.varargsCost(candidates[i], argTags, classes)
                        : OverloadResolver.fixedCost(candidates[i], argTags, classes);
                if (cost < 0) {
                    continue;
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best.clear();
                }
                if (cost == bestCost) {
                    best.add(i);
                }
            }
        }
        if (best.isEmpty()) {
            String range = rangeMessage(argTags, classes, numbers);
            if (range != null) {
                throw new BridgeRangeError(range);
            }
            throw new BridgeTypeError(noMatchMessage(argTags, classes));
        }
        int chosen = best.size() == 1 ? best.get(0) : OverloadResolver.mostSpecific(candidates, best);
        if (chosen < 0) {
            throw new BridgeTypeError(ambiguousMessage(argTags, classes, best));
        }
        return chosen * 2 + (expanded ? 1 : 0);
    }

    private String qualifiedName() {
        return ownerName + "." + (name.equals("<init>") ? "<init>" : name);
    }

    private static String describeArgs(ArgTag[] tags, Class<?>[] classes) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < tags.length; i++) {
            joiner.add(tags[i] == ArgTag.JAVA_OBJECT && classes[i] != null ? classes[i].getName() : tags[i].jsName);
        }
        return joiner.toString();
    }

    private String noMatchMessage(ArgTag[] tags, Class<?>[] classes) {
        StringBuilder message = new StringBuilder();
        if (candidates.length == 0) {
            return qualifiedName() + " has no public overload that JS can call";
        }
        message.append("No overload of ").append(qualifiedName()).append(" accepts ")
                .append(describeArgs(tags, classes)).append(". Candidates:");
        for (Overload c : candidates) {
            message.append("\n  ").append(c.display()).append(misfit(c, tags, classes));
        }
        return message.toString();
    }

    /** Why a candidate of the call's arity does not fit: the first parameter that does not take its argument. */
    private static String misfit(Overload c, ArgTag[] tags, Class<?>[] classes) {
        if (c.paramTypes.length != tags.length || c.isVarargs) {
            return c.isVarargs ? "" : " (takes " + c.paramTypes.length + " argument" + (c.paramTypes.length == 1 ? "" : "s") + ")";
        }
        for (int i = 0; i < tags.length; i++) {
            if (OverloadResolver.cost(tags[i], classes[i], c.paramTypes[i]) < 0) {
                String given = tags[i] == ArgTag.JAVA_OBJECT && classes[i] != null ? classes[i].getName() : tags[i].jsName;
                String article = "aeiouAEIOU".indexOf(given.charAt(0)) >= 0 ? "an " : "a ";
                return " -- parameter " + (i + 1) + " (" + c.paramTypes[i].getTypeName() + ") does not take " + article + given;
            }
        }
        return "";
    }

    /**
     * When the only arguments that fit no overload are numbers beyond the range of numeric
     * parameters (300 for a byte, 1.5 or 2^40 for an int), the error names the value, the
     * parameter and its range; null when something else does not fit.
     */
    private String rangeMessage(ArgTag[] tags, Class<?>[] classes, double[] numbers) {
        List<String> misses = new ArrayList<>();
        for (Overload c : candidates) {
            if (c.paramTypes.length != tags.length) {
                continue;
            }
            int missed = -1;
            boolean onlyRange = true;
            for (int i = 0; i < tags.length && onlyRange; i++) {
                Class<?> p = c.paramTypes[i];
                if (OverloadResolver.cost(tags[i], classes[i], p) >= 0) {
                    continue;
                }
                onlyRange = isNumber(tags[i]) && rangeOf(p) != null;
                if (onlyRange && missed < 0) {
                    missed = i;
                }
            }
            if (onlyRange && missed >= 0) {
                String value = numbers != null && missed < numbers.length ? number(numbers[missed]) : "the number";
                misses.add(value + (tags[missed] == ArgTag.DOUBLE && isIntegral(c.paramTypes[missed]) && numbers != null
                        && numbers[missed] != Math.rint(numbers[missed]) ? " (not an integer)" : "")
                        + " does not fit parameter " + (missed + 1) + " of " + described(c) + ": "
                        + rangeOf(c.paramTypes[missed]));
            }
        }
        return misses.isEmpty() ? null : String.join("; ", misses);
    }

    /** "a.B.m(int)", "new a.B(int)": the overload as the error names it. */
    private String described(Overload c) {
        String d = c.display();
        String params = d.indexOf('(') < 0 ? "()" : d.substring(d.indexOf('('));
        if (c.isConstructor) {
            return "new " + ownerName + params;
        }
        return ownerName + "." + (name.indexOf('(') < 0 ? name + params : name); // a selector names its parameters
    }

    private static boolean isNumber(ArgTag tag) {
        return tag == ArgTag.INT8 || tag == ArgTag.INT16 || tag == ArgTag.INT32 || tag == ArgTag.SAFE_INTEGER
                || tag == ArgTag.DOUBLE;
    }

    private static boolean isIntegral(Class<?> p) {
        return p == byte.class || p == Byte.class || p == short.class || p == Short.class || p == int.class
                || p == Integer.class || p == long.class || p == Long.class;
    }

    /** What a numeric parameter type holds, for the error; null for other types. */
    private static String rangeOf(Class<?> p) {
        if (p == byte.class || p == Byte.class) return "a Java byte holds integers -128..127";
        if (p == short.class || p == Short.class) return "a Java short holds integers -32768..32767";
        if (p == int.class || p == Integer.class) return "a Java int holds integers -2147483648..2147483647";
        if (p == long.class || p == Long.class) {
            return "a Java long takes a number when it is a safe integer (-(2^53-1)..2^53-1), beyond that a bigint";
        }
        return null;
    }

    private static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
            return new java.math.BigDecimal(d).toPlainString();
        }
        return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d);
    }

    private String ambiguousMessage(ArgTag[] tags, Class<?>[] classes, List<Integer> tied) {
        StringBuilder message = new StringBuilder("Ambiguous call to ").append(qualifiedName())
                .append(describeArgs(tags, classes)).append(": these overloads fit equally:");
        for (int i : tied) {
            message.append("\n  ").append(candidates[i].display());
        }
        Overload first = candidates[tied.get(0)];
        String selector = first.selector(false);
        message.append("\nChoose one with the selector form, e.g. ")
                .append(first.isStatic || first.isConstructor ? "Class" : "obj")
                .append("['").append(selector).append("'](...)");
        return message.toString();
    }
}
