/*
 * One Node environment (the main thread or a worker) and its life. It starts with the module's
 * init and ends with the environment: a worker's exit or terminate(), the process's exit, a hosted
 * environment's close. Other threads may hold its queue, proxies, futures and JS references long
 * after that, so its end is announced to Java first (JsEnv.close: late work is dropped or fails
 * with JSEnvironmentClosedException) and only then is the wake function released and, when Node
 * deletes the environment, the memory freed.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bridge.h"

env_ctx* env_get(napi_env env) {
  env_ctx* ctx = NULL;
  if (napi_get_instance_data(env, (void**)&ctx) != napi_ok) return NULL;
  return ctx;
}

/* ---------- references held for Java ---------- */

js_ref* js_ref_new(env_ctx* ctx, napi_value v, uint32_t count) {
  js_ref* r = calloc(1, sizeof(js_ref));
  if (!r) {
    throw_error_code(ctx->env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for a JS reference");
    return NULL;
  }
  if (!NAPI_OK(ctx->env, napi_create_reference(ctx->env, v, count, &r->ref))) {
    free(r);
    return NULL;
  }
  r->ctx = ctx;
  r->next = ctx->refs.next;
  r->prev = &ctx->refs;
  ctx->refs.next->prev = r;
  ctx->refs.next = r;
  return r;
}

static void unlink_ref(js_ref* r) {
  r->prev->next = r->next;
  r->next->prev = r->prev;
}

void js_ref_free(js_ref* r) {
  napi_delete_reference(r->ctx->env, r->ref);
  unlink_ref(r);
  free(r);
}

bool js_ref_of(env_ctx* ctx, jlong cookie) { return cookie && ((js_ref*)(intptr_t)cookie)->ctx == ctx; }

/* ---------- start and end ---------- */

static void on_cleanup(void* arg) { env_close(arg); }

/* Tells Java the environment is gone: its queue stops, waiting threads and futures fail. */
static void close_java(env_ctx* ctx) {
  if (!ctx->js_env || !jvm_started()) return;
  JNIEnv* jni = jni_env();
  if (!jni) return;
  (*jni)->CallVoidMethod(jni, ctx->js_env, J.JsEnv_close);
  (*jni)->ExceptionClear(jni);
}

void env_close(env_ctx* ctx) {
  if (ctx->closed) return;
  ctx->closed = true;
  close_java(ctx); /* after this no Java thread calls the wake function again */
  if (ctx->wake) {
    napi_release_threadsafe_function(ctx->wake, napi_tsfn_abort);
    ctx->wake = NULL;
  }
}

/* Node deletes the environment: everything Java could still point at is known dead (closed). */
static void env_free(napi_env env, void* data, void* hint) {
  env_ctx* ctx = data;
  if (!ctx->closed) {
    ctx->closed = true;
    close_java(ctx);
  }
  /* Node deleted the napi references themselves; the records Java held are ours to free */
  for (js_ref* r = ctx->refs.next; r != &ctx->refs;) {
    js_ref* next = r->next;
    free(r);
    r = next;
  }
  JNIEnv* jni = jvm_started() ? jni_env() : NULL;
  if (jni) {
    if (ctx->js_env) (*jni)->DeleteGlobalRef(jni, ctx->js_env);
    if (ctx->call_slots_buffer) (*jni)->DeleteGlobalRef(jni, ctx->call_slots_buffer); /* Java's memory: its GC frees it */
  }
  if (!ctx->js_env) free(ctx->sync_depth); /* else Java may still read it (see env_ctx) */
  /* The projected classes: no JS runs in this environment any more (a worker that ends in a
   * process that goes on would otherwise leave all of them behind, global refs included). */
  for (int i = 0; jni && i < ctx->class_cap; i++)
    if (ctx->classes[i]) class_info_free(jni, ctx->classes[i]);
  free(ctx->classes);
  object_tables_free(ctx);
  free(ctx);
  strings_free_thread_buffers();
  jni_detach_if_worker();
}

static int sentinel_marker;

/* The environment's JS -> Java call depth, read by Java through a direct buffer. Freed only when
 * Java never got it: a Java thread may read it while the environment ends (see env_ctx). Its own
 * function so that scripts/asan-report.js can tell this deliberate leak from others. */
static int* sync_depth_new(void) { return calloc(1, sizeof(int)); }

/* The context of a new environment (module init); NULL with a JS exception pending. */
env_ctx* env_create(napi_env env) {
  env_ctx* ctx = calloc(1, sizeof(env_ctx));
  if (!ctx) {
    napi_throw_error(env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory");
    return NULL;
  }
  ctx->env = env;
  ctx->js_thread = pthread_self();
  ctx->is_main = getpid() == (pid_t)syscall(SYS_gettid);
  ctx->refs.next = ctx->refs.prev = &ctx->refs;
  ctx->sync_depth = sync_depth_new();
  if (!ctx->sync_depth) {
    free(ctx);
    napi_throw_error(env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory");
    return NULL;
  }
  if (!NAPI_OK(env, napi_set_instance_data(env, ctx, env_free, NULL))) {
    free(ctx->sync_depth);
    free(ctx);
    return NULL;
  }
  napi_value sentinel, global, array_ctor, is_array, array_from, object_ctor, object_proto;
  if (!NAPI_OK(env, napi_create_external(env, &sentinel_marker, NULL, NULL, &sentinel)) ||
      !NAPI_OK(env, napi_create_reference(env, sentinel, 1, &ctx->sentinel)) ||
      !NAPI_OK(env, napi_get_global(env, &global)) ||
      !NAPI_OK(env, napi_get_named_property(env, global, "Array", &array_ctor)) ||
      !NAPI_OK(env, napi_get_named_property(env, array_ctor, "isArray", &is_array)) ||
      !NAPI_OK(env, napi_create_reference(env, is_array, 1, &ctx->array_is_array)) ||
      !NAPI_OK(env, napi_get_named_property(env, array_ctor, "from", &array_from)) ||
      !NAPI_OK(env, napi_create_reference(env, array_from, 1, &ctx->array_from)) ||
      !NAPI_OK(env, napi_get_named_property(env, global, "Object", &object_ctor)) ||
      !NAPI_OK(env, napi_get_named_property(env, object_ctor, "prototype", &object_proto)) ||
      !NAPI_OK(env, napi_create_reference(env, object_proto, 1, &ctx->object_prototype)))
    return NULL;
  /* the built-in kinds the marshaler tells apart (arg_tag) */
  static const char* builtins[JS_BUILTIN_COUNT] = {"Map", "Set", "RegExp", "WeakMap", "WeakSet"};
  for (int i = 0; i < JS_BUILTIN_COUNT; i++) {
    napi_value ctor;
    if (!NAPI_OK(env, napi_get_named_property(env, global, builtins[i], &ctor)) ||
        !NAPI_OK(env, napi_create_reference(env, ctor, 1, &ctx->builtin[i])))
      return NULL;
  }
  return ctx;
}

/* Per environment, once the JVM runs: its JsEnv (identity table, queue) and the unref'ed wake
 * function; false with a JS or Java exception pending. */
static void call_drain(napi_env env, napi_value js_cb, void* context, void* data) {
  env_ctx* ctx = context;
  if (!env || ctx->closed || !ctx->js_env) return;
  JNIEnv* jni = jni_env();
  if (!jni) return;
  (*jni)->CallVoidMethod(jni, ctx->js_env, J.JsEnv_drain);
  (*jni)->ExceptionClear(jni); /* tasks report their own failures to whoever waits for them */
}

bool env_attach_java(env_ctx* ctx, JNIEnv* jni) {
  napi_env env = ctx->env;
  napi_value name;
  if (!NAPI_OK(env, napi_create_string_utf8(env, "node-api-java queue", NAPI_AUTO_LENGTH, &name)) ||
      !NAPI_OK(env, napi_create_threadsafe_function(env, NULL, NULL, name, 0, 1, NULL, NULL, ctx, call_drain, &ctx->wake)))
    return false;
  /* after the wake function: Node runs cleanup hooks last-in first, so this one still finds it */
  if (!NAPI_OK(env, napi_add_env_cleanup_hook(env, on_cleanup, ctx)) ||
      !NAPI_OK(env, napi_unref_threadsafe_function(env, ctx->wake))) /* idle Java never keeps Node alive */
    return false;
  jobject depth = (*jni)->NewDirectByteBuffer(jni, ctx->sync_depth, sizeof *ctx->sync_depth);
  if (!depth) return false;
  jobject js_env = (*jni)->CallStaticObjectMethod(jni, J.JsEnv, J.JsEnv_create, (jlong)(intptr_t)ctx, depth);
  (*jni)->DeleteLocalRef(jni, depth);
  if (!js_env) return false;
  ctx->js_env = (*jni)->NewGlobalRef(jni, js_env);
  (*jni)->DeleteLocalRef(jni, js_env);
  if (!ctx->js_env) {
    if (!(*jni)->ExceptionCheck(jni)) java_throw(jni, "java/lang/OutOfMemoryError", "no JNI global references left");
    return false;
  }
  return true;
}
