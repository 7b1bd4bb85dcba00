package dev.napijava.bridge;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JS projection of one Java class, computed once per class: what the native core turns into
 * a JS class with napi_define_class. Name clashes follow one rule: methods win over fields, which
 * win over nested classes; names JS reserves on functions/prototypes are skipped.
 */
public final class ClassDescriptor {
    public final Class<?> type;
    public final int classIndex;
    /** The JS class name: the binary name without the package ({@code Inventory$Item}). */
    public final String jsName;
    public final boolean instantiable;
    public final OverloadSet constructors;
    /** Static methods, then static explicit selectors ({@code max(int,int)}, {@code new(int)}). */
    public final OverloadSet[] staticMethods;
    /** Instance methods, then instance explicit selectors. */
    public final OverloadSet[] instanceMethods;
    public final FieldDescriptor[] staticFields;
    public final FieldDescriptor[] instanceFields;
    public final String[] nestedNames;
    public final Class<?>[] nestedClasses;
    /** The Java kinds JS gives native behaviour to (lib/collections.js), comma separated: "" for most. */
    public final String traits;

    private static final Set<String> RESERVED_STATIC = Set.of("prototype", "caller", "arguments");
    private static final Set<String> RESERVED_INSTANCE = Set.of("constructor", "__proto__");

    ClassDescriptor(Class<?> type, int classIndex) {
        this.type = type;
        this.classIndex = classIndex;
        String name = type.getName();
        this.jsName = name.substring(name.lastIndexOf('.') + 1);
        this.instantiable = !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
                && !type.isEnum() && !type.isArray() && !type.isPrimitive();

        // Generated glue (napi-java generate) lists the members ahead of time: no getMethods() scan, no sorting.
        // This runs in the interpreter at start-up: every text key is built once per member (see Overload.paramKey).
        dev.napijava.bridge.glue.Members glued = dev.napijava.bridge.glue.GlueRegistry.members(type);
        List<Overload> ctors = new ArrayList<>();
        if (instantiable) {
            for (Constructor<?> c : glued != null ? glued.constructors : type.getConstructors()) {
                if (!c.isSynthetic()) { // Kotlin's default-arguments constructors (a DefaultConstructorMarker parameter)
                    ctors.add(new Overload(c));
                }
            }
            if (glued == null) {
                ctors.sort(BY_SIGNATURE);
            }
        }
        this.constructors = new OverloadSet("<init>", type.getName(), ctors);

        Method[] methods = glued != null ? glued.methods : publicMethods(type);
        List<Overload> callables = new ArrayList<>(methods.length);
        // an exported module's glue names each method in JS (@JSExport("name")); else the Java name
        Map<Overload, String> jsNames = glued != null && glued.methodNames != null ? new HashMap<>() : null;
        boolean anyBridge = false;
        for (int i = 0; i < methods.length; i++) {
            Overload c = Overload.of(methods[i]);
            callables.add(c);
            if (jsNames != null) {
                jsNames.put(c, glued.methodNames[i]);
            }
            anyBridge |= methods[i].isBridge();
        }
        if (glued == null) {
            callables.sort(BY_SIGNATURE);
        }
        Set<String> realSignatures = new HashSet<>();
        if (anyBridge) {
            for (Overload c : callables) {
                if (!((Method) c.executable).isBridge()) {
                    realSignatures.add(c.name() + c.paramKey());
                }
            }
        }
        Map<String, List<Overload>> statics = new LinkedHashMap<>();
        Map<String, List<Overload>> instances = new LinkedHashMap<>();
        for (Overload c : callables) {
            Method m = (Method) c.executable;
            // Bridges for covariant returns duplicate a real method; access bridges (a public class
            // re-exposing a non-public superclass's methods, e.g. StringBuilder.length) are the only copy.
            if (anyBridge && m.isBridge() && realSignatures.contains(c.name() + c.paramKey())) {
                continue;
            }
            if (m.isSynthetic() && !m.isBridge()) {
                continue; // compiler artifacts no source names: Kotlin's name$default and access$..., javac's lambda bodies
            }
            if (c.isStatic && c.declaringClass != type && c.declaringClass.isInterface()) {
                continue; // interface statics are not inherited
            }
            Map<String, List<Overload>> byName = c.isStatic ? statics : instances;
            String jsName = jsNames != null ? jsNames.get(c) : c.name();
            List<Overload> group = byName.get(jsName);
            if (group == null) {
                group = new ArrayList<>();
                byName.put(jsName, group);
            }
            group.add(c);
        }
        dedupe(statics);
        dedupe(instances);
        List<OverloadSet> staticSets = groups(statics, RESERVED_STATIC);
        List<OverloadSet> instanceSets = groups(instances, RESERVED_INSTANCE);
        if (glued == null || !glued.exact) { // an exported module's API is exactly what it exports
            addAsyncVariants(staticSets, statics);
            addAsyncVariants(instanceSets, instances);
            addSelectors(staticSets, ctors);
            for (List<Overload> group : statics.values()) {
                addSelectors(staticSets, group);
            }
            for (List<Overload> group : instances.values()) {
                addSelectors(instanceSets, group);
            }
        }
        this.staticMethods = staticSets.toArray(new OverloadSet[0]);
        this.instanceMethods = instanceSets.toArray(new OverloadSet[0]);

        Set<String> staticNames = new HashSet<>(statics.keySet());
        Set<String> instanceNames = new HashSet<>(instances.keySet());
        List<FieldDescriptor> sf = new ArrayList<>();
        List<FieldDescriptor> inf = new ArrayList<>();
        Field[] fields = glued != null ? glued.fields : type.getFields();
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            if (f.isSynthetic()) {
                continue;
            }
            String jsName = glued != null && glued.fieldNames != null ? glued.fieldNames[i] : f.getName();
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            Set<String> taken = isStatic ? staticNames : instanceNames;
            Set<String> reserved = isStatic ? RESERVED_STATIC : RESERVED_INSTANCE;
            if (reserved.contains(jsName) || !taken.add(jsName)) {
                continue; // a method (or a nearer field) of that name wins
            }
            (isStatic ? sf : inf).add(new FieldDescriptor(f, jsName));
        }
        this.staticFields = sf.toArray(new FieldDescriptor[0]);
        this.instanceFields = inf.toArray(new FieldDescriptor[0]);

        List<String> nestedNameList = new ArrayList<>();
        List<Class<?>> nestedList = new ArrayList<>();
        for (Class<?> nested : glued != null ? glued.nested : type.getClasses()) {
            String simple = nested.getSimpleName();
            if (!simple.isEmpty() && !RESERVED_STATIC.contains(simple) && staticNames.add(simple)) {
                nestedNameList.add(simple);
                nestedList.add(nested);
            }
        }
        this.nestedNames = nestedNameList.toArray(new String[0]);
        this.nestedClasses = nestedList.toArray(new Class<?>[0]);
        this.traits = traitsOf(type);
    }

    /** Which JS behaviours the class gets: iteration, array-likeness, a JSON form. */
    static String traitsOf(Class<?> type) {
        StringBuilder out = new StringBuilder();
        trait(out, java.util.List.class.isAssignableFrom(type), "list");
        trait(out, java.util.Collection.class.isAssignableFrom(type), "collection");
        trait(out, Iterable.class.isAssignableFrom(type), "iterable");
        trait(out, java.util.Iterator.class.isAssignableFrom(type), "iterator");
        trait(out, java.util.Enumeration.class.isAssignableFrom(type), "enumeration");
        trait(out, java.util.stream.BaseStream.class.isAssignableFrom(type), "stream");
        trait(out, Map.class.isAssignableFrom(type), "map");
        trait(out, Map.Entry.class.isAssignableFrom(type), "entry");
        trait(out, type.isRecord(), "record");
        trait(out, Enum.class.isAssignableFrom(type) && type != Enum.class, "enum");
        trait(out, type.isArray(), "array");
        return out.toString();
    }

    private static void trait(StringBuilder out, boolean has, String name) {
        if (has) {
            out.append(out.length() == 0 ? "" : ",").append(name);
        }
    }

    /**
     * Public methods callable on instances of the class. For a non-public runtime class
     * (e.g. a JDK-internal iterator), JNI may call its public methods too.
     */
    private static Method[] publicMethods(Class<?> type) {
        return type.getMethods();
    }

    private List<OverloadSet> groups(Map<String, List<Overload>> byName, Set<String> reserved) {
        List<OverloadSet> sets = new ArrayList<>();
        for (Map.Entry<String, List<Overload>> e : byName.entrySet()) {
            if (!reserved.contains(e.getKey())) {
                sets.add(new OverloadSet(e.getKey(), type.getName(), e.getValue()));
            }
        }
        return sets;
    }

    /**
     * getMethods() can list one signature twice (e.g. redeclared in an interface): each group keeps
     * the most specific declarer.
     */
    private static void dedupe(Map<String, List<Overload>> byName) {
        for (Map.Entry<String, List<Overload>> e : byName.entrySet()) {
            List<Overload> group = e.getValue();
            if (group.size() < 2) {
                continue;
            }
            Map<String, Overload> bySignature = new LinkedHashMap<>();
            for (Overload c : group) {
                String key = c.paramKey();
                Overload seen = bySignature.get(key);
                if (seen == null || seen.declaringClass.isAssignableFrom(c.declaringClass)
                        && seen.declaringClass != c.declaringClass
                        || seen.declaringClass.isInterface() && !c.declaringClass.isInterface()) {
                    bySignature.put(key, c);
                }
            }
            if (bySignature.size() != group.size()) {
                e.setValue(new ArrayList<>(bySignature.values()));
            }
        }
    }

    /** {@code nameAsync} for every method name, unless Java itself declares a method of that name. */
    private void addAsyncVariants(List<OverloadSet> into, Map<String, List<Overload>> byName) {
        List<OverloadSet> variants = new ArrayList<>();
        for (OverloadSet set : into) {
            String asyncName = OverloadSet.asyncName(set.name); // not TsTypes: its tables are not start-up work
            if (!byName.containsKey(asyncName)) {
                variants.add(new OverloadSet(asyncName, type.getName(), Arrays.asList(set.candidates), true));
            }
        }
        into.addAll(variants);
    }

    private void addSelectors(List<OverloadSet> into, List<Overload> group) {
        for (Overload c : group) {
            String simple = c.selector(false);
            into.add(new OverloadSet(simple, type.getName(), List.of(c)));
            if (c.hasQualifiableParams()) {
                String qualified = c.selector(true);
                if (!qualified.equals(simple)) {
                    into.add(new OverloadSet(qualified, type.getName(), List.of(c)));
                }
            }
        }
    }

    /**
     * Deterministic order (getMethods() order is unspecified): by name, then parameter list. No
     * lambdas: this runs at start-up.
     */
    private static final Comparator<Overload> BY_SIGNATURE = new Comparator<Overload>() {
        @Override
        public int compare(Overload a, Overload b) {
            int byName = a.name().compareTo(b.name());
            return byName != 0 ? byName : a.paramKey().compareTo(b.paramKey());
        }
    };
}
