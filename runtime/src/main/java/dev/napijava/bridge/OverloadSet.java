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
    public final Callable[] candidates;
    /** {@code nameAsync}: the call runs on the async pool and JS gets a promise. */
    public final boolean isAsync;

    /** The JS name of a method group's async variant (the projection and the typings use this one rule). */
    public static String asyncName(String name) {
        return name + "Async";
    }

    OverloadSet(String name, String ownerName, List<Callable> candidates) {
        this(name, ownerName, candidates, false);
    }

    OverloadSet(String name, String ownerName, List<Callable> candidates, boolean isAsync) {
        this.name = name;
        this.ownerName = ownerName;
        this.candidates = candidates.toArray(new Callable[0]);
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
        for (Callable c : candidates) {
            message.append("\n  ").append(c.display());
        }
        return message.toString();
    }

    private String ambiguousMessage(ArgTag[] tags, Class<?>[] classes, List<Integer> tied) {
        StringBuilder message = new StringBuilder("Ambiguous call to ").append(qualifiedName())
                .append(describeArgs(tags, classes)).append(": these overloads fit equally:");
        for (int i : tied) {
            message.append("\n  ").append(candidates[i].display());
        }
        Callable first = candidates[tied.get(0)];
        String selector = first.selector(false);
        message.append("\nChoose one with the selector form, e.g. ")
                .append(first.isStatic || first.isConstructor ? "Class" : "obj")
                .append("['").append(selector).append("'](...)");
        return message.toString();
    }
}
