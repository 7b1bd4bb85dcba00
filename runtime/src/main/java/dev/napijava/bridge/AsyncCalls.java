package dev.napijava.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Java work that JS awaits: {@code obj.methodAsync(...)} runs the method on a pool thread while
 * the JS thread stays free; CompletionStage/Future results become promises. Every completion is
 * settled on the JS thread through the environment's queue.
 */
public final class AsyncCalls {
    /** Pool size: -Dnapi.java.asyncThreads (jvm.configure({ asyncThreads })), default 4 per core, at least 16. */
    static final int THREADS = Integer.getInteger("napi.java.asyncThreads",
            Math.max(16, 4 * Runtime.getRuntime().availableProcessors()));
    private static volatile ExecutorService pool;
    /** Read by the native core: a class literal does not initialize CompletableFuture at start-up. */
    static final Class<?> FUTURE_CLASS = CompletableFuture.class;

    private AsyncCalls() {
    }

    static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (AsyncCalls.class) {
                p = pool;
                if (p == null) {
                    ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                            new LinkedBlockingQueue<>(), new ThreadFactory() {
                                private final AtomicInteger count = new AtomicInteger();

                                @Override
                                public Thread newThread(Runnable r) {
                                    Thread t = new Thread(r, "node-api-java-async-" + count.incrementAndGet());
                                    t.setDaemon(true);
                                    return t;
                                }
                            });
                    executor.allowCoreThreadTimeOut(true);
                    pool = p = executor;
                }
            }
        }
        return p;
    }

    public static int poolSize() {
        return THREADS;
    }

    /** Called by the native core (JS thread): runs the callable on the pool, settles the promise. */
    public static void submit(JsEnv env, Overload callable, Object target, Object[] args, long deferred) {
        pool().execute(() -> {
            Object value = null;
            Throwable error = null;
            Thread.currentThread().setContextClassLoader(Bridge.loader()); // as on the JS thread
            try {
                value = callable.handle().invokeWithArguments(withTarget(callable, target, args));
            } catch (Throwable t) {
                error = t;
            }
            settleLater(env, deferred, value, error, callable.returnType);
        });
    }

    private static Object[] withTarget(Overload callable, Object target, Object[] args) {
        if (callable.isStatic || callable.isConstructor) {
            return args;
        }
        Object[] all = new Object[args.length + 1];
        all[0] = target;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** A JDK method that looks at its caller's class (annotated jdk.internal.reflect.CallerSensitive, kept at run time). */
    static boolean isCallerSensitive(java.lang.reflect.Executable executable) {
        if (!(executable instanceof Method)) {
            return false;
        }
        for (java.lang.annotation.Annotation a : executable.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals("jdk.internal.reflect.CallerSensitive")) {
                return true;
            }
        }
        return false;
    }

    /** Called by the native core (JS thread) for a CompletionStage/Future going to JS as a promise. */
    public static void whenDone(JsEnv env, Object future, long deferred) {
        TypeRef any = TypeRef.of(Object.class);
        if (future instanceof CompletionStage) {
            ((CompletionStage<?>) future).whenComplete((value, error) ->
                    settleLater(env, deferred, value, unwrap(error), any));
        } else {
            pool().execute(() -> {
                try {
                    settleLater(env, deferred, ((Future<?>) future).get(), null, any);
                } catch (ExecutionException e) {
                    settleLater(env, deferred, null, e.getCause(), any);
                } catch (Throwable t) {
                    settleLater(env, deferred, null, t, any);
                }
            });
        }
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static void settleLater(JsEnv env, long deferred, Object value, Throwable error, TypeRef type) {
        env.post(() -> JsEnv.settle(env.nativeCtx, deferred, value, error, type));
    }

    /** A JS promise seen from Java: completed on the JS thread by the native core. */
    /**
     * The future of a JS promise passed where Java declares {@code CompletableFuture<T>}: valueType is T's
     * class (null for Object or a type variable), to which the promise's value is fitted ({@link Values#coerce}:
     * a JS 100 settles a {@code CompletableFuture<Double>} with 100.0, not an Integer).
     */
    public static CompletableFuture<Object> newPromiseFuture(Class<?> valueType) {
        return valueType == null || valueType == Object.class ? new CompletableFuture<>() : new TypedPromiseFuture(valueType);
    }

    /** A promise's future whose values are fitted to the declared type argument. */
    static final class TypedPromiseFuture extends CompletableFuture<Object> {
        final Class<?> valueType;

        TypedPromiseFuture(Class<?> valueType) {
            this.valueType = valueType;
        }
    }

    public static void complete(CompletableFuture<Object> future, Object value) {
        if (future instanceof TypedPromiseFuture) {
            Class<?> type = ((TypedPromiseFuture) future).valueType;
            try {
                value = Values.coerce(value, type, "the value of the promise passed as a CompletableFuture<" + type.getSimpleName() + ">");
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
                return;
            }
        }
        future.complete(value);
    }

    public static void fail(CompletableFuture<Object> future, Throwable error) {
        future.completeExceptionally(error);
    }

    private static Method publicDeclaration(Method m, Class<?> type) {
        if (type == null) {
            return null;
        }
        if (java.lang.reflect.Modifier.isPublic(type.getModifiers()) && type.getModule().isExported(
                type.getPackageName())) {
            try {
                return type.getMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException ignored) {
                // keep looking
            }
        }
        for (Class<?> i : type.getInterfaces()) {
            Method found = publicDeclaration(m, i);
            if (found != null) {
                return found;
            }
        }
        return publicDeclaration(m, type.getSuperclass());
    }

    static MethodHandle handleFor(java.lang.reflect.Executable executable) {
        if (isCallerSensitive(executable)) {
            // bound to a caller whose class loader sees what JS sees (start-up class path, jvm.load())
            try {
                executable.setAccessible(true);
                return Bridge.callerLookup().unreflect((Method) executable).asFixedArity();
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException("Cannot call " + executable + " asynchronously: " + e.getMessage(), e);
            }
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle h = executable instanceof Method
                    ? lookup.unreflect((Method) executable)
                    : lookup.unreflectConstructor((Constructor<?>) executable);
            return h.asFixedArity();
        } catch (IllegalAccessException e) {
            // non-public declaring class (e.g. a JDK-internal iterator): call it through a public
            // supertype that declares the same method (virtual dispatch reaches the same code)
            if (executable instanceof Method) {
                Method visible = publicDeclaration((Method) executable, executable.getDeclaringClass());
                if (visible != null) {
                    try {
                        return MethodHandles.publicLookup().unreflect(visible).asFixedArity();
                    } catch (IllegalAccessException ignored) {
                        // fall through
                    }
                }
            }
            try {
                executable.setAccessible(true);
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandle h = executable instanceof Method
                        ? lookup.unreflect((Method) executable)
                        : lookup.unreflectConstructor((Constructor<?>) executable);
                return h.asFixedArity();
            } catch (IllegalAccessException | RuntimeException e2) {
                throw new IllegalStateException("Cannot call " + executable + " asynchronously: " + e2.getMessage(), e2);
            }
        }
    }
}
