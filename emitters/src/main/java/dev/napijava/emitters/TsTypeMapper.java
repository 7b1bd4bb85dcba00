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
     * implementations of interfaces included; parameters also take Java boxes). SAM_RESULT: a JS
     * callback's result converted to the method's declared type (as PARAM, without boxes). TYPE_ARG: a
     * type argument. CALLBACK_ARG / CALLBACK_RESULT: a value converted by its run-time class / to the
     * erased type Object (callback arguments, a callback's result for a type variable, the elements of
     * JS data passed as a collection): no futures, streams or JS implementations.
     */
    enum Pos {
        PARAM, SAM_RESULT, RETURN, TYPE_ARG, CALLBACK_ARG, CALLBACK_RESULT;

        boolean toJava() {
            return this == PARAM || this == SAM_RESULT || this == CALLBACK_RESULT;
        }

        boolean declared() {
            return this == PARAM || this == SAM_RESULT || this == RETURN;
        }

        /** A JS value converted into a declared Java type (JS implementations of interfaces too). */
        boolean declaredIn() {
            return this == PARAM || this == SAM_RESULT;
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
            TypeCode code = TsTypes.codeOf(String.valueOf(((JType.Prim) t).descriptor));
            return withBoxes(TsTypes.of(code, dir), code, pos);
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
                return arrayAlias(spelled, code, pos);
            }
            JType component = ((JType.ArrayOf) t).component;
            String element = map(component, pos == Pos.TYPE_ARG ? Pos.CALLBACK_ARG : pos, typeVars, false);
            String e = element.contains(" ") ? "(" + element + ")" : element;
            return pos.toJava() ? "readonly " + e + "[]" : e + "[]";
        }
        JType.ClassRef ref = (JType.ClassRef) t;
        ClassInfo c = model.get(ref.name);
        TypeCode code = codeOf(ref, c);
        String spelled = code == TypeCode.OBJECT ? null : TsTypes.of(code, dir);
        if (spelled != null) {
            return withBoxes(spelled, code, pos);
        }
        String converted = pos.declared() ? TsTypes.converted(code, dir) : null;
        if (converted != null) {
            String out = compose(converted, ref, pos, typeVars);
            // an Iterable also takes a JS function or object (the other collections never: NEVER_PROXIED)
            String js = code == TypeCode.LIST && c != null && pos.declaredIn() ? jsImplementationAlias(c, ref, typeVars) : null;
            return js == null ? out : out + " | $Js." + js;
        }
        if (c == null) {
            unresolved.add(ref.name.replace('/', '.'));
            return "unknown";
        }
        String js = pos.declaredIn() ? jsImplementationAlias(c, ref, typeVars) : null;
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

    private final Map<String, List<String>> abstractMethods = new java.util.HashMap<>();

    /** The abstract methods (name + parameter descriptor) a JS implementation of interface c provides. */
    private List<String> abstractMethods(ClassInfo c) {
        return abstractMethods.computeIfAbsent(c.name, k -> collectAbstractMethods(c));
    }

    private List<String> collectAbstractMethods(ClassInfo c) {
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
        for (String never : TsTypes.NEVER_PROXIED) {
            if (model.isSubtype(c.name, never.replace('.', '/'))) {
                return null;
            }
        }
        if (abstractMethods(c).size() > MAX_JS_IMPLEMENTED) {
            return null;
        }
        aliasesUsed.add("Js|" + c.name);
        String ns = jsNamespace(c);
        return ns + (ns.isEmpty() ? "" : ".") + c.jsName() + typeArgs(c, ref, typeVars);
    }

    /**
     * The most abstract methods an interface may have and still get a typed JS form: a JS object
     * implementing more (XMLBeans' CT* interfaces: 70 to 300) is not how such an interface is used, and
     * their forms were a fifth of a large jar's typings. At run time JS objects still implement any.
     */
    static final int MAX_JS_IMPLEMENTED = 16;

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

    /** The type code of a class reference: the runtime's table, and records of any jar (not only the JDK's). */
    TypeCode codeOf(JType.ClassRef ref, ClassInfo c) {
        TypeCode code = TsTypes.codeOf("L" + ref.name + ";");
        return code == TypeCode.OBJECT && c != null && c.isRecord() ? TypeCode.RECORD : code;
    }

    /**
     * A primitive or box parameter also takes the Java boxes of {@link TsTypes#boxes} (jvm.int(5)...): one
     * box by its class, several by their {@code $Box} alias ({@code $Box.int}). A primitive parameter is
     * written by the root alias of its Java name ({@code int} = {@code number | $Box.int}, see
     * {@link #primitiveParam}): thousands of such parameters, one type reference each instead of a
     * union, are a tenth of what tsc parses and binds of a jar's typings (and read like Java).
     */
    private String withBoxes(String spelled, TypeCode code, Pos pos) {
        List<String> boxes = pos == Pos.PARAM ? TsTypes.boxes(code) : List.of();
        if (boxes.isEmpty()) {
            return spelled;
        }
        String alias = PRIMITIVE_ALIASES.contains(code) ? code.name().toLowerCase(java.util.Locale.ROOT) : null;
        if (alias != null) {
            aliasesUsed.add("Prim|" + alias);
            return alias;
        }
        return spelledWithBoxes(spelled, code, boxes);
    }

    /** Primitives whose parameters are written by a root alias of their Java name (not boolean: a TS keyword). */
    private static final Set<TypeCode> PRIMITIVE_ALIASES = Set.of(TypeCode.BYTE, TypeCode.SHORT, TypeCode.CHAR,
            TypeCode.INT, TypeCode.LONG, TypeCode.FLOAT, TypeCode.DOUBLE);

    /** What the root alias of a primitive's name stands for: a parameter of that primitive ({@code number | $Box.int}). */
    String primitiveParam(String name) {
        TypeCode code = TypeCode.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        return spelledWithBoxes(TsTypes.of(code, TsTypes.Direction.TO_JAVA), code, TsTypes.boxes(code));
    }

    /**
     * A primitive array parameter whose spelling is a union (any numeric typed array or a JS array) is
     * written by its {@code $Array} alias ({@code $Array.int}); see {@link #primitiveArrayParam}.
     */
    private String arrayAlias(String spelled, TypeCode code, Pos pos) {
        if (!pos.toJava() || !spelled.contains(" | ")) {
            return spelled;
        }
        String element = code.name().substring("ARRAY_".length()).toLowerCase(java.util.Locale.ROOT);
        aliasesUsed.add("Arr|" + element);
        return "$Array." + element;
    }

    /** What {@code $Array.<element>} stands for: a parameter of that primitive array type. */
    static String primitiveArrayParam(String element) {
        return TsTypes.of(TypeCode.valueOf("ARRAY_" + element.toUpperCase(java.util.Locale.ROOT)), TsTypes.Direction.TO_JAVA);
    }

    private String spelledWithBoxes(String spelled, TypeCode code, List<String> boxes) {
        if (boxes.size() == 1) {
            return spelled + " | " + qualified(boxes.get(0).replace('.', '/'));
        }
        String prim = code.name().toLowerCase(java.util.Locale.ROOT);
        aliasesUsed.add("Box|" + prim);
        return spelled + " | $Box." + prim;
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\$([JTEKVRAN])(?![A-Za-z0-9_$])");

    /**
     * A spelling of the runtime's table ({@link TsTypes#converted}, {@link TsTypes#component}) with its
     * placeholders filled in for type t; a union member whose placeholder has no TS form is left out
     * ({@code never} when none is left).
     */
    private String compose(String template, JType t, Pos pos, Map<String, String> typeVars) {
        List<String> parts = new ArrayList<>();
        for (String part : template.split(" \\| ")) {
            String filled = part.equals(TsTypes.STRING_KEYED) && !takesString(arg(t, 0)) ? null
                    : fill(part, t, pos, typeVars);
            if (filled != null) {
                for (String p : filled.split(" \\| ")) {
                    if (!parts.contains(p)) {
                        parts.add(p);
                    }
                }
            }
        }
        return parts.isEmpty() ? "never" : String.join(" | ", parts);
    }

    private String fill(String part, JType t, Pos pos, Map<String, String> typeVars) {
        java.util.regex.Matcher m = PLACEHOLDER.matcher(part);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = placeholder(m.group(1).charAt(0), t, pos, typeVars);
            if (v == null) {
                return null;
            }
            if (part.startsWith("[]", m.end()) && v.contains(" ")) {
                v = "(" + v + ")";
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        if (sb.indexOf("import('stream')") >= 0) {
            nodeStreams = true;
        }
        return sb.toString();
    }

    /** The TS spelling of one placeholder of the runtime's table for type t (null: it has none). */
    private String placeholder(char name, JType t, Pos pos, Map<String, String> typeVars) {
        switch (name) {
            case 'J': {
                String java = base(t, Pos.TYPE_ARG, typeVars);
                return java.equals("unknown") ? null : java;
            }
            case 'T': {
                // the promise settles with the value converted by its run-time class (AsyncCalls.whenDone)
                JType a = arg(t, 0);
                String v = a == null ? "unknown" : map(a, pos.declaredIn() ? Pos.CALLBACK_RESULT : Pos.CALLBACK_ARG, typeVars, false);
                return v.equals("unknown") && pos == Pos.RETURN ? objectConstraint() : v;
            }
            case 'E': case 'K': case 'V': {
                // JS data's elements: converted as for Object when Java reads them
                JType a = arg(t, name == 'V' ? 1 : 0);
                return a == null ? "unknown" : map(a, Pos.CALLBACK_RESULT, typeVars, false);
            }
            case 'R': return recordShape((JType.ClassRef) t, typeVars);
            case 'A': return TsTypes.byValue(JType.erasure(t, null).replace('/', '.'), TsTypes.Direction.TO_JAVA);
            case 'N': return enumNames(model.get(((JType.ClassRef) t).name));
            default: throw new IllegalArgumentException("placeholder $" + name);
        }
    }

    private static JType arg(JType t, int i) {
        if (!(t instanceof JType.ClassRef)) {
            return null;
        }
        List<JType> args = ((JType.ClassRef) t).args;
        return i < args.size() ? args.get(i) : null;
    }

    /** Whether a Map's key type takes a String (a plain object's keys): raw, unbounded, or a supertype of String. */
    private boolean takesString(JType key) {
        if (key == null || key instanceof JType.TypeVar) {
            return true;
        }
        if (key instanceof JType.Wildcard) {
            JType.Wildcard w = (JType.Wildcard) key;
            return w.bound == null || w.kind == '-' || takesString(w.bound);
        }
        return key instanceof JType.ClassRef && model.isSubtype("java/lang/String", ((JType.ClassRef) key).name);
    }

    private static String enumNames(ClassInfo c) {
        List<String> names = new ArrayList<>();
        for (dev.napijava.analyzer.FieldInfo f : c == null ? List.<dev.napijava.analyzer.FieldInfo>of() : c.fields) {
            if ((f.access & org.objectweb.asm.Opcodes.ACC_ENUM) != 0 && f.isStatic()) {
                names.add("'" + f.name + "'");
            }
        }
        return names.isEmpty() ? null : String.join(" | ", names);
    }

    /** Plain-object forms of records (their {@code $Record} aliases): internal name to body, null if there is none. */
    private final Map<String, String> recordShapes = new java.util.TreeMap<>();
    /** Records whose shape is being built (a record inside itself refers to its own alias). */
    private final List<String> expanding = new ArrayList<>();

    /** The {@code $Record} alias of a record's plain-object form, or null when some component has no JS form. */
    private String recordShape(JType.ClassRef ref, Map<String, String> typeVars) {
        ClassInfo c = model.get(ref.name);
        if (c == null || !emitted.test(c.name)) {
            return null;
        }
        if (!recordShapes.containsKey(c.name) && !expanding.contains(c.name)) {
            expanding.add(c.name);
            Set<String> before = new java.util.HashSet<>(recordShapes.keySet());
            String body;
            try {
                body = recordBody(c);
            } finally {
                expanding.remove(c.name);
            }
            if (body == null) {
                // shapes built meanwhile may refer to this one's alias, which will not exist: build them again later
                recordShapes.keySet().removeIf(k -> !before.contains(k));
            }
            recordShapes.put(c.name, body);
        }
        if (!expanding.contains(c.name) && recordShapes.get(c.name) == null) {
            return null;
        }
        aliasesUsed.add("Rec|" + c.name);
        return "$Record." + c.name.replace('/', '.') + typeArgs(c, ref, typeVars, Pos.CALLBACK_RESULT);
    }

    /** The plain-object form of a record ({@code $Record} alias body), or null when it has none. */
    String recordShape(ClassInfo c) {
        if (!recordShapes.containsKey(c.name)) {
            recordShape(new JType.ClassRef(c.name, null), Map.of());
        }
        return recordShapes.get(c.name);
    }

    /** {@code { x: number; y: number }}: a record's components (its instance fields, in order) by name. */
    private String recordBody(ClassInfo c) {
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        for (TypeParam p : tsParams(c)) {
            vars.put(p.name, p.name);
        }
        List<String> members = new ArrayList<>();
        for (dev.napijava.analyzer.FieldInfo f : c.fields) {
            if (f.isStatic()) {
                continue;
            }
            String type = component(f.type, vars);
            if (type.equals("never")) {
                return null;
            }
            // a missing reference component is null (Values.record): typed optional only when annotated nullable
            boolean nullable = !(f.type instanceof JType.Prim) && f.type.nullness == Nullness.NULLABLE;
            members.add(DtsEmitter.prop(f.name) + (nullable ? "?: " + type + " | null" : ": " + type) + ";");
        }
        return "{ " + String.join(" ", members) + (members.isEmpty() ? "}" : " }");
    }

    /** A record component's value in a plain object passed as the record ({@link TsTypes#component}). */
    private String component(JType t, Map<String, String> vars) {
        if (!(t instanceof JType.ClassRef) && !(t instanceof JType.ArrayOf)) {
            return base(t, t instanceof JType.Prim ? Pos.PARAM : Pos.CALLBACK_RESULT, vars);
        }
        ClassInfo c = t instanceof JType.ClassRef ? model.get(((JType.ClassRef) t).name) : null;
        TypeCode code = c != null ? codeOf((JType.ClassRef) t, c) : TsTypes.codeOf(JType.erasure(t, null));
        String className = JType.erasure(t, null).replace('/', '.');
        if (className.startsWith("L")) {
            className = className.substring(1, className.length() - 1);
        }
        String spelled = c != null && c.isEnum() ? TsTypes.ENUM_COMPONENT : TsTypes.component(code, className);
        if (spelled != null) {
            return compose(spelled, t, Pos.PARAM, vars);
        }
        if (TsTypes.of(code, TsTypes.Direction.TO_JAVA) != null || TsTypes.converted(code, TsTypes.Direction.TO_JAVA) != null) {
            return base(t, Pos.PARAM, vars); // as a parameter: numbers, strings, boxes, classes, maps, nested records
        }
        return base(t, Pos.CALLBACK_RESULT, vars); // converted as for Object: an instance of the class
    }

    /**
     * The {@code $Js} alias body of an interface: what JsProxies accepts for it. A JS object with a
     * function per abstract method (methods with a default, and Object's methods, optional / left
     * out), or for a functional interface also a JS function. Callback arguments arrive converted by
     * their run-time class; results convert to the method's declared type.
     */
    private static final List<String> FUNCTION_PROTOTYPE = List.of("apply", "bind", "call");

    String jsImplementation(ClassInfo c, Map<String, String> classVars) {
        Map<String, List<String>> byName = new java.util.TreeMap<>();
        Map<String, Boolean> required = new java.util.HashMap<>();
        List<String> functions = new ArrayList<>();
        Map<String, Map<String, JType>> anc = Subst.ancestors(model, this, c);
        Set<String> objectMethods = objectMethods();
        Set<String> seen = new java.util.HashSet<>();
        for (Projection.Member m : projection.publicMethods(c)) {
            dev.napijava.analyzer.MethodInfo mi = m.method;
            if (mi.isStatic() || mi.isBridge() || mi.isSynthetic() || objectMethods.contains(mi.name + mi.paramDescriptor())
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
                    : map(Subst.apply(rt, sigma), rt instanceof JType.TypeVar ? Pos.CALLBACK_RESULT : Pos.SAM_RESULT, vars, false);
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
        // Every JS function has Function.prototype's apply, call and bind: an object form that requires
        // one of them would take any function (`(k: number) => 'x'` for a Function<String, R>); such
        // forms say that their other two are absent, which no function is
        if (required.entrySet().stream().anyMatch(e -> e.getValue() && FUNCTION_PROTOTYPE.contains(e.getKey()))) {
            for (String n : FUNCTION_PROTOTYPE) {
                if (!byName.containsKey(n)) {
                    members.add(n + "?: never;");
                }
            }
        }
        String notJava = "readonly [$java]?: undefined;"; // a JS value, not a Java object (TsTypes.TRAITS)
        members.add(notJava);
        String shape = "{ " + String.join(" ", members) + " }";
        // NoInfer: a JS function also has an `apply` (Function.prototype's), which must not steer inference.
        // The function form says it is no Java object too: with every member of the union saying so, TS
        // sets the Java interface aside when it types an object literal's methods (their parameters are
        // then the JS form's: Caffeine's CacheLoader.loadAll(keys), which the two forms type differently)
        return functions.size() == 1 ? functions.get(0) + " & { " + notJava + " } | NoInfer<" + shape + ">" : shape;
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
        return typeArgs(c, ref, typeVars, Pos.TYPE_ARG);
    }

    /**
     * The type arguments of a supertype in an extends clause: as {@link #typeArgs}, but a class argument
     * the subtype's members cannot fit ({@link #unexpressibleInHeritage}) is {@code any}
     * (PrimitiveIterator.OfInt extends PrimitiveIterator&lt;Integer, IntConsumer&gt;).
     */
    String heritageArgs(ClassInfo c, JType.ClassRef ref, Map<String, String> typeVars) {
        return typeArgs(c, ref, typeVars, Pos.TYPE_ARG, true);
    }

    private String typeArgs(ClassInfo c, JType.ClassRef ref, Map<String, String> typeVars, Pos pos) {
        return typeArgs(c, ref, typeVars, pos, false);
    }

    private String typeArgs(ClassInfo c, JType.ClassRef ref, Map<String, String> typeVars, Pos pos, boolean heritage) {
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
                out.add(w.kind == '-' && !params.get(i).unbounded() ? "any" : map(w.bound, pos, typeVars, false));
            } else {
                String mapped = map(a, pos, typeVars, false);
                out.add(heritage && unexpressibleInHeritage(a, mapped) ? "any" : mapped);
            }
            if (out.get(i).equals("unknown")) {
                out.set(i, fill);
            }
        }
        return "<" + String.join(", ", out) + ">";
    }

    /**
     * A supertype's class argument the subtype's members cannot fit: one without a TS type here (it maps
     * to the Object alias), or one the bridge converts by declared type on the way out (a stream, a
     * future): the subtype's {@code InputStream next()} returns a Readable, its supertype's
     * {@code E next()} the Java object (XSSFReader.SheetIterator implements Iterator&lt;InputStream&gt;).
     */
    private boolean unexpressibleInHeritage(JType a, String mapped) {
        if (!(a instanceof JType.ClassRef)) {
            return false;
        }
        JType.ClassRef ref = (JType.ClassRef) a;
        if (TsTypes.converted(codeOf(ref, model.get(ref.name)), TsTypes.Direction.FROM_JAVA) != null) {
            return true;
        }
        return !ref.name.equals("java/lang/Object") && mapped.equals(objectConstraint());
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
