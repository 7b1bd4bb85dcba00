/*
 * node-api-java native core: shared declarations.
 *
 * The core is mechanism only: it converts values by type code, dispatches calls through cached
 * JNI IDs and keeps JS wrappers of Java objects alive/dead in step with GC. Every decision (which
 * overload, which type code, what a class projects) is made in Java (dev.napijava.bridge).
 *
 * Failure discipline (docs: README "Reliability"): every napi status goes through NAPI_OK and
 * every JNI allocation or call that can throw is checked. A failure is an exception on the side
 * that called in (a JS exception for JS -> Java entry points, a Java exception for natives that
 * Java calls), never a silent undefined and never a crash.
 */
#ifndef NAPI_JAVA_BRIDGE_H
#define NAPI_JAVA_BRIDGE_H

#include <jni.h>
#include <node_api.h>
#include <stdbool.h>
#include <pthread.h>
#include <stdint.h>

#include "type_codes.h"

#define FAST_ARGS 16               /* arguments handled without heap allocation; = CallSlots.MAX_ARGS (SharedConstantsTest) */
#define FAST_FRAME (2 * FAST_ARGS) /* longs per frame of a fast call: a (tag, bits) pair per argument (CallSlots.FRAME) */
#define SHAPE_MAX 8                /* call shapes with more arguments are resolved every time */
#define SHAPE_CACHE 4              /* cached call shapes per overload set */
/* Nesting of arrays converted in one value (JS -> Java and back): deeper is refused with a
 * RangeError, which also ends cyclic arrays. */
#define MAX_NESTING 256
/* The longest JS array converted element by element: V8 keeps no dense array longer (a longer
 * one is a sparse dictionary), so anything beyond is refused instead of walked hole by hole. */
#define MAX_JS_ARRAY_LENGTH 134217725u

struct env_ctx;
struct class_info;

/* The JS built-in constructors the marshaler tells objects apart by (env_ctx.builtin). */
enum { JS_MAP,
       JS_SET,
       JS_REGEXP,
       JS_WEAKMAP,
       JS_WEAKSET,
       JS_BUILTIN_COUNT };

typedef struct type_info {
  int code;
  jclass cls;                /* global ref; NULL for primitives */
  struct type_info* element; /* arrays only */
} type_info;

typedef struct callable {
  jmethodID mid; /* resolved on first use (classes.c) */
  jclass decl;   /* global ref: declaring class (static calls, constructors) */
  bool is_static, is_ctor, is_varargs;
  int argc;
  type_info* params;
  type_info ret;
} callable;

typedef struct shape_entry {
  int argc; /* -1: empty slot */
  uint8_t tags[SHAPE_MAX];
  struct class_info* classes[SHAPE_MAX];
  int result; /* index * 2 + varargs-expanded */
} shape_entry;

typedef struct method_group {
  struct env_ctx* ctx;
  struct class_info* owner;
  jobject overloads; /* global ref to dev.napijava.bridge.OverloadSet */
  char* name;
  bool is_static;
  bool is_async; /* nameAsync: runs on the Java pool, returns a promise */
  int count;
  callable* items;
  shape_entry cache[SHAPE_CACHE];
  int next_slot;
  struct method_group* next; /* the owner's list (class_info.groups) */
} method_group;

typedef struct field_info {
  struct env_ctx* ctx;
  struct class_info* owner;
  jfieldID fid;      /* resolved on first use (classes.c) */
  jobject reflected; /* global ref to the java.lang.reflect.Field */
  jclass decl;
  type_info type;
  bool is_static, is_final;
  char* name;
  struct field_info* next; /* the owner's list (class_info.fields) */
} field_info;

typedef struct nested_info {
  struct env_ctx* ctx;
  jclass cls; /* global ref */
  struct class_info* resolved;
  struct nested_info* next; /* the outer class's list (class_info.nested) */
} nested_info;

typedef struct class_info {
  struct env_ctx* ctx;
  int index;
  jclass cls; /* global ref */
  char* name; /* binary name, for messages */
  bool instantiable;
  napi_ref ctor;
  method_group* ctors;
  /* Every record the JS class's functions and accessors point at (ctors included), linked when
   * read: V8 holds them only as callback data, so they are freed with the environment. */
  method_group* groups;
  field_info* fields;
  nested_info* nested;
} class_info;

/* The native record behind each JS wrapper of a Java object, filed in its environment's idents
 * table by the object's identity hash, so the same Java object finds the same wrapper (objects.c). */
typedef struct java_ref {
  jobject obj; /* global ref, released by the wrapper's finalizer */
  napi_ref weak;
  class_info* cls;
  struct env_ctx* ctx;
  jint hash; /* the object's identity hash: its key in the environment's idents table */
} java_ref;

/* A reference to a JS value held for Java (the cookie of a dev.napijava.bridge.JsRef). Linked
 * into its environment's list so that the environment's end frees what Java still holds. */
typedef struct js_ref {
  napi_ref ref;
  struct env_ctx* ctx;
  struct js_ref *prev, *next;
} js_ref;

/* Per Node environment (main thread or worker): no global napi_env anywhere. */
/* A set of non-zero words, open addressing (objects.c). */
typedef struct ptr_table {
  uintptr_t* slots;
  size_t cap, count;
} ptr_table;

typedef struct env_ctx {
  napi_env env;
  pthread_t js_thread;
  bool is_main;                  /* the process's main thread: its exit runs the JVM's shutdown hooks */
  bool closed;                   /* the environment ended (or is exiting): Java was told, no more queue */
  jobject js_env;                /* global ref to dev.napijava.bridge.JsEnv */
  napi_threadsafe_function wake; /* runs JsEnv.drain() on the JS thread */
  int pending_async;             /* promises awaiting Java: while > 0 the wake function keeps Node alive */
  int* sync_depth;               /* JS -> Java calls in progress (read by Java through a direct buffer; never
                         * freed: a Java thread may read it while the environment ends) */
  bool converting_exception;     /* a Java exception is being turned into JS: no second one inside */
  /* The arrays being converted, outermost first (each direction): one met again is a cycle. */
  int js_depth, java_depth;
  napi_value js_nest[MAX_NESTING];
  jobject java_nest[MAX_NESTING]; /* local refs of the enclosing native frames */
  napi_ref stream_hook;           /* JS hook(value, kind) converting between Node and Java streams */
  class_info** classes;           /* by ClassRegistry index */
  int class_cap;
  napi_ref sentinel; /* constructor argument meaning "wrap ctx->pending" */
  java_ref* pending;
  napi_ref on_class;                  /* JS hook(ctor, classIndex) run once per projected class */
  napi_ref java_error;                /* JS hook(throwableWrapper[, originalJsError]) -> Error */
  napi_ref array_is_array;            /* Array.isArray: true for Proxies of arrays, unlike napi_is_array */
  napi_ref array_from;                /* Array.from: a JS Map's or Set's contents as an array */
  napi_ref object_prototype;          /* a plain object's prototype */
  napi_ref builtin[JS_BUILTIN_COUNT]; /* Map, Set, RegExp, WeakMap, WeakSet (JS_MAP...) */
  int bigint_longs;                   /* > 0 inside jvm.bigint(fn): every long result is a bigint */
  uint64_t by_reference;              /* a bit per type code whose results to_js wraps as Java objects instead of
                              converting (set by JS: node-java's shapes, lib/node-java.js) */
  js_ref refs;                        /* list head of the js_refs Java holds */
  /* The fast calls' memory (dev.napijava.bridge.CallSlots, JS thread only): call_frames frames of
   * FAST_FRAME longs at call_slots, a direct LongBuffer of Java's kept alive by call_slots_buffer
   * (a global ref) until env_free. NULL until Java registers it (JSValueNatives.registerSlots). */
  jlong* call_slots;
  jint call_frames;
  jobject call_slots_buffer;
  ptr_table wraps;  /* the records this environment napi_wrap'ed, by address (objects.c) */
  ptr_table idents; /* the java_refs, by their object's identity hash (objects.c) */
} env_ctx;

/* Process-wide JNI cache: class refs and method/field IDs looked up once at start. */
typedef struct jni_cache {
  JavaVM* vm;
  jclass Object, String, Class, Throwable, ObjectArray, StackOverflowError, OutOfMemoryError;
  jclass box[8]; /* Boolean Byte Character Short Integer Long Float Double */
  jmethodID box_valueOf[8];
  jmethodID box_value[8]; /* booleanValue ... doubleValue */
  jfieldID box_field[8];  /* their "value" fields (NULL if this JDK has none: the methods then) */
  jclass prim_array[8];   /* boolean[] ... double[] */
  jclass Bridge, System, BridgeTypeError, BridgeRangeError;
  jmethodID Bridge_resolveName, Bridge_importClass, Bridge_describe, Bridge_classIndexOf, Bridge_classIndex, Bridge_classAt,
      Bridge_load, Bridge_registerGlue, Bridge_javaVersion, Bridge_runShutdownHooks, Bridge_arrayType;
  jmethodID System_identityHashCode;
  jmethodID OverloadSet_resolve, Throwable_getMessage, Class_getName, Class_isInterface;
  /* Compact strings (JDK 9+): a String is its byte[] value plus a coder (0 Latin-1, 1 UTF-16).
   * Long strings are read and built through these directly; NULL when this JDK has no such layout
   * (or runs with -XX:-CompactStrings), and the portable JNI string functions are used instead. */
  jfieldID String_value, String_coder;
  jmethodID String_init_coder; /* String(byte[] value, byte coder): takes the array as is */
  /* descriptor fields */
  jfieldID CD_type, CD_classIndex, CD_jsName, CD_instantiable, CD_constructors, CD_staticMethods,
      CD_instanceMethods, CD_staticFields, CD_instanceFields, CD_nestedNames, CD_nestedClasses, CD_traits;
  jfieldID OS_name, OS_candidates;
  jfieldID C_executable, C_declaringClass, C_isStatic, C_isConstructor, C_isVarargs, C_params, C_returnType;
  jfieldID TR_code, TR_type, TR_element;
  jfieldID FD_field, FD_name, FD_type, FD_isStatic, FD_isFinal, FD_declaringClass;
  /* values (dev.napijava.bridge.Values) and JS collections as Java ones (JsCollections, loaded on first use) */
  jclass Values, JsCollections;
  jmethodID Values_dynamicCode, Values_slots, Values_date, Values_millis, Values_bigInteger, Values_words, Values_toBigInteger,
      Values_toBigDecimal, Values_record, Values_fromString, JsCollections_listView, JsCollections_listOf, JsCollections_setOf,
      JsCollections_mapOf;
  jclass BigInteger, LinkedHashMap, LinkedHashSet, ArrayList, Map_, Collection_, Number_, Boolean_, Character_;
  jmethodID Number_longValue, Number_doubleValue;
  /* callbacks and async */
  jclass JsEnv, JsProxies, AsyncCalls, JSException, JSInvalidThreadAccess, CompletableFuture, Proxy;
  jmethodID JsEnv_create, JsEnv_drain, JsEnv_close, JsEnv_track, JsProxies_create, JsProxies_cookieOf,
      AsyncCalls_submit, AsyncCalls_whenDone, AsyncCalls_newPromiseFuture, AsyncCalls_complete, AsyncCalls_fail,
      JSException_fromJs, JSException_jsError;
  jfieldID OS_isAsync;
  jobject no_member; /* global ref to JsProxies.NO_MEMBER */
} jni_cache;

extern jni_cache J;

/* ---- jvm.c: the one JVM of the process ---- */
JNIEnv* jni_env(void);
void jni_detach_if_worker(void);
bool jvm_started(void);
bool jvm_created_here(void); /* this addon created the JVM (rather than joining a running one) */
/* FindClass as a global ref; NULL on failure (a Java exception pending when it was not found). */
jclass global_class(JNIEnv* jni, const char* name);
/* A static object field's value as a global ref; NULL when it is missing or null. */
jobject static_global(JNIEnv* jni, jclass cls, const char* name, const char* sig);
/* Creates the JVM once per process (or joins the running one), under a lock; a failure is
 * remembered and reported as the same JS error to every later start. */
bool jvm_start(napi_env env, const char* libjvm, char** options, int option_count);
/* Runs the JVM's shutdown hooks (java.lang.Shutdown.shutdown) through the runtime, at most
 * timeout_ms; from the Node main thread's exit. */
void jvm_run_shutdown_hooks(JNIEnv* jni, jlong timeout_ms);

/* ---- stack.c: how deep this thread may still go ---- */
/* True when the calling thread is too close to the end of its stack (as HotSpot sees it) for
 * the bridge to call on: the caller throws RangeError (JS) or StackOverflowError (Java). Inline:
 * it is on every call path (a TLS load and a compare once the thread's floor is known). */
extern __thread uintptr_t stack_floor __attribute__((tls_model("initial-exec")));
uintptr_t stack_floor_compute(void);
static inline bool stack_exhausted(void) {
  char here;
  uintptr_t floor = stack_floor;
  if (__builtin_expect(!floor, 0)) floor = stack_floor = stack_floor_compute();
  return (uintptr_t)&here < floor;
}

/* ---- errors.c: failures ---- */
/* A failed napi status: leaves a JS exception pending (the call's own, or an Error naming the
 * call) and returns false. NAPI_OK(env, call) is true when the call succeeded. */
bool status_checked(napi_env env, napi_status status, const char* call);
#define NAPI_OK(env, call)                             \
  __extension__({                                      \
    napi_status napi_ok_status_ = (call);              \
    napi_ok_status_ == napi_ok ||                      \
        status_checked((env), napi_ok_status_, #call); \
  })
/* Each returns NULL so callers can `return throw_...(...)`; none replaces a pending exception. */
napi_value throw_type_error(napi_env env, const char* fmt, ...);
napi_value throw_range_error(napi_env env, const char* fmt, ...);
napi_value throw_error_code(napi_env env, const char* code, const char* fmt, ...);
napi_value throw_stack_exhausted(napi_env env);
/* The pending Java exception as a pending JS exception (a JS error that crossed into Java comes
 * back as itself); never recursive, never fails: a plain Error is the last resort. */
napi_value throw_java_exception(env_ctx* ctx, JNIEnv* jni);
bool java_failed(env_ctx* ctx, JNIEnv* jni); /* pending Java exception -> JS throw; true if so */
bool js_pending(napi_env env);               /* a JS exception is pending */
/* A JS value thrown in JS as a pending Java throwable (a Java exception that crossed into JS goes
 * back as itself, anything else becomes dev.napijava.JSException holding the JS value). */
void throw_js_to_java(env_ctx* ctx, JNIEnv* jni, napi_value error);
/* The pending JS exception (or a failed status) as a pending Java exception; true if there was one.
 * Inline, the hot path: a call that can leave a JS exception pending (a NAPI_PREAMBLE call: calls,
 * property access) reports it in its status, and every failure path passes a non-ok status. */
bool js_status_failed(env_ctx* ctx, JNIEnv* jni, napi_status status);
static inline bool js_failed(env_ctx* ctx, JNIEnv* jni, napi_status status) {
  return status != napi_ok && js_status_failed(ctx, jni, status);
}
/* Throws a new Java exception of the given class (binary name with slashes). */
void java_throw(JNIEnv* jni, const char* class_name, const char* fmt, ...);
void throw_wrong_thread(JNIEnv* jni, const char* what); /* JSInvalidThreadAccessException */
/* PopLocalFrame that carries the pending Java exception (if any) out of the frame; true when one is pending. */
bool pop_frame_keeping_exception(JNIEnv* jni);

/* ---- env.c: one Node environment ---- */
env_ctx* env_create(napi_env env); /* module init; NULL with a JS exception pending */
env_ctx* env_get(napi_env env);
bool env_attach_java(env_ctx* ctx, JNIEnv* jni);
/* The environment is ending (worker exit or terminate, process exit, hosted close): Java is told
 * first (queue, proxies, futures fail with a clear exception), then the wake function goes. */
void env_close(env_ctx* ctx);
static inline bool on_js_thread(env_ctx* ctx) { return pthread_equal(pthread_self(), ctx->js_thread); }
/* A strong (count 1) or weak (count 0) reference held for Java; NULL with a JS exception pending. */
js_ref* js_ref_new(env_ctx* ctx, napi_value v, uint32_t count);
void js_ref_free(js_ref* r); /* deletes the napi reference: JS thread, live environment */
/* The referenced value (NULL for a collected weak one). */
static inline napi_value js_ref_value(env_ctx* ctx, jlong cookie) {
  napi_value v = NULL;
  return napi_get_reference_value(ctx->env, ((js_ref*)(intptr_t)cookie)->ref, &v) == napi_ok ? v : NULL;
}
/* Does the cookie belong to this environment? (A value of another environment cannot be used.) */
bool js_ref_of(env_ctx* ctx, jlong cookie);

/* ---- marshal.c ---- */
/* What classifying a JS argument found: its tag (AT_COUNT with a JS exception pending when the value
 * could not be inspected) and what converting it needs again, so that a call classifies each
 * argument once, for the overload and for the conversion. */
typedef struct arg_class {
  int tag;
  double num;      /* numbers: the value */
  class_info* cls; /* AT_JAVA_OBJECT: the wrapper's class, or java.lang.Class for a constructor */
  java_ref* ref;   /* AT_JAVA_OBJECT: the wrapper's record (NULL for a constructor) */
} arg_class;
int arg_tag(env_ctx* ctx, napi_value v, arg_class* out);
/* Array.isArray(v) (true for Proxies of arrays): 1, 0, or -1 with a JS exception pending. */
int is_array_like(napi_env env, env_ctx* ctx, napi_value v);
bool to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jvalue* out, bool* is_local);
/* to_java for a value arg_tag already classified (known, from the overload selection). */
bool classified_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const arg_class* known, const type_info* t, jvalue* out,
                        bool* is_local);
bool values_to_java_array(env_ctx* ctx, JNIEnv* jni, napi_value* values, uint32_t n, const type_info* array_type,
                          jobject* out);
napi_value to_js(env_ctx* ctx, JNIEnv* jni, jvalue value, const type_info* t);
napi_value object_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj); /* dynamic: unboxes, wraps */
/* objects[i] as JS from its slot (Values.slot: tag, bits); element: its declared type for A_OBJECT
 * (NULL: by run-time class). NULL with a JS exception pending. */
napi_value slot_to_js(env_ctx* ctx, JNIEnv* jni, const jlong* slot, jobjectArray objects, jsize i, const type_info* element);
/* The arguments of a call from Java into JS, the one loop for every such call: args[i] by its slot
 * (Values.slot, JSValueNatives.callFast) when slots is given, else by run-time class (jobject_to_js).
 * False with a Java exception pending (for the Java caller). */
bool java_args_to_js(env_ctx* ctx, JNIEnv* jni, const jlong* slots, jobjectArray args, napi_value* argv, jsize argc);
/* A box (of the primitive's own box class) as that primitive; false with a Java exception pending. */
bool unbox_as(JNIEnv* jni, jobject box, int prim_code, jvalue* out);
/* A primitive (code BOOLEAN..DOUBLE) as its box; NULL with a Java exception pending. */
jobject box_primitive(JNIEnv* jni, int prim_code, jvalue value);
/* to_java for Java callers: the value as a Java object (primitives boxed, references as a new local
 * ref). False when to_java failed (its exception pending); true with *out NULL and a Java exception
 * pending when boxing failed. */
bool to_java_object(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out);
bool read_type_info(JNIEnv* jni, jobject type_ref, type_info* out); /* false: Java exception pending */
void type_info_release(JNIEnv* jni, type_info* t);                  /* the global refs and element chain read_type_info made */

/* ---- strings.c: strings both ways (the compact-string fast path: the only use of JDK internals) ---- */
void strings_init(JNIEnv* jni); /* probes String's layout; the fast path stays off when it differs */
napi_value jstring_to_js(napi_env env, JNIEnv* jni, jstring s);
jstring js_to_jstring(napi_env env, JNIEnv* jni, napi_value v); /* NULL with a JS or Java exception pending */
char* jstring_to_utf8(JNIEnv* jni, jstring s);                  /* malloc'ed; NULL with a Java exception pending */
/* Frees the calling thread's string scratch buffer (its Node environment is ending). */
void strings_free_thread_buffers(void);

/* ---- values.c: big integers, dates, JS collections and records (rules in Values, JsCollections) ---- */
int object_tag(env_ctx* ctx, napi_value v);         /* AT_DATE..AT_OTHER_OBJECT for an object; AT_COUNT on failure */
int array_elements_tag(env_ctx* ctx, napi_value a); /* AT_ARRAY or AT_ARRAY_OF_* by the first elements */
bool bigint_to_biginteger(env_ctx* ctx, JNIEnv* jni, napi_value v, jobject* out);
bool bigint_to_object(env_ctx* ctx, JNIEnv* jni, napi_value v, jobject* out); /* Long, or BigInteger beyond */
napi_value biginteger_to_js(env_ctx* ctx, JNIEnv* jni, jobject big);
bool js_date_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass target, jobject* out);
napi_value java_date_to_js(env_ctx* ctx, JNIEnv* jni, jobject date);
/* A JS array (live List view, or copy), Set, Map or plain object as a Java List, Set or Map (code). */
bool js_collection_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, int tag, int code, jobject* out);
bool js_record_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass record, jobject* out);
bool number_like_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, int code, jobject* out); /* BigInteger/BigDecimal */

/* ---- buffers.c: java.nio buffers <-> Buffers/typed arrays over the same memory (rules in Buffers) ---- */
bool buffers_init(JNIEnv* jni); /* at start: false with a Java exception pending */
napi_value buffer_to_js(env_ctx* ctx, JNIEnv* jni, jobject buffer, int code);
/* *handled false (nothing pending) when v is neither an ArrayBuffer nor a typed array. */
bool buffer_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out, bool* handled);

/* ---- objects.c ---- */
java_ref* unwrap_java(env_ctx* ctx, napi_value v);
/* Projected constructors stand for their java.lang.Class (Cls where Java expects a Class). */
bool tag_class_ctor(env_ctx* ctx, napi_value ctor, class_info* ci);
void object_tables_free(env_ctx* ctx);
size_t live_wrappers(env_ctx* ctx); /* java_refs of this environment (jvm.stats().liveObjects) */
class_info* unwrap_class(env_ctx* ctx, napi_value v);
napi_value wrap_object(env_ctx* ctx, JNIEnv* jni, jobject obj);
bool wrap_new_instance(env_ctx* ctx, JNIEnv* jni, napi_value this_obj, jobject obj, class_info* ci);
bool attach_pending(env_ctx* ctx, napi_value this_obj);

/* ---- proxies.c: Java -> JS (proxies, the queue's natives), the start-up of both ---- */
bool proxies_init(JNIEnv* jni);
jobject js_to_proxy(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass iface, bool is_function);
napi_value proxy_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj);
/* Room for argc JS arguments: stack_argv (FAST_ARGS long) when they fit, else malloc'ed (the caller
 * frees it when it is not stack_argv). NULL with a Java OutOfMemoryError pending. */
napi_value* js_argv(JNIEnv* jni, jsize argc, napi_value* stack_argv);
/* Every native that Java calls into JS checks this first: the environment's JS thread, the
 * environment alive, stack left. False with a Java exception pending (java_refused_js throws it;
 * true when it did). */
bool java_refused_js(env_ctx* ctx, JNIEnv* jni, const char* what);
static inline bool java_may_enter_js(env_ctx* ctx, JNIEnv* jni, const char* what) {
  return (on_js_thread(ctx) && !ctx->closed && !stack_exhausted()) || !java_refused_js(ctx, jni, what);
}

/* ---- async.c: promises <-> futures, async calls ---- */
bool async_init(JNIEnv* jni); /* from proxies_init */
jobject promise_to_future(env_ctx* ctx, JNIEnv* jni, napi_value promise, jclass value_type);
void fail_future(env_ctx* ctx, JNIEnv* jni, jobject future, napi_value error); /* JS error -> JSException */
/* How a fulfilled JS value becomes a Java object (NULL plus a pending JS or Java exception on failure). */
typedef jobject (*js_value_converter)(env_ctx* ctx, JNIEnv* jni, napi_value value);
bool complete_when_settled(env_ctx* ctx, JNIEnv* jni, napi_value promise, jobject future, js_value_converter convert);
napi_value future_to_promise(env_ctx* ctx, JNIEnv* jni, jobject future);
napi_value invoke_async(env_ctx* ctx, JNIEnv* jni, method_group* g, const callable* c, jobject target,
                        jvalue* args);
napi_value stream_hook(env_ctx* ctx, napi_value value, const char* kind);

/* ---- jsvalue.c: natives of dev.napijava.bridge.JSValueNatives (Java hosts Node) ---- */
bool jsvalue_class_init(JNIEnv* jni); /* at start: JSValue's class, to recognise JSValues */
bool jsvalues_init(JNIEnv* jni);
/* A JS value as a Java object (JSValue handle, primitive box or the wrapped Java object). */
jobject js_to_jobject(env_ctx* ctx, JNIEnv* jni, napi_value v);
/* A Java object as JS: JSValues by their handle (of this environment only), the rest by the marshaler. */
napi_value jobject_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj);
/* The marshaler's TC_JS_VALUE: a JSValue as its JS value (NULL with a Java exception pending), and
 * a JS value for a JSValue parameter or one of its views (false with a JS exception pending). */
napi_value jsvalue_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj);
bool js_to_jsvalue(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass declared, jobject* out);

/* ---- classes.c ---- */
class_info* class_for(env_ctx* ctx, JNIEnv* jni, jclass cls, int index); /* index -1: ask Java */
/* Frees a projected class and its member records (global refs included); only once no JS can
 * call into the class any more: its environment is being deleted (env.c). */
void class_info_free(JNIEnv* jni, class_info* ci);
napi_value class_ctor_value(env_ctx* ctx, class_info* ci);

#endif
