/*
 * JS wrappers of Java objects. Identity: the Java ObjectTable maps each wrapped object to its
 * java_ref (the "cookie"), whose weak napi_ref finds the live wrapper. Lifetime: the wrapper holds
 * a JNI global ref; its finalizer drops it and detaches the cookie, so both heaps can collect.
 */
#include <stddef.h>
#include <stdlib.h>

#include "bridge.h"

/* ---------- which wraps are ours ----------
 * napi_unwrap returns whatever any addon wrapped into an object. The records this environment
 * wrapped (java_refs, and the class_infos of projected constructors) are kept in a pointer set,
 * the low bit saying which kind, so telling ours apart costs one private-symbol lookup
 * (napi_unwrap) and a hash probe. A type tag per wrapper cost a second lookup on every instance
 * call and a BigInt per construction. */
enum { WRAP_REF = 0,
       WRAP_CLASS = 1,
       WRAPS_MIN = 64 };

static size_t wrap_home(uintptr_t key, size_t mask) { return (size_t)(((key >> 4) * 0x9E3779B97F4A7C15ull) >> 32) & mask; }

static bool wraps_grow(env_ctx* ctx) {
  size_t cap = ctx->wraps_cap ? ctx->wraps_cap * 2 : WRAPS_MIN;
  uintptr_t* table = calloc(cap, sizeof(uintptr_t));
  if (!table) return false;
  for (size_t i = 0; i < ctx->wraps_cap; i++) {
    uintptr_t key = ctx->wraps[i];
    if (!key) continue;
    size_t j = wrap_home(key, cap - 1);
    while (table[j]) j = (j + 1) & (cap - 1);
    table[j] = key;
  }
  free(ctx->wraps);
  ctx->wraps = table;
  ctx->wraps_cap = cap;
  return true;
}

static bool wraps_add(env_ctx* ctx, void* record, int kind) {
  if ((ctx->wraps_count + 1) * 2 > ctx->wraps_cap && !wraps_grow(ctx)) {
    throw_error_code(ctx->env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for a Java object wrapper");
    return false;
  }
  uintptr_t key = (uintptr_t)record | (uintptr_t)kind;
  size_t mask = ctx->wraps_cap - 1, i = wrap_home(key, mask);
  while (ctx->wraps[i]) i = (i + 1) & mask;
  ctx->wraps[i] = key;
  ctx->wraps_count++;
  return true;
}

/* The slot of key, or -1. */
static ptrdiff_t wraps_find(const env_ctx* ctx, uintptr_t key) {
  if (!ctx->wraps_cap) return -1;
  size_t mask = ctx->wraps_cap - 1;
  for (size_t i = wrap_home(key, mask);; i = (i + 1) & mask) {
    if (ctx->wraps[i] == key) return (ptrdiff_t)i;
    if (!ctx->wraps[i]) return -1;
  }
}

/* Linear probing's deletion: later keys of the same run move back, so no lookup stops early. */
static void wraps_remove(env_ctx* ctx, void* record, int kind) {
  ptrdiff_t found = wraps_find(ctx, (uintptr_t)record | (uintptr_t)kind);
  if (found < 0) return;
  size_t mask = ctx->wraps_cap - 1, hole = (size_t)found;
  for (size_t j = (hole + 1) & mask; ctx->wraps[j]; j = (j + 1) & mask) {
    size_t home = wrap_home(ctx->wraps[j], mask);
    bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
    if (movable) {
      ctx->wraps[hole] = ctx->wraps[j];
      hole = j;
    }
  }
  ctx->wraps[hole] = 0;
  ctx->wraps_count--;
}

void wraps_free(env_ctx* ctx) { free(ctx->wraps); }

/* What v wraps when this environment wrapped it as kind, else NULL. */
static void* unwrap_ours(env_ctx* ctx, napi_value v, int kind) {
  void* data = NULL;
  if (!ctx || napi_unwrap(ctx->env, v, &data) != napi_ok || !data) return NULL;
  return wraps_find(ctx, (uintptr_t)data | (uintptr_t)kind) >= 0 ? data : NULL;
}

/* A projected class's constructor: it stands for its java.lang.Class where Java expects one. */
bool tag_class_ctor(env_ctx* ctx, napi_value ctor, class_info* ci) {
  return NAPI_OK(ctx->env, napi_wrap(ctx->env, ctor, ci, NULL, NULL, NULL)) && /* ci lives as long as the environment */
         wraps_add(ctx, ci, WRAP_CLASS);
}

class_info* unwrap_class(env_ctx* ctx, napi_value v) { return unwrap_ours(ctx, v, WRAP_CLASS); }

java_ref* unwrap_java(env_ctx* ctx, napi_value v) { return unwrap_ours(ctx, v, WRAP_REF); }

static void free_ref(JNIEnv* jni, java_ref* ref) {
  if (jni && ref->obj) (*jni)->DeleteGlobalRef(jni, ref->obj);
  free(ref);
}

static void finalize_ref(napi_env env, void* data, void* hint) {
  java_ref* ref = data;
  JNIEnv* jni = jvm_started() ? jni_env() : NULL;
  if (jni) {
    (*jni)->CallVoidMethod(jni, ref->ctx->object_table, J.ObjectTable_detach, ref->obj, (jlong)(intptr_t)ref);
    (*jni)->ExceptionClear(jni);
  }
  if (ref->weak) napi_delete_reference(env, ref->weak);
  wraps_remove(ref->ctx, ref, WRAP_REF);
  free_ref(jni, ref);
}

/* A record for obj (a new global ref); NULL with a JS exception pending. */
static java_ref* new_ref(env_ctx* ctx, JNIEnv* jni, jobject obj, class_info* ci) {
  java_ref* ref = calloc(1, sizeof(java_ref));
  if (!ref) {
    throw_error_code(ctx->env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for a Java object wrapper");
    return NULL;
  }
  ref->obj = (*jni)->NewGlobalRef(jni, obj);
  if (!ref->obj) {
    free(ref);
    throw_error_code(ctx->env, "ERR_OUT_OF_MEMORY", "node-api-java: no JNI global references left");
    return NULL;
  }
  ref->cls = ci;
  ref->ctx = ctx;
  return ref;
}

/* Binds a fresh java_ref to a JS object created by a projected class's constructor. Once wrapped,
 * the wrapper's finalizer owns ref; before that, a failure frees it here. */
static bool bind(env_ctx* ctx, JNIEnv* jni, napi_value this_obj, java_ref* ref) {
  napi_env env = ctx->env;
  if (!NAPI_OK(env, napi_wrap(env, this_obj, ref, finalize_ref, NULL, NULL))) {
    free_ref(jni, ref);
    return false;
  }
  if (!wraps_add(ctx, ref, WRAP_REF) || !NAPI_OK(env, napi_create_reference(env, this_obj, 0, &ref->weak)))
    return false;
  (*jni)->CallVoidMethod(jni, ctx->object_table, J.ObjectTable_attach, ref->obj, (jlong)(intptr_t)ref);
  return !java_failed(ctx, jni);
}

/* Constructor path, `new Cls(...)`: obj is a new local ref, not yet known to the table. */
bool wrap_new_instance(env_ctx* ctx, JNIEnv* jni, napi_value this_obj, jobject obj, class_info* ci) {
  java_ref* ref = new_ref(ctx, jni, obj, ci);
  return ref && bind(ctx, jni, this_obj, ref);
}

/* Called by the constructor when invoked with the sentinel from wrap_object. */
bool attach_pending(env_ctx* ctx, napi_value this_obj) {
  java_ref* ref = ctx->pending;
  ctx->pending = NULL;
  return ref && bind(ctx, jni_env(), this_obj, ref);
}

/* The JS object for a Java object: the existing wrapper if JS still holds one, else a new one
 * built by the run-time class's constructor (so prototype methods and instanceof work). NULL with
 * a JS exception pending. */
napi_value wrap_object(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  napi_env env = ctx->env;
  jlong cookie = (*jni)->CallLongMethod(jni, ctx->object_table, J.ObjectTable_lookup, obj);
  if (java_failed(ctx, jni)) return NULL;
  if (cookie) {
    java_ref* existing = (java_ref*)(intptr_t)cookie;
    napi_value live = NULL;
    if (napi_get_reference_value(env, existing->weak, &live) == napi_ok && live) return live;
    /* collected but not yet finalized: make a new wrapper; the old finalizer won't detach it */
  }
  napi_value original = proxy_to_js(ctx, jni, obj); /* a JS value that went to Java as a proxy */
  if (original || js_pending(env)) return original;
  jint index = (*jni)->CallStaticIntMethod(jni, J.Bridge, J.Bridge_classIndexOf, obj);
  if (java_failed(ctx, jni)) return NULL;
  class_info* ci = class_for(ctx, jni, NULL, index);
  if (!ci) return NULL;
  java_ref* ref = new_ref(ctx, jni, obj, ci);
  if (!ref) return NULL;
  napi_value ctor, sentinel, result = NULL;
  if (!NAPI_OK(env, napi_get_reference_value(env, ci->ctor, &ctor)) ||
      !NAPI_OK(env, napi_get_reference_value(env, ctx->sentinel, &sentinel))) {
    free_ref(jni, ref);
    return NULL;
  }
  ctx->pending = ref;
  napi_status status = napi_new_instance(env, ctor, 1, &sentinel, &result);
  if (ctx->pending) { /* the constructor did not take it (it threw before, or never ran) */
    ctx->pending = NULL;
    free_ref(jni, ref);
  }
  if (!NAPI_OK(env, status)) return NULL;
  return result;
}
