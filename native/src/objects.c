/*
 * JS wrappers of Java objects. Identity: the Java ObjectTable maps each wrapped object to its
 * java_ref (the "cookie"), whose weak napi_ref finds the live wrapper. Lifetime: the wrapper holds
 * a JNI global ref; its finalizer drops it and detaches the cookie, so both heaps can collect.
 */
#include <stdlib.h>

#include "bridge.h"

static const napi_type_tag JAVA_REF_TAG = {0x6e6f64652d617069ULL, 0x2d6a6176612d7265ULL};
/* A projected class's constructor: it stands for its java.lang.Class where Java expects one. */
static const napi_type_tag JAVA_CLASS_TAG = {0x6e6f64652d617069ULL, 0x2d6a6176612d636cULL};

bool tag_class_ctor(napi_env env, napi_value ctor, class_info* ci) {
  return NAPI_OK(env, napi_type_tag_object(env, ctor, &JAVA_CLASS_TAG)) &&
         NAPI_OK(env, napi_wrap(env, ctor, ci, NULL, NULL, NULL)); /* ci lives as long as the environment */
}

/* What v wraps when it carries tag (so the wrap is ours), else NULL. */
static void* unwrap_tagged(napi_env env, napi_value v, const napi_type_tag* tag) {
  bool tagged = false;
  if (napi_check_object_type_tag(env, v, tag, &tagged) != napi_ok || !tagged) return NULL;
  void* data = NULL;
  if (napi_unwrap(env, v, &data) != napi_ok) return NULL;
  return data;
}

class_info* unwrap_class(napi_env env, napi_value v) { return unwrap_tagged(env, v, &JAVA_CLASS_TAG); }

java_ref* unwrap_java(napi_env env, napi_value v) { return unwrap_tagged(env, v, &JAVA_REF_TAG); }

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
  if (!NAPI_OK(env, napi_type_tag_object(env, this_obj, &JAVA_REF_TAG)) ||
      !NAPI_OK(env, napi_create_reference(env, this_obj, 0, &ref->weak)))
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
