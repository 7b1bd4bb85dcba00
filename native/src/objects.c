/*
 * JS wrappers of Java objects. Identity: the environment's idents table files each wrapped object's
 * java_ref by its identity hash, and the record's weak napi_ref finds the live wrapper. Lifetime: the
 * wrapper holds a JNI global ref; its finalizer drops it and removes the record, so both heaps can
 * collect.
 */
#include <stddef.h>
#include <stdlib.h>

#include "bridge.h"

/* ---------- the environment's two record tables ----------
 * Open addressing with linear probing over non-zero words (ptr_table); each table says under which
 * key an entry is filed, so growing and deleting (which moves later entries of a run back) are shared.
 *
 * wraps: which wraps are ours. napi_unwrap returns whatever any addon wrapped into an object; the
 * records this environment wrapped (java_refs, and the class_infos of projected constructors, the
 * low bit saying which) are filed by address, so telling ours apart costs one private-symbol lookup
 * (napi_unwrap) and a probe. A type tag per wrapper cost a second lookup on every instance call and
 * a BigInt per construction.
 *
 * idents: identity, the live wrapper of a Java object. java_refs filed by their object's identity
 * hash, candidates compared with IsSameObject. Off the Java heap on purpose: a Java identity map's
 * table is an old array that every new wrapper's object is stored into, and G1's card refinement
 * and remembered sets then cost about a quarter of a `new StringBuilder()` (measured). */
enum { WRAP_REF = 0,
       WRAP_CLASS = 1,
       TABLE_MIN = 64 };

typedef size_t (*table_key)(uintptr_t entry);

static size_t key_of_wrap(uintptr_t entry) { return (size_t)(entry >> 4); }
static size_t ident_key(jint hash) { return (size_t)(uint32_t)hash; }
static size_t key_of_ident(uintptr_t entry) { return ident_key(((java_ref*)entry)->hash); }

static size_t slot_home(size_t key, size_t mask) { return (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ull) >> 32) & mask; }

static bool table_grow(ptr_table* t, table_key key_of) {
  size_t cap = t->cap ? t->cap * 2 : TABLE_MIN;
  uintptr_t* slots = calloc(cap, sizeof(uintptr_t));
  if (!slots) return false;
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->slots[i]) continue;
    size_t j = slot_home(key_of(t->slots[i]), cap - 1);
    while (slots[j]) j = (j + 1) & (cap - 1);
    slots[j] = t->slots[i];
  }
  free(t->slots);
  t->slots = slots;
  t->cap = cap;
  return true;
}

/* False with a JS exception pending (no memory). */
static bool table_add(env_ctx* ctx, ptr_table* t, uintptr_t entry, table_key key_of) {
  if ((t->count + 1) * 2 > t->cap && !table_grow(t, key_of)) {
    throw_error_code(ctx->env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for a Java object wrapper");
    return false;
  }
  size_t mask = t->cap - 1, i = slot_home(key_of(entry), mask);
  while (t->slots[i]) i = (i + 1) & mask;
  t->slots[i] = entry;
  t->count++;
  return true;
}

static void table_remove(ptr_table* t, uintptr_t entry, table_key key_of) {
  if (!t->cap) return;
  size_t mask = t->cap - 1, hole = slot_home(key_of(entry), mask);
  while (t->slots[hole] != entry) {
    if (!t->slots[hole]) return; /* not there */
    hole = (hole + 1) & mask;
  }
  /* later entries of the run whose home is not between the hole and them move back into it */
  for (size_t j = (hole + 1) & mask; t->slots[j]; j = (j + 1) & mask) {
    size_t home = slot_home(key_of(t->slots[j]), mask);
    if (hole <= j ? (home <= hole || home > j) : (home <= hole && home > j)) {
      t->slots[hole] = t->slots[j];
      hole = j;
    }
  }
  t->slots[hole] = 0;
  t->count--;
}

static bool wraps_has(const env_ctx* ctx, uintptr_t entry) {
  const ptr_table* t = &ctx->wraps;
  if (!t->cap) return false;
  size_t mask = t->cap - 1;
  for (size_t i = slot_home(key_of_wrap(entry), mask); t->slots[i]; i = (i + 1) & mask)
    if (t->slots[i] == entry) return true;
  return false;
}

void object_tables_free(env_ctx* ctx) {
  free(ctx->wraps.slots);
  free(ctx->idents.slots);
}

size_t live_wrappers(env_ctx* ctx) { return ctx->idents.count; }

/* What v wraps when this environment wrapped it as kind, else NULL. */
static void* unwrap_ours(env_ctx* ctx, napi_value v, int kind) {
  void* data = NULL;
  if (!ctx || napi_unwrap(ctx->env, v, &data) != napi_ok || !data) return NULL;
  return wraps_has(ctx, (uintptr_t)data | (uintptr_t)kind) ? data : NULL;
}

/* A projected class's constructor: it stands for its java.lang.Class where Java expects one. */
bool tag_class_ctor(env_ctx* ctx, napi_value ctor, class_info* ci) {
  return NAPI_OK(ctx->env, napi_wrap(ctx->env, ctor, ci, NULL, NULL, NULL)) && /* ci lives as long as the environment */
         table_add(ctx, &ctx->wraps, (uintptr_t)ci | WRAP_CLASS, key_of_wrap);
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
  if (ref->weak) napi_delete_reference(env, ref->weak);
  table_remove(&ref->ctx->idents, (uintptr_t)ref, key_of_ident);
  table_remove(&ref->ctx->wraps, (uintptr_t)ref | WRAP_REF, key_of_wrap);
  free_ref(jni, ref);
}

static jint identity_hash(JNIEnv* jni, jobject obj) {
  return (*jni)->CallStaticIntMethod(jni, J.System, J.System_identityHashCode, obj); /* cannot throw */
}

/* A record for obj (a new global ref), filed under its identity hash; NULL with a JS exception pending. */
static java_ref* new_ref(env_ctx* ctx, JNIEnv* jni, jobject obj, class_info* ci, jint hash) {
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
  ref->hash = hash;
  return ref;
}

/* Binds a fresh java_ref to a JS object created by a projected class's constructor. Once wrapped,
 * the wrapper's finalizer owns ref; before that, a failure frees it here. */
static bool bind(env_ctx* ctx, JNIEnv* jni, napi_value this_obj, java_ref* ref) {
  napi_env env = ctx->env;
  /* the wrap's own reference is the record's weak one (deleted by finalize_ref, as Node-API asks):
   * one napi reference per wrapper, not two */
  if (!NAPI_OK(env, napi_wrap(env, this_obj, ref, finalize_ref, NULL, &ref->weak))) {
    free_ref(jni, ref);
    return false;
  }
  return table_add(ctx, &ctx->wraps, (uintptr_t)ref | WRAP_REF, key_of_wrap) &&
         table_add(ctx, &ctx->idents, (uintptr_t)ref, key_of_ident);
}

/* Constructor path, `new Cls(...)`: obj is a new local ref, not yet known to the table. */
bool wrap_new_instance(env_ctx* ctx, JNIEnv* jni, napi_value this_obj, jobject obj, class_info* ci) {
  java_ref* ref = new_ref(ctx, jni, obj, ci, identity_hash(jni, obj));
  return ref && bind(ctx, jni, this_obj, ref);
}

/* Called by the constructor when invoked with the sentinel from wrap_object. */
bool attach_pending(env_ctx* ctx, napi_value this_obj) {
  java_ref* ref = ctx->pending;
  ctx->pending = NULL;
  return ref && bind(ctx, jni_env(), this_obj, ref);
}

/* The wrapper JS still holds for obj, or NULL. */
static napi_value live_wrapper(env_ctx* ctx, JNIEnv* jni, jobject obj, jint hash) {
  const ptr_table* t = &ctx->idents;
  if (!t->cap) return NULL;
  size_t mask = t->cap - 1;
  for (size_t i = slot_home(ident_key(hash), mask); t->slots[i]; i = (i + 1) & mask) {
    java_ref* candidate = (java_ref*)t->slots[i];
    napi_value live = NULL;
    /* a record whose wrapper was collected but not yet finalized is passed over (its finalizer removes it) */
    if (candidate->hash == hash && (*jni)->IsSameObject(jni, candidate->obj, obj) &&
        napi_get_reference_value(ctx->env, candidate->weak, &live) == napi_ok && live)
      return live;
  }
  return NULL;
}

/* The JS object for a Java object: the existing wrapper if JS still holds one, else a new one
 * built by the run-time class's constructor (so prototype methods and instanceof work). NULL with
 * a JS exception pending. */
napi_value wrap_object(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  napi_env env = ctx->env;
  jint hash = identity_hash(jni, obj);
  napi_value live = live_wrapper(ctx, jni, obj, hash);
  if (live) return live;
  napi_value original = proxy_to_js(ctx, jni, obj); /* a JS value that went to Java as a proxy */
  if (original || js_pending(env)) return original;
  jint index = (*jni)->CallStaticIntMethod(jni, J.Bridge, J.Bridge_classIndexOf, obj);
  if (java_failed(ctx, jni)) return NULL;
  class_info* ci = class_for(ctx, jni, NULL, index);
  if (!ci) return NULL;
  java_ref* ref = new_ref(ctx, jni, obj, ci, hash);
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
