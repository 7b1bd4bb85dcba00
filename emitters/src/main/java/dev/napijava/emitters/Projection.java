package dev.napijava.emitters;

import dev.napijava.analyzer.ApiModel;
import dev.napijava.analyzer.ClassInfo;
import dev.napijava.analyzer.FieldInfo;
import dev.napijava.analyzer.MethodInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * What JS sees of a class, computed from the bytecode model with the runtime's rules
 * ({@code ClassDescriptor}: {@code getMethods()} merging, sorting, bridge filtering, de-duplication,
 * reserved names, methods over fields over nested classes, explicit selectors). The glue emitter
 * checks these rules against the runtime's own reflective projection in the tests.
 */
final class Projection {
    static final Set<String> RESERVED_STATIC = Set.of("prototype", "caller", "arguments");
    static final Set<String> RESERVED_INSTANCE = Set.of("constructor", "__proto__");

    /** A method (or constructor) as seen from the projected class. */
    static final class Member {
        final ClassInfo owner;
        final MethodInfo method;

        Member(ClassInfo owner, MethodInfo method) {
            this.owner = owner;
            this.method = method;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member && ((Member) o).owner.name.equals(owner.name) && ((Member) o).method == method;
        }

        @Override
        public int hashCode() {
            return owner.name.hashCode() * 31 + System.identityHashCode(method);
        }
    }

    static final class Group {
        final String name;
        final List<Member> members;
        /** A selector ({@code max(int,int)}): exactly one member. */
        final boolean selector;
        /** {@code nameAsync}: the group's members run on the async pool, JS gets a promise. */
        final boolean async;
        /**
         * A selector spelling the typings leave out (the bridge takes it): the qualified one
         * ({@code max(java.lang.Integer)}) when the simple one names the member alone, else the simple
         * one ({@code at(Date)} for java.util.Date and java.sql.Date), which names no single member.
         */
        final boolean alias;

        Group(String name, List<Member> members, boolean selector) {
            this(name, members, selector, false, false);
        }

        Group(String name, List<Member> members, boolean selector, boolean async) {
            this(name, members, selector, async, false);
        }

        private Group(String name, List<Member> members, boolean selector, boolean async, boolean alias) {
            this.name = name;
            this.members = members;
            this.selector = selector;
            this.async = async;
            this.alias = alias;
        }
    }

    static final class FieldRef {
        final ClassInfo owner;
        final FieldInfo field;

        FieldRef(ClassInfo owner, FieldInfo field) {
            this.owner = owner;
            this.field = field;
        }
    }

    static final class View {
        final ClassInfo type;
        boolean instantiable;
        final List<Member> constructors = new ArrayList<>();
        final List<Group> statics = new ArrayList<>();
        final List<Group> instances = new ArrayList<>();
        final List<FieldRef> staticFields = new ArrayList<>();
        final List<FieldRef> instanceFields = new ArrayList<>();
        final Map<String, ClassInfo> nested = new LinkedHashMap<>();

        View(ClassInfo type) {
            this.type = type;
        }
    }

    private final ApiModel model;
    private final Map<String, List<Member>> publicMethods = new HashMap<>();
    private final Map<String, View> views = new HashMap<>();

    Projection(ApiModel model) {
        this.model = model;
    }

    View view(ClassInfo c) {
        View v = views.get(c.name);
        if (v == null) {
            v = compute(c);
            views.put(c.name, v);
        }
        return v;
    }

    private boolean isInterface(String internalName) {
        ClassInfo c = model.get(internalName);
        return c != null && c.isInterface();
    }

    private boolean assignable(ClassInfo to, ClassInfo from) {
        return model.isSubtype(from.name, to.name);
    }

    /** Class.getMethods(): declared public methods, then the superclass's, then superinterfaces' non-static ones, merged. */
    List<Member> publicMethods(ClassInfo c) {
        List<Member> cached = publicMethods.get(c.name);
        if (cached != null) {
            return cached;
        }
        publicMethods.put(c.name, new ArrayList<>()); // cycles in broken class paths
        Map<String, List<Member>> byKey = new LinkedHashMap<>();
        for (MethodInfo m : c.methods) {
            if (m.isPublic() && !m.name.equals("<init>") && !m.name.equals("<clinit>")) {
                merge(byKey, new Member(c, m));
            }
        }
        if (c.superName != null && !c.isInterface()) {
            ClassInfo s = model.get(c.superName);
            if (s != null) {
                for (Member m : publicMethods(s)) {
                    merge(byKey, m);
                }
            }
        }
        for (String i : c.interfaceNames) {
            ClassInfo s = model.get(i);
            if (s != null) {
                for (Member m : publicMethods(s)) {
                    if (!m.method.isStatic()) {
                        merge(byKey, m);
                    }
                }
            }
        }
        List<Member> out = new ArrayList<>();
        for (List<Member> l : byKey.values()) {
            out.addAll(l);
        }
        publicMethods.put(c.name, out);
        return out;
    }

    /** java.lang.PublicMethods.MethodList.merge: same signature and return type: the most specific declarer wins. */
    private void merge(Map<String, List<Member>> byKey, Member m) {
        String key = m.method.name + m.method.paramDescriptor();
        List<Member> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        String rtype = Type.getReturnType(m.method.descriptor).getDescriptor();
        for (int i = 0; i < list.size(); i++) {
            Member x = list.get(i);
            if (!rtype.equals(Type.getReturnType(x.method.descriptor).getDescriptor())) {
                continue;
            }
            boolean dIface = m.owner.isInterface();
            boolean xIface = x.owner.isInterface();
            if (dIface == xIface) {
                if (assignable(m.owner, x.owner)) {
                    return;
                }
                if (assignable(x.owner, m.owner)) {
                    list.remove(i);
                    i--;
                }
            } else if (dIface) {
                return;
            } else {
                list.remove(i);
                i--;
            }
        }
        list.add(m);
    }

    /** Class.toString() of a descriptor's class, as Arrays.toString(paramTypes) prints it. */
    private String classString(Type t) {
        switch (t.getSort()) {
            case Type.ARRAY:
                return "class " + t.getDescriptor().replace('/', '.');
            case Type.OBJECT:
                return (isInterface(t.getInternalName()) ? "interface " : "class ") + t.getClassName();
            default:
                return t.getClassName();
        }
    }

    String paramsString(MethodInfo m) {
        StringBuilder sb = new StringBuilder("[");
        Type[] params = Type.getArgumentTypes(m.descriptor);
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(classString(params[i]));
        }
        return sb.append(']').toString();
    }

    private View compute(ClassInfo c) {
        View v = new View(c);
        v.instantiable = !c.isInterface() && !c.isAbstract() && !c.isEnum();
        if (v.instantiable) {
            List<Member> ctors = new ArrayList<>();
            for (MethodInfo m : c.methods) {
                if (m.name.equals("<init>") && m.isPublic() && !m.isSynthetic()) { // as ClassDescriptor
                    ctors.add(new Member(c, m));
                }
            }
            sort(ctors);
            v.constructors.addAll(ctors);
        }
        List<Member> methods = new ArrayList<>(publicMethods(c));
        sort(methods);
        Set<String> real = new HashSet<>();
        for (Member m : methods) {
            if (!m.method.isBridge()) {
                real.add(m.method.name + paramsString(m.method));
            }
        }
        Map<String, List<Member>> statics = new LinkedHashMap<>();
        Map<String, List<Member>> instances = new LinkedHashMap<>();
        for (Member m : methods) {
            if (m.method.isBridge() && real.contains(m.method.name + paramsString(m.method))) {
                continue;
            }
            if (m.method.isSynthetic() && !m.method.isBridge()) {
                continue; // as ClassDescriptor: compiler artifacts (name$default, access$...)
            }
            boolean isStatic = m.method.isStatic();
            if (isStatic && m.owner != c && m.owner.isInterface()) {
                continue;
            }
            (isStatic ? statics : instances).computeIfAbsent(m.method.name, k -> new ArrayList<>()).add(m);
        }
        groups(v.statics, statics, RESERVED_STATIC);
        groups(v.instances, instances, RESERVED_INSTANCE);
        asyncVariants(v.statics, statics);
        asyncVariants(v.instances, instances);
        selectors(v.statics, v.constructors);
        for (List<Member> g : statics.values()) {
            selectors(v.statics, g);
        }
        for (List<Member> g : instances.values()) {
            selectors(v.instances, g);
        }
        Set<String> staticNames = new HashSet<>(statics.keySet());
        Set<String> instanceNames = new HashSet<>(instances.keySet());
        for (FieldRef f : publicFields(c)) {
            if (f.field.isSynthetic()) {
                continue;
            }
            boolean isStatic = f.field.isStatic();
            Set<String> taken = isStatic ? staticNames : instanceNames;
            Set<String> reserved = isStatic ? RESERVED_STATIC : RESERVED_INSTANCE;
            if (reserved.contains(f.field.name) || !taken.add(f.field.name)) {
                continue;
            }
            (isStatic ? v.staticFields : v.instanceFields).add(f);
        }
        for (ClassInfo k = c; k != null; k = k.superName == null || k.isInterface() ? null : model.get(k.superName)) {
            for (String n : k.memberClasses) {
                ClassInfo nested = model.get(n);
                if (nested == null || !nested.isPublic() || nested.simpleName == null) {
                    continue;
                }
                String simple = nested.simpleName;
                if (!simple.isEmpty() && !RESERVED_STATIC.contains(simple) && staticNames.add(simple)) {
                    v.nested.put(simple, nested);
                }
            }
        }
        return v;
    }

    /** Class.getFields(): declared public fields, then superinterfaces' (recursively), then the superclass's. */
    private List<FieldRef> publicFields(ClassInfo c) {
        LinkedHashMap<String, FieldRef> out = new LinkedHashMap<>();
        collectFields(c, out, new HashSet<>());
        return new ArrayList<>(out.values());
    }

    private void collectFields(ClassInfo c, LinkedHashMap<String, FieldRef> out, Set<String> seen) {
        if (!seen.add(c.name)) {
            // interfaces reached twice contribute the same fields
        }
        for (FieldInfo f : c.fields) {
            if (f.isPublic()) {
                out.putIfAbsent(c.name + "." + f.name + f.descriptor, new FieldRef(c, f));
            }
        }
        for (String i : c.interfaceNames) {
            ClassInfo s = model.get(i);
            if (s != null) {
                collectFields(s, out, seen);
            }
        }
        if (c.superName != null && !c.isInterface()) {
            ClassInfo s = model.get(c.superName);
            if (s != null) {
                collectFields(s, out, seen);
            }
        }
    }

    private void sort(List<Member> members) {
        Map<Member, String> keys = new HashMap<>();
        for (Member m : members) {
            keys.put(m, paramsString(m.method));
        }
        members.sort((a, b) -> {
            int byName = a.method.name.compareTo(b.method.name);
            return byName != 0 ? byName : keys.get(a).compareTo(keys.get(b));
        });
    }

    private void groups(List<Group> into, Map<String, List<Member>> byName, Set<String> reserved) {
        for (Map.Entry<String, List<Member>> e : byName.entrySet()) {
            if (!reserved.contains(e.getKey())) {
                into.add(new Group(e.getKey(), dedupe(e.getValue()), false));
            }
        }
    }

    /** ClassDescriptor.addAsyncVariants: {@code nameAsync} per group unless Java declares that name. */
    private static void asyncVariants(List<Group> into, Map<String, List<Member>> byName) {
        List<Group> variants = new ArrayList<>();
        for (Group g : into) {
            String name = dev.napijava.bridge.TsTypes.asyncName(g.name);
            if (!byName.containsKey(name)) {
                variants.add(new Group(name, g.members, false, true));
            }
        }
        into.addAll(variants);
    }

    private List<Member> dedupe(List<Member> group) {
        Map<String, Member> bySignature = new LinkedHashMap<>();
        for (Member c : group) {
            String key = paramsString(c.method);
            Member seen = bySignature.get(key);
            if (seen == null || assignable(seen.owner, c.owner) && seen.owner != c.owner
                    || seen.owner.isInterface() && !c.owner.isInterface()) {
                bySignature.put(key, c);
            }
        }
        return new ArrayList<>(bySignature.values());
    }

    private void selectors(List<Group> into, List<Member> group) {
        List<Member> members = dedupe(group);
        Map<String, Integer> simpleCount = new HashMap<>();
        for (Member c : members) {
            simpleCount.merge(selector(c, false), 1, Integer::sum);
        }
        for (Member c : members) {
            String simple = selector(c, false);
            String qualified = selector(c, true);
            boolean unique = simpleCount.get(simple) == 1;
            into.add(new Group(simple, List.of(c), true, false, !unique && !qualified.equals(simple)));
            if (!qualified.equals(simple)) {
                into.add(new Group(qualified, List.of(c), true, false, unique));
            }
        }
    }

    String selector(Member c, boolean qualified) {
        StringBuilder sb = new StringBuilder(c.method.name.equals("<init>") ? "new" : c.method.name).append('(');
        Type[] params = Type.getArgumentTypes(c.method.descriptor);
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(sourceName(params[i], qualified));
        }
        return sb.append(')').toString();
    }

    private String sourceName(Type t, boolean qualified) {
        if (t.getSort() == Type.ARRAY) {
            StringBuilder sb = new StringBuilder(sourceName(t.getElementType(), qualified));
            for (int i = 0; i < t.getDimensions(); i++) {
                sb.append("[]");
            }
            return sb.toString();
        }
        if (t.getSort() != Type.OBJECT) {
            return t.getClassName();
        }
        String name = t.getClassName();
        if (qualified) {
            ClassInfo c = model.get(t.getInternalName());
            return c != null && c.localOrAnonymous ? name : canonical(t.getInternalName());
        }
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** Canonical name: member classes joined with dots (from the InnerClasses facts when known). */
    private String canonical(String internalName) {
        ClassInfo c = model.get(internalName);
        if (c != null && c.outerName != null && c.simpleName != null) {
            return canonical(c.outerName) + "." + c.simpleName;
        }
        return internalName.replace('/', '.');
    }
}
