/*
 * Java -> JS: JS functions/objects as Java interface proxies, the queue other Java threads use
 * to reach the JS thread, JS errors as Java exceptions, promises <-> futures, async Java calls.
 * Policy (routing, deadlock detection, pools) lives in Java: JsEnv, JsProxies, AsyncCalls.
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

bool on_js_thread(env_ctx* ctx) { return pthread_equal(pthread_self(), ctx->js_thread); }

static js_ref* new_js_ref(env_ctx* ctx, napi_value v) {
  js_ref* r = calloc(1, sizeof(js_ref));
  r->ctx = ctx;
  napi_create_reference(ctx->env, v, 1, &r->ref);
  return r;
}

static napi_value js_ref_value(env_ctx* ctx, jlong cookie) {
  napi_value v = NULL;
  napi_get_reference_value(ctx->env, ((js_ref*)(intptr_t)cookie)->ref, &v);
  return v;
}

static void throw_wrong_thread(JNIEnv* jni, const char* what) {
  char msg[512];
  snprintf(msg, sizeof msg,
           "%s was used from a thread that is not its JS thread. Java threads reach JS only through the JS "
           "thread's queue: call JS through a proxy (JS function or object passed to Java), or use "
           "NodejsEnvironment.run/post.",
           what);
  (*jni)->ThrowNew(jni, J.JSInvalidThreadAccess, msg);
}

/* ---------- JS errors -> Java ---------- */

static jstring to_jstring(env_ctx* ctx, JNIEnv* jni, napi_value v) {
  type_info t = {TC_STRING, NULL, NULL};
  jvalue out;
  bool local;
  napi_value s;
  if (napi_coerce_to_string(ctx->env, v, &s) != napi_ok) return NULL;
  if (!to_java(ctx, jni, s, &t, &out, &local)) return NULL;
  return out.l;
}

/* A JS exception as a Java throwable: a Java exception that crossed into JS goes back as itself,
 * anything else becomes dev.napijava.JSException with the JS stack. Leaves it pending in Java. */
void throw_js_to_java(env_ctx* ctx, JNIEnv* jni, napi_value error) {
  napi_env env = ctx->env;
  napi_valuetype type;
  napi_typeof(env, error, &type);
  if (type == napi_object) {
    napi_value java;
    bool has = false;
    napi_has_named_property(env, error, "javaException", &has);
    if (has && napi_get_named_property(env, error, "javaException", &java) == napi_ok) {
      java_ref* ref = unwrap_java(env, java);
      if (ref && (*jni)->IsInstanceOf(jni, ref->obj, J.Throwable)) {
        (*jni)->Throw(jni, ref->obj);
        return;
      }
    }
  }
  jstring name = NULL, message = NULL, stack = NULL;
  if (type == napi_object) {
    napi_value v;
    if (napi_get_named_property(env, error, "name", &v) == napi_ok) name = to_jstring(ctx, jni, v);
    if (napi_get_named_property(env, error, "message", &v) == napi_ok) message = to_jstring(ctx, jni, v);
    if (napi_get_named_property(env, error, "stack", &v) == napi_ok) stack = to_jstring(ctx, jni, v);
  } else {
    message = to_jstring(ctx, jni, error);
  }
  if (js_pending(env)) { /* a getter threw while reading the error: use what we have */
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  jobject ex = (*jni)->NewObject(jni, J.JSException, J.JSException_init, name, message, stack);
  if (ex) {
    (*jni)->Throw(jni, ex);
    (*jni)->DeleteLocalRef(jni, ex);
  }
  if (name) (*jni)->DeleteLocalRef(jni, name);
  if (message) (*jni)->DeleteLocalRef(jni, message);
  if (stack) (*jni)->DeleteLocalRef(jni, stack);
}

/* ---------- natives of dev.napijava.bridge.JsEnv ---------- */

static void JNICALL native_wake(JNIEnv* jni, jclass cls, jlong ctxp) {
  env_ctx* ctx = (env_ctx*)(intptr_t)ctxp;
  napi_call_threadsafe_function(ctx->wake, NULL, napi_tsfn_nonblocking);
}

static jobject JNICALL native_invoke_js(JNIEnv* jni, jclass cls, jlong ctxp, jlong cookie, jstring member,
                                        jobjectArray args, jobject return_type) {
  env_ctx* ctx = (env_ctx*)(intptr_t)ctxp;
  if (!on_js_thread(ctx)) {
    throw_wrong_thread(jni, "A JS function");
    return NULL;
  }
  napi_env env = ctx->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  jobject result = NULL;
  napi_value target = js_ref_value(ctx, cookie), fn = target, recv, js_result;
  napi_get_undefined(env, &recv);
  if (member) {
    char* name = jstring_to_utf8(jni, member);
    napi_valuetype type = napi_undefined;
    napi_get_named_property(env, target, name, &fn);
    free(name);
    napi_typeof(env, fn, &type);
    if (type != napi_function) {
      result = (*jni)->NewLocalRef(jni, J.no_member);
      goto done;
    }
    recv = target;
  }
  jsize argc = args ? (*jni)->GetArrayLength(jni, args) : 0;
  napi_value stack_argv[FAST_ARGS];
  napi_value* argv = argc <= FAST_ARGS ? stack_argv : malloc(sizeof(napi_value) * (size_t)argc);
  bool ok = true;
  for (jsize i = 0; i < argc && ok; i++) {
    jobject a = (*jni)->GetObjectArrayElement(jni, args, i);
    argv[i] = object_to_js(ctx, jni, a);
    if (a) (*jni)->DeleteLocalRef(jni, a);
    ok = argv[i] != NULL;
  }
  napi_status status = ok ? napi_call_function(env, recv, fn, (size_t)argc, argv, &js_result) : napi_pending_exception;
  if (argv != stack_argv) free(argv);
  if (status != napi_ok || js_pending(env)) {
    napi_value error;
    if (napi_get_and_clear_last_exception(env, &error) == napi_ok) throw_js_to_java(ctx, jni, error);
    goto done;
  }
  type_info t = {(*jni)->GetIntField(jni, return_type, J.TR_code), NULL, NULL};
  if (t.code > TC_DOUBLE) read_type_info(jni, return_type, &t); /* class and element only for references */
  if (t.code != TC_VOID) {
    jvalue v;
    bool local;
    if (to_java(ctx, jni, js_result, &t, &v, &local)) {
      if (t.code >= TC_BOOLEAN && t.code <= TC_DOUBLE) {
        int i = t.code - TC_BOOLEAN;
        result = (*jni)->CallStaticObjectMethodA(jni, J.box[i], J.box_valueOf[i], &v);
      } else {
        result = local ? v.l : (v.l ? (*jni)->NewLocalRef(jni, v.l) : NULL);
      }
    } else if (js_pending(env)) {
      napi_value error;
      napi_get_and_clear_last_exception(env, &error);
      throw_js_to_java(ctx, jni, error);
    }
  }
  if (t.cls) (*jni)->DeleteGlobalRef(jni, t.cls);
  for (type_info* e = t.element; e;) { /* element chain of array types */
    type_info* next = e->element;
    if (e->cls) (*jni)->DeleteGlobalRef(jni, e->cls);
    free(e);
    e = next;
  }
done:
  napi_close_handle_scope(env, scope);
  return result;
}

static void JNICALL native_release_ref(JNIEnv* jni, jclass cls, jlong ctxp, jlong cookie) {
  js_ref* r = (js_ref*)(intptr_t)cookie;
  napi_delete_reference(r->ctx->env, r->ref);
  free(r);
}

static void JNICALL native_settle(JNIEnv* jni, jclass cls, jlong ctxp, jlong deferred_cookie, jobject value,
                                  jthrowable error, jobject type) {
  env_ctx* ctx = (env_ctx*)(intptr_t)ctxp;
  napi_env env = ctx->env;
  napi_deferred deferred = (napi_deferred)(intptr_t)deferred_cookie;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value settled = NULL;
  bool reject = error != NULL;
  if (!reject) {
    type_info t;
    read_type_info(jni, type, &t);
    jvalue v = {.l = value};
    /* values arrive boxed: primitives by their box, references by declared type */
    settled = t.code <= TC_DOUBLE || t.code == TC_OBJECT ? object_to_js(ctx, jni, value) : to_js(ctx, jni, v, &t);
    if (t.cls) (*jni)->DeleteGlobalRef(jni, t.cls);
  }
  if (!settled) { /* a Java error, or one while converting the value */
    reject = true;
    if (error) (*jni)->Throw(jni, error);
    if ((*jni)->ExceptionCheck(jni)) throw_java_exception(ctx, jni);
    napi_get_and_clear_last_exception(env, &settled);
  }
  if (reject) napi_reject_deferred(env, deferred, settled);
  else napi_resolve_deferred(env, deferred, settled);
  if (--ctx->pending_async == 0) napi_unref_threadsafe_function(env, ctx->wake);
  napi_close_handle_scope(env, scope);
}

/* The wake function's JS-thread side: run the queued tasks. */
static void call_drain(napi_env env, napi_value js_cb, void* context, void* data) {
  env_ctx* ctx = context;
  if (!env || !ctx->js_env) return;
  JNIEnv* jni = jni_env();
  (*jni)->CallVoidMethod(jni, ctx->js_env, J.JsEnv_drain);
  if ((*jni)->ExceptionCheck(jni)) (*jni)->ExceptionClear(jni);
}

/* ---------- setup ---------- */

static jclass find_global(JNIEnv* jni, const char* name) {
  jclass local = (*jni)->FindClass(jni, name);
  if (!local) return NULL;
  jclass global = (*jni)->NewGlobalRef(jni, local);
  (*jni)->DeleteLocalRef(jni, local);
  return global;
}

static void JNICALL native_init_js_values(JNIEnv* jni, jclass cls) {
  if (!jsvalues_init(jni) && !(*jni)->ExceptionCheck(jni)) {
    jclass ise = (*jni)->FindClass(jni, "java/lang/IllegalStateException");
    if (ise) (*jni)->ThrowNew(jni, ise, "node-api-java: the JSValue natives could not be registered");
  }
}

bool callbacks_init(JNIEnv* jni) {
#define REQUIRE(x) \
  if (!(x)) return false
  REQUIRE(J.JsEnv = find_global(jni, "dev/napijava/bridge/JsEnv"));
  REQUIRE(J.JsProxies = find_global(jni, "dev/napijava/bridge/JsProxies"));
  REQUIRE(J.AsyncCalls = find_global(jni, "dev/napijava/bridge/AsyncCalls"));
  REQUIRE(J.JSException = find_global(jni, "dev/napijava/JSException"));
  REQUIRE(J.JSInvalidThreadAccess = find_global(jni, "dev/napijava/JSInvalidThreadAccessException"));
  /* through a class literal: JNI FindClass would initialize CompletableFuture (and ForkJoinPool) */
  jfieldID future_class = (*jni)->GetStaticFieldID(jni, J.AsyncCalls, "FUTURE_CLASS", "Ljava/lang/Class;");
  REQUIRE(future_class);
  jobject fc = (*jni)->GetStaticObjectField(jni, J.AsyncCalls, future_class);
  REQUIRE(fc && (J.CompletableFuture = (*jni)->NewGlobalRef(jni, fc)));
  (*jni)->DeleteLocalRef(jni, fc);
  REQUIRE(J.Proxy = find_global(jni, "java/lang/reflect/Proxy"));
  REQUIRE(J.JsEnv_create = (*jni)->GetStaticMethodID(jni, J.JsEnv, "create", "(JLjava/nio/ByteBuffer;)Ldev/napijava/bridge/JsEnv;"));
  REQUIRE(J.JsEnv_drain = (*jni)->GetMethodID(jni, J.JsEnv, "drain", "()V"));
  REQUIRE(J.JsEnv_objects = (*jni)->GetFieldID(jni, J.JsEnv, "objects", "Ldev/napijava/bridge/ObjectTable;"));
  REQUIRE(J.JsProxies_create = (*jni)->GetStaticMethodID(jni, J.JsProxies, "create",
                                                         "(Ldev/napijava/bridge/JsEnv;Ljava/lang/Class;JZ)Ljava/lang/Object;"));
  REQUIRE(J.JsProxies_cookieOf = (*jni)->GetStaticMethodID(jni, J.JsProxies, "cookieOf", "(Ljava/lang/Object;)J"));
  REQUIRE(J.JsProxies_NO_MEMBER = (*jni)->GetStaticFieldID(jni, J.JsProxies, "NO_MEMBER", "Ljava/lang/Object;"));
  jobject nm = (*jni)->GetStaticObjectField(jni, J.JsProxies, J.JsProxies_NO_MEMBER);
  REQUIRE(J.no_member = (*jni)->NewGlobalRef(jni, nm));
  (*jni)->DeleteLocalRef(jni, nm);
  REQUIRE(J.AsyncCalls_submit = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "submit",
      "(Ldev/napijava/bridge/JsEnv;Ldev/napijava/bridge/Callable;Ljava/lang/Object;[Ljava/lang/Object;J)V"));
  REQUIRE(J.AsyncCalls_whenDone = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "whenDone",
                                                            "(Ldev/napijava/bridge/JsEnv;Ljava/lang/Object;J)V"));
  REQUIRE(J.AsyncCalls_newPromiseFuture = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "newPromiseFuture",
                                                                    "()Ljava/util/concurrent/CompletableFuture;"));
  REQUIRE(J.AsyncCalls_complete = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "complete",
                                                            "(Ljava/util/concurrent/CompletableFuture;Ljava/lang/Object;)V"));
  REQUIRE(J.AsyncCalls_fail = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "fail",
                                                        "(Ljava/util/concurrent/CompletableFuture;Ljava/lang/Throwable;)V"));
  REQUIRE(J.JSException_init = (*jni)->GetMethodID(jni, J.JSException, "<init>",
                                                   "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V"));
  JNINativeMethod natives[] = {
      {"wake", "(J)V", (void*)native_wake},
      {"invokeJs", "(JJLjava/lang/String;[Ljava/lang/Object;Ldev/napijava/bridge/TypeRef;)Ljava/lang/Object;",
       (void*)native_invoke_js},
      {"releaseRef", "(JJ)V", (void*)native_release_ref},
      {"settle", "(JJLjava/lang/Object;Ljava/lang/Throwable;Ldev/napijava/bridge/TypeRef;)V", (void*)native_settle},
  };
  REQUIRE((*jni)->RegisterNatives(jni, J.JsEnv, natives, sizeof natives / sizeof natives[0]) == 0);
  /* jsvalue.c (Java hosts Node) registers its natives when JsValues is first initialized, not at
   * start-up: its classes are only needed once Java holds JS values. */
  JNINativeMethod bridge_natives[] = {{"initJsValues", "()V", (void*)native_init_js_values}};
  REQUIRE((*jni)->RegisterNatives(jni, J.Bridge, bridge_natives, 1) == 0);
  jmethodID loaded = (*jni)->GetStaticMethodID(jni, J.Bridge, "jsValuesLoaded", "()Z");
  REQUIRE(loaded);
  if ((*jni)->CallStaticBooleanMethod(jni, J.Bridge, loaded)) REQUIRE(jsvalues_init(jni));
#undef REQUIRE
  return true;
}

/* Per environment: its JsEnv (identity table, queue) and the unref'ed wake function. */
bool env_attach_java(env_ctx* ctx, JNIEnv* jni) {
  napi_env env = ctx->env;
  napi_value name;
  napi_create_string_utf8(env, "node-api-java queue", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, NULL, NULL, name, 0, 1, NULL, NULL, ctx, call_drain, &ctx->wake) != napi_ok)
    return false;
  napi_unref_threadsafe_function(env, ctx->wake); /* idle Java never keeps Node alive */
  jobject depth = (*jni)->NewDirectByteBuffer(jni, &ctx->sync_depth, sizeof ctx->sync_depth);
  jobject js_env = (*jni)->CallStaticObjectMethod(jni, J.JsEnv, J.JsEnv_create, (jlong)(intptr_t)ctx, depth);
  (*jni)->DeleteLocalRef(jni, depth);
  if (!js_env) return false;
  ctx->js_env = (*jni)->NewGlobalRef(jni, js_env);
  jobject table = (*jni)->GetObjectField(jni, js_env, J.JsEnv_objects);
  ctx->object_table = (*jni)->NewGlobalRef(jni, table);
  (*jni)->DeleteLocalRef(jni, table);
  (*jni)->DeleteLocalRef(jni, js_env);
  return true;
}

/* ---------- JS values as Java objects ---------- */

jobject js_to_proxy(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass iface, bool is_function) {
  js_ref* r = new_js_ref(ctx, v);
  jobject proxy = (*jni)->CallStaticObjectMethod(jni, J.JsProxies, J.JsProxies_create, ctx->js_env, iface,
                                                 (jlong)(intptr_t)r, (jboolean)is_function);
  if (!proxy) {
    napi_delete_reference(ctx->env, r->ref);
    free(r);
    return NULL;
  }
  return proxy;
}

/* The original JS value behind a proxy made by js_to_proxy, or NULL for any other object. Not in
 * the identity table: that would keep the proxy (and so the JS value) alive forever. */
napi_value proxy_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  if (!(*jni)->IsInstanceOf(jni, obj, J.Proxy)) return NULL;
  jlong cookie = (*jni)->CallStaticLongMethod(jni, J.JsProxies, J.JsProxies_cookieOf, obj);
  return cookie ? js_ref_value(ctx, cookie) : NULL;
}

/* ---------- promises <-> futures ---------- */

/* What a settled promise completes: a future, and how the fulfilled value becomes Java. */
typedef struct settle_target {
  jobject future; /* global ref */
  js_value_converter convert;
} settle_target;

static napi_value promise_settled(napi_env env, napi_callback_info info, bool fulfilled) {
  size_t argc = 1;
  napi_value argv[1];
  void* data;
  napi_get_cb_info(env, info, &argc, argv, NULL, &data);
  settle_target* target = data;
  env_ctx* ctx = NULL;
  napi_get_instance_data(env, (void**)&ctx);
  JNIEnv* jni = jni_env();
  if (argc == 0) napi_get_undefined(env, &argv[0]);
  if (fulfilled) {
    jobject value = target->convert(ctx, jni, argv[0]);
    if (js_pending(env)) { /* the value could not be converted: reject with that error */
      napi_get_and_clear_last_exception(env, &argv[0]);
      fulfilled = false;
    } else if ((*jni)->ExceptionCheck(jni)) {
      fulfilled = false;
    } else {
      (*jni)->CallStaticVoidMethod(jni, J.AsyncCalls, J.AsyncCalls_complete, target->future, value);
    }
    if (value) (*jni)->DeleteLocalRef(jni, value);
  }
  if (!fulfilled) fail_future(ctx, jni, target->future, argv[0]);
  if ((*jni)->ExceptionCheck(jni)) (*jni)->ExceptionClear(jni);
  return NULL;
}

/* Completes the future exceptionally with the JS error as a JSException (any pending Java
 * exception, e.g. from converting a fulfilled value, wins over error). */
void fail_future(env_ctx* ctx, JNIEnv* jni, jobject future, napi_value error) {
  if (!(*jni)->ExceptionCheck(jni)) throw_js_to_java(ctx, jni, error);
  jthrowable t = (*jni)->ExceptionOccurred(jni);
  (*jni)->ExceptionClear(jni);
  (*jni)->CallStaticVoidMethod(jni, J.AsyncCalls, J.AsyncCalls_fail, future, t);
  if (t) (*jni)->DeleteLocalRef(jni, t);
}

static napi_value on_fulfilled(napi_env env, napi_callback_info info) { return promise_settled(env, info, true); }
static napi_value on_rejected(napi_env env, napi_callback_info info) { return promise_settled(env, info, false); }

static void drop_target(napi_env env, void* data, void* hint) {
  settle_target* target = data;
  JNIEnv* jni = jni_env();
  if (jni) (*jni)->DeleteGlobalRef(jni, target->future);
  free(target);
}

/* promise.then(...) completing future: the one mechanism behind Promise -> CompletableFuture
 * (parameters: values as Java objects; JSPromise.toFuture(): values as JSValues). False with a JS
 * exception pending if `then` could not be called. */
bool complete_when_settled(env_ctx* ctx, JNIEnv* jni, napi_value promise, jobject future, js_value_converter convert) {
  napi_env env = ctx->env;
  settle_target* target = malloc(sizeof *target);
  target->future = (*jni)->NewGlobalRef(jni, future);
  target->convert = convert;
  napi_value then, callbacks[2], ignored;
  napi_create_function(env, "onFulfilled", NAPI_AUTO_LENGTH, on_fulfilled, target, &callbacks[0]);
  napi_create_function(env, "onRejected", NAPI_AUTO_LENGTH, on_rejected, target, &callbacks[1]);
  /* both callbacks die together: one finalizer frees the target */
  napi_add_finalizer(env, callbacks[0], target, drop_target, NULL, NULL);
  return napi_get_named_property(env, promise, "then", &then) == napi_ok &&
         napi_call_function(env, promise, then, 2, callbacks, &ignored) == napi_ok;
}

/* A fulfilled value as a Java object by the shared marshaler (NULL with a JS exception pending on failure). */
static jobject value_as_java_object(env_ctx* ctx, JNIEnv* jni, napi_value v) {
  type_info any = {TC_OBJECT, J.Object, NULL};
  jvalue out;
  bool local;
  if (!to_java(ctx, jni, v, &any, &out, &local)) {
    if (!js_pending(ctx->env) && !(*jni)->ExceptionCheck(jni)) throw_type_error(ctx->env, "value cannot be passed to Java");
    return NULL;
  }
  return local || !out.l ? out.l : (*jni)->NewLocalRef(jni, out.l);
}

/* A JS promise as a CompletableFuture, completed on the JS thread when the promise settles. */
jobject promise_to_future(env_ctx* ctx, JNIEnv* jni, napi_value promise) {
  jobject future = (*jni)->CallStaticObjectMethod(jni, J.AsyncCalls, J.AsyncCalls_newPromiseFuture);
  if (!future) return NULL;
  if (!complete_when_settled(ctx, jni, promise, future, value_as_java_object)) {
    (*jni)->DeleteLocalRef(jni, future);
    return NULL;
  }
  return future;
}

static napi_deferred new_deferred(env_ctx* ctx, napi_value* promise) {
  napi_deferred deferred;
  if (napi_create_promise(ctx->env, &deferred, promise) != napi_ok) return NULL;
  if (ctx->pending_async++ == 0) napi_ref_threadsafe_function(ctx->env, ctx->wake);
  return deferred;
}

napi_value future_to_promise(env_ctx* ctx, JNIEnv* jni, jobject future) {
  napi_value promise;
  napi_deferred deferred = new_deferred(ctx, &promise);
  if (!deferred) return NULL;
  (*jni)->CallStaticVoidMethod(jni, J.AsyncCalls, J.AsyncCalls_whenDone, ctx->js_env, future,
                               (jlong)(intptr_t)deferred);
  if (java_failed(ctx, jni)) return NULL;
  return promise;
}

/* nameAsync(...): arguments are converted here on the JS thread; the call runs on the Java pool. */
napi_value invoke_async(env_ctx* ctx, JNIEnv* jni, method_group* g, const callable* c, jobject target, jvalue* args) {
  jobjectArray boxed = (*jni)->NewObjectArray(jni, c->argc, J.Object, NULL);
  if (!boxed) return NULL;
  for (int i = 0; i < c->argc; i++) {
    int code = c->params[i].code;
    jobject item = code >= TC_BOOLEAN && code <= TC_DOUBLE
                       ? (*jni)->CallStaticObjectMethodA(jni, J.box[code - TC_BOOLEAN], J.box_valueOf[code - TC_BOOLEAN], &args[i])
                       : args[i].l;
    (*jni)->SetObjectArrayElement(jni, boxed, i, item);
    if (item && item != args[i].l) (*jni)->DeleteLocalRef(jni, item);
  }
  napi_value promise;
  napi_deferred deferred = new_deferred(ctx, &promise);
  jobjectArray candidates = (*jni)->GetObjectField(jni, g->overloads, J.OS_candidates);
  jobject callable_obj = (*jni)->GetObjectArrayElement(jni, candidates, (jsize)(c - g->items));
  (*jni)->DeleteLocalRef(jni, candidates);
  (*jni)->CallStaticVoidMethod(jni, J.AsyncCalls, J.AsyncCalls_submit, ctx->js_env, callable_obj, target, boxed,
                               (jlong)(intptr_t)deferred);
  (*jni)->DeleteLocalRef(jni, callable_obj);
  (*jni)->DeleteLocalRef(jni, boxed);
  if (java_failed(ctx, jni)) return NULL;
  return promise;
}

/* Node streams <-> Java streams are built in JS (lib/streams.js) on top of async calls. */
napi_value stream_hook(env_ctx* ctx, napi_value value, const char* kind) {
  napi_env env = ctx->env;
  napi_value hook, global, args[2], result = NULL;
  if (napi_get_reference_value(env, ctx->stream_hook, &hook) != napi_ok || !hook) return NULL;
  args[0] = value;
  napi_create_string_utf8(env, kind, NAPI_AUTO_LENGTH, &args[1]);
  napi_get_global(env, &global);
  if (napi_call_function(env, global, hook, 2, args, &result) != napi_ok) return NULL;
  return result;
}
