/* Module entry: the functions the JS half of the package (runtime/src/main/js) calls. */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

static env_ctx* get_ctx(napi_env env) {
  env_ctx* ctx = NULL;
  napi_get_instance_data(env, (void**)&ctx);
  return ctx;
}

static bool ready(napi_env env, env_ctx* ctx) {
  if (ctx->object_table) return true;
  throw_type_error(env, "node-api-java: the JVM is not started");
  return false;
}

static char* js_to_utf8(napi_env env, napi_value v) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok) return NULL;
  char* s = malloc(len + 1);
  napi_get_value_string_utf8(env, v, s, len + 1, &len);
  return s;
}

static jstring js_to_java_string(env_ctx* ctx, JNIEnv* jni, napi_value v) {
  type_info t = {TC_STRING, NULL, NULL};
  jvalue out;
  bool local;
  if (!to_java(ctx, jni, v, &t, &out, &local)) return NULL;
  return out.l;
}

/* start(libjvmPath, options[], { onClass, javaError }) */
static napi_value start(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  env_ctx* ctx = get_ctx(env);
  if (ctx->object_table) return NULL;
  char* libjvm = js_to_utf8(env, argv[0]);
  if (!libjvm) return throw_type_error(env, "start(libjvmPath, options, hooks): libjvmPath must be a string");
  uint32_t n = 0;
  napi_get_array_length(env, argv[1], &n);
  char** options = calloc(n + 1, sizeof(char*));
  for (uint32_t i = 0; i < n; i++) {
    napi_value o;
    napi_get_element(env, argv[1], i, &o);
    options[i] = js_to_utf8(env, o);
  }
  bool ok = jvm_start(env, libjvm, options, (int)n);
  for (uint32_t i = 0; i < n; i++) free(options[i]);
  free(options);
  free(libjvm);
  if (!ok) return NULL;
  napi_value hook;
  napi_get_named_property(env, argv[2], "onClass", &hook);
  napi_create_reference(env, hook, 1, &ctx->on_class);
  napi_get_named_property(env, argv[2], "javaError", &hook);
  napi_create_reference(env, hook, 1, &ctx->java_error);
  napi_get_named_property(env, argv[2], "stream", &hook);
  napi_create_reference(env, hook, 1, &ctx->stream_hook);
  JNIEnv* jni = jni_env();
  if (!env_attach_java(ctx, jni) && !java_failed(ctx, jni))
    return throw_type_error(env, "node-api-java: could not attach this Node environment to the JVM");
  return NULL;
}

/* Calls a static Bridge method taking the JS string argument; false with a JS exception pending on
 * failure, else *found (a local ref, may be null). The entry points below differ only after this. */
static bool call_bridge_with_name(napi_env env, napi_callback_info info, jmethodID method, env_ctx** ctx_out,
                                  JNIEnv** jni_out, jobject* found) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  env_ctx* ctx = get_ctx(env);
  if (!ready(env, ctx)) return false;
  JNIEnv* jni = jni_env();
  jstring name = js_to_java_string(ctx, jni, argv[0]);
  if (!name) return false;
  *found = (*jni)->CallStaticObjectMethod(jni, J.Bridge, method, name);
  (*jni)->DeleteLocalRef(jni, name);
  *ctx_out = ctx;
  *jni_out = jni;
  return !java_failed(ctx, jni);
}

/* resolveName(name): the class constructor, true for a package, undefined otherwise. */
static napi_value resolve_name(napi_env env, napi_callback_info info) {
  env_ctx* ctx;
  JNIEnv* jni;
  jobject found;
  napi_value result = NULL;
  if (!call_bridge_with_name(env, info, J.Bridge_resolveName, &ctx, &jni, &found)) return NULL;
  if (!found) {
    napi_get_undefined(env, &result);
  } else if ((*jni)->IsInstanceOf(jni, found, J.Class)) {
    class_info* ci = class_for(ctx, jni, found, -1);
    result = ci ? class_ctor_value(ctx, ci) : NULL;
  } else {
    napi_get_boolean(env, true, &result);
  }
  if (found) (*jni)->DeleteLocalRef(jni, found);
  return result;
}

/* importClass(name): the class constructor, or the Java ClassNotFoundException as a JS error. */
static napi_value import_class(napi_env env, napi_callback_info info) {
  env_ctx* ctx;
  JNIEnv* jni;
  jobject cls;
  if (!call_bridge_with_name(env, info, J.Bridge_importClass, &ctx, &jni, &cls)) return NULL;
  class_info* ci = class_for(ctx, jni, cls, -1);
  (*jni)->DeleteLocalRef(jni, cls);
  return ci ? class_ctor_value(ctx, ci) : NULL;
}

static napi_value load(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  env_ctx* ctx = get_ctx(env);
  if (!ready(env, ctx)) return NULL;
  JNIEnv* jni = jni_env();
  jstring path = js_to_java_string(ctx, jni, argv[0]);
  if (!path) return NULL;
  (*jni)->CallStaticVoidMethod(jni, J.Bridge, J.Bridge_load, path);
  (*jni)->DeleteLocalRef(jni, path);
  java_failed(ctx, jni);
  return NULL;
}

/* instanceOf(value, classIndex): Java instanceof, for Symbol.hasInstance on projected classes. */
static napi_value instance_of(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  env_ctx* ctx = get_ctx(env);
  java_ref* ref = unwrap_java(env, argv[0]);
  int32_t index = -1;
  napi_get_value_int32(env, argv[1], &index);
  bool is = false;
  if (ref && index >= 0 && index < ctx->class_cap && ctx->classes[index]) {
    JNIEnv* jni = jni_env();
    is = (*jni)->IsInstanceOf(jni, ref->obj, ctx->classes[index]->cls);
  }
  napi_get_boolean(env, is, &result);
  return result;
}

static napi_value is_java_object(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_valuetype type;
  napi_typeof(env, argv[0], &type);
  napi_get_boolean(env, type == napi_object && unwrap_java(env, argv[0]) != NULL, &result);
  return result;
}

static napi_value live_objects(napi_env env, napi_callback_info info) {
  env_ctx* ctx = get_ctx(env);
  napi_value result;
  if (!ready(env, ctx)) return NULL;
  JNIEnv* jni = jni_env();
  jint n = (*jni)->CallIntMethod(jni, ctx->object_table, J.ObjectTable_size);
  if (java_failed(ctx, jni)) return NULL;
  napi_create_int32(env, n, &result);
  return result;
}

static napi_value java_version(napi_env env, napi_callback_info info) {
  env_ctx* ctx = get_ctx(env);
  if (!ready(env, ctx)) return NULL;
  JNIEnv* jni = jni_env();
  jstring v = (*jni)->CallStaticObjectMethod(jni, J.Bridge, J.Bridge_javaVersion);
  if (java_failed(ctx, jni)) return NULL;
  napi_value result = jstring_to_js(env, jni, v);
  (*jni)->DeleteLocalRef(jni, v);
  return result;
}

static void free_ctx(napi_env env, void* data, void* hint) {
  env_ctx* ctx = data;
  if (ctx->object_table && jvm_started()) {
    JNIEnv* jni = jni_env();
    if (jni) {
      (*jni)->DeleteGlobalRef(jni, ctx->object_table);
      (*jni)->DeleteGlobalRef(jni, ctx->js_env);
    }
  }
  /* class_info records live as long as the environment; the process or worker is ending */
  free(ctx->classes);
  free(ctx);
  marshal_free_thread_buffers();
  jni_detach_if_worker();
}

static int sentinel_marker;

NAPI_MODULE_INIT() {
  env_ctx* ctx = calloc(1, sizeof(env_ctx));
  ctx->env = env;
  ctx->js_thread = pthread_self();
  napi_set_instance_data(env, ctx, free_ctx, NULL);
  napi_value sentinel;
  napi_create_external(env, &sentinel_marker, NULL, NULL, &sentinel);
  napi_create_reference(env, sentinel, 1, &ctx->sentinel);
  napi_value global, array_ctor, is_array;
  napi_get_global(env, &global);
  napi_get_named_property(env, global, "Array", &array_ctor);
  napi_get_named_property(env, array_ctor, "isArray", &is_array);
  napi_create_reference(env, is_array, 1, &ctx->array_is_array);
  napi_property_descriptor props[] = {
      {"start", NULL, start, NULL, NULL, NULL, napi_default, NULL},
      {"resolveName", NULL, resolve_name, NULL, NULL, NULL, napi_default, NULL},
      {"importClass", NULL, import_class, NULL, NULL, NULL, napi_default, NULL},
      {"load", NULL, load, NULL, NULL, NULL, napi_default, NULL},
      {"instanceOf", NULL, instance_of, NULL, NULL, NULL, napi_default, NULL},
      {"isJavaObject", NULL, is_java_object, NULL, NULL, NULL, napi_default, NULL},
      {"liveObjects", NULL, live_objects, NULL, NULL, NULL, napi_default, NULL},
      {"javaVersion", NULL, java_version, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}
