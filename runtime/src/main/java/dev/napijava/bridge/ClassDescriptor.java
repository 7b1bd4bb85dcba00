package dev.napijava.bridge;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        dev.napijava.bridge.glue.Members glued = dev.napijava.bridge.glue.GlueRegistry.members(type);
        List<Callable> ctors = new ArrayList<>();
        if (instantiable) {
            for (Constructor<?> c : glued != null ? glued.constructors : sorted(type.getConstructors())) {
                ctors.add(new Callable(c));
            }
        }
        this.constructors = new OverloadSet("<init>", type.getName(), ctors);

        Map<String, List<Callable>> statics = new LinkedHashMap<>();
        Map<String, List<Callable>> instances = new LinkedHashMap<>();
        Method[] methods = glued != null ? glued.methods : sorted(publicMethods(type));
        Set<String> realSignatures = new HashSet<>();
        for (Method m : methods) {
            if (!m.isBridge()) {
                realSignatures.add(m.getName() + Arrays.toString(m.getParameterTypes()));
            }
        }
        for (Method m : methods) {
            // Bridges for covariant returns duplicate a real method; access bridges (a public class
            // re-exposing a non-public superclass's methods, e.g. StringBuilder.length) are the only copy.
            if (m.isBridge() && realSignatures.contains(m.getName() + Arrays.toString(m.getParameterTypes()))) {
                continue;
            }
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            if (isStatic && m.getDeclaringClass() != type && m.getDeclaringClass().isInterface()) {
                continue; // interface statics are not inherited
            }
            Map<String, List<Callable>> byName = isStatic ? statics : instances;
            List<Callable> group = byName.get(m.getName());
            if (group == null) {
                group = new ArrayList<>();
                byName.put(m.getName(), group);
            }
            group.add(new Callable(m));
        }
        List<OverloadSet> staticSets = groups(statics, RESERVED_STATIC);
        List<OverloadSet> instanceSets = groups(instances, RESERVED_INSTANCE);
        addAsyncVariants(staticSets, statics);
        addAsyncVariants(instanceSets, instances);
        addSelectors(staticSets, ctors);
        for (List<Callable> group : statics.values()) {
            addSelectors(staticSets, group);
        }
        for (List<Callable> group : instances.values()) {
            addSelectors(instanceSets, group);
        }
        this.staticMethods = staticSets.toArray(new OverloadSet[0]);
        this.instanceMethods = instanceSets.toArray(new OverloadSet[0]);

        Set<String> staticNames = new HashSet<>(statics.keySet());
        Set<String> instanceNames = new HashSet<>(instances.keySet());
        List<FieldDescriptor> sf = new ArrayList<>();
        List<FieldDescriptor> inf = new ArrayList<>();
        for (Field f : glued != null ? glued.fields : type.getFields()) {
            if (f.isSynthetic()) {
                continue;
            }
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            Set<String> taken = isStatic ? staticNames : instanceNames;
            Set<String> reserved = isStatic ? RESERVED_STATIC : RESERVED_INSTANCE;
            if (reserved.contains(f.getName()) || !taken.add(f.getName())) {
                continue; // a method (or a nearer field) of that name wins
            }
            (isStatic ? sf : inf).add(new FieldDescriptor(f));
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
    }

    /**
     * Public methods callable on instances of the class. For a non-public runtime class
     * (e.g. a JDK-internal iterator), JNI may call its public methods too.
     */
    private static Method[] publicMethods(Class<?> type) {
        return type.getMethods();
    }

    private List<OverloadSet> groups(Map<String, List<Callable>> byName, Set<String> reserved) {
        List<OverloadSet> sets = new ArrayList<>();
        for (Map.Entry<String, List<Callable>> e : byName.entrySet()) {
            if (!reserved.contains(e.getKey())) {
                sets.add(new OverloadSet(e.getKey(), type.getName(), dedupe(e.getValue())));
            }
        }
        return sets;
    }

    /** getMethods() can list one signature twice (e.g. redeclared in an interface): keep the most specific declarer. */
    private static List<Callable> dedupe(List<Callable> group) {
        Map<String, Callable> bySignature = new LinkedHashMap<>();
        for (Callable c : group) {
            String key = Arrays.toString(c.paramTypes);
            Callable seen = bySignature.get(key);
            if (seen == null || seen.declaringClass.isAssignableFrom(c.declaringClass)
                    && seen.declaringClass != c.declaringClass
                    || seen.declaringClass.isInterface() && !c.declaringClass.isInterface()) {
                bySignature.put(key, c);
            }
        }
        return new ArrayList<>(bySignature.values());
    }

    /** {@code nameAsync} for every method name, unless Java itself declares a method of that name. */
    private void addAsyncVariants(List<OverloadSet> into, Map<String, List<Callable>> byName) {
        List<OverloadSet> variants = new ArrayList<>();
        for (OverloadSet set : into) {
            String asyncName = OverloadSet.asyncName(set.name); // not TsTypes: its tables are not start-up work
            if (!byName.containsKey(asyncName)) {
                variants.add(new OverloadSet(asyncName, type.getName(), Arrays.asList(set.candidates), true));
            }
        }
        into.addAll(variants);
    }

    private void addSelectors(List<OverloadSet> into, List<Callable> group) {
        for (Callable c : dedupe(group)) {
            String simple = c.selector(false);
            into.add(new OverloadSet(simple, type.getName(), List.of(c)));
            String qualified = c.selector(true);
            if (!qualified.equals(simple)) {
                into.add(new OverloadSet(qualified, type.getName(), List.of(c)));
            }
        }
    }

    /** Deterministic order (getMethods() order is unspecified). No lambdas: this runs at start-up. */
    private static final Comparator<java.lang.reflect.Executable> BY_SIGNATURE =
            new Comparator<java.lang.reflect.Executable>() {
                @Override
                public int compare(java.lang.reflect.Executable a, java.lang.reflect.Executable b) {
                    int byName = a.getName().compareTo(b.getName());
                    return byName != 0 ? byName
                            : Arrays.toString(a.getParameterTypes()).compareTo(Arrays.toString(b.getParameterTypes()));
                }
            };

    private static <T extends java.lang.reflect.Executable> T[] sorted(T[] members) {
        Arrays.sort(members, BY_SIGNATURE);
        return members;
    }
}
