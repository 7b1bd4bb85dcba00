/* Module entry: the functions the JS half of the package (runtime/src/main/js) calls. */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

/* The calling environment with a running JVM, or NULL with a TypeError pending. */
static env_ctx* ready(napi_env env, JNIEnv** jni) {
  env_ctx* ctx = env_get(env);
  if (!ctx || !ctx->js_env) {
    throw_type_error(env, "node-api-java: the JVM is not started");
    return NULL;
  }
  if (ctx->closed) {
    throw_error_code(env, "ERR_NAPI_JAVA_ENV_CLOSED", "node-api-java: this Node.js environment is ending");
    return NULL;
  }
  if (!(*jni = jni_env())) {
    throw_error_code(env, "ERR_JVM_ATTACH", "node-api-java: this thread could not attach to the JVM");
    return NULL;
  }
  return ctx;
}

/* ready() for an entry point taking n arguments into argv (fewer: a TypeError with the usage). */
static env_ctx* ready_with_args(napi_env env, napi_callback_info info, JNIEnv** jni, napi_value* argv, size_t n,
                                const char* usage) {
  size_t argc = n;
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL))) return NULL;
  env_ctx* ctx = ready(env, jni);
  if (ctx && argc < n) {
    throw_type_error(env, "%s", usage);
    return NULL;
  }
  return ctx;
}

static char* js_to_utf8(napi_env env, napi_value v) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok) return NULL;
  char* s = malloc(len + 1);
  if (!s) return NULL;
  if (!NAPI_OK(env, napi_get_value_string_utf8(env, v, s, len + 1, &len))) {
    free(s);
    return NULL;
  }
  return s;
}

/* ready() for an entry point taking one string (fewer arguments: a TypeError with the usage): the
 * string as a Java string; NULL with a JS exception pending. */
static jstring string_arg(napi_env env, napi_callback_info info, const char* usage, env_ctx** ctx, JNIEnv** jni) {
  napi_value arg;
  if (!(*ctx = ready_with_args(env, info, jni, &arg, 1, usage))) return NULL;
  jstring s = js_to_jstring(env, *jni, arg);
  if (!s) java_failed(*ctx, *jni);
  return s;
}

static bool keep_hook(napi_env env, napi_value hooks, const char* name, napi_ref* out) {
  napi_value hook;
  return NAPI_OK(env, napi_get_named_property(env, hooks, name, &hook)) &&
         NAPI_OK(env, napi_create_reference(env, hook, 1, out));
}

/* start(libjvmPath, options[], { onClass, javaError, stream }) */
static napi_value start(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL))) return NULL;
  env_ctx* ctx = env_get(env);
  if (!ctx) return throw_type_error(env, "node-api-java: the module was not initialized in this environment");
  if (ctx->js_env) return NULL;
  if (argc < 3) return throw_type_error(env, "start(libjvmPath, options, hooks) takes three arguments");
  char* libjvm = js_to_utf8(env, argv[0]);
  if (!libjvm) return throw_type_error(env, "start(libjvmPath, options, hooks): libjvmPath must be a string");
  uint32_t n = 0;
  if (!NAPI_OK(env, napi_get_array_length(env, argv[1], &n))) {
    free(libjvm);
    return NULL;
  }
  char** options = calloc(n + 1, sizeof(char*));
  bool ok = options != NULL;
  for (uint32_t i = 0; i < n && ok; i++) {
    napi_value o;
    ok = NAPI_OK(env, napi_get_element(env, argv[1], i, &o)) && (options[i] = js_to_utf8(env, o)) != NULL;
    if (!ok && !js_pending(env)) throw_type_error(env, "start(): JVM option %u is not a string", i);
  }
  ok = ok && jvm_start(env, libjvm, options, (int)n);
  for (uint32_t i = 0; options && i < n; i++) free(options[i]);
  free(options);
  free(libjvm);
  if (!ok) return NULL;
  if (!keep_hook(env, argv[2], "onClass", &ctx->on_class) || !keep_hook(env, argv[2], "javaError", &ctx->java_error) ||
      !keep_hook(env, argv[2], "stream", &ctx->stream_hook))
    return NULL;
  JNIEnv* jni = jni_env();
  if (!jni) return throw_error_code(env, "ERR_JVM_ATTACH", "node-api-java: this thread could not attach to the JVM");
  if (!env_attach_java(ctx, jni) && !java_failed(ctx, jni) && !js_pending(env))
    return throw_type_error(env, "node-api-java: could not attach this Node environment to the JVM");
  return NULL;
}

/* Calls a static Bridge method taking the JS string argument; false with a JS exception pending on
 * failure, else *found (a local ref, may be null). The entry points below differ only after this. */
static bool call_bridge_with_name(napi_env env, napi_callback_info info, jmethodID method, env_ctx** ctx_out,
                                  JNIEnv** jni_out, jobject* found) {
  JNIEnv* jni;
  env_ctx* ctx;
  jstring name = string_arg(env, info, "a class or package name is required", &ctx, &jni);
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
    NAPI_OK(env, napi_get_undefined(env, &result));
  } else if ((*jni)->IsInstanceOf(jni, found, J.Class)) {
    class_info* ci = class_for(ctx, jni, found, -1);
    result = ci ? class_ctor_value(ctx, ci) : NULL;
  } else {
    NAPI_OK(env, napi_get_boolean(env, true, &result));
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
  JNIEnv* jni;
  env_ctx* ctx;
  jstring path = string_arg(env, info, "load(path) takes the path of a jar or class folder", &ctx, &jni);
  if (!path) return NULL;
  (*jni)->CallStaticVoidMethod(jni, J.Bridge, J.Bridge_load, path);
  (*jni)->DeleteLocalRef(jni, path);
  java_failed(ctx, jni);
  return NULL;
}

/* registerGlue(indexClassName): a generated glue index (an @JSExport module's) before its classes are
 * projected; the count of classes it covers. One call, without projecting GlueRegistry first. */
static napi_value register_glue(napi_env env, napi_callback_info info) {
  JNIEnv* jni;
  env_ctx* ctx;
  jstring name = string_arg(env, info, "registerGlue(name) takes the class name of a glue index", &ctx, &jni);
  if (!name) return NULL;
  jint count = (*jni)->CallStaticIntMethod(jni, J.Bridge, J.Bridge_registerGlue, name);
  (*jni)->DeleteLocalRef(jni, name);
  if (java_failed(ctx, jni)) return NULL;
  napi_value out;
  return NAPI_OK(env, napi_create_int32(env, count, &out)) ? out : NULL;
}

/* instanceOf(value, classIndex): Java instanceof, for Symbol.hasInstance on projected classes. */
static napi_value instance_of(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], result;
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL))) return NULL;
  env_ctx* ctx = env_get(env);
  java_ref* ref = argc == 2 ? unwrap_java(ctx, argv[0]) : NULL;
  int32_t index = -1;
  if (argc == 2 && napi_get_value_int32(env, argv[1], &index) != napi_ok) index = -1;
  bool is = false;
  JNIEnv* jni = ref && ctx ? jni_env() : NULL;
  if (jni && index >= 0 && index < ctx->class_cap && ctx->classes[index])
    is = (*jni)->IsInstanceOf(jni, ref->obj, ctx->classes[index]->cls);
  return NAPI_OK(env, napi_get_boolean(env, is, &result)) ? result : NULL;
}

static napi_value is_java_object(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  napi_valuetype type = napi_undefined;
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL))) return NULL;
  if (argc == 1 && !NAPI_OK(env, napi_typeof(env, argv[0], &type))) return NULL;
  bool is = type == napi_object && unwrap_java(env_get(env), argv[0]) != NULL;
  return NAPI_OK(env, napi_get_boolean(env, is, &result)) ? result : NULL;
}

static napi_value live_objects(napi_env env, napi_callback_info info) {
  JNIEnv* jni;
  env_ctx* ctx = ready(env, &jni);
  napi_value result;
  if (!ctx) return NULL;
  return NAPI_OK(env, napi_create_double(env, (double)live_wrappers(ctx), &result)) ? result : NULL;
}

static napi_value java_version(napi_env env, napi_callback_info info) {
  JNIEnv* jni;
  env_ctx* ctx = ready(env, &jni);
  if (!ctx) return NULL;
  jstring v = (*jni)->CallStaticObjectMethod(jni, J.Bridge, J.Bridge_javaVersion);
  if (java_failed(ctx, jni)) return NULL;
  napi_value result = jstring_to_js(env, jni, v);
  (*jni)->DeleteLocalRef(jni, v);
  return result;
}

/* classObject(ctor): the java.lang.Class a projected constructor stands for (Cls.class). */
static napi_value class_object(napi_env env, napi_callback_info info) {
  napi_value arg;
  JNIEnv* jni;
  env_ctx* ctx = ready_with_args(env, info, &jni, &arg, 1, "classObject(ctor) takes a projected Java class");
  if (!ctx) return NULL;
  class_info* ci = unwrap_class(ctx, arg);
  if (!ci) return throw_type_error(env, "classObject(ctor) takes a projected Java class");
  return wrap_object(ctx, jni, ci->cls);
}

/* box(kind, value): a Java box (Long for 'long'...) as a Java object in JS, for overloads and
 * collections that must see that box (jvm.long(5)); a value that does not fit is a RangeError. */
static napi_value box(napi_env env, napi_callback_info info) {
  static const char* kinds[8] = {"boolean", "byte", "char", "short", "int", "long", "float", "double"};
  static const char* usage = "box(kind, value) takes a primitive type name and a value";
  napi_value argv[2];
  JNIEnv* jni;
  env_ctx* ctx = ready_with_args(env, info, &jni, argv, 2, usage);
  if (!ctx) return NULL;
  char kind[16] = "";
  size_t len = 0;
  if (napi_get_value_string_utf8(env, argv[0], kind, sizeof kind, &len) != napi_ok) return throw_type_error(env, "%s", usage);
  for (int i = 0; i < 8; i++) {
    if (strcmp(kind, kinds[i]) != 0) continue;
    type_info t = {TC_BOX_BOOLEAN + i, J.box[i], NULL};
    jvalue v;
    bool local;
    if (!to_java(ctx, jni, argv[1], &t, &v, &local)) return java_failed(ctx, jni), NULL;
    if (!v.l) return throw_type_error(env, "jvm.%s(value) takes a value, not null", kind);
    napi_value result = wrap_object(ctx, jni, v.l); /* the box itself, not its JS value */
    if (local) (*jni)->DeleteLocalRef(jni, v.l);
    return result;
  }
  return throw_type_error(env, "'%s' is not a Java primitive type (boolean, byte, char, short, int, long, float, double)", kind);
}

/* newArray(elementType, values): a Java array (as a Java object in JS) of that element type, a
 * primitive name, a class name or a projected class; values: a JS array or typed array. */
static napi_value new_array(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  JNIEnv* jni;
  env_ctx* ctx = ready_with_args(env, info, &jni, argv, 2, "newArray(type, values) takes an element type and the elements");
  if (!ctx) return NULL;
  type_info any = {TC_OBJECT, J.Object, NULL}, array;
  jvalue spec, out;
  bool spec_local, local;
  if (!to_java(ctx, jni, argv[0], &any, &spec, &spec_local)) return java_failed(ctx, jni), NULL;
  jobject ref = (*jni)->CallStaticObjectMethod(jni, J.Bridge, J.Bridge_arrayType, spec.l);
  if (spec_local && spec.l) (*jni)->DeleteLocalRef(jni, spec.l);
  if (java_failed(ctx, jni)) return NULL;
  bool ok = read_type_info(jni, ref, &array);
  (*jni)->DeleteLocalRef(jni, ref);
  if (!ok) return java_failed(ctx, jni), NULL;
  napi_value result = NULL;
  if (to_java(ctx, jni, argv[1], &array, &out, &local)) {
    result = out.l ? wrap_object(ctx, jni, out.l) : throw_type_error(env, "newArray(type, values): values is null");
    if (local && out.l) (*jni)->DeleteLocalRef(jni, out.l);
  } else {
    java_failed(ctx, jni);
  }
  type_info_release(jni, &array);
  return result;
}

/* The one integer argument of a call: false when it is missing or no number (or a Node-API call
 * failed, with its exception pending). */
static bool integer_argument(napi_env env, napi_callback_info info, int64_t* out) {
  size_t argc = 1;
  napi_value arg;
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, &arg, NULL, NULL))) return false;
  return argc == 1 && napi_get_value_int64(env, arg, out) == napi_ok;
}

/* bigintLongs(+1 | -1): inside jvm.bigint(fn), every Java long result is a bigint. */
static napi_value bigint_longs(napi_env env, napi_callback_info info) {
  int64_t delta = 0;
  env_ctx* ctx = env_get(env);
  if (ctx && integer_argument(env, info, &delta) && (delta == 1 || delta == -1)) ctx->bigint_longs += (int)delta;
  return NULL;
}

/* byReference(mask): results of the type codes whose bits are set arrive as Java objects (wrapped),
 * not converted; which codes is JS's decision (lib/node-java.js). A mask below 2^53 (TC_COUNT < 53). */
static napi_value by_reference(napi_env env, napi_callback_info info) {
  int64_t mask = -1;
  env_ctx* ctx = env_get(env);
  if (!integer_argument(env, info, &mask) || mask < 0 || mask >= ((int64_t)1 << TC_COUNT)) {
    return js_pending(env) ? NULL
                           : throw_type_error(env, "byReference(mask) takes a bit mask of type codes (0 to 2^%d-1)", TC_COUNT);
  }
  if (ctx) ctx->by_reference = (uint64_t)mask;
  return NULL;
}

/* exiting(shutdownTimeoutMs): the environment's process.on('exit'). Java learns first that this
 * environment ends (its threads stop reaching JS); on the process's main thread, when this process
 * created the JVM, the JVM's shutdown hooks then run, for at most shutdownTimeoutMs (0: not). */
static napi_value exiting(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL))) return NULL;
  env_ctx* ctx = env_get(env);
  if (!ctx) return NULL;
  int64_t timeout = 0;
  if (argc == 1 && napi_get_value_int64(env, argv[0], &timeout) != napi_ok) timeout = 0;
  env_close(ctx);
  JNIEnv* jni = ctx->js_env && jvm_created_here() ? jni_env() : NULL;
  if (jni && ctx->is_main && timeout > 0) jvm_run_shutdown_hooks(jni, (jlong)timeout);
  return NULL;
}

NAPI_MODULE_INIT() {
  env_ctx* ctx = env_create(env);
  if (!ctx) return NULL;
  napi_property_descriptor props[] = {
      {"start", NULL, start, NULL, NULL, NULL, napi_default, NULL},
      {"resolveName", NULL, resolve_name, NULL, NULL, NULL, napi_default, NULL},
      {"importClass", NULL, import_class, NULL, NULL, NULL, napi_default, NULL},
      {"load", NULL, load, NULL, NULL, NULL, napi_default, NULL},
      {"registerGlue", NULL, register_glue, NULL, NULL, NULL, napi_default, NULL},
      {"instanceOf", NULL, instance_of, NULL, NULL, NULL, napi_default, NULL},
      {"isJavaObject", NULL, is_java_object, NULL, NULL, NULL, napi_default, NULL},
      {"liveObjects", NULL, live_objects, NULL, NULL, NULL, napi_default, NULL},
      {"javaVersion", NULL, java_version, NULL, NULL, NULL, napi_default, NULL},
      {"exiting", NULL, exiting, NULL, NULL, NULL, napi_default, NULL},
      {"classObject", NULL, class_object, NULL, NULL, NULL, napi_default, NULL},
      {"box", NULL, box, NULL, NULL, NULL, napi_default, NULL},
      {"newArray", NULL, new_array, NULL, NULL, NULL, napi_default, NULL},
      {"bigintLongs", NULL, bigint_longs, NULL, NULL, NULL, napi_default, NULL},
      {"byReference", NULL, by_reference, NULL, NULL, NULL, napi_default, NULL},
  };
  if (!NAPI_OK(env, napi_define_properties(env, exports, sizeof props / sizeof props[0], props))) return NULL;
  return exports;
}
