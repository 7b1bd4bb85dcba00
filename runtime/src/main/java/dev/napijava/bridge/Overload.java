package dev.napijava.bridge;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.StringJoiner;

/** One constructor or method as the native core calls it (through a cached JNI method ID). */
public final class Overload {
    public final Executable executable;
    public final Class<?> declaringClass;
    public final boolean isStatic;
    public final boolean isConstructor;
    public final boolean isVarargs;
    public final TypeRef[] params;
    /** For constructors: the constructed class (the call returns the new object). */
    public final TypeRef returnType;
    final Class<?>[] paramTypes;
    private volatile java.lang.invoke.MethodHandle handle;
    /** For a caller-sensitive method: the loader its handle's caller belongs to (else null). */
    private volatile ClassLoader handleLoader;
    private String paramKey;

    /** The name JS calls it by (a stand-in keeps the name of the method it replaces). */
    private final String name;

    Overload(Executable executable) {
        this(executable, null);
    }

    Overload(Executable executable, String jsName) {
        this.name = jsName != null ? jsName : executable instanceof Constructor ? "new" : executable.getName();
        this.executable = executable;
        this.declaringClass = executable.getDeclaringClass();
        this.isConstructor = executable instanceof Constructor;
        this.isStatic = !isConstructor && Modifier.isStatic(executable.getModifiers());
        this.isVarargs = executable.isVarArgs();
        this.paramTypes = executable.getParameterTypes();
        this.params = new TypeRef[paramTypes.length];
        java.lang.reflect.Type[] generic = null; // read only for futures (their type argument: TypeRef.of)
        for (int i = 0; i < paramTypes.length; i++) {
            params[i] = TypeRef.of(paramTypes[i]);
            if (params[i].code == TypeCode.FUTURE.ordinal()) {
                generic = generic != null ? generic : executable.getGenericParameterTypes();
                if (generic.length == paramTypes.length) { // (an inner class's constructor lists no outer instance)
                    params[i] = TypeRef.of(paramTypes[i], generic[i]);
                }
            }
        }
        this.returnType = TypeRef.of(isConstructor ? declaringClass : ((Method) executable).getReturnType());
    }

    /** For async calls (off the JS thread): a method handle, made on first use. */
    java.lang.invoke.MethodHandle handle() {
        java.lang.invoke.MethodHandle h = handle;
        ClassLoader loader = Bridge.loader();
        // a caller-sensitive method's handle is bound to a caller of one loader: remade after jvm.load()
        if (h == null || (handleLoader != loader && handleLoader != null)) {
            h = AsyncCalls.handleFor(executable);
            handleLoader = AsyncCalls.isCallerSensitive(executable) ? loader : null;
            handle = h;
        }
        return h;
    }

    String name() {
        return name;
    }

    /**
     * Caller-sensitive methods look at their Java caller, and a call from JS has none (JNI): the
     * few that then misbehave are called through a bridge method of the same signature instead.
     */
    static Overload of(Method m) {
        if (m.getDeclaringClass() == Class.class && m.getName().equals("forName") && m.getParameterCount() == 1) {
            try {
                return new Overload(Bridge.class.getMethod("classForName", String.class), "forName");
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Overload(m);
    }

    /** The parameter list as text ({@code [int, class java.lang.String]}): sort key and duplicate test, built once. */
    String paramKey() {
        String key = paramKey;
        if (key == null) {
            paramKey = key = java.util.Arrays.toString(paramTypes);
        }
        return key;
    }

    /** Whether a parameter names a class, so that the qualified selector can differ from the simple one. */
    boolean hasQualifiableParams() {
        for (Class<?> p : paramTypes) {
            while (p.isArray()) {
                p = p.getComponentType();
            }
            if (!p.isPrimitive()) {
                return true;
            }
        }
        return false;
    }

    /** Human-readable signature for error messages: {@code max(int, int)}. */
    String display() {
        StringJoiner joiner = new StringJoiner(", ", name() + "(", ")");
        for (int i = 0; i < paramTypes.length; i++) {
            String type = javaSourceName(paramTypes[i], false);
            if (isVarargs && i == paramTypes.length - 1) {
                type = type.substring(0, type.length() - 2) + "...";
            }
            joiner.add(type);
        }
        return joiner.toString();
    }

    /** The explicit-selector property name: {@code max(int,int)}, simple or qualified type names. */
    String selector(boolean qualified) {
        StringBuilder selector = new StringBuilder(name()).append('(');
        for (int i = 0; i < paramTypes.length; i++) {
            selector.append(i == 0 ? "" : ",").append(javaSourceName(paramTypes[i], qualified));
        }
        return selector.append(')').toString();
    }

    static String javaSourceName(Class<?> type, boolean qualified) {
        if (type.isArray()) {
            return javaSourceName(type.getComponentType(), qualified) + "[]";
        }
        if (type.isPrimitive()) {
            return type.getName();
        }
        if (qualified) {
            String canonical = type.getCanonicalName();
            return canonical != null ? canonical : type.getName();
        }
        // Nested types as in source: Inventory.Item
        String name = type.getName();
        int dot = name.lastIndexOf('.');
        return name.substring(dot + 1).replace('$', '.');
    }
}
