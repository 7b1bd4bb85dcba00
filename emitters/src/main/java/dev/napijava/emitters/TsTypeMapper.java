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
    /**
     * PARAM / RETURN: a value the bridge converts by its declared type (futures, streams and JS
     * implementations of interfaces included). TYPE_ARG: a type argument. CALLBACK_ARG / CALLBACK_RESULT:
     * a value converted by its run-time class / to the erased type Object (callback arguments, a
     * callback's result for a type variable): no futures, streams or JS implementations.
     */
    enum Pos {
        PARAM, RETURN, TYPE_ARG, CALLBACK_ARG, CALLBACK_RESULT;

        boolean toJava() {
            return this == PARAM || this == CALLBACK_RESULT;
        }

        boolean declared() {
            return this == PARAM || this == RETURN;
        }
    }

    private final ApiModel model;
    private final String root;
    /** Emitted class internal names (their TS interfaces exist). */
    private final Predicate<String> emitted;
    /** Emitted with their members (not stubs): interfaces JS may implement get a {@code $Js} alias. */
    Predicate<String> withMembers = n -> false;
    /** The projection (which methods a JS implementation provides). */
    Projection projection;
    /** Whether a spelling uses Node's stream types. */
    boolean nodeStreams;
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
        TsTypes.Direction dir = pos.toJava() ? TsTypes.Direction.TO_JAVA : TsTypes.Direction.FROM_JAVA;
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
            String element = map(component, pos == Pos.TYPE_ARG ? Pos.CALLBACK_ARG : pos, typeVars, false);
            String e = element.contains(" ") ? "(" + element + ")" : element;
            return pos.toJava() ? "readonly " + e + "[]" : e + "[]";
        }
        JType.ClassRef ref = (JType.ClassRef) t;
        TypeCode code = TsTypes.codeOf("L" + ref.name + ";");
        String spelled = code == TypeCode.OBJECT ? null : TsTypes.of(code, dir);
        if (spelled != null) {
            return spelled;
        }
        String converted = pos.declared() ? TsTypes.converted(code, dir) : null;
        if (converted != null) {
            return converted(converted, ref, pos, typeVars);
        }
        ClassInfo c = model.get(ref.name);
        if (c == null) {
            unresolved.add(ref.name.replace('/', '.'));
            return "unknown";
        }
        String js = pos == Pos.PARAM ? jsImplementationAlias(c, ref, typeVars) : null;
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
        if (js != null && !name.equals(ref.name)) {
            // an interface typed only as its nearest emitted supertype (a reserved word in its package)
            return "$Js." + js;
        }
        String args = typeArgs(c, target, typeVars);
        boolean alias = !byValue(c.name, dir).isEmpty() && boundsFree(c);
        if (alias) {
            aliasesUsed.add((dir == TsTypes.Direction.TO_JAVA ? "In|" : "Out|") + c.name);
            return (dir == TsTypes.Direction.TO_JAVA ? "$In." : "$Out.") + c.name.replace('/', '.') + args;
        }
        String java = qualified(c.name) + args;
        if (js == null) {
            return java;
        }
        // for a JS function, TS infers the type arguments from the function alone (see jsImplementation)
        return (isFunctional(c) ? "NoInfer<" + java + ">" : java) + " | $Js." + js;
    }

    /** JsProxies.isFunctional: exactly one abstract method besides Object's. */
    boolean isFunctional(ClassInfo c) {
        return c.isInterface() && abstractMethods(c).size() == 1;
    }

    private List<String> abstractMethods(ClassInfo c) {
        Set<String> objectMethods = objectMethods();
        Set<String> out = new LinkedHashSet<>();
        for (Projection.Member m : projection.publicMethods(c)) {
            dev.napijava.analyzer.MethodInfo mi = m.method;
            if (!mi.isStatic() && !mi.isBridge() && (mi.access & org.objectweb.asm.Opcodes.ACC_ABSTRACT) != 0
                    && !objectMethods.contains(mi.name + mi.paramDescriptor())) {
                out.add(mi.name + mi.paramDescriptor());
            }
        }
        return new ArrayList<>(out);
    }

    private Set<String> objectMethods() {
        Set<String> out = new java.util.HashSet<>();
        ClassInfo object = model.get("java/lang/Object");
        if (object != null) {
            for (dev.napijava.analyzer.MethodInfo m : object.methods) {
                if (m.isPublic()) {
                    out.add(m.name + m.paramDescriptor());
                }
            }
        }
        return out;
    }

    /**
     * A JS function (functional interfaces) or object implementing an interface parameter (JsProxies):
     * the {@code $Js} alias with its type arguments, for interfaces typed with members or not typed at
     * all (a reserved word in the package name: java.util.function); null for other types.
     */
    private String jsImplementationAlias(ClassInfo c, JType.ClassRef ref, Map<String, String> typeVars) {
        if (!c.isInterface() || !withMembers.test(c.name) && emitted.test(c.name)) {
            return null;
        }
        aliasesUsed.add("Js|" + c.name);
        String ns = jsNamespace(c);
        return ns + (ns.isEmpty() ? "" : ".") + c.jsName() + typeArgs(c, ref, typeVars);
    }

    /** The package of a $Js alias: TS reserved words get a trailing $ ({@code java.util.function$}). */
    static String jsNamespace(ClassInfo c) {
        List<String> out = new ArrayList<>();
        for (String seg : c.packageName().split("\\.")) {
            if (!seg.isEmpty()) {
                out.add(DtsEmitter.reserved(seg) ? seg + "$" : seg);
            }
        }
        return String.join(".", out);
    }

    /** A future, an input or an output stream: the runtime table's spelling with $T and $J filled in. */
    private String converted(String spelled, JType.ClassRef ref, Pos pos, Map<String, String> typeVars) {
        if (spelled.contains("import('stream')")) {
            nodeStreams = true;
        }
        if (spelled.contains("$T")) {
            // the promise settles with the value converted by its run-time class (AsyncCalls.whenDone)
            JType arg = ref.args.isEmpty() ? null : ref.args.get(0);
            String t = arg == null ? "unknown" : map(arg, pos == Pos.PARAM ? Pos.CALLBACK_RESULT : Pos.CALLBACK_ARG,
                    typeVars, false);
            if (t.equals("unknown") && pos == Pos.RETURN) {
                t = objectConstraint();
            }
            spelled = spelled.replace("$T", t);
        }
        if (spelled.contains("$J")) {
            String java = base(ref, Pos.TYPE_ARG, typeVars);
            spelled = java.equals("unknown") ? spelled.replace(" | $J", "") : spelled.replace("$J", java);
        }
        return spelled;
    }

    /**
     * The {@code $Js} alias body of an interface: what JsProxies accepts for it. A JS object with a
     * function per abstract method (methods with a default, and Object's methods, optional / left
     * out), or for a functional interface also a JS function. Callback arguments arrive converted by
     * their run-time class; results convert to the method's declared type.
     */
    String jsImplementation(ClassInfo c, Map<String, String> classVars) {
        Map<String, List<String>> byName = new java.util.TreeMap<>();
        Map<String, Boolean> required = new java.util.HashMap<>();
        List<String> functions = new ArrayList<>();
        Map<String, Map<String, JType>> anc = Subst.ancestors(model, this, c);
        Set<String> objectMethods = objectMethods();
        Set<String> seen = new java.util.HashSet<>();
        for (Projection.Member m : projection.publicMethods(c)) {
            dev.napijava.analyzer.MethodInfo mi = m.method;
            if (mi.isStatic() || mi.isBridge() || objectMethods.contains(mi.name + mi.paramDescriptor())
                    || !seen.add(mi.name + mi.paramDescriptor())) {
                continue;
            }
            boolean isAbstract = (mi.access & org.objectweb.asm.Opcodes.ACC_ABSTRACT) != 0;
            Map<String, JType> sigma = anc.getOrDefault(m.owner.name, Map.of());
            Map<String, String> vars = new java.util.LinkedHashMap<>(classVars);
            List<String> tps = new ArrayList<>();
            for (TypeParam p : mi.typeParams) {
                String n = p.name;
                while (vars.containsValue(n)) {
                    n = n + "$";
                }
                vars.put(p.name, n);
                tps.add(n + " extends " + objectConstraint());
            }
            List<String> params = new ArrayList<>();
            for (int i = 0; i < mi.params.size(); i++) {
                String pn = mi.paramNames.get(i);
                if (pn == null || !pn.matches("[A-Za-z_$][A-Za-z0-9_$]*") || DtsEmitter.reserved(pn)) {
                    pn = "arg" + i;
                }
                params.add(pn + ": " + map(Subst.apply(mi.params.get(i), sigma), Pos.CALLBACK_ARG, vars, false));
            }
            JType rt = mi.returnType;
            String ret = rt instanceof JType.Prim && ((JType.Prim) rt).descriptor == 'V' ? "void"
                    : map(Subst.apply(rt, sigma), rt instanceof JType.TypeVar ? Pos.CALLBACK_RESULT : Pos.PARAM, vars, false);
            String generic = tps.isEmpty() ? "" : "<" + String.join(", ", tps) + ">";
            String sig = generic + "(" + String.join(", ", params) + ")";
            byName.computeIfAbsent(mi.name, k -> new ArrayList<>()).add(sig + ": " + ret);
            required.merge(mi.name, isAbstract, Boolean::logicalOr);
            if (isAbstract) {
                // a method's type, not a function type: TS then compares its parameters bivariantly, like
                // the Java interface's methods (a function type would make every generic user invariant)
                functions.add("{ call" + sig + ": " + ret + " }['call']");
            }
        }
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            String name = DtsEmitter.prop(e.getKey()) + (required.get(e.getKey()) ? "" : "?");
            for (String sig : e.getValue()) {
                members.add(name + sig + ";");
            }
        }
        String shape = "{ " + String.join(" ", members) + (members.isEmpty() ? "}" : " }");
        // NoInfer: a JS function also has an `apply` (Function.prototype's), which must not steer inference
        return functions.size() == 1 ? functions.get(0) + " | NoInfer<" + shape + ">" : shape;
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
