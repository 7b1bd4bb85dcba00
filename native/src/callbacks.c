/*
 * Java -> JS: JS functions/objects as Java interface proxies, the queue other Java threads use
 * to reach the JS thread, promises <-> futures, async Java calls. Policy (routing, deadlock
 * detection, pools, what an ended environment does) lives in Java: JsEnv, JsProxies, AsyncCalls.
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

static void throw_wrong_thread(JNIEnv* jni, const char* what) {
  char msg[512];
  snprintf(msg, sizeof msg,
           "%s was used from a thread that is not its JS thread. Java threads reach JS only through the JS "
           "thread's queue: call JS through a proxy (JS function or object passed to Java), or use "
           "NodejsEnvironment.run/post.",
           what);
  (*jni)->ThrowNew(jni, J.JSInvalidThreadAccess, msg);
}

/* Every native Java calls into JS checks this first: the right thread, a live environment, stack left. */
bool java_may_enter_js(env_ctx* ctx, JNIEnv* jni, const char* what) {
  if (!on_js_thread(ctx)) {
    throw_wrong_thread(jni, what);
    return false;
  }
  if (ctx->closed) {
    java_throw(jni, "dev/napijava/JSEnvironmentClosedException", "The Node.js environment has ended: %s cannot run", what);
    return false;
  }
  if (stack_exhausted()) {
    java_throw(jni, "java/lang/StackOverflowError", "no stack left to call JS (JS and Java frames share this thread's stack)");
    return false;
  }
  return true;
}

bool java_args_to_js(env_ctx* ctx, JNIEnv* jni, const jlong* slots, jobjectArray args, napi_value* argv, jsize argc) {
  for (jsize i = 0; i < argc; i++) {
    if (!slots || slots[2 * i] == A_OBJECT) { /* by run-time class; JSValues as their JS values */
      jobject a = (*jni)->GetObjectArrayElement(jni, args, i);
      argv[i] = jobject_to_js(ctx, jni, a);
      if (a) (*jni)->DeleteLocalRef(jni, a);
      if (!argv[i]) return false;
    } else if (!(argv[i] = slot_to_js(ctx, jni, slots + 2 * i, args, i, NULL))) {
      js_failed(ctx, jni, napi_pending_exception); /* for the Java caller */
      return false;
    }
  }
  return true;
}

/* ---------- natives of dev.napijava.bridge.JsEnv ---------- */

static void JNICALL native_wake(JNIEnv* jni, jclass cls, jlong ctxp) {
  env_ctx* ctx = (env_ctx*)(intptr_t)ctxp;
  /* JsEnv calls this only before its close(): the function is alive; a closing one says so */
  napi_call_threadsafe_function(ctx->wake, NULL, napi_tsfn_nonblocking);
}

/* The function to call for member (NULL: the target itself); *missing when the object lacks it. */
static bool member_function(napi_env env, napi_value target, JNIEnv* jni, jstring member, napi_value* fn, bool* missing) {
  *missing = false;
  *fn = target;
  if (!member) return true;
  napi_value key = jstring_to_js(env, jni, member);
  napi_valuetype type = napi_undefined;
  if (!key || !NAPI_OK(env, napi_get_property(env, target, key, fn)) || !NAPI_OK(env, napi_typeof(env, *fn, &type)))
    return false;
  *missing = type != napi_function;
  return true;
}

static jobject JNICALL native_invoke_js(JNIEnv* jni, jclass cls, jlong ctxp, jlong cookie, jstring member,
                                        jobjectArray args, jobject return_type) {
  env_ctx* ctx = (env_ctx*)(intptr_t)ctxp;
  if (!java_may_enter_js(ctx, jni, "A JS function")) return NULL;
  napi_env env = ctx->env;
  napi_handle_scope scope;
  if (!NAPI_OK(env, napi_open_handle_scope(env, &scope))) {
    js_failed(ctx, jni, napi_generic_failure);
    return NULL;
  }
  jobject result = NULL;
  napi_value target = js_ref_value(ctx, cookie), fn, recv, js_result;
  bool missing = false;
  napi_status status = napi_generic_failure;
  jsize argc = args ? (*jni)->GetArrayLength(jni, args) : 0;
  napi_value stack_argv[FAST_ARGS];
  napi_value* argv = argc <= FAST_ARGS ? stack_argv : malloc(sizeof(napi_value) * (size_t)argc);
  if (!argv) {
    java_throw(jni, "java/lang/OutOfMemoryError", "no native memory for %d JS arguments", (int)argc);
    goto done;
  }
  if (!target || !member_function(env, target, jni, member, &fn, &missing)) goto failed;
  if (missing) {
    result = (*jni)->NewLocalRef(jni, J.no_member);
    goto done;
  }
  if (member) recv = target;
  else if (!NAPI_OK(env, napi_get_undefined(env, &recv))) goto failed;
  if (!java_args_to_js(ctx, jni, NULL, args, argv, argc)) goto failed;
  status = napi_call_function(env, recv, fn, (size_t)argc, argv, &js_result);
  if (status != napi_ok) goto failed;
  type_info t = {(*jni)->GetIntField(jni, return_type, J.TR_code), NULL, NULL};
  if (t.code > TC_DOUBLE && !read_type_info(jni, return_type, &t)) goto done; /* class and element only for references */
  if (t.code != TC_VOID) {
    jvalue v;
    bool local;
    if (to_java(ctx, jni, js_result, &t, &v, &local)) result = as_java_object(jni, &t, v, local);
    else js_failed(ctx, jni, napi_pending_exception);
  }
  type_info_release(jni, &t);
  goto done;
failed:
  js_failed(ctx, jni, status == napi_ok ? napi_generic_failure : status);
done:
  if (argv && argv != stack_argv) free(argv);
  napi_close_handle_scope(env, scope);
  return result;
}

static void JNICALL native_release_ref(JNIEnv* jni, jclass cls, jlong ctxp, jlong cookie) {
  js_ref_free((js_ref*)(intptr_t)cookie); /* JsEnv runs this on the JS thread of a live environment */
}

static void JNICALL native_settle(JNIEnv* jni, jclass cls, jlong ctxp, jlong deferred_cookie, jobject value,
                                  jthrowable error, jobject type) {
  env_ctx* ctx = (env_ctx*)(intptr_t)ctxp;
  if (!on_js_thread(ctx) || ctx->closed) return; /* never: JsEnv settles on the JS thread of a live environment */
  napi_env env = ctx->env;
  napi_deferred deferred = (napi_deferred)(intptr_t)deferred_cookie;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value settled = NULL;
  bool reject = error != NULL;
  if (!reject) {
    type_info t;
    if (read_type_info(jni, type, &t)) {
      jvalue v = {.l = value};
      /* values arrive boxed: a primitive result is unboxed and converted by its declared type
       * (a long as a number), references by their declared type */
      if (t.code >= TC_BOOLEAN && t.code <= TC_DOUBLE && value) {
        settled = unbox_as(jni, value, t.code, &v) ? to_js(ctx, jni, v, &t) : NULL;
      } else {
        settled = t.code <= TC_DOUBLE || t.code == TC_OBJECT ? object_to_js(ctx, jni, value) : to_js(ctx, jni, v, &t);
      }
      type_info_release(jni, &t);
    }
  }
  if (!settled) { /* a Java error, or one while converting the value */
    reject = true;
    if (error) (*jni)->Throw(jni, error);
    if ((*jni)->ExceptionCheck(jni)) throw_java_exception(ctx, jni);
    if (napi_get_and_clear_last_exception(env, &settled) != napi_ok || !settled) napi_get_undefined(env, &settled);
  }
  if (reject) NAPI_OK(env, napi_reject_deferred(env, deferred, settled));
  else NAPI_OK(env, napi_resolve_deferred(env, deferred, settled));
  if (js_pending(env)) { /* nobody to report a failed settle to: it must not leak into the next call */
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  if (--ctx->pending_async == 0 && ctx->wake) napi_unref_threadsafe_function(env, ctx->wake);
  napi_close_handle_scope(env, scope);
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
  if (!jsvalues_init(jni) && !(*jni)->ExceptionCheck(jni))
    java_throw(jni, "java/lang/IllegalStateException", "node-api-java: the JSValue natives could not be registered");
}

/* Bridge.runJvmShutdownHooks(): java.lang.Shutdown.shutdown() is what DestroyJavaVM runs; JNI
 * reaches it although it is package-private. */
static void JNICALL native_run_jvm_shutdown_hooks(JNIEnv* jni, jclass cls) {
  jclass shutdown = (*jni)->FindClass(jni, "java/lang/Shutdown");
  jmethodID run = shutdown ? (*jni)->GetStaticMethodID(jni, shutdown, "shutdown", "()V") : NULL;
  if (run) (*jni)->CallStaticVoidMethod(jni, shutdown, run);
  if (shutdown) (*jni)->DeleteLocalRef(jni, shutdown);
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
  REQUIRE(J.JsEnv_close = (*jni)->GetMethodID(jni, J.JsEnv, "close", "()V"));
  REQUIRE(J.JsEnv_track = (*jni)->GetMethodID(jni, J.JsEnv, "track", "(Ljava/util/concurrent/CompletableFuture;)V"));
  REQUIRE(J.JsEnv_objects = (*jni)->GetFieldID(jni, J.JsEnv, "objects", "Ldev/napijava/bridge/ObjectTable;"));
  REQUIRE(J.JsProxies_create = (*jni)->GetStaticMethodID(jni, J.JsProxies, "create",
                                                         "(Ldev/napijava/bridge/JsEnv;Ljava/lang/Class;JZJ)Ljava/lang/Object;"));
  REQUIRE(J.JsProxies_cookieOf = (*jni)->GetStaticMethodID(jni, J.JsProxies, "cookieOf",
                                                           "(Ljava/lang/Object;Ldev/napijava/bridge/JsEnv;)J"));
  REQUIRE(J.JsProxies_NO_MEMBER = (*jni)->GetStaticFieldID(jni, J.JsProxies, "NO_MEMBER", "Ljava/lang/Object;"));
  jobject nm = (*jni)->GetStaticObjectField(jni, J.JsProxies, J.JsProxies_NO_MEMBER);
  REQUIRE(nm && (J.no_member = (*jni)->NewGlobalRef(jni, nm)));
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
  REQUIRE(J.JSException_fromJs = (*jni)->GetStaticMethodID(jni, J.JsEnv, "jsException",
      "(Ldev/napijava/bridge/JsEnv;Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)"
      "Ldev/napijava/JSException;"));
  REQUIRE(J.JSException_jsError = (*jni)->GetMethodID(jni, J.JSException, "getError", "()Ldev/napijava/JSValue;"));
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
  JNINativeMethod bridge_natives[] = {{"initJsValues", "()V", (void*)native_init_js_values},
                                      {"runJvmShutdownHooks", "()V", (void*)native_run_jvm_shutdown_hooks}};
  REQUIRE((*jni)->RegisterNatives(jni, J.Bridge, bridge_natives, 2) == 0);
  REQUIRE(jsvalue_class_init(jni));
  REQUIRE(buffers_init(jni)); /* java.nio buffers, stream chunks (buffers.c) */
  jmethodID loaded = (*jni)->GetStaticMethodID(jni, J.Bridge, "jsValuesLoaded", "()Z");
  REQUIRE(loaded);
  if ((*jni)->CallStaticBooleanMethod(jni, J.Bridge, loaded)) REQUIRE(jsvalues_init(jni));
#undef REQUIRE
  return true;
}

/* ---------- JS values as Java objects ---------- */

static void free_identity(napi_env env, void* data, void* hint) { free(data); }

/* A JS function's or object's identity for the proxy cache: a number kept on the value (napi_wrap),
 * given once; 0 when the value cannot carry one (already wrapped by someone, or not extensible). */
static const napi_type_tag IDENTITY_TAG = {0x6e6f64652d617069ULL, 0x2d6a6176612d6964ULL};

static jlong js_identity(env_ctx* ctx, napi_value v) {
  static jlong next; /* JS threads of all environments: an atomic counter */
  napi_env env = ctx->env;
  bool tagged = false;
  jlong* id = NULL;
  if (napi_check_object_type_tag(env, v, &IDENTITY_TAG, &tagged) == napi_ok && tagged)
    return napi_unwrap(env, v, (void**)&id) == napi_ok && id ? *id : 0;
  id = malloc(sizeof *id);
  if (!id) return 0;
  *id = __atomic_add_fetch(&next, 1, __ATOMIC_RELAXED);
  /* wrap first: a value another addon wrapped (or tagged) simply gets no identity */
  if (napi_wrap(env, v, id, free_identity, NULL, NULL) != napi_ok) {
    free(id);
    id = NULL;
  } else if (napi_type_tag_object(env, v, &IDENTITY_TAG) != napi_ok) {
    void* mine = NULL; /* not ours to name: undo (if that fails, the wrap's finalizer frees id) */
    if (napi_remove_wrap(env, v, &mine) == napi_ok) free(mine);
    id = NULL;
  }
  if (js_pending(env)) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  return id ? *id : 0;
}

jobject js_to_proxy(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass iface, bool is_function) {
  js_ref* r = js_ref_new(ctx, v, 1);
  if (!r) return NULL;
  jobject proxy = (*jni)->CallStaticObjectMethod(jni, J.JsProxies, J.JsProxies_create, ctx->js_env, iface,
                                                 (jlong)(intptr_t)r, (jboolean)is_function, js_identity(ctx, v));
  if (!proxy || (*jni)->ExceptionCheck(jni)) { /* nobody owns the reference */
    js_ref_free(r);
    if (proxy) (*jni)->DeleteLocalRef(jni, proxy);
    return NULL;
  }
  jlong owner = (*jni)->CallStaticLongMethod(jni, J.JsProxies, J.JsProxies_cookieOf, proxy, ctx->js_env);
  if (owner != (jlong)(intptr_t)r) js_ref_free(r); /* an existing proxy of the same value came back */
  (*jni)->ExceptionClear(jni);
  return proxy;
}

/* The original JS value behind a proxy made by js_to_proxy in this environment, or NULL for any
 * other object (including proxies of another environment: they stay Java objects here). Not in
 * the identity table: that would keep the proxy (and so the JS value) alive forever. */
napi_value proxy_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  if (!(*jni)->IsInstanceOf(jni, obj, J.Proxy)) return NULL;
  jlong cookie = (*jni)->CallStaticLongMethod(jni, J.JsProxies, J.JsProxies_cookieOf, obj, ctx->js_env);
  if (java_failed(ctx, jni) || !cookie) return NULL;
  return js_ref_value(ctx, cookie);
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
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, argv, NULL, &data))) return NULL;
  settle_target* target = data;
  env_ctx* ctx = env_get(env);
  JNIEnv* jni = ctx ? jni_env() : NULL;
  if (!jni) return NULL;
  if (argc == 0 && !NAPI_OK(env, napi_get_undefined(env, &argv[0]))) return NULL;
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
  (*jni)->ExceptionClear(jni);
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
  JNIEnv* jni = jvm_started() ? jni_env() : NULL;
  if (jni) (*jni)->DeleteGlobalRef(jni, target->future);
  free(target);
}

/* promise.then(...) completing future: the one mechanism behind Promise -> CompletableFuture
 * (parameters: values as Java objects; JSPromise.toFuture(): values as JSValues). The environment
 * tracks the future: if it ends first, the future fails instead of waiting forever. False with a
 * JS (or Java) exception pending if `then` could not be called. */
bool complete_when_settled(env_ctx* ctx, JNIEnv* jni, napi_value promise, jobject future, js_value_converter convert) {
  napi_env env = ctx->env;
  settle_target* target = malloc(sizeof *target);
  if (!target) {
    throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory");
    return false;
  }
  target->future = (*jni)->NewGlobalRef(jni, future);
  target->convert = convert;
  napi_value then, callbacks[2], ignored;
  if (!target->future) {
    free(target);
    throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: no JNI global references left");
    return false;
  }
  if (!NAPI_OK(env, napi_create_function(env, "onFulfilled", NAPI_AUTO_LENGTH, on_fulfilled, target, &callbacks[0])) ||
      !NAPI_OK(env, napi_create_function(env, "onRejected", NAPI_AUTO_LENGTH, on_rejected, target, &callbacks[1])) ||
      /* both callbacks die together: one finalizer frees the target */
      !NAPI_OK(env, napi_add_finalizer(env, callbacks[0], target, drop_target, NULL, NULL))) {
    (*jni)->DeleteGlobalRef(jni, target->future);
    free(target);
    return false;
  }
  (*jni)->CallVoidMethod(jni, ctx->js_env, J.JsEnv_track, future);
  if ((*jni)->ExceptionCheck(jni)) return false;
  return NAPI_OK(env, napi_get_named_property(env, promise, "then", &then)) &&
         NAPI_OK(env, napi_call_function(env, promise, then, 2, callbacks, &ignored));
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
  return as_java_object(jni, &any, out, local);
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

/* A promise that Java settles later through the queue (which keeps Node alive meanwhile). */
static napi_deferred new_deferred(env_ctx* ctx, napi_value* promise) {
  napi_deferred deferred;
  if (ctx->closed || !ctx->wake) {
    throw_error_code(ctx->env, "ERR_NAPI_JAVA_ENV_CLOSED", "node-api-java: the Node.js environment is ending: no "
                                                          "asynchronous Java call can start");
    return NULL;
  }
  if (!NAPI_OK(ctx->env, napi_create_promise(ctx->env, &deferred, promise))) return NULL;
  if (ctx->pending_async++ == 0 && !NAPI_OK(ctx->env, napi_ref_threadsafe_function(ctx->env, ctx->wake))) {
    ctx->pending_async--;
    return NULL;
  }
  return deferred;
}

/* Java could not take the promise over: it is rejected with the pending exception (which stays
 * pending for the caller) and no longer keeps Node alive. */
static void abandon_deferred(env_ctx* ctx, JNIEnv* jni, napi_deferred deferred) {
  napi_env env = ctx->env;
  napi_value error = NULL;
  java_failed(ctx, jni);
  if (js_pending(env) && napi_get_and_clear_last_exception(env, &error) == napi_ok) {
    napi_reject_deferred(env, deferred, error);
    napi_throw(env, error);
  }
  if (--ctx->pending_async == 0 && ctx->wake) napi_unref_threadsafe_function(env, ctx->wake);
}

napi_value future_to_promise(env_ctx* ctx, JNIEnv* jni, jobject future) {
  napi_value promise;
  napi_deferred deferred = new_deferred(ctx, &promise);
  if (!deferred) return NULL;
  (*jni)->CallStaticVoidMethod(jni, J.AsyncCalls, J.AsyncCalls_whenDone, ctx->js_env, future,
                               (jlong)(intptr_t)deferred);
  if ((*jni)->ExceptionCheck(jni)) {
    abandon_deferred(ctx, jni, deferred);
    return NULL;
  }
  return promise;
}

/* nameAsync(...): arguments are converted here on the JS thread; the call runs on the Java pool. */
napi_value invoke_async(env_ctx* ctx, JNIEnv* jni, method_group* g, const callable* c, jobject target, jvalue* args) {
  jobjectArray boxed = (*jni)->NewObjectArray(jni, c->argc, J.Object, NULL);
  if (!boxed) return throw_java_exception(ctx, jni);
  for (int i = 0; i < c->argc; i++) {
    int code = c->params[i].code;
    jobject item = code >= TC_BOOLEAN && code <= TC_DOUBLE ? box_primitive(jni, code, args[i]) : args[i].l;
    if ((*jni)->ExceptionCheck(jni)) {
      (*jni)->DeleteLocalRef(jni, boxed);
      return throw_java_exception(ctx, jni);
    }
    (*jni)->SetObjectArrayElement(jni, boxed, i, item);
    if (item && item != args[i].l) (*jni)->DeleteLocalRef(jni, item);
  }
  napi_value promise;
  napi_deferred deferred = new_deferred(ctx, &promise);
  jobjectArray candidates = deferred ? (*jni)->GetObjectField(jni, g->overloads, J.OS_candidates) : NULL;
  jobject callable_obj = candidates ? (*jni)->GetObjectArrayElement(jni, candidates, (jsize)(c - g->items)) : NULL;
  if (candidates) (*jni)->DeleteLocalRef(jni, candidates);
  if (callable_obj)
    (*jni)->CallStaticVoidMethod(jni, J.AsyncCalls, J.AsyncCalls_submit, ctx->js_env, callable_obj, target, boxed,
                                 (jlong)(intptr_t)deferred);
  if (callable_obj) (*jni)->DeleteLocalRef(jni, callable_obj);
  (*jni)->DeleteLocalRef(jni, boxed);
  if (!deferred) return NULL;
  if (!callable_obj || (*jni)->ExceptionCheck(jni)) {
    abandon_deferred(ctx, jni, deferred);
    return NULL;
  }
  return promise;
}

/* Node streams <-> Java streams are built in JS (lib/streams.js) on top of async calls. */
napi_value stream_hook(env_ctx* ctx, napi_value value, const char* kind) {
  napi_env env = ctx->env;
  napi_value hook, global, args[2], result = NULL;
  if (!NAPI_OK(env, napi_get_reference_value(env, ctx->stream_hook, &hook)) || !hook ||
      !NAPI_OK(env, napi_create_string_utf8(env, kind, NAPI_AUTO_LENGTH, &args[1])) ||
      !NAPI_OK(env, napi_get_global(env, &global)))
    return NULL;
  args[0] = value;
  if (!NAPI_OK(env, napi_call_function(env, global, hook, 2, args, &result))) return NULL;
  return result;
}
