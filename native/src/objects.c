/*
 * JS wrappers of Java objects. Identity: the Java ObjectTable maps each wrapped object to its
 * java_ref (the "cookie"), whose weak napi_ref finds the live wrapper. Lifetime: the wrapper holds
 * a JNI global ref; its finalizer drops it and detaches the cookie, so both heaps can collect.
 */
#include <stdlib.h>

#include "bridge.h"

static const napi_type_tag JAVA_REF_TAG = {0x6e6f64652d617069ULL, 0x2d6a6176612d7265ULL};

java_ref* unwrap_java(napi_env env, napi_value v) {
  bool tagged = false;
  if (napi_check_object_type_tag(env, v, &JAVA_REF_TAG, &tagged) != napi_ok || !tagged) return NULL;
  java_ref* ref = NULL;
  napi_unwrap(env, v, (void**)&ref);
  return ref;
}

static void finalize_ref(napi_env env, void* data, void* hint) {
  java_ref* ref = data;
  JNIEnv* jni = jni_env();
  if (jni) {
    (*jni)->CallVoidMethod(jni, ref->ctx->object_table, J.ObjectTable_detach, ref->obj, (jlong)(intptr_t)ref);
    if ((*jni)->ExceptionCheck(jni)) (*jni)->ExceptionClear(jni);
    (*jni)->DeleteGlobalRef(jni, ref->obj);
  }
  if (ref->weak) napi_delete_reference(env, ref->weak);
  free(ref);
}

/* Binds a fresh java_ref to a JS object created by a projected class's constructor. */
static bool bind(env_ctx* ctx, JNIEnv* jni, napi_value this_obj, java_ref* ref) {
  napi_env env = ctx->env;
  if (napi_wrap(env, this_obj, ref, finalize_ref, NULL, NULL) != napi_ok ||
      napi_type_tag_object(env, this_obj, &JAVA_REF_TAG) != napi_ok ||
      napi_create_reference(env, this_obj, 0, &ref->weak) != napi_ok) {
    return false;
  }
  (*jni)->CallVoidMethod(jni, ctx->object_table, J.ObjectTable_attach, ref->obj, (jlong)(intptr_t)ref);
  return !(*jni)->ExceptionCheck(jni);
}

/* Constructor path, `new Cls(...)`: obj is a new local ref, not yet known to the table. */
bool wrap_new_instance(env_ctx* ctx, JNIEnv* jni, napi_value this_obj, jobject obj, class_info* ci) {
  java_ref* ref = calloc(1, sizeof(java_ref));
  ref->obj = (*jni)->NewGlobalRef(jni, obj);
  ref->cls = ci;
  ref->ctx = ctx;
  return bind(ctx, jni, this_obj, ref);
}

/* Called by the constructor when invoked with the sentinel from wrap_object. */
void attach_pending(env_ctx* ctx, napi_value this_obj) {
  java_ref* ref = ctx->pending;
  ctx->pending = NULL;
  bind(ctx, jni_env(), this_obj, ref);
}

/* The JS object for a Java object: the existing wrapper if JS still holds one, else a new one
 * built by the run-time class's constructor (so prototype methods and instanceof work). */
napi_value wrap_object(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  napi_env env = ctx->env;
  jlong cookie = (*jni)->CallLongMethod(jni, ctx->object_table, J.ObjectTable_lookup, obj);
  if (cookie) {
    java_ref* existing = (java_ref*)(intptr_t)cookie;
    napi_value live = NULL;
    napi_get_reference_value(env, existing->weak, &live);
    if (live) return live;
    /* collected but not yet finalized: make a new wrapper; the old finalizer won't detach it */
  }
  napi_value original = proxy_to_js(ctx, jni, obj); /* a JS value that went to Java as a proxy */
  if (original) return original;
  jint index = (*jni)->CallStaticIntMethod(jni, J.Bridge, J.Bridge_classIndexOf, obj);
  if (java_failed(ctx, jni)) return NULL;
  class_info* ci = class_for(ctx, jni, NULL, index);
  if (!ci) return NULL;
  napi_value ctor, sentinel, result = NULL;
  java_ref* ref = calloc(1, sizeof(java_ref));
  ref->obj = (*jni)->NewGlobalRef(jni, obj);
  ref->cls = ci;
  ref->ctx = ctx;
  napi_get_reference_value(env, ci->ctor, &ctor);
  napi_get_reference_value(env, ctx->sentinel, &sentinel);
  ctx->pending = ref;
  if (napi_new_instance(env, ctor, 1, &sentinel, &result) != napi_ok) {
    ctx->pending = NULL;
    (*jni)->DeleteGlobalRef(jni, ref->obj);
    free(ref);
    return NULL;
  }
  return result;
}
