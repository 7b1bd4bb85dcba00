/*
 * Async both ways: promises <-> futures, nameAsync(...) calls on the Java pool settled through the
 * queue (JsEnv.settle), and the stream hook built on them. Policy (the pool, its size, how a
 * result comes back) lives in Java: AsyncCalls.
 */
#include <stdlib.h>

#include "bridge.h"

/* ---------- natives of dev.napijava.bridge.JsEnv ---------- */

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
  jobject out;
  if (!to_java_object(ctx, jni, v, &any, &out)) {
    if (!js_pending(ctx->env) && !(*jni)->ExceptionCheck(jni)) throw_type_error(ctx->env, "value cannot be passed to Java");
    return NULL;
  }
  return out;
}

/* A JS promise as a CompletableFuture, completed on the JS thread when the promise settles. */
jobject promise_to_future(env_ctx* ctx, JNIEnv* jni, napi_value promise, jclass value_type) {
  jobject future = (*jni)->CallStaticObjectMethod(jni, J.AsyncCalls, J.AsyncCalls_newPromiseFuture, value_type);
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
    throw_error_code(ctx->env, "ERR_NAPI_JAVA_ENV_CLOSED",
                     "node-api-java: the Node.js environment is ending: no "
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

/* ---------- setup ---------- */

/* From proxies_init, right after JsEnv is found: the pool's class, its IDs and JsEnv.settle. */
bool async_init(JNIEnv* jni) {
#define REQUIRE(x) \
  if (!(x)) return false
  REQUIRE(J.AsyncCalls = global_class(jni, "dev/napijava/bridge/AsyncCalls"));
  /* through a class literal: JNI FindClass would initialize CompletableFuture (and ForkJoinPool) */
  REQUIRE(J.CompletableFuture = static_global(jni, J.AsyncCalls, "FUTURE_CLASS", "Ljava/lang/Class;"));
  REQUIRE(J.AsyncCalls_submit = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "submit",
                                                          "(Ldev/napijava/bridge/JsEnv;Ldev/napijava/bridge/Overload;Ljava/lang/Object;[Ljava/lang/Object;J)V"));
  REQUIRE(J.AsyncCalls_whenDone = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "whenDone",
                                                            "(Ldev/napijava/bridge/JsEnv;Ljava/lang/Object;J)V"));
  REQUIRE(J.AsyncCalls_newPromiseFuture = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "newPromiseFuture",
                                                                    "(Ljava/lang/Class;)Ljava/util/concurrent/CompletableFuture;"));
  REQUIRE(J.AsyncCalls_complete = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "complete",
                                                            "(Ljava/util/concurrent/CompletableFuture;Ljava/lang/Object;)V"));
  REQUIRE(J.AsyncCalls_fail = (*jni)->GetStaticMethodID(jni, J.AsyncCalls, "fail",
                                                        "(Ljava/util/concurrent/CompletableFuture;Ljava/lang/Throwable;)V"));
  JNINativeMethod natives[] = {
      {"settle", "(JJLjava/lang/Object;Ljava/lang/Throwable;Ldev/napijava/bridge/TypeRef;)V", (void*)native_settle},
  };
  REQUIRE((*jni)->RegisterNatives(jni, J.JsEnv, natives, sizeof natives / sizeof natives[0]) == 0);
#undef REQUIRE
  return true;
}
