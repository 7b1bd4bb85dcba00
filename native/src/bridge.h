/*
 * node-api-java native core: shared declarations.
 *
 * The core is mechanism only: it converts values by type code, dispatches calls through cached
 * JNI IDs and keeps JS wrappers of Java objects alive/dead in step with GC. Every decision (which
 * overload, which type code, what a class projects) is made in Java (dev.napijava.bridge).
 */
#ifndef NAPI_JAVA_BRIDGE_H
#define NAPI_JAVA_BRIDGE_H

#include <jni.h>
#include <node_api.h>
#include <stdbool.h>
#include <pthread.h>
#include <stdint.h>

#include "type_codes.h"

#define FAST_ARGS 16   /* arguments handled without heap allocation */
#define SHAPE_MAX 8    /* call shapes with more arguments are resolved every time */
#define SHAPE_CACHE 4  /* cached call shapes per overload set */

struct env_ctx;
struct class_info;

typedef struct type_info {
  int code;
  jclass cls;                /* global ref; NULL for primitives */
  struct type_info* element; /* arrays only */
} type_info;

typedef struct callable {
  jmethodID mid;
  jclass decl; /* global ref: declaring class (static calls, constructors) */
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
} method_group;

typedef struct field_info {
  struct env_ctx* ctx;
  struct class_info* owner;
  jfieldID fid;
  jclass decl;
  type_info type;
  bool is_static, is_final;
  char* name;
} field_info;

typedef struct nested_info {
  struct env_ctx* ctx;
  jclass cls; /* global ref */
  struct class_info* resolved;
} nested_info;

typedef struct class_info {
  struct env_ctx* ctx;
  int index;
  jclass cls; /* global ref */
  char* name; /* binary name, for messages */
  bool instantiable;
  napi_ref ctor;
  method_group* ctors;
} class_info;

/* The native record behind each JS wrapper of a Java object. Its address is the "cookie" that
 * the Java ObjectTable maps the object to, so the same Java object finds the same wrapper. */
typedef struct java_ref {
  jobject obj; /* global ref, released by the wrapper's finalizer */
  napi_ref weak;
  class_info* cls;
  struct env_ctx* ctx;
} java_ref;

/* A strong reference to a JS value held for Java (the cookie of a dev.napijava.bridge.JsRef). */
typedef struct js_ref {
  napi_ref ref;
  struct env_ctx* ctx;
} js_ref;

/* Per Node environment (main thread or worker): no global napi_env anywhere. */
typedef struct env_ctx {
  napi_env env;
  pthread_t js_thread;
  jobject js_env;       /* global ref to dev.napijava.bridge.JsEnv */
  jobject object_table; /* global ref to dev.napijava.bridge.ObjectTable */
  napi_threadsafe_function wake; /* runs JsEnv.drain() on the JS thread */
  int pending_async;    /* promises awaiting Java: while > 0 the wake function keeps Node alive */
  int sync_depth;       /* JS -> Java calls in progress (read by Java through a direct buffer) */
  napi_ref stream_hook; /* JS hook(value, kind) converting between Node and Java streams */
  class_info** classes; /* by ClassRegistry index */
  int class_cap;
  napi_ref sentinel;    /* constructor argument meaning "wrap ctx->pending" */
  java_ref* pending;
  napi_ref on_class;    /* JS hook(ctor, classIndex) run once per projected class */
  napi_ref java_error;  /* JS hook(throwableWrapper) -> Error */
  napi_ref array_is_array; /* Array.isArray: true for Proxies of arrays, unlike napi_is_array */
} env_ctx;

/* Process-wide JNI cache: class refs and method/field IDs looked up once at start. */
typedef struct jni_cache {
  JavaVM* vm;
  jclass Object, String, Class, Throwable, ObjectArray;
  jclass box[8];          /* Boolean Byte Character Short Integer Long Float Double */
  jmethodID box_valueOf[8];
  jmethodID box_value[8]; /* booleanValue ... doubleValue */
  jclass prim_array[8];   /* boolean[] ... double[] */
  jclass Bridge, ObjectTable, BridgeTypeError;
  jmethodID Bridge_resolveName, Bridge_importClass, Bridge_describe, Bridge_classIndexOf, Bridge_classIndex, Bridge_classAt,
      Bridge_load, Bridge_javaVersion;
  jmethodID ObjectTable_init, ObjectTable_lookup, ObjectTable_attach, ObjectTable_detach, ObjectTable_size;
  jmethodID OverloadSet_resolve, Throwable_getMessage, Class_getName, Class_isInterface;
  /* Compact strings (JDK 9+): a String is its byte[] value plus a coder (0 Latin-1, 1 UTF-16).
   * Long strings are read and built through these directly; NULL when this JDK has no such layout
   * (or runs with -XX:-CompactStrings), and the portable JNI string functions are used instead. */
  jfieldID String_value, String_coder;
  jmethodID String_init_coder; /* String(byte[] value, byte coder): takes the array as is */
  /* descriptor fields */
  jfieldID CD_type, CD_classIndex, CD_jsName, CD_instantiable, CD_constructors, CD_staticMethods,
      CD_instanceMethods, CD_staticFields, CD_instanceFields, CD_nestedNames, CD_nestedClasses;
  jfieldID OS_name, OS_candidates;
  jfieldID C_executable, C_declaringClass, C_isStatic, C_isConstructor, C_isVarargs, C_params, C_returnType;
  jfieldID TR_code, TR_type, TR_element;
  jfieldID FD_field, FD_name, FD_type, FD_isStatic, FD_isFinal, FD_declaringClass;
  /* callbacks and async */
  jclass JsEnv, JsProxies, AsyncCalls, JSException, JSInvalidThreadAccess, CompletableFuture, Proxy;
  jmethodID JsEnv_create, JsEnv_drain, JsProxies_create, JsProxies_cookieOf, AsyncCalls_submit,
      AsyncCalls_whenDone, AsyncCalls_newPromiseFuture, AsyncCalls_complete, AsyncCalls_fail, JSException_init;
  jfieldID JsEnv_objects, JsProxies_NO_MEMBER, OS_isAsync;
  jobject no_member; /* global ref to JsProxies.NO_MEMBER */
} jni_cache;

extern jni_cache J;

/* jvm.c */
JNIEnv* jni_env(void);
void jni_detach_if_worker(void);
bool jvm_started(void);
bool jvm_start(napi_env env, const char* libjvm, char** options, int option_count);

/* errors.c: each returns NULL so callers can `return throw_...(...)` */
napi_value throw_type_error(napi_env env, const char* fmt, ...);
napi_value throw_range_error(napi_env env, const char* fmt, ...);
napi_value throw_java_exception(env_ctx* ctx, JNIEnv* jni);
bool java_failed(env_ctx* ctx, JNIEnv* jni); /* pending Java exception -> JS throw; true if so */
bool js_pending(napi_env env);              /* a JS exception is pending */

/* marshal.c */
/* Tag of a JS argument; for numbers *num receives the value (so conversion needs no second read). */
int arg_tag(env_ctx* ctx, napi_value v, class_info** cls_out, double* num);
bool to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jvalue* out, bool* is_local);
bool values_to_java_array(env_ctx* ctx, JNIEnv* jni, napi_value* values, uint32_t n, const type_info* array_type,
                          jobject* out);
napi_value to_js(env_ctx* ctx, JNIEnv* jni, jvalue value, const type_info* t);
napi_value object_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj); /* dynamic: unboxes, wraps */
napi_value jstring_to_js(napi_env env, JNIEnv* jni, jstring s);
/* Frees the calling thread's string scratch buffer (its Node environment is ending). */
void marshal_free_thread_buffers(void);
char* jstring_to_utf8(JNIEnv* jni, jstring s); /* malloc'ed */
bool read_type_info(JNIEnv* jni, jobject type_ref, type_info* out);

/* objects.c */
java_ref* unwrap_java(napi_env env, napi_value v);
napi_value wrap_object(env_ctx* ctx, JNIEnv* jni, jobject obj);
bool wrap_new_instance(env_ctx* ctx, JNIEnv* jni, napi_value this_obj, jobject obj, class_info* ci);
void attach_pending(env_ctx* ctx, napi_value this_obj);

/* callbacks.c: Java -> JS (proxies, queue), promises, async calls */
bool callbacks_init(JNIEnv* jni);
bool env_attach_java(env_ctx* ctx, JNIEnv* jni);
bool on_js_thread(env_ctx* ctx);
jobject js_to_proxy(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass iface, bool is_function);
napi_value proxy_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj);
jobject promise_to_future(env_ctx* ctx, JNIEnv* jni, napi_value promise);
void fail_future(env_ctx* ctx, JNIEnv* jni, jobject future, napi_value error); /* JS error -> JSException */
/* How a fulfilled JS value becomes a Java object (NULL plus a pending JS or Java exception on failure). */
typedef jobject (*js_value_converter)(env_ctx* ctx, JNIEnv* jni, napi_value value);
bool complete_when_settled(env_ctx* ctx, JNIEnv* jni, napi_value promise, jobject future, js_value_converter convert);
napi_value future_to_promise(env_ctx* ctx, JNIEnv* jni, jobject future);
napi_value invoke_async(env_ctx* ctx, JNIEnv* jni, method_group* g, const callable* c, jobject target,
                        jvalue* args);
napi_value stream_hook(env_ctx* ctx, napi_value value, const char* kind);
void throw_js_to_java(env_ctx* ctx, JNIEnv* jni, napi_value error);
/* jsvalue.c: natives of dev.napijava.bridge.JsValues (Java hosts Node) */
bool jsvalues_init(JNIEnv* jni);

/* classes.c */
class_info* class_for(env_ctx* ctx, JNIEnv* jni, jclass cls, int index); /* index -1: ask Java */
napi_value class_ctor_value(env_ctx* ctx, class_info* ci);
napi_value invoke_group(env_ctx* ctx, JNIEnv* jni, method_group* g, napi_value this_obj, size_t argc, napi_value* argv);

#endif
