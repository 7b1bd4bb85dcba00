/*
 * Java -> JS: JS functions and objects as Java interface proxies, the queue other Java threads use
 * to reach the JS thread (the natives of JsEnv), the check every Java -> JS entry makes, and the
 * start-up of everything Java -> JS needs. Policy (routing, deadlock detection, what an ended
 * environment does) lives in Java: JsEnv, JsProxies. Promises and async calls: async.c.
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

/* Every native Java calls into JS checks this first: the right thread, a live environment, stack left. */
bool java_refused_js(env_ctx* ctx, JNIEnv* jni, const char* what) {
  if (!on_js_thread(ctx)) {
    throw_wrong_thread(jni, what);
  } else if (ctx->closed) {
    java_throw(jni, "dev/napijava/JSEnvironmentClosedException", "The Node.js environment has ended: %s cannot run", what);
  } else if (stack_exhausted()) {
    java_throw(jni, "java/lang/StackOverflowError", "no stack left to call JS (JS and Java frames share this thread's stack)");
  } else {
    return false;
  }
  return true;
}

napi_value* js_argv(JNIEnv* jni, jsize argc, napi_value* stack_argv) {
  napi_value* argv = argc <= FAST_ARGS ? stack_argv : malloc(sizeof(napi_value) * (size_t)argc);
  if (!argv) java_throw(jni, "java/lang/OutOfMemoryError", "no native memory for %d JS arguments", (int)argc);
  return argv;
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
  napi_value* argv = js_argv(jni, argc, stack_argv);
  if (!argv) {
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
  if (t.code != TC_VOID && !to_java_object(ctx, jni, js_result, &t, &result)) js_failed(ctx, jni, napi_pending_exception);
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

/* ---------- setup ---------- */

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

bool proxies_init(JNIEnv* jni) {
#define REQUIRE(x) \
  if (!(x)) return false
  REQUIRE(J.JsEnv = global_class(jni, "dev/napijava/bridge/JsEnv"));
  REQUIRE(J.JsProxies = global_class(jni, "dev/napijava/bridge/JsProxies"));
  REQUIRE(async_init(jni)); /* AsyncCalls, and the settle native (async.c) */
  REQUIRE(J.JSException = global_class(jni, "dev/napijava/JSException"));
  REQUIRE(J.JSInvalidThreadAccess = global_class(jni, "dev/napijava/JSInvalidThreadAccessException"));
  REQUIRE(J.Proxy = global_class(jni, "java/lang/reflect/Proxy"));
  REQUIRE(J.JsEnv_create = (*jni)->GetStaticMethodID(jni, J.JsEnv, "create", "(JLjava/nio/ByteBuffer;)Ldev/napijava/bridge/JsEnv;"));
  REQUIRE(J.JsEnv_drain = (*jni)->GetMethodID(jni, J.JsEnv, "drain", "()V"));
  REQUIRE(J.JsEnv_close = (*jni)->GetMethodID(jni, J.JsEnv, "close", "()V"));
  REQUIRE(J.JsEnv_track = (*jni)->GetMethodID(jni, J.JsEnv, "track", "(Ljava/util/concurrent/CompletableFuture;)V"));
  REQUIRE(J.JsProxies_create = (*jni)->GetStaticMethodID(jni, J.JsProxies, "create",
                                                         "(Ldev/napijava/bridge/JsEnv;Ljava/lang/Class;JZJ)Ljava/lang/Object;"));
  REQUIRE(J.JsProxies_cookieOf = (*jni)->GetStaticMethodID(jni, J.JsProxies, "cookieOf",
                                                           "(Ljava/lang/Object;Ldev/napijava/bridge/JsEnv;)J"));
  REQUIRE(J.no_member = static_global(jni, J.JsProxies, "NO_MEMBER", "Ljava/lang/Object;"));
  REQUIRE(J.JSException_fromJs = (*jni)->GetStaticMethodID(jni, J.JsEnv, "jsException",
                                                           "(Ldev/napijava/bridge/JsEnv;Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)"
                                                           "Ldev/napijava/JSException;"));
  REQUIRE(J.JSException_jsError = (*jni)->GetMethodID(jni, J.JSException, "getError", "()Ldev/napijava/JSValue;"));
  JNINativeMethod natives[] = {
      {"wake", "(J)V", (void*)native_wake},
      {"invokeJs", "(JJLjava/lang/String;[Ljava/lang/Object;Ldev/napijava/bridge/TypeRef;)Ljava/lang/Object;",
       (void*)native_invoke_js},
      {"releaseRef", "(JJ)V", (void*)native_release_ref},
  };
  REQUIRE((*jni)->RegisterNatives(jni, J.JsEnv, natives, sizeof natives / sizeof natives[0]) == 0);
  /* jsvalue.c (Java hosts Node) registers its natives when JSValueNatives is first initialized, not at
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
