package dev.napijava.emitters;

import dev.napijava.analyzer.ApiModel;
import dev.napijava.analyzer.ClassInfo;
import dev.napijava.analyzer.JType;
import dev.napijava.analyzer.Nullness;
import dev.napijava.analyzer.TypeParam;
import dev.napijava.bridge.TsTypes;
import dev.napijava.bridge.TypeCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Java types to TypeScript, through the runtime's table ({@link TypeCode} and {@link TsTypes}):
 * primitives, String and boxes by their codes; classes as the generated interfaces, plus the JS
 * primitives the bridge passes by value when the class is a supertype of String, a box or an array
 * (those unions are named aliases, {@code $In.java.lang.Object} / {@code $Out.java.lang.Object}).
 */
final class TsTypeMapper {
    enum Pos { PARAM, RETURN, TYPE_ARG }

    private final ApiModel model;
    private final String root;
    /** Emitted class internal names (their TS interfaces exist). */
    private final Predicate<String> emitted;
    /** Aliases used: "In|java/lang/Object", "Out|java/lang/Comparable". */
    final Set<String> aliasesUsed = new TreeSet<>();
    /** Referenced classes that were found nowhere. */
    final Set<String> unresolved = new TreeSet<>();

    TsTypeMapper(ApiModel model, String root, Predicate<String> emitted) {
        this.model = model;
        this.root = root;
        this.emitted = emitted;
    }

    /** The TS name of an emitted class: {@code jvm.java.util.Map$Entry}. */
    String qualified(String internalName) {
        return root + "." + internalName.replace('/', '.');
    }

    /**
     * @param t         the Java type (generic, substituted into the scope's terms)
     * @param pos       where it is used
     * @param typeVars  Java type variable name to TS name, for the variables in scope
     * @param nullByDefault whether an unannotated reference here may be null (adds {@code | null})
     */
    String map(JType t, Pos pos, Map<String, String> typeVars, boolean nullByDefault) {
        String base = base(t, pos, typeVars);
        boolean reference = !(t instanceof JType.Prim);
        boolean nullable;
        if (!reference || pos == Pos.TYPE_ARG) {
            nullable = false;
        } else if (t.nullness == Nullness.NULLABLE) {
            nullable = true;
        } else if (t.nullness == Nullness.NONNULL || t instanceof JType.TypeVar) {
            nullable = false;
        } else {
            nullable = nullByDefault;
        }
        if (nullable && !base.equals("unknown")) {
            return base + " | null";
        }
        return base;
    }

    private String base(JType t, Pos pos, Map<String, String> typeVars) {
        TsTypes.Direction dir = pos == Pos.PARAM ? TsTypes.Direction.TO_JAVA : TsTypes.Direction.FROM_JAVA;
        if (t instanceof JType.Prim) {
            return TsTypes.of(TsTypes.codeOf(String.valueOf(((JType.Prim) t).descriptor)), dir);
        }
        if (t instanceof JType.TypeVar) {
            String name = typeVars.get(((JType.TypeVar) t).name);
            return name != null ? name : "unknown";
        }
        if (t instanceof JType.Wildcard) {
            JType.Wildcard w = (JType.Wildcard) t;
            return w.bound == null ? "unknown" : base(w.bound, pos, typeVars);
        }
        if (t instanceof JType.ArrayOf) {
            String desc = JType.erasure(t, null);
            TypeCode code = TsTypes.codeOf(desc);
            String spelled = TsTypes.of(code, dir);
            if (spelled != null && code != TypeCode.ARRAY_OBJECT) {
                return spelled;
            }
            JType component = ((JType.ArrayOf) t).component;
            String element = map(component, pos == Pos.TYPE_ARG ? Pos.RETURN : pos, typeVars, false);
            String e = element.contains(" ") ? "(" + element + ")" : element;
            return pos == Pos.PARAM ? "readonly " + e + "[]" : e + "[]";
        }
        JType.ClassRef ref = (JType.ClassRef) t;
        TypeCode code = TsTypes.codeOf("L" + ref.name + ";");
        String spelled = code == TypeCode.OBJECT ? null : TsTypes.of(code, dir);
        if (spelled != null) {
            return spelled;
        }
        ClassInfo c = model.get(ref.name);
        if (c == null) {
            unresolved.add(ref.name.replace('/', '.'));
            return "unknown";
        }
        String name = ref.name;
        JType.ClassRef target = ref;
        while (!emitted.test(name)) {
            // not accessible from JS typings (package-private...): its nearest emitted superclass
            ClassInfo k = model.get(name);
            if (k == null || k.superName == null) {
                return "unknown";
            }
            name = k.superName;
            target = new JType.ClassRef(name, null);
            c = model.get(name);
            if (c == null) {
                return "unknown";
            }
        }
        String args = typeArgs(c, target, typeVars);
        boolean alias = !byValue(c.name, dir).isEmpty() && boundsFree(c);
        if (alias) {
            aliasesUsed.add((dir == TsTypes.Direction.TO_JAVA ? "In|" : "Out|") + c.name);
            return (dir == TsTypes.Direction.TO_JAVA ? "$In." : "$Out.") + c.name.replace('/', '.') + args;
        }
        return qualified(c.name) + args;
    }

    private boolean boundsFree(ClassInfo c) {
        for (TypeParam p : c.typeParams) {
            if (!p.unbounded()) {
                return false;
            }
        }
        return c.isStaticMember();
    }

    /** TS type arguments for a reference to c: its own (and, for inner classes, outer) parameters. */
    String typeArgs(ClassInfo c, JType.ClassRef ref, Map<String, String> typeVars) {
        List<TypeParam> params = tsParams(c);
        if (params.isEmpty()) {
            return "";
        }
        List<JType> given = new ArrayList<>();
        collectArgs(ref, given);
        List<String> out = new ArrayList<>();
        boolean raw = given.isEmpty();
        for (int i = 0; i < params.size(); i++) {
            int idx = given.size() - params.size() + i;
            JType a = raw || idx < 0 ? null : given.get(idx);
            String fill = params.get(i).unbounded() ? objectConstraint() : "any";
            if (a == null || a instanceof JType.Wildcard && ((JType.Wildcard) a).bound == null) {
                out.add(fill);
            } else if (a instanceof JType.Wildcard) {
                JType.Wildcard w = (JType.Wildcard) a;
                out.add(w.kind == '-' && !params.get(i).unbounded() ? "any" : map(w.bound, Pos.TYPE_ARG, typeVars, false));
            } else {
                out.add(map(a, Pos.TYPE_ARG, typeVars, false));
            }
            if (out.get(i).equals("unknown")) {
                out.set(i, fill);
            }
        }
        return "<" + String.join(", ", out) + ">";
    }

    private static void collectArgs(JType.ClassRef ref, List<JType> into) {
        if (ref.owner != null) {
            collectArgs(ref.owner, into);
        }
        into.addAll(ref.args);
    }

    List<TypeParam> tsParams(ClassInfo c) {
        List<TypeParam> out = new ArrayList<>();
        if (!c.isStaticMember() && c.outerName != null) {
            ClassInfo outer = model.get(c.outerName);
            if (outer != null) {
                out.addAll(tsParams(outer));
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (TypeParam p : out) {
            names.add(p.name);
        }
        for (TypeParam p : c.typeParams) {
            if (names.add(p.name)) {
                out.add(p);
            }
        }
        return out;
    }

    /** What a Java type variable without bounds ranges over: any Java value as JS sees it. */
    String objectConstraint() {
        aliasesUsed.add("Out|java/lang/Object");
        return "$Out.java.lang.Object";
    }

    /** The by-value spellings for a declared class (String, boxes, arrays it is a supertype of). */
    List<String> byValue(String internalName, TsTypes.Direction dir) {
        List<String> out = new ArrayList<>();
        for (TsTypes.ByValue v : TsTypes.BY_VALUE) {
            String spelled = dir == TsTypes.Direction.TO_JAVA ? v.toJava : v.fromJava;
            if (spelled == null) {
                continue;
            }
            String vName = v.className.startsWith("[") ? v.className.replace('.', '/') : v.className.replace('.', '/');
            if (model.isSubtype(vName, internalName)) {
                for (String part : spelled.split(" \\| ")) {
                    if (!out.contains(part)) {
                        out.add(part);
                    }
                }
            }
        }
        return out;
    }
}
