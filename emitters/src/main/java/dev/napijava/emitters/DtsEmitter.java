package dev.napijava.emitters;

import dev.napijava.analyzer.ApiModel;
import dev.napijava.analyzer.ClassInfo;
import dev.napijava.analyzer.Doc;
import dev.napijava.analyzer.JType;
import dev.napijava.analyzer.MethodInfo;
import dev.napijava.analyzer.TypeParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.Type;

/**
 * Writes {@code <jar>.d.ts}: one TS namespace per Java package inside the root namespace; per
 * class an interface (instance side: methods with Java overloads as TS overloads, selectors as
 * string-literal members, fields) and a const (static side: constructors, static members, nested
 * classes). Classes of the jar are typed fully; JDK/classpath types they reference are typed fully
 * too, and the types those mention only as stubs (supertypes, no members).
 */
final class DtsEmitter {
    private static final int FULL = 0;
    private static final int REFERENCED = 1;
    private static final int STUB = 2;
    private static final Set<String> TS_RESERVED = Set.of("break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
            "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
            "throw", "true", "try", "typeof", "var", "void", "while", "with", "implements", "interface", "let",
            "package", "private", "protected", "public", "static", "yield", "await", "arguments", "eval");
    private static final Set<String> TYPE_NAMES_RESERVED = Set.of("any", "unknown", "never", "string", "number",
            "boolean", "bigint", "symbol", "object", "undefined", "void", "null");

    /** The box classes (the package's jvm.int(5)... and what parameters take: TsTypes.boxes). */
    private static final List<String> BOXES = List.of("java/lang/Boolean", "java/lang/Byte", "java/lang/Character",
            "java/lang/Short", "java/lang/Integer", "java/lang/Long", "java/lang/Float", "java/lang/Double");

    private final ApiModel model;
    private final Projection projection;
    private final String root;
    private final Map<String, Integer> level = new HashMap<>();
    private final TsTypeMapper mapper;
    private final Map<String, Map<String, Map<String, JType>>> ancestorCache = new HashMap<>();
    final List<String> warnings = new ArrayList<>();
    int classesFull;
    int classesReferenced;
    int classesStub;

    DtsEmitter(ApiModel model, Projection projection, String root) {
        this.model = model;
        this.projection = projection;
        this.root = root;
        this.mapper = new TsTypeMapper(model, root, level::containsKey);
        this.mapper.projection = projection;
        this.mapper.withMembers = n -> level.containsKey(n) && level.get(n) != STUB;
    }

    /**
     * TypeScript globals the typings name (in TsTypes' spellings and the generator's own: NoInfer, Symbol).
     * Where a Java class or an alias of that name is in scope (java.sql.Date, a library's Promise) they
     * are written {@code globalThis.Date}.
     */
    static final List<String> TS_GLOBALS = List.of("Date", "Promise", "ArrayBuffer", "ArrayBufferView", "ReadonlyMap", "ReadonlySet", "NoInfer", "Symbol",
            "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
            "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array");

    /** Names declared directly in each namespace ("" the root, "java.util", "$Out.java.lang"). */
    private final Map<String, Set<String>> declared = new HashMap<>();
    private final Map<String, java.util.regex.Pattern> shadowing = new HashMap<>();

    private void declare(String ns, String name) {
        if (declared.computeIfAbsent(ns, k -> new HashSet<>()).add(name) && !ns.isEmpty()) {
            int dot = ns.lastIndexOf('.');
            declare(dot < 0 ? "" : ns.substring(0, dot), ns.substring(dot + 1)); // the namespace, in its parent
        }
    }

    /** The TS globals a name in namespace ns shadows, as a pattern over type positions (null: none). */
    private java.util.regex.Pattern shadowed(String ns) {
        return shadowing.computeIfAbsent(ns, k -> {
            Set<String> hit = new java.util.TreeSet<>();
            for (String n = ns; ; n = n.lastIndexOf('.') < 0 ? "" : n.substring(0, n.lastIndexOf('.'))) {
                for (String g : TS_GLOBALS) {
                    if (declared.getOrDefault(n, Set.of()).contains(g)) {
                        hit.add(g);
                    }
                }
                if (n.isEmpty()) {
                    break;
                }
            }
            // a type position: after ': ', '| ', '<', ', ', '(', '[', 'readonly ', '=> ', '= '; not a member name
            return hit.isEmpty() ? null : java.util.regex.Pattern.compile(
                    "(?<=: |\\| |<|, |\\(|\\[|readonly |=> |= )(" + String.join("|", hit) + ")(?![\\w$])(?!\\??:)");
        });
    }

    /** Declarations emitted in namespace ns with shadowed TS globals written globalThis.X (not in JSDoc or selectors). */
    private String unshadow(String ns, String text) {
        java.util.regex.Pattern p = shadowed(ns);
        if (p == null) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String t = line.trim();
            if (t.startsWith("*") || t.startsWith("/**")) {
                out.append(line);
                continue;
            }
            String[] quoted = line.split("'", -1); // selectors are string literals: odd segments
            for (int i = 0; i < quoted.length; i++) {
                out.append(i > 0 ? "'" : "").append(i % 2 == 0 ? p.matcher(quoted[i]).replaceAll("globalThis.$1") : quoted[i]);
            }
        }
        return out.toString();
    }

    /** Per package namespace: the other packages its declarations name, and the alias of each ($0, $1...). */
    private final Map<String, Map<String, String>> imports = new HashMap<>();
    private java.util.regex.Pattern qualifiedName;

    /**
     * Declarations in namespace ns with short class references: a class of ns unqualified
     * ({@code CTBookViews}, not {@code jvm.org.openxmlformats.schemas.spreadsheetml.x2006.main.CTBookViews}),
     * one of another package through the namespace's import alias of it ({@code $0.XmlObject},
     * {@code import $0 = jvm.org.apache.xmlbeans}): tsc reads and holds two identifiers instead of up to
     * nine (poi-ooxml-full's typings were 100 MB). Qualified stay, in ns, names a type parameter could
     * shadow (T, K1) and the TS globals {@link #unshadow} rewrites.
     */
    private String local(String ns, String text, Set<String> typeVars) {
        if (ns.isEmpty()) {
            return text;
        }
        if (qualifiedName == null) {
            qualifiedName = java.util.regex.Pattern.compile("(?<![\\w$.])" + java.util.regex.Pattern.quote(root)
                    + "\\.((?:[A-Za-z_][\\w]*\\.)+)([A-Za-z_$][\\w$]*)(?![\\w$.])");
        }
        java.util.regex.Matcher m = qualifiedName.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            String pkg = m.group(1).substring(0, m.group(1).length() - 1);
            String name = m.group(2);
            String replaced = m.group();
            if (declared.getOrDefault(pkg, Set.of()).contains(name)) {
                if (!pkg.equals(ns)) {
                    Map<String, String> mine = imports.computeIfAbsent(ns, k -> new LinkedHashMap<>());
                    replaced = mine.computeIfAbsent(pkg, k -> "$" + mine.size()) + "." + name;
                } else if (!TS_GLOBALS.contains(name) && !typeVars.contains(name.replaceAll("\\$+$", ""))
                        && !TYPE_VARIABLE_LIKE.matcher(name).matches()) {
                    replaced = name;
                }
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replaced));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** The type variables in scope anywhere in c's declarations (its own, its outer classes', its members'). */
    private Set<String> typeVariableNames(ClassInfo c, int l) {
        Set<String> out = new HashSet<>();
        for (TypeParam p : mapper.tsParams(c)) {
            out.add(p.name);
        }
        if (l != STUB) {
            Projection.View v = projection.view(c);
            for (List<Projection.Group> groups : List.of(v.instances, v.statics)) {
                for (Projection.Group g : groups) {
                    for (Projection.Member m : g.members) {
                        for (TypeParam p : genericOrigin(m).method.typeParams) {
                            out.add(p.name);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Names Java type variables usually take (T, K1, E$ once renamed): a class of such a name stays qualified. */
    private static final java.util.regex.Pattern TYPE_VARIABLE_LIKE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,3}\\$*");

    static boolean reserved(String name) {
        return TS_RESERVED.contains(name) || TYPE_NAMES_RESERVED.contains(name);
    }

    Set<String> unresolved() {
        return mapper.unresolved;
    }

    // ---- which classes, at which level ----

    private void plan(List<ClassInfo> primary) {
        List<ArrayDeque<String>> queues = List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>());
        for (ClassInfo c : primary) {
            offer(c.name, FULL, queues);
        }
        offer("java/lang/Object", FULL, queues);
        // parameters take Java boxes (jvm.int(5)), and every const names its Class: typed with their members
        // (a member-less stub would stand for any Java object)
        offer("java/lang/Class", REFERENCED, queues);
        for (String box : BOXES) {
            offer(box, REFERENCED, queues);
        }
        for (int l = FULL; l <= STUB; l++) {
            ArrayDeque<String> q = queues.get(l);
            while (!q.isEmpty()) {
                String name = q.poll();
                if (level.get(name) != l) {
                    continue;
                }
                ClassInfo c = model.get(name);
                Set<String> refs = new LinkedHashSet<>();
                if (c.superType != null) {
                    refs(c.superType, refs);
                }
                for (JType.ClassRef i : c.interfaceTypes) {
                    refs(i, refs);
                }
                for (String r : refs) {
                    offer(r, l, queues); // supertypes and their arguments: same level
                }
                if (l == STUB) {
                    continue;
                }
                Set<String> used = new LinkedHashSet<>();
                for (TypeParam p : c.typeParams) {
                    for (JType b : p.bounds) {
                        refs(b, used);
                    }
                }
                Projection.View v = projection.view(c);
                for (Projection.Member m : v.constructors) {
                    methodRefs(m.method, used);
                }
                for (Projection.Group g : v.statics) {
                    for (Projection.Member m : g.members) {
                        methodRefs(m.method, used);
                    }
                }
                for (Projection.Group g : v.instances) {
                    for (Projection.Member m : g.members) {
                        methodRefs(m.method, used);
                    }
                }
                for (Projection.FieldRef f : v.staticFields) {
                    refs(f.field.type, used);
                }
                for (Projection.FieldRef f : v.instanceFields) {
                    refs(f.field.type, used);
                }
                for (ClassInfo n : v.nested.values()) {
                    used.add(n.name);
                }
                for (String r : used) {
                    offer(r, l + 1, queues);
                }
            }
        }
    }

    private void methodRefs(MethodInfo m, Set<String> into) {
        for (JType p : m.params) {
            refs(p, into);
        }
        refs(m.returnType, into);
        for (TypeParam p : m.typeParams) {
            for (JType b : p.bounds) {
                refs(b, into);
            }
        }
    }

    private void refs(JType t, Set<String> into) {
        if (t instanceof JType.ClassRef) {
            JType.ClassRef r = (JType.ClassRef) t;
            into.add(r.name);
            if (r.owner != null) {
                refs(r.owner, into);
            }
            for (JType a : r.args) {
                refs(a, into);
            }
        } else if (t instanceof JType.ArrayOf) {
            refs(((JType.ArrayOf) t).component, into);
        } else if (t instanceof JType.Wildcard) {
            refs(((JType.Wildcard) t).bound, into);
        }
    }

    private void offer(String name, int l, List<ArrayDeque<String>> queues) {
        Integer cur = level.get(name);
        if (cur != null && cur <= l) {
            return;
        }
        ClassInfo c = model.get(name);
        if (c == null || !model.isAccessible(c) || !tsNameOk(c)) {
            return;
        }
        // Strings and boxes are JS primitives; their classes are only typed when referenced as such.
        level.put(name, l);
        queues.get(l).add(name);
        // the enclosing classes hold the nested ones in TS too (their const exposes them)
        if (c.outerName != null) {
            offer(c.outerName, Math.min(STUB, l), queues);
        }
    }

    private boolean tsNameOk(ClassInfo c) {
        for (String seg : c.name.split("/")) {
            if (TS_RESERVED.contains(seg) || TYPE_NAMES_RESERVED.contains(seg) || seg.equals(root)
                    || seg.startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    // ---- emission ----

    String emit(List<ClassInfo> primary, Map<String, Object> header) {
        plan(primary);
        Map<String, Integer> skippedByPackage = new TreeMap<>();
        for (ClassInfo c : primary) {
            if (!level.containsKey(c.name)) {
                skippedByPackage.merge(c.packageName() + (tsNameOk(c) ? "" : ""), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : skippedByPackage.entrySet()) {
            warnings.add(e.getValue() + " classes of " + e.getKey() + " not typed: a name in their path is reserved in"
                    + " TypeScript (they still work untyped, e.g. jvm.import(name))");
        }
        Map<String, List<Map<String, Object>>> byPackage = new TreeMap<>();
        List<String> names = new ArrayList<>(level.keySet());
        names.sort(null);
        for (String name : names) {
            ClassInfo c = model.get(name);
            declare(c.packageName(), c.jsName());
        }
        for (String name : names) {
            ClassInfo c = model.get(name);
            int l = level.get(name);
            if (l == FULL) {
                classesFull++;
            } else if (l == REFERENCED) {
                classesReferenced++;
            } else {
                classesStub++;
            }
            byPackage.computeIfAbsent(c.packageName(), k -> new ArrayList<>()).add(classBlock(c, l));
        }
        List<Map<String, Object>> packages = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : byPackage.entrySet()) {
            Map<String, Object> p = new HashMap<>();
            p.put("name", e.getKey());
            p.put("classes", e.getValue());
            List<String> aliases = new ArrayList<>();
            imports.getOrDefault(e.getKey(), Map.of()).forEach((pkg, alias) -> aliases.add(alias + " = " + root + "." + pkg));
            p.put("imports", aliases);
            packages.add(p);
        }
        Map<String, Object> scope = new HashMap<>(header);
        scope.put("root", root);
        scope.put("packages", packages);
        scope.put("aliases", aliases());
        scope.put("nodeTypes", mapper.nodeStreams);
        return Templates.render("typings.d.ts.mustache", scope);
    }

    private List<String> aliases() {
        List<String> out = new ArrayList<>();
        Map<String, List<String>> byNs = new TreeMap<>();
        mapper.objectConstraint();
        Set<String> done = new HashSet<>();
        List<String> pending = new ArrayList<>();
        while (true) {
            // an alias ($Js, $Record) can use further aliases: until none is new
            for (String u : mapper.aliasesUsed) {
                if (!done.contains(u) && !pending.contains(u)) {
                    pending.add(u);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            String a = pending.remove(0);
            if (!done.add(a)) {
                continue;
            }
            String[] parts = a.split("\\|");
            boolean in = parts[0].equals("In");
            boolean js = parts[0].equals("Js");
            if (parts[0].equals("Box")) {
                List<String> boxes = new ArrayList<>();
                for (String b : dev.napijava.bridge.TsTypes.boxes(dev.napijava.bridge.TypeCode.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)))) {
                    boxes.add(mapper.qualified(b.replace('.', '/')));
                }
                byNs.computeIfAbsent("$Box", k -> new ArrayList<>())
                        .add("      /** The Java boxes a parameter of type " + parts[1] + " takes: jvm." + parts[1] + "(v), and those Java widens to it. */\n"
                                + "      type " + parts[1] + " = " + String.join(" | ", boxes) + ";");
                continue;
            }
            if (parts[0].equals("Prim")) {
                byNs.computeIfAbsent("", k -> new ArrayList<>())
                        .add("  /** A Java " + parts[1] + " parameter: a JS " + (parts[1].equals("char") ? "string of one character" : "number")
                                + (parts[1].equals("long") ? " or bigint" : "") + ", or a Java box that widens to it (jvm." + parts[1] + "(v)...). */\n"
                                + "  type " + parts[1] + " = " + mapper.primitiveParam(parts[1]) + ";");
                continue;
            }
            if (parts[0].equals("Arr")) {
                byNs.computeIfAbsent("$Array", k -> new ArrayList<>())
                        .add("      /** A Java " + parts[1] + "[] parameter: the JS arrays and typed arrays the bridge copies into one (range checked). */\n"
                                + "      type " + parts[1] + " = " + TsTypeMapper.primitiveArrayParam(parts[1]) + ";");
                continue;
            }
            ClassInfo c = model.get(parts[1]);
            List<TypeParam> params = mapper.tsParams(c);
            String tp = "";
            String args = "";
            if (!params.isEmpty()) {
                List<String> ns = new ArrayList<>();
                List<String> decl = new ArrayList<>();
                Map<String, String> vars = new HashMap<>();
                for (TypeParam p : params) {
                    vars.put(p.name, p.name);
                }
                for (TypeParam p : params) {
                    ns.add(p.name);
                    decl.add(p.name + bound(p, vars));
                }
                tp = "<" + String.join(", ", decl) + ">";
                args = "<" + String.join(", ", ns) + ">";
            }
            String pkg = c.packageName();
            if (js) {
                Map<String, String> vars = new LinkedHashMap<>();
                for (TypeParam p : params) {
                    vars.put(p.name, p.name);
                }
                String body = mapper.jsImplementation(c, vars);
                byNs.computeIfAbsent("$Js" + (pkg.isEmpty() ? "" : "." + TsTypeMapper.jsNamespace(c)), k -> new ArrayList<>())
                        .add("      /** A JS implementation of the Java interface " + c.binaryName() + " (see README, Callbacks). */\n"
                                + "      type " + c.jsName() + tp + " = " + body + ";");
                continue;
            }
            if (parts[0].equals("Rec")) {
                if (mapper.recordShape(c) == null) {
                    continue;
                }
                byNs.computeIfAbsent("$Record" + (pkg.isEmpty() ? "" : "." + pkg), k -> new ArrayList<>())
                        .add("      /** A plain JS object passed where Java expects the record " + c.binaryName() + " (its components by name). */\n"
                                + "      type " + c.jsName() + tp + " = " + mapper.recordShape(c) + ";");
                continue;
            }
            List<String> union = new ArrayList<>();
            union.add(mapper.qualified(c.name) + args);
            union.addAll(mapper.byValue(c.name, in ? dev.napijava.bridge.TsTypes.Direction.TO_JAVA
                    : dev.napijava.bridge.TsTypes.Direction.FROM_JAVA));
            byNs.computeIfAbsent((in ? "$In" : "$Out") + (pkg.isEmpty() ? "" : "." + pkg), k -> new ArrayList<>())
                    .add("      /** A Java " + c.binaryName() + (in ? " parameter: a wrapper, or a JS value the bridge converts."
                            : " result: a wrapper, or the JS value of a String, box, BigInteger, date or array.") + " */\n"
                            + "      type " + c.jsName() + tp + " = " + String.join(" | ", union) + ";");
        }
        for (Map.Entry<String, List<String>> e : byNs.entrySet()) {
            for (String alias : e.getValue()) {
                String decl = alias.substring(alias.indexOf("  type ") + 7);
                declare(e.getKey(), decl.split("[ <]", 2)[0]);
            }
        }
        for (Map.Entry<String, List<String>> e : byNs.entrySet()) {
            List<String> body = new ArrayList<>();
            for (String alias : e.getValue()) {
                body.add(unshadow(e.getKey(), alias));
            }
            // the root's own aliases (int, long...) stand directly in it
            out.add(e.getKey().isEmpty() ? String.join("\n", body) : "  namespace " + e.getKey() + " {\n" + String.join("\n", body) + "\n  }");
        }
        return out;
    }

    private Map<String, Map<String, JType>> ancestors(ClassInfo c) {
        return ancestorCache.computeIfAbsent(c.name, k -> Subst.ancestors(model, mapper, c));
    }

    /** Emitted direct supertypes, looking through non-emitted (package-private) ones. */
    private List<JType.ClassRef> tsSupers(ClassInfo c) {
        List<JType.ClassRef> out = new ArrayList<>();
        List<JType.ClassRef> direct = new ArrayList<>();
        if (c.superType != null) {
            direct.add(c.superType);
        }
        direct.addAll(c.interfaceTypes);
        Set<String> seen = new HashSet<>();
        for (JType.ClassRef s : direct) {
            addSuper(s, Map.of(), out, seen);
        }
        if (out.isEmpty() && !c.name.equals("java/lang/Object")) {
            out.add(new JType.ClassRef("java/lang/Object", null));
        }
        return out;
    }

    private void addSuper(JType.ClassRef s, Map<String, JType> sigma, List<JType.ClassRef> out, Set<String> seen) {
        if (!seen.add(s.name)) {
            return;
        }
        JType.ClassRef applied = (JType.ClassRef) Subst.apply(s, sigma);
        if (level.containsKey(s.name)) {
            out.add(applied);
            return;
        }
        ClassInfo k = model.get(s.name);
        if (k == null) {
            return;
        }
        Map<String, JType> map = new HashMap<>();
        List<TypeParam> params = mapper.tsParams(k);
        for (int i = 0; i < params.size(); i++) {
            map.put(params.get(i).name, i < applied.args.size() ? applied.args.get(i) : Subst.RAW);
        }
        if (k.superType != null) {
            addSuper(k.superType, map, out, seen);
        }
        for (JType.ClassRef i : k.interfaceTypes) {
            addSuper(i, map, out, seen);
        }
    }

    private Map<String, Object> classBlock(ClassInfo c, int l) {
        Map<String, Object> block = new HashMap<>();
        block.put("jsName", c.jsName());
        List<TypeParam> params = mapper.tsParams(c);
        Map<String, String> classVars = new LinkedHashMap<>();
        for (TypeParam p : params) {
            classVars.put(p.name, p.name);
        }
        StringBuilder head = new StringBuilder(c.jsName());
        if (!params.isEmpty()) {
            List<String> decls = new ArrayList<>();
            for (TypeParam p : params) {
                decls.add(p.name + (l == STUB ? " extends " + mapper.objectConstraint() : bound(p, classVars)));
            }
            head.append('<').append(String.join(", ", decls)).append('>');
        }
        List<JType.ClassRef> supers = tsSupers(c);
        if (l == STUB && supers.size() > 1) {
            // a stub declares no members, so it cannot reconcile what several supertypes declare: keep one
            supers = new ArrayList<>(supers.subList(0, 1));
        }
        List<String> members = new ArrayList<>();
        List<String> statics = new ArrayList<>();
        List<String> staticMethods = new ArrayList<>();
        List<String> traits = traitMembers(c, classVars);
        if (l != STUB) {
            Projection.View v = projection.view(c);
            supers = instanceMembers(c, v, classVars, supers, members, traits);
            staticMembers(c, v, staticMethods, statics);
        }
        members.addAll(traits);
        if (!supers.isEmpty()) {
            List<String> ss = new ArrayList<>();
            for (JType.ClassRef s : supers) {
                String t = mapper.map(s, TsTypeMapper.Pos.TYPE_ARG, classVars, false);
                if (!t.equals("unknown")) {
                    // the Java interface (also for an alias ($Out...) or a class passed by value: Date, BigInteger)
                    t = mapper.qualified(s.name) + mapper.heritageArgs(model.get(s.name), s, classVars);
                }
                if (!t.equals("unknown")) {
                    ss.add(t);
                }
            }
            if (!ss.isEmpty()) {
                head.append(" extends ").append(String.join(", ", ss));
            }
        }
        String ns = c.packageName();
        Set<String> vars = typeVariableNames(c, l);
        members.replaceAll(m -> local(ns, unshadow(ns, m), vars));
        statics.replaceAll(m -> local(ns, unshadow(ns, m), vars));
        staticMethods.replaceAll(m -> local(ns, unshadow(ns, m), vars));
        block.put("head", local(ns, unshadow(ns, head.toString()), vars));
        block.put("members", members);
        block.put("hasStatic", l != STUB);
        block.put("staticMembers", statics);
        block.put("staticMethods", staticMethods);
        block.put("hasStaticMethods", !staticMethods.isEmpty());
        block.put("staticName", staticsInterface(ns, c.jsName()));
        block.put("doc", jsdoc(c.doc, c.deprecated, "    ", null, null));
        return block;
    }

    /** The name of a class's static-methods interface: {@code Name$Static} (more $ where a nested class has that name). */
    private String staticsInterface(String ns, String jsName) {
        String name = jsName + "$Static";
        while (declared.getOrDefault(ns, Set.of()).contains(name)) {
            name = name + "$";
        }
        return name;
    }

    private String bound(TypeParam p, Map<String, String> vars) {
        if (p.unbounded()) {
            return " extends " + mapper.objectConstraint();
        }
        if (p.bounds.size() == 1 && p.bounds.get(0) instanceof JType.TypeVar) {
            // <K extends K0>: TS compares such generic signatures too strictly; Java checks it anyway
            return " extends " + mapper.objectConstraint();
        }
        List<String> parts = new ArrayList<>();
        for (JType b : p.bounds) {
            if (b instanceof JType.ClassRef && ((JType.ClassRef) b).name.equals("java/lang/Object")) {
                continue;
            }
            String t = mapper.map(b, TsTypeMapper.Pos.TYPE_ARG, vars, false);
            if (!t.equals("unknown")) {
                parts.add(t.contains(" | ") ? "(" + t + ")" : t);
            }
        }
        return parts.isEmpty() ? "" : " extends " + String.join(" & ", parts);
    }

    /** Member identity lists per instance name (for "inherited unchanged" checks). */
    private Map<String, List<String>> instanceKeys(Projection.View v) {
        Map<String, List<String>> out = new HashMap<>();
        for (Projection.Group g : v.instances) {
            List<String> keys = new ArrayList<>();
            for (Projection.Member m : g.members) {
                keys.add(m.owner.name + "." + m.method.name + m.method.descriptor);
            }
            out.put(g.name, keys);
        }
        for (Projection.FieldRef f : v.instanceFields) {
            out.put(f.field.name, List.of("field:" + f.owner.name + "." + f.field.name));
        }
        if (v.type.isInterface()) {
            // in TS every interface also extends java.lang.Object (JS always holds objects of classes)
            ClassInfo object = model.get("java/lang/Object");
            if (object != null) {
                for (Map.Entry<String, List<String>> e : instanceKeys(projection.view(object)).entrySet()) {
                    out.putIfAbsent(e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    /**
     * What the package adds to a class by its traits (TsTypes.TRAITS): iteration, a List's length and
     * index, toJSON; the type arguments of the trait's supertype as the values handed out.
     */
    private List<String> traitMembers(ClassInfo c, Map<String, String> classVars) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Map<String, Map<String, JType>> anc = ancestors(c);
        for (dev.napijava.bridge.TsTypes.Trait trait : dev.napijava.bridge.TsTypes.TRAITS) {
            String name = trait.className.replace('.', '/');
            ClassInfo root = model.get(name);
            if (root == null || (trait.inherited ? !c.name.equals(name) : !anc.containsKey(name))) {
                continue;
            }
            Map<String, JType> sigma = anc.get(name);
            List<TypeParam> params = mapper.tsParams(root);
            for (String member : trait.members) {
                if (!keys.add(traitKey(member))) {
                    continue; // an earlier trait gives it (a Map's iteration over an Iterable's)
                }
                String filled = member;
                for (int i = 0; i < params.size(); i++) {
                    JType arg = sigma.getOrDefault(params.get(i).name, new JType.TypeVar(params.get(i).name));
                    String ts = mapper.map(arg, TsTypeMapper.Pos.CALLBACK_ARG, classVars, false);
                    filled = filled.replace("$" + i, ts.equals("unknown") ? mapper.objectConstraint() : ts);
                }
                out.add("      " + filled + ";");
            }
        }
        return out;
    }

    /** The name a trait member declares: {@code length}, {@code toJSON}, {@code [Symbol.iterator]}, {@code [index: number]}. */
    static String traitKey(String member) {
        if (member.startsWith("[")) {
            return member.substring(0, member.indexOf(']') + 1);
        }
        String m = member.startsWith("readonly ") ? member.substring(9) : member;
        return m.split("[(:]", 2)[0];
    }

    private List<JType.ClassRef> instanceMembers(ClassInfo c, Projection.View v, Map<String, String> classVars,
            List<JType.ClassRef> supers, List<String> out, List<String> traits) {
        // a Java member named as one the package adds (a List's length) is hidden by it at run time
        Set<String> added = new HashSet<>();
        for (String t : traits) {
            added.add(traitKey(t.trim()));
        }
        Map<String, List<String>> mine = instanceKeys(v);
        List<JType.ClassRef> kept = new ArrayList<>();
        List<Map<String, List<String>>> provided = new ArrayList<>();
        for (JType.ClassRef s : supers) {
            ClassInfo sc = model.get(s.name);
            Integer sl = level.get(s.name);
            Map<String, List<String>> theirs = sc == null || sl == null || sl == STUB ? Map.of()
                    : instanceKeys(projection.view(sc));
            // a name that is a field there and a method here (or the reverse) cannot extend in TS
            boolean clash = false;
            for (Map.Entry<String, List<String>> e : theirs.entrySet()) {
                List<String> m = mine.get(e.getKey());
                if (m != null && m.get(0).startsWith("field:") != e.getValue().get(0).startsWith("field:")) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(s);
                provided.add(theirs);
            }
        }
        Map<String, Map<String, JType>> anc = ancestors(c);
        Set<String> callable = plainNames(v.instances);
        callable.removeAll(added);
        Set<String> single = singleSignature(v.instances);
        for (Projection.Group g : v.instances) {
            if (g.alias || inherited(g.name, mine, provided) || added.contains(g.name) || redundant(g, callable, single)) {
                continue;
            }
            // the overridden supertypes' signatures too (after ours): TS then sees every override as compatible
            List<Projection.Member> members = new ArrayList<>(g.selector ? g.members : orderForTs(g.members));
            for (JType.ClassRef s : kept) {
                ClassInfo sc = model.get(s.name);
                Integer sl = level.get(s.name);
                if (sc == null || sl == null || sl == STUB) {
                    continue;
                }
                for (Projection.Group sg : projection.view(sc).instances) {
                    if (sg.name.equals(g.name)) {
                        for (Projection.Member m : sg.members) {
                            if (!members.contains(m)) {
                                members.add(m);
                            }
                        }
                    }
                }
            }
            renderGroup(new Projection.Group(g.name, members, g.selector, g.async), c, anc, classVars, "      ", out, false);
        }
        for (Projection.FieldRef f : v.instanceFields) {
            if (inherited(f.field.name, mine, provided) || added.contains(f.field.name)) {
                continue;
            }
            Map<String, JType> sigma = anc.getOrDefault(f.owner.name, Map.of());
            String type = mapper.map(Subst.apply(f.field.type, sigma), TsTypeMapper.Pos.RETURN, classVars,
                    nullableOut(f.owner, f.field.type));
            out.add(jsdoc(f.field.doc, f.field.deprecated, "      ", null, null) + "      "
                    + (f.field.isFinal() ? "readonly " : "") + prop(f.field.name) + ": " + type + ";");
        }
        return kept;
    }

    /**
     * A selector the typings leave out: its method has one signature and is typed under its plain name
     * (a selector there is the same call; typing them all took a quarter of a large jar's typings).
     * Kept: those of overloads, and of methods whose plain name the typings hide (a List's length()).
     */
    private static boolean redundant(Projection.Group g, Set<String> callable, Set<String> single) {
        if (!g.selector) {
            return false;
        }
        String method = g.name.substring(0, g.name.indexOf('('));
        return single.contains(method) && callable.contains(method);
    }

    private static Set<String> plainNames(List<Projection.Group> groups) {
        Set<String> out = new HashSet<>();
        for (Projection.Group g : groups) {
            if (!g.selector && !g.async) {
                out.add(g.name);
            }
        }
        return out;
    }

    /** Method names (and "new") with exactly one selector spelled in the typings: one signature. */
    private static Set<String> singleSignature(List<Projection.Group> groups) {
        Map<String, Integer> count = new HashMap<>();
        for (Projection.Group g : groups) {
            if (g.selector && !g.alias) {
                count.merge(g.name.substring(0, g.name.indexOf('(')), 1, Integer::sum);
            }
        }
        Set<String> out = new HashSet<>();
        count.forEach((name, n) -> {
            if (n == 1) {
                out.add(name);
            }
        });
        return out;
    }

    private static boolean inherited(String name, Map<String, List<String>> mine, List<Map<String, List<String>>> provided) {
        boolean any = false;
        for (Map<String, List<String>> p : provided) {
            List<String> theirs = p.get(name);
            if (theirs == null) {
                continue;
            }
            if (!theirs.equals(mine.get(name))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The static side: methods (plain and selectors, results switched by {@link #SWITCH}) into methods,
     * for the class's static-methods interface, whose {@code nameAsync} variants the const's type maps
     * ({@code $Async}: the same overloads with promises, as Projection's async groups, which are not
     * spelled); constructors, fields, nested classes and {@code class} into others, the const's own.
     */
    private void staticMembers(ClassInfo c, Projection.View v, List<String> methods, List<String> others) {
        Map<String, String> none = new LinkedHashMap<>();
        if (v.instantiable && !v.constructors.isEmpty()) {
            for (Projection.Member m : orderForTs(v.constructors)) {
                others.add(signature(m, c, Map.of(), none, "      ", "new", true, true, Result.SYNC));
            }
        }
        Set<String> callable = plainNames(v.statics);
        if (v.instantiable && !v.constructors.isEmpty()) {
            callable.add("new");
        }
        Set<String> single = singleSignature(v.statics);
        for (Projection.Group g : v.statics) {
            if (!g.alias && !g.async && !redundant(g, callable, single)) {
                renderGroup(g, c, Map.of(), none, "      ", methods, true);
            }
        }
        for (Projection.FieldRef f : v.staticFields) {
            String type = mapper.map(f.field.type, TsTypeMapper.Pos.RETURN, none, nullableOut(f.owner, f.field.type));
            others.add(jsdoc(f.field.doc, f.field.deprecated, "      ", null, null) + "      "
                    + (f.field.isFinal() ? "readonly " : "") + prop(f.field.name) + ": " + type + ";");
        }
        for (Map.Entry<String, ClassInfo> n : v.nested.entrySet()) {
            Integer nl = level.get(n.getValue().name);
            if (nl != null && nl != STUB) {
                others.add("      readonly " + prop(n.getKey()) + ": typeof " + mapper.qualified(n.getValue().name) + ";");
            }
        }
        List<TypeParam> params = mapper.tsParams(c);
        List<String> fill = new ArrayList<>();
        for (TypeParam p : params) {
            fill.add(p.unbounded() ? mapper.objectConstraint() : "any");
        }
        // Cls.class, which also tells a projected class where Java expects a Class (TsTypes.PROJECTED_CLASS)
        others.add("      readonly class: " + mapper.qualified("java/lang/Class") + "<"
                + mapper.map(new JType.ClassRef(c.name, null), TsTypeMapper.Pos.TYPE_ARG, none, false) + ">;");
        others.add("      [Symbol.hasInstance](value: unknown): value is " + mapper.qualified(c.name)
                + (fill.isEmpty() ? "" : "<" + String.join(", ", fill) + ">") + ";");
    }

    private void renderGroup(Projection.Group g, ClassInfo c, Map<String, Map<String, JType>> anc,
            Map<String, String> classVars, String indent, List<String> out, boolean isStatic) {
        Set<String> seen = new HashSet<>();
        // static plain methods are switched (their async variants are mapped); selectors have no async variant
        Result result = g.async ? Result.ASYNC : isStatic && !g.selector ? Result.SWITCHED : Result.SYNC;
        for (Projection.Member bridgeOrNot : g.selector ? g.members : orderForTs(g.members)) {
            Projection.Member m = genericOrigin(bridgeOrNot);
            Map<String, JType> sigma = isStatic ? Map.of() : anc.getOrDefault(m.owner.name, Map.of());
            String sig = signature(m, c, sigma, classVars, indent, prop(g.name), false, !g.selector, result);
            String key = sig.substring(sig.lastIndexOf("\n") + 1).replaceAll("([(,] ?)(\\.\\.\\.)?[A-Za-z_$][A-Za-z0-9_$]*: ", "$1$2_: ");
            if (seen.add(key)) {
                out.add(sig);
            }
        }
    }

    /** A result switched by {@link #SWITCH}: the common forms through the root's $R and $V, others spelled out. */
    private static String switched(String ret, String promised) {
        if (promised.equals(ret)) {
            return ret; // a future's promise is adopted: the same either way
        }
        if (promised.equals("Promise<" + ret + ">")) {
            return "$R<" + SWITCH + ", " + ret + ">";
        }
        if (ret.equals("void") && promised.equals("Promise<null>")) {
            return "$V<" + SWITCH + ">";
        }
        return SWITCH + " extends true ? " + promised + " : " + ret;
    }

    /** Whether a supertype of c declares this method (same name and parameters) without a nullable result. */
    private boolean overridesNonNull(ClassInfo c, MethodInfo mi) {
        String params = mi.paramDescriptor();
        for (ClassInfo s : model.supertypes(c)) {
            for (MethodInfo x : s.methods) {
                if (x.name.equals(mi.name) && x.paramDescriptor().equals(params) && !x.isBridge()
                        && !Subst.hasNullable(x.returnType)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A bridge method has no generic signature: type it as the generic method it stands for. */
    private Projection.Member genericOrigin(Projection.Member m) {
        if (!m.method.isBridge()) {
            return m;
        }
        for (ClassInfo s : model.supertypes(m.owner)) {
            for (MethodInfo x : s.methods) {
                if (!x.isBridge() && x.name.equals(m.method.name) && x.descriptor.equals(m.method.descriptor)) {
                    return new Projection.Member(s, x);
                }
            }
        }
        return m;
    }

    /** TS picks the first overload that fits; order them as the bridge prefers for typical JS arguments. */
    private static List<Projection.Member> orderForTs(List<Projection.Member> members) {
        List<Projection.Member> sorted = new ArrayList<>(members);
        Map<Projection.Member, Integer> rank = new HashMap<>();
        for (Projection.Member m : sorted) {
            int r = 0;
            for (Type t : Type.getArgumentTypes(m.method.descriptor)) {
                r += rank(t.getDescriptor());
            }
            rank.put(m, r + (m.method.isVarargs() ? 1 : 0));
        }
        sorted.sort((a, b) -> Integer.compare(rank.get(a), rank.get(b)));
        return sorted;
    }

    private static int rank(String d) {
        switch (d) {
            case "I": case "Z": case "Ljava/lang/String;": return 0;
            case "J": case "Ljava/lang/Boolean;": case "C": return 1;
            case "Ljava/lang/Integer;": case "Ljava/lang/Character;": return 2;
            case "Ljava/lang/Long;": return 3;
            case "D": return 4;
            case "Ljava/lang/Double;": return 5;
            case "F": return 6;
            case "Ljava/lang/Float;": return 7;
            case "S": return 8;
            case "Ljava/lang/Short;": return 9;
            case "B": return 10;
            case "Ljava/lang/Byte;": return 11;
            case "Ljava/lang/Object;": return 21;
            case "Ljava/lang/Number;": case "Ljava/lang/CharSequence;": case "Ljava/lang/Comparable;": case "Ljava/io/Serializable;": return 20;
            default: return d.startsWith("[") ? 1 : 0;
        }
    }

    /** Results are typed nullable only when annotated so (README: unannotated results are not checked for null). */
    private boolean nullableOut(ClassInfo owner, JType t) {
        return false;
    }

    /** Parameters are typed nullable only when annotated so (as results). */
    private boolean nullableIn(ClassInfo owner) {
        return false;
    }

    /**
     * How a method's result is typed: as Java returns it, as its {@code nameAsync} variant's promise, or
     * switched by the static-methods interface's {@code $A} (false: the result, true: the promise), whose
     * async variants the typings map instead of spelling each overload twice ({@code $Async}).
     */
    private enum Result { SYNC, ASYNC, SWITCHED }

    /** The name of the static-methods interface's switch (a type parameter no Java method's can take: see signature). */
    static final String SWITCH = "$A";

    private String signature(Projection.Member m, ClassInfo c, Map<String, JType> sigma,
            Map<String, String> classVars, String indent, String name, boolean constructor, boolean withDoc,
            Result result) {
        boolean async = result == Result.ASYNC;
        MethodInfo mi = m.method;
        Map<String, String> vars = new LinkedHashMap<>(classVars);
        Map<String, JType> rename = new HashMap<>(sigma);
        List<String> tps = new ArrayList<>();
        List<TypeParam> declared = new ArrayList<>();
        // a constructor, or its selector Cls['new(T)'](...): both give the new instance
        boolean creates = constructor || "<init>".equals(mi.name);
        if (creates) {
            declared.addAll(mapper.tsParams(c));
        }
        declared.addAll(mi.typeParams);
        Set<String> taken = new HashSet<>(classVars.values());
        taken.add(SWITCH);
        for (TypeParam p : declared) {
            String n = p.name;
            while (taken.contains(n)) {
                n = n + "$";
            }
            taken.add(n);
            vars.put(p.name, n);
            rename.put(p.name, new JType.TypeVar(n));
            vars.put(n, n);
        }
        for (TypeParam p : declared) {
            TypeParam renamed = new TypeParam(vars.get(p.name));
            for (JType b : p.bounds) {
                renamed.bounds.add(Subst.apply(b, rename));
            }
            tps.add(renamed.name + bound(renamed, vars));
        }
        boolean inNull = nullableIn(m.owner);
        List<String> params = new ArrayList<>();
        List<String> paramNames = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        for (int i = 0; i < mi.params.size(); i++) {
            String pn = mi.paramNames.get(i);
            if (pn == null || pn.isEmpty() || !pn.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                pn = "arg" + i;
            }
            if (TS_RESERVED.contains(pn)) {
                pn = pn + "_";
            }
            while (!usedNames.add(pn)) {
                pn = pn + "_";
            }
            paramNames.add(pn);
        }
        String restAlt = null;
        for (int i = 0; i < mi.params.size(); i++) {
            JType t = Subst.apply(mi.params.get(i), rename);
            String type = mapper.map(t, TsTypeMapper.Pos.PARAM, vars, inNull);
            if (mi.isVarargs() && i == mi.params.size() - 1 && t instanceof JType.ArrayOf) {
                JType comp = ((JType.ArrayOf) t).component;
                String el = mapper.map(comp, TsTypeMapper.Pos.PARAM, vars, inNull && !(comp instanceof JType.Prim));
                restAlt = "..." + paramNames.get(i) + ": " + (el.contains(" ") ? "(" + el + ")" : el) + "[]";
            }
            params.add(paramNames.get(i) + ": " + type);
        }
        String ret;
        if (creates) {
            ret = mapper.qualified(c.name) + (classVars.isEmpty() && mapper.tsParams(c).isEmpty() ? ""
                    : "<" + String.join(", ", tsNames(mapper.tsParams(c), vars)) + ">");
        } else {
            JType rt = Subst.apply(mi.returnType, rename);
            if (!mi.isStatic() && Subst.hasNullable(rt) && (overridesNonNull(m.owner, mi) || overridesNonNull(c, mi))) {
                // TS requires an override to return what the overridden method returns: keep the supertype's reading
                rt = Subst.stripNullable(rt);
            }
            ret = mapper.map(rt, TsTypeMapper.Pos.RETURN, vars, nullableOut(m.owner, mi.returnType));
            if (result != Result.SYNC) {
                dev.napijava.bridge.TypeCode code = dev.napijava.bridge.TsTypes.codeOf(Type.getReturnType(mi.descriptor).getDescriptor());
                String promised = dev.napijava.bridge.TsTypes.asyncResult(code, ret);
                ret = async ? promised : switched(ret, promised);
            }
        }
        String head = (constructor ? "new " : name) + (tps.isEmpty() ? "" : "<" + String.join(", ", tps) + ">");
        String doc = !withDoc ? "" : async ? asyncDoc(mi, indent) : jsdoc(mi.doc, mi.deprecated, indent, paramNames, mi);
        StringBuilder sb = new StringBuilder();
        if (restAlt != null) {
            List<String> rest = new ArrayList<>(params.subList(0, params.size() - 1));
            rest.add(restAlt);
            sb.append(doc).append(indent).append(head).append('(').append(String.join(", ", rest)).append("): ")
                    .append(ret).append(";\n");
        }
        sb.append(doc).append(indent).append(head).append('(').append(String.join(", ", params)).append("): ")
                .append(ret).append(';');
        return sb.toString();
    }

    private static List<String> tsNames(List<TypeParam> params, Map<String, String> vars) {
        List<String> out = new ArrayList<>();
        for (TypeParam p : params) {
            out.add(vars.getOrDefault(p.name, p.name));
        }
        return out;
    }

    private static final java.util.regex.Pattern IDENT = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    static String prop(String name) {
        if (IDENT.matcher(name).matches()) {
            return name;
        }
        return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * An async variant's doc: the method's first sentence and what the variant does; the full Javadoc
     * stays on the method itself (repeating it doubled the typings' size for tsc to read).
     */
    private static String asyncDoc(MethodInfo m, String indent) {
        if (m.doc == null) {
            return jsdoc(null, m.deprecated, indent, null, null);
        }
        String text = m.doc.text.strip();
        int end = text.indexOf(". ");
        int line = text.indexOf('\n');
        end = end < 0 ? line : line < 0 ? end + 1 : Math.min(end + 1, line);
        String first = end < 0 ? text : text.substring(0, end).strip();
        String lines = (first.isEmpty() ? "" : first + "\n") + "Runs `" + m.name + "` on the async pool: a promise of its result.";
        Doc doc = new Doc();
        doc.text = lines;
        doc.deprecated = m.doc.deprecated;
        return jsdoc(doc, m.deprecated, indent, null, null);
    }

    private static String jsdoc(Doc doc, boolean deprecated, String indent, List<String> paramNames, MethodInfo m) {
        List<String> lines = new ArrayList<>();
        if (doc != null && !doc.text.isEmpty()) {
            lines.addAll(List.of(doc.text.split("\n", -1)));
        }
        if (doc != null && paramNames != null && m != null) {
            int i = 0;
            for (String pn : m.paramNames) {
                String d = pn == null ? null : doc.params.get(pn);
                if (d != null && i < paramNames.size()) {
                    lines.add("@param " + paramNames.get(i) + " " + d.replace("\n", " "));
                }
                i++;
            }
            if (doc.returns != null && !doc.returns.isEmpty()) {
                lines.add("@returns " + doc.returns.replace("\n", " "));
            }
        }
        if (deprecated || doc != null && doc.deprecated != null) {
            lines.add("@deprecated" + (doc != null && doc.deprecated != null ? " " + doc.deprecated.replace("\n", " ") : ""));
        }
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(indent).append("/**\n");
        for (String line : lines) {
            sb.append(indent).append(" *").append(line.isEmpty() ? "" : " " + asciiOnly(line)).append('\n');
        }
        return sb.append(indent).append(" */\n").toString();
    }

    /**
     * Doc text with its non-ASCII characters as HTML character references ({@code &#8712;}), which
     * editors' hovers render as the character: one {@code ∈} in a Javadoc makes V8 hold tsc's copy of
     * the whole typings file as a two-byte string (8 MB instead of 4 for commons-lang3).
     */
    static String asciiOnly(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp > 0x7e && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (cp > 0x7e) {
                    out.append("&#").append(cp).append(';');
                } else {
                    out.append((char) cp);
                }
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }
}
