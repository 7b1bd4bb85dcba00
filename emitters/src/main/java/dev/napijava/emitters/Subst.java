package dev.napijava.emitters;

import dev.napijava.analyzer.ApiModel;
import dev.napijava.analyzer.ClassInfo;
import dev.napijava.analyzer.JType;
import dev.napijava.analyzer.Nullness;
import dev.napijava.analyzer.TypeParam;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Type-variable substitution: members inherited from a generic supertype, seen from a subclass. */
final class Subst {
    private Subst() {
    }

    /** A raw supertype's variables map to this (rendered like an unbounded wildcard). */
    static final JType RAW = new JType.Wildcard('*', null);

    static JType apply(JType t, Map<String, JType> map) {
        if (t == null || map.isEmpty()) {
            return t;
        }
        if (t instanceof JType.TypeVar) {
            JType r = map.get(((JType.TypeVar) t).name);
            if (r == null) {
                return t;
            }
            if (t.nullness != Nullness.UNKNOWN && r != RAW) {
                JType copy = copy(r);
                copy.nullness = t.nullness;
                return copy;
            }
            return r;
        }
        if (t instanceof JType.ArrayOf) {
            JType out = new JType.ArrayOf(apply(((JType.ArrayOf) t).component, map));
            out.nullness = t.nullness;
            return out;
        }
        if (t instanceof JType.Wildcard) {
            JType.Wildcard w = (JType.Wildcard) t;
            JType out = new JType.Wildcard(w.kind, apply(w.bound, map));
            out.nullness = t.nullness;
            return out;
        }
        if (t instanceof JType.ClassRef) {
            JType.ClassRef r = (JType.ClassRef) t;
            JType.ClassRef out = new JType.ClassRef(r.name, r.owner == null ? null : (JType.ClassRef) apply(r.owner, map));
            for (JType a : r.args) {
                out.args.add(apply(a, map));
            }
            out.nullness = t.nullness;
            return out;
        }
        return t;
    }

    static boolean hasNullable(JType t) {
        if (t == null) {
            return false;
        }
        if (t.nullness == Nullness.NULLABLE) {
            return true;
        }
        if (t instanceof JType.ArrayOf) {
            return hasNullable(((JType.ArrayOf) t).component);
        }
        if (t instanceof JType.Wildcard) {
            return hasNullable(((JType.Wildcard) t).bound);
        }
        if (t instanceof JType.ClassRef) {
            for (JType a : ((JType.ClassRef) t).args) {
                if (hasNullable(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy without nullable marks anywhere. */
    static JType stripNullable(JType t) {
        JType c = copy(t);
        clear(c);
        return c;
    }

    private static void clear(JType t) {
        if (t == null) {
            return;
        }
        if (t.nullness == Nullness.NULLABLE) {
            t.nullness = Nullness.UNKNOWN;
        }
        if (t instanceof JType.ArrayOf) {
            clear(((JType.ArrayOf) t).component);
        } else if (t instanceof JType.Wildcard) {
            clear(((JType.Wildcard) t).bound);
        } else if (t instanceof JType.ClassRef) {
            for (JType a : ((JType.ClassRef) t).args) {
                clear(a);
            }
        }
    }

    static JType copy(JType t) {
        return apply(t, Map.of("\u0000", RAW));
    }

    /**
     * For class c: each ancestor (internal name) to the map from its type variables to types in
     * c's terms. Raw inheritance maps to {@link #RAW}.
     */
    static Map<String, Map<String, JType>> ancestors(ApiModel model, TsTypeMapper mapper, ClassInfo c) {
        Map<String, Map<String, JType>> out = new HashMap<>();
        out.put(c.name, Map.of());
        walk(model, mapper, c, Map.of(), out);
        return out;
    }

    private static void walk(ApiModel model, TsTypeMapper mapper, ClassInfo k, Map<String, JType> sigma,
            Map<String, Map<String, JType>> out) {
        java.util.List<JType.ClassRef> supers = new java.util.ArrayList<>();
        if (k.superType != null) {
            supers.add(k.superType);
        }
        supers.addAll(k.interfaceTypes);
        for (JType.ClassRef ref : supers) {
            ClassInfo s = model.get(ref.name);
            if (s == null || out.containsKey(s.name)) {
                continue;
            }
            List<TypeParam> params = mapper.tsParams(s);
            Map<String, JType> map = new HashMap<>();
            java.util.List<JType> given = new java.util.ArrayList<>();
            collect(ref, given);
            for (int i = 0; i < params.size(); i++) {
                int idx = given.size() - params.size() + i;
                map.put(params.get(i).name, given.isEmpty() || idx < 0 ? RAW : apply(given.get(idx), sigma));
            }
            out.put(s.name, map);
            walk(model, mapper, s, map, out);
        }
    }

    private static void collect(JType.ClassRef ref, List<JType> into) {
        if (ref.owner != null) {
            collect(ref.owner, into);
        }
        into.addAll(ref.args);
    }
}
