/*
 * limit.node: a throwaway, hand-written Node-API addon that measures the physical limit of a
 * JS -> Node-API -> JNI -> Java -> back round trip. No generality, no overload resolution, no
 * object identity map: cached jclass/jmethodID, one JNI call, one napi value back.
 *
 * The JVM is created in the addon's init, on Node's main thread, from
 *   $LIMIT_JAVA_HOME (else $JAVA_HOME)/lib/server/libjvm.so   (dlopen RTLD_NOW|RTLD_GLOBAL)
 * with -Djava.class.path=$BENCH_CLASSPATH (where bench.BenchTarget lives), -Xss4m and the
 * space-separated $LIMIT_JVM_OPTIONS (for experiments; the benchmark sets none).
 *
 * Exports (all synchronous):
 *   max(a, b)            java.lang.Math.max(int,int)
 *   add(a, b)            bench.BenchTarget.add(int,int)
 *   echo(str)            bench.BenchTarget.echo(String)          (ASCII fast path in, UTF-16 out)
 *   sum(Float64Array)    bench.BenchTarget.sum(double[])         (one region copy in)
 *   bytes(n)             bench.BenchTarget.bytes(int) -> Int8Array (one region copy out)
 *   newTarget()          new bench.BenchTarget() as an external holding a global ref
 *   increment(target)    target.increment()
 *   newStringBuilder()   new java.lang.StringBuilder() as an external holding a global ref
 *   getValue(target), setValue(target, v)   the int field target.value (cached field ID)
 *   getStatic(), setStatic(v)               the static int field BenchTarget.staticValue
 *   callback(fn)         BenchTarget.callback(IntUnaryOperator) with a BenchTarget.NativeCallback
 *                        whose native applyAsInt calls fn with napi_call_function (100 calls)
 *   jvmStartNs           nanoseconds JNI_CreateJavaVM took
 *   javaVersion          System.getProperty("java.version")
 *
 * Build: see Makefile. Only for the benchmark: errors are thrown as plain Errors.
 */
#include <dlfcn.h>
#include <jni.h>
#include <node_api.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef jint(JNICALL *CreateJavaVM_t)(JavaVM **, void **, void *);

static JavaVM *g_vm;
static JNIEnv *g_env; /* the main thread's env: every export runs on Node's main thread */
static jclass g_math, g_target, g_sb, g_string;
static jmethodID g_max, g_add, g_echo, g_sum, g_bytes, g_target_init, g_increment, g_sb_init,
    g_string_latin1, g_callback;
static jfieldID g_value, g_static_value;
static jobject g_native_callback; /* a BenchTarget.NativeCallback, global ref */
/* The JS function and env of the callback(fn) call in progress (the JS thread only). */
static napi_env g_callback_env;
static napi_value g_callback_fn;
static double g_jvm_start_ns;
static char g_java_version[64];

#define NAPI_OK(call)                                                                              \
    do {                                                                                           \
        if ((call) != napi_ok) {                                                                   \
            napi_throw_error(env, NULL, "napi call failed: " #call);                               \
            return NULL;                                                                           \
        }                                                                                          \
    } while (0)

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Turns a pending Java exception into a JS Error. Returns 1 when there was one. */
static int java_exception(napi_env env) {
    if (!(*g_env)->ExceptionCheck(g_env)) return 0;
    jthrowable t = (*g_env)->ExceptionOccurred(g_env);
    (*g_env)->ExceptionClear(g_env);
    char msg[512] = "Java exception";
    jclass obj = (*g_env)->FindClass(g_env, "java/lang/Object");
    jmethodID ts = (*g_env)->GetMethodID(g_env, obj, "toString", "()Ljava/lang/String;");
    jstring s = (jstring)(*g_env)->CallObjectMethod(g_env, t, ts);
    if (s != NULL && !(*g_env)->ExceptionCheck(g_env)) {
        const char *c = (*g_env)->GetStringUTFChars(g_env, s, NULL);
        snprintf(msg, sizeof msg, "%s", c);
        (*g_env)->ReleaseStringUTFChars(g_env, s, c);
        (*g_env)->DeleteLocalRef(g_env, s);
    }
    (*g_env)->ExceptionClear(g_env);
    (*g_env)->DeleteLocalRef(g_env, obj);
    (*g_env)->DeleteLocalRef(g_env, t);
    napi_throw_error(env, NULL, msg);
    return 1;
}

static int get_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
    size_t argc = want;
    if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < want) {
        napi_throw_type_error(env, NULL, "missing arguments");
        return 0;
    }
    return 1;
}

static napi_value int_result(napi_env env, jint r) {
    if (java_exception(env)) return NULL;
    napi_value out;
    NAPI_OK(napi_create_int32(env, r, &out));
    return out;
}

static napi_value int_int_call(napi_env env, napi_callback_info info, jclass cls, jmethodID m) {
    napi_value argv[2];
    if (!get_args(env, info, 2, argv)) return NULL;
    int32_t a, b;
    NAPI_OK(napi_get_value_int32(env, argv[0], &a));
    NAPI_OK(napi_get_value_int32(env, argv[1], &b));
    return int_result(env, (*g_env)->CallStaticIntMethod(g_env, cls, m, (jint)a, (jint)b));
}

static napi_value Max(napi_env env, napi_callback_info info) {
    return int_int_call(env, info, g_math, g_max);
}

static napi_value Add(napi_env env, napi_callback_info info) {
    return int_int_call(env, info, g_target, g_add);
}

/*
 * JS -> Java string. Long ASCII strings (UTF-8 length == UTF-16 length) are written by V8 straight
 * into a new Java byte[] (critical section, no intermediate buffer) and become a compact Latin-1
 * java.lang.String through String(byte[] ascii, int hibyte, int offset, int count), which copies
 * `count` bytes (so the array's extra byte for V8's NUL terminator is harmless). Everything else
 * goes through UTF-16. node-api-java uses the same trick with one more copy: the limit has to be
 * at least as good as the best known path.
 */
#define ASCII_PATH_MIN 64
static jstring js_to_jstring(napi_env env, napi_value v) {
    size_t len = 0, utf8_len = 0;
    if (napi_get_value_string_utf16(env, v, NULL, 0, &len) != napi_ok) return NULL;
    if (len >= ASCII_PATH_MIN && napi_get_value_string_utf8(env, v, NULL, 0, &utf8_len) == napi_ok &&
        utf8_len == len) {
        jbyteArray array = (*g_env)->NewByteArray(g_env, (jsize)len + 1);
        if (array == NULL) return NULL;
        char *bytes = (*g_env)->GetPrimitiveArrayCritical(g_env, array, NULL);
        size_t copied = 0;
        napi_get_value_string_latin1(env, v, bytes, len + 1, &copied);
        (*g_env)->ReleasePrimitiveArrayCritical(g_env, array, bytes, 0);
        jstring s = (*g_env)->NewObject(g_env, g_string, g_string_latin1, array, 0, 0, (jint)len);
        (*g_env)->DeleteLocalRef(g_env, array);
        return s;
    }
    char16_t stackbuf[256];
    char16_t *buf = len < 256 ? stackbuf : malloc((len + 1) * sizeof(char16_t));
    napi_get_value_string_utf16(env, v, buf, len + 1, &len);
    jstring s = (*g_env)->NewString(g_env, (const jchar *)buf, (jsize)len);
    if (buf != stackbuf) free(buf);
    return s;
}

/* Java -> JS string: UTF-16 out (GetStringRegion inflates Latin-1; HotSpot's UTF-8 paths are
   scalar loops and measured slower). */
static napi_value jstring_to_js(napi_env env, jstring s) {
    napi_value out = NULL;
    if (s == NULL) {
        napi_get_null(env, &out);
        return out;
    }
    jsize len = (*g_env)->GetStringLength(g_env, s);
    jchar stackbuf[256];
    jchar *buf = len < 256 ? stackbuf : malloc((size_t)len * sizeof(jchar));
    (*g_env)->GetStringRegion(g_env, s, 0, len, buf);
    napi_create_string_utf16(env, (const char16_t *)buf, (size_t)len, &out);
    if (buf != stackbuf) free(buf);
    return out;
}

static napi_value Echo(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, argv)) return NULL;
    jstring in = js_to_jstring(env, argv[0]);
    if (in == NULL) {
        if (!java_exception(env)) napi_throw_type_error(env, NULL, "echo expects a string");
        return NULL;
    }
    jstring res = (jstring)(*g_env)->CallStaticObjectMethod(g_env, g_target, g_echo, in);
    (*g_env)->DeleteLocalRef(g_env, in);
    if (java_exception(env)) return NULL;
    napi_value out = jstring_to_js(env, res);
    if (res != NULL) (*g_env)->DeleteLocalRef(g_env, res);
    return out;
}

static napi_value Sum(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, argv)) return NULL;
    napi_typedarray_type type;
    size_t length;
    void *data;
    NAPI_OK(napi_get_typedarray_info(env, argv[0], &type, &length, &data, NULL, NULL));
    if (type != napi_float64_array) {
        napi_throw_type_error(env, NULL, "sum expects a Float64Array");
        return NULL;
    }
    jdoubleArray arr = (*g_env)->NewDoubleArray(g_env, (jsize)length);
    if (java_exception(env)) return NULL;
    (*g_env)->SetDoubleArrayRegion(g_env, arr, 0, (jsize)length, (const jdouble *)data);
    jdouble r = (*g_env)->CallStaticDoubleMethod(g_env, g_target, g_sum, arr);
    (*g_env)->DeleteLocalRef(g_env, arr);
    if (java_exception(env)) return NULL;
    napi_value out;
    NAPI_OK(napi_create_double(env, r, &out));
    return out;
}

static napi_value Bytes(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, argv)) return NULL;
    int32_t n;
    NAPI_OK(napi_get_value_int32(env, argv[0], &n));
    jbyteArray arr = (jbyteArray)(*g_env)->CallStaticObjectMethod(g_env, g_target, g_bytes, (jint)n);
    if (java_exception(env)) return NULL;
    jsize len = (*g_env)->GetArrayLength(g_env, arr);
    void *data;
    napi_value ab, out;
    if (napi_create_arraybuffer(env, (size_t)len, &data, &ab) != napi_ok) {
        (*g_env)->DeleteLocalRef(g_env, arr);
        napi_throw_error(env, NULL, "napi_create_arraybuffer failed");
        return NULL;
    }
    (*g_env)->GetByteArrayRegion(g_env, arr, 0, len, (jbyte *)data);
    (*g_env)->DeleteLocalRef(g_env, arr);
    NAPI_OK(napi_create_typedarray(env, napi_int8_array, (size_t)len, ab, 0, &out));
    return out;
}

/* GC-driven release of a Java object held by a JS external (runs on the main thread). */
static void release_global(napi_env env, void *data, void *hint) {
    (void)env;
    (void)hint;
    (*g_env)->DeleteGlobalRef(g_env, (jobject)data);
}

static napi_value wrap_new(napi_env env, jclass cls, jmethodID ctor) {
    jobject local = (*g_env)->NewObject(g_env, cls, ctor);
    if (java_exception(env)) return NULL;
    jobject global = (*g_env)->NewGlobalRef(g_env, local);
    (*g_env)->DeleteLocalRef(g_env, local);
    napi_value out;
    if (napi_create_external(env, global, release_global, NULL, &out) != napi_ok) {
        (*g_env)->DeleteGlobalRef(g_env, global);
        napi_throw_error(env, NULL, "napi_create_external failed");
        return NULL;
    }
    return out;
}

static napi_value NewTarget(napi_env env, napi_callback_info info) {
    (void)info;
    return wrap_new(env, g_target, g_target_init);
}

static napi_value NewStringBuilder(napi_env env, napi_callback_info info) {
    (void)info;
    return wrap_new(env, g_sb, g_sb_init);
}

static napi_value Increment(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, argv)) return NULL;
    void *obj;
    NAPI_OK(napi_get_value_external(env, argv[0], &obj));
    return int_result(env, (*g_env)->CallIntMethod(g_env, (jobject)obj, g_increment));
}

static napi_value GetValue(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, argv)) return NULL;
    void *obj;
    NAPI_OK(napi_get_value_external(env, argv[0], &obj));
    return int_result(env, (*g_env)->GetIntField(g_env, (jobject)obj, g_value));
}

static napi_value SetValue(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, argv)) return NULL;
    void *obj;
    int32_t v;
    NAPI_OK(napi_get_value_external(env, argv[0], &obj));
    NAPI_OK(napi_get_value_int32(env, argv[1], &v));
    (*g_env)->SetIntField(g_env, (jobject)obj, g_value, (jint)v);
    java_exception(env);
    return NULL;
}

static napi_value GetStatic(napi_env env, napi_callback_info info) {
    (void)info;
    return int_result(env, (*g_env)->GetStaticIntField(g_env, g_target, g_static_value));
}

static napi_value SetStatic(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, argv)) return NULL;
    int32_t v;
    NAPI_OK(napi_get_value_int32(env, argv[0], &v));
    (*g_env)->SetStaticIntField(g_env, g_target, g_static_value, (jint)v);
    java_exception(env);
    return NULL;
}

/* BenchTarget.NativeCallback.applyAsInt: one napi_call_function in a handle scope; -1 when JS threw
   (its exception stays pending and ends the outer call). */
static jint JNICALL native_apply(JNIEnv *jni, jobject self, jint x) {
    (void)jni;
    (void)self;
    napi_env env = g_callback_env;
    napi_handle_scope scope;
    napi_value recv, arg, result;
    int32_t out = -1;
    if (napi_open_handle_scope(env, &scope) != napi_ok) return -1;
    if (napi_get_undefined(env, &recv) == napi_ok && napi_create_int32(env, x, &arg) == napi_ok &&
        napi_call_function(env, recv, g_callback_fn, 1, &arg, &result) == napi_ok)
        napi_get_value_int32(env, result, &out);
    napi_close_handle_scope(env, scope);
    return out;
}

static napi_value Callback(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, argv)) return NULL;
    g_callback_env = env;
    g_callback_fn = argv[0];
    jint r = (*g_env)->CallStaticIntMethod(g_env, g_target, g_callback, g_native_callback);
    return int_result(env, r);
}

static jclass global_class(JNIEnv *jenv, const char *name) {
    jclass local = (*jenv)->FindClass(jenv, name);
    if (local == NULL) return NULL;
    jclass global = (jclass)(*jenv)->NewGlobalRef(jenv, local);
    (*jenv)->DeleteLocalRef(jenv, local);
    return global;
}

static const char *start_jvm(char *err, size_t errlen) {
    const char *home = getenv("LIMIT_JAVA_HOME");
    if (home == NULL || *home == 0) home = getenv("JAVA_HOME");
    if (home == NULL || *home == 0) return "set JAVA_HOME (or LIMIT_JAVA_HOME) to a JDK";
    const char *cp = getenv("BENCH_CLASSPATH");
    if (cp == NULL) cp = ".";

    char lib[4096];
    snprintf(lib, sizeof lib, "%s/lib/server/libjvm.so", home);
    void *h = dlopen(lib, RTLD_NOW | RTLD_GLOBAL);
    if (h == NULL) {
        snprintf(err, errlen, "dlopen %s: %s", lib, dlerror());
        return err;
    }
    CreateJavaVM_t create = (CreateJavaVM_t)dlsym(h, "JNI_CreateJavaVM");
    if (create == NULL) return "JNI_CreateJavaVM not found in libjvm.so";

    char cpopt[8192];
    snprintf(cpopt, sizeof cpopt, "-Djava.class.path=%s", cp);
    JavaVMOption opts[34];
    int nopts = 0;
    opts[nopts++].optionString = cpopt;
    opts[nopts++].optionString = "-Xss4m";
    /* Extra options for experiments: LIMIT_JVM_OPTIONS="-Xlog:gc -Xmx1g" (at most 32). */
    static char extra[4096];
    const char *ex = getenv("LIMIT_JVM_OPTIONS");
    if (ex != NULL) {
        snprintf(extra, sizeof extra, "%s", ex);
        for (char *tok = strtok(extra, " "); tok != NULL && nopts < 34; tok = strtok(NULL, " "))
            opts[nopts++].optionString = tok;
    }
    JavaVMInitArgs args;
    args.version = JNI_VERSION_1_8;
    args.nOptions = nopts;
    args.options = opts;
    args.ignoreUnrecognized = JNI_FALSE;

    uint64_t t0 = now_ns();
    jint rc = create(&g_vm, (void **)&g_env, &args);
    g_jvm_start_ns = (double)(now_ns() - t0);
    if (rc != JNI_OK) {
        snprintf(err, errlen, "JNI_CreateJavaVM failed: %d", (int)rc);
        return err;
    }

    JNIEnv *e = g_env;
    g_math = global_class(e, "java/lang/Math");
    g_target = global_class(e, "bench/BenchTarget");
    g_sb = global_class(e, "java/lang/StringBuilder");
    g_string = global_class(e, "java/lang/String");
    if (g_math == NULL || g_target == NULL || g_sb == NULL || g_string == NULL) {
        (*e)->ExceptionClear(e);
        snprintf(err, errlen, "class not found (BENCH_CLASSPATH=%s)", cp);
        return err;
    }
    g_max = (*e)->GetStaticMethodID(e, g_math, "max", "(II)I");
    g_add = (*e)->GetStaticMethodID(e, g_target, "add", "(II)I");
    g_echo = (*e)->GetStaticMethodID(e, g_target, "echo", "(Ljava/lang/String;)Ljava/lang/String;");
    g_sum = (*e)->GetStaticMethodID(e, g_target, "sum", "([D)D");
    g_bytes = (*e)->GetStaticMethodID(e, g_target, "bytes", "(I)[B");
    g_target_init = (*e)->GetMethodID(e, g_target, "<init>", "()V");
    g_increment = (*e)->GetMethodID(e, g_target, "increment", "()I");
    g_sb_init = (*e)->GetMethodID(e, g_sb, "<init>", "()V");
    g_string_latin1 = (*e)->GetMethodID(e, g_string, "<init>", "([BIII)V");
    g_callback = (*e)->GetStaticMethodID(e, g_target, "callback", "(Ljava/util/function/IntUnaryOperator;)I");
    g_value = (*e)->GetFieldID(e, g_target, "value", "I");
    g_static_value = (*e)->GetStaticFieldID(e, g_target, "staticValue", "I");
    if ((*e)->ExceptionCheck(e)) {
        (*e)->ExceptionClear(e);
        return "method or field not found on bench.BenchTarget";
    }
    jclass cb = (*e)->FindClass(e, "bench/BenchTarget$NativeCallback");
    JNINativeMethod apply = {"applyAsInt", "(I)I", (void *)native_apply};
    jmethodID cb_init = cb ? (*e)->GetMethodID(e, cb, "<init>", "()V") : NULL;
    jobject cb_obj = cb_init && (*e)->RegisterNatives(e, cb, &apply, 1) == 0 ? (*e)->NewObject(e, cb, cb_init) : NULL;
    g_native_callback = cb_obj ? (*e)->NewGlobalRef(e, cb_obj) : NULL;
    if (g_native_callback == NULL) {
        (*e)->ExceptionClear(e);
        return "bench.BenchTarget$NativeCallback: not found or its native not registered";
    }
    (*e)->DeleteLocalRef(e, cb_obj);
    (*e)->DeleteLocalRef(e, cb);

    jclass sys = (*e)->FindClass(e, "java/lang/System");
    jmethodID gp = (*e)->GetStaticMethodID(e, sys, "getProperty", "(Ljava/lang/String;)Ljava/lang/String;");
    jstring key = (*e)->NewStringUTF(e, "java.version");
    jstring v = (jstring)(*e)->CallStaticObjectMethod(e, sys, gp, key);
    if (v != NULL) {
        const char *c = (*e)->GetStringUTFChars(e, v, NULL);
        snprintf(g_java_version, sizeof g_java_version, "%s", c);
        (*e)->ReleaseStringUTFChars(e, v, c);
        (*e)->DeleteLocalRef(e, v);
    }
    (*e)->DeleteLocalRef(e, key);
    (*e)->DeleteLocalRef(e, sys);
    return NULL;
}

static napi_value Init(napi_env env, napi_value exports) {
    char err[4200];
    if (g_vm == NULL) {
        const char *msg = start_jvm(err, sizeof err);
        if (msg != NULL) {
            napi_throw_error(env, NULL, msg);
            return NULL;
        }
    }
    napi_property_descriptor fns[] = {
        {"max", NULL, Max, NULL, NULL, NULL, napi_enumerable, NULL},
        {"add", NULL, Add, NULL, NULL, NULL, napi_enumerable, NULL},
        {"echo", NULL, Echo, NULL, NULL, NULL, napi_enumerable, NULL},
        {"sum", NULL, Sum, NULL, NULL, NULL, napi_enumerable, NULL},
        {"bytes", NULL, Bytes, NULL, NULL, NULL, napi_enumerable, NULL},
        {"newTarget", NULL, NewTarget, NULL, NULL, NULL, napi_enumerable, NULL},
        {"increment", NULL, Increment, NULL, NULL, NULL, napi_enumerable, NULL},
        {"newStringBuilder", NULL, NewStringBuilder, NULL, NULL, NULL, napi_enumerable, NULL},
        {"getValue", NULL, GetValue, NULL, NULL, NULL, napi_enumerable, NULL},
        {"setValue", NULL, SetValue, NULL, NULL, NULL, napi_enumerable, NULL},
        {"getStatic", NULL, GetStatic, NULL, NULL, NULL, napi_enumerable, NULL},
        {"setStatic", NULL, SetStatic, NULL, NULL, NULL, napi_enumerable, NULL},
        {"callback", NULL, Callback, NULL, NULL, NULL, napi_enumerable, NULL},
    };
    NAPI_OK(napi_define_properties(env, exports, sizeof fns / sizeof fns[0], fns));
    napi_value start, version;
    NAPI_OK(napi_create_double(env, g_jvm_start_ns, &start));
    NAPI_OK(napi_create_string_utf8(env, g_java_version, NAPI_AUTO_LENGTH, &version));
    NAPI_OK(napi_set_named_property(env, exports, "jvmStartNs", start));
    NAPI_OK(napi_set_named_property(env, exports, "javaVersion", version));
    return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
