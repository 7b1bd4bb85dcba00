package dev.napijava.bridge;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JS functions and objects as Java interfaces. A JS function becomes an implementation of a
 * functional interface (its single abstract method calls the function); a JS object becomes a
 * proxy whose methods call the object's same-named functions, falling back to the interface's
 * default methods. Calls run on the JS thread: directly when Java calls from it, else queued.
 */
public final class JsProxies {
    /** Returned by the native core when a JS object has no function of the called name. */
    static final Object NO_MEMBER = new Object();
    private static final ConcurrentHashMap<Method, TypeRef> RETURN_TYPES = new ConcurrentHashMap<>();

    private JsProxies() {
    }

    /** True for interfaces with exactly one abstract method (Object's public methods excluded). */
    static boolean isFunctional(Class<?> type) {
        if (!type.isInterface()) {
            return false;
        }
        int abstractMethods = 0;
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
                abstractMethods++;
            }
        }
        return abstractMethods == 1;
    }

    static boolean samReturnsVoid(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
                return m.getReturnType() == void.class;
            }
        }
        return false;
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Called by the native core on the JS thread: the Java face of a JS function or object. The
     * same JS value (identity: a number the native core keeps on it, 0 for none) as the same
     * interface gives the same proxy while that proxy lives, so listener add(l)/remove(l) pairs work;
     * then cookie is not used and the caller drops it.
     */
    public static Object create(JsEnv env, Class<?> iface, long cookie, boolean isFunction, long identity) {
        Object known = identity != 0 ? env.proxies.get(identity, iface) : null;
        if (known != null) {
            return known;
        }
        Handler handler = new Handler(env, iface, isFunction);
        Object proxy = Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler);
        handler.ref = JsRef.create(env, cookie, proxy);
        if (identity != 0) {
            env.proxies.put(identity, iface, proxy);
        }
        return proxy;
    }

    /**
     * The proxies of an environment by JS value and interface, held weakly: a proxy Java no longer
     * references is collected (and releases its JS value) as before. JS thread only.
     */
    static final class Cache {
        private record Key(long identity, Class<?> iface) {
        }

        private final java.util.HashMap<Key, java.lang.ref.WeakReference<Object>> byKey = new java.util.HashMap<>();
        private int sinceSweep;

        Object get(long identity, Class<?> iface) {
            java.lang.ref.WeakReference<Object> ref = byKey.get(new Key(identity, iface));
            return ref == null ? null : ref.get();
        }

        void put(long identity, Class<?> iface, Object proxy) {
            if (++sinceSweep > 1024 && sinceSweep > byKey.size()) { // drop collected entries now and then
                byKey.values().removeIf(r -> r.get() == null);
                sinceSweep = 0;
            }
            byKey.put(new Key(identity, iface), new java.lang.ref.WeakReference<>(proxy));
        }
    }

    /** The JsRef behind a proxy made here for env's JS value, or 0: lets the same JS value come
     *  back to JS. A proxy of another environment's value stays a Java object there. */
    public static long cookieOf(Object o, JsEnv env) {
        if (o != null && Proxy.isProxyClass(o.getClass()) && Proxy.getInvocationHandler(o) instanceof Handler) {
            Handler h = (Handler) Proxy.getInvocationHandler(o);
            return h.env == env ? h.ref.cookie : 0;
        }
        return 0;
    }

    private static final class Handler implements InvocationHandler {
        private final JsEnv env;
        private final Class<?> iface;
        private final boolean isFunction;
        JsRef ref;

        Handler(JsEnv env, Class<?> iface, boolean isFunction) {
            this.env = env;
            this.iface = iface;
            this.isFunction = isFunction;
        }

        /** For messages: what the calls of this proxy reach. */
        @Override
        public String toString() {
            return "the JS " + (isFunction ? "function" : "object") + " passed as " + iface.getName();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals": return proxy == args[0];
                    case "hashCode": return System.identityHashCode(proxy);
                    default: return "JS " + (isFunction ? "function" : "object") + " as " + iface.getName();
                }
            }
            if (isFunction && method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            TypeRef known = RETURN_TYPES.get(method);
            TypeRef returnType = known != null ? known : RETURN_TYPES.computeIfAbsent(method, m -> TypeRef.ofJsResult(m.getReturnType()));
            String member = isFunction ? null : method.getName();
            Object result = env.onJsThread() && !env.isClosed() // as callOnJsThread, without its Supplier
                    ? call(member, args, returnType)
                    : env.callOnJsThread(() -> call(member, args, returnType), this);
            if (result == NO_MEMBER && !isFunction) {
                result = env.callOnJsThread(() -> accessProperty(method, args), this);
            }
            if (result == NO_MEMBER) {
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw new UnsupportedOperationException("The JS object passed as " + iface.getName()
                        + " has no function '" + method.getName() + "'");
            }
            return result;
        }

        /** The JS call behind a method (on the JS thread): the result by the declared type, or NO_MEMBER. */
        private Object call(String member, Object[] args, TypeRef returnType) {
            return JSValueNatives.callTyped(env, ref.cookie, member, JSValueNatives.nullsAsDefaults(env.nativeCtx, ref.cookie, member, args), returnType);
        }

        /**
         * A method the JS object has no function for, as a property access (README "Java hosts
         * Node"): {@code T name()} reads property name, {@code T getName()}/{@code boolean isName()}
         * read property name when there is no property getName, {@code void setName(v)} writes
         * property name. NO_MEMBER when none applies. On the JS thread.
         */
        private Object accessProperty(Method method, Object[] args) {
            String name = method.getName();
            int argc = args == null ? 0 : args.length;
            long ctx = env.nativeCtx;
            long handle = ref.cookie;
            Class<?> type = method.getReturnType();
            if (argc == 0 && type != void.class) {
                String property = JSValueNatives.has(ctx, handle, name) ? name : beanProperty(name, type);
                if (property != null && JSValueNatives.has(ctx, handle, property)) {
                    return JSValueNatives.asValue(JSValueNatives.get(ctx, handle, property)).as(type);
                }
            } else if (argc == 1 && type == void.class && beanName(name, "set") != null) {
                JSValueNatives.set(ctx, handle, beanName(name, "set"), args[0]);
                return null;
            }
            return NO_MEMBER;
        }

        private static String beanProperty(String name, Class<?> type) {
            String get = beanName(name, "get");
            return get != null ? get : type == boolean.class || type == Boolean.class ? beanName(name, "is") : null;
        }

        /** getFooBar -> fooBar (prefix "get"); null when name is not prefix + an upper-case letter... */
        private static String beanName(String name, String prefix) {
            int n = prefix.length();
            if (name.length() <= n || !name.startsWith(prefix) || !Character.isUpperCase(name.charAt(n))) {
                return null;
            }
            // URL -> URL, not uRL (java.beans.Introspector.decapitalize's rule)
            if (name.length() > n + 1 && Character.isUpperCase(name.charAt(n + 1))) {
                return name.substring(n);
            }
            return Character.toLowerCase(name.charAt(n)) + name.substring(n + 1);
        }
    }
}
