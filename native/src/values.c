/*
 * The value kinds beyond primitives, strings and arrays (README "Marshaling"): big integers,
 * dates, JS collections and plain objects where Java expects collections, maps or records, and how
 * a JS object is told apart (arg_tag). The rules of each conversion live in Java (Values,
 * JsCollections); this file moves the data across with one JNI call per value.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

#define ELEMENTS_LOOKED_AT 16 /* how much of a JS array its overload tag is decided by */

/* ---------- telling JS values apart ---------- */

static bool is_instance(env_ctx* ctx, napi_value v, int builtin, bool* is) {
  napi_value ctor;
  *is = false;
  return NAPI_OK(ctx->env, napi_get_reference_value(ctx->env, ctx->builtin[builtin], &ctor)) &&
         NAPI_OK(ctx->env, napi_instanceof(ctx->env, v, ctor, is));
}

int object_tag(env_ctx* ctx, napi_value v) {
  napi_env env = ctx->env;
  bool is = false;
  if (!NAPI_OK(env, napi_is_date(env, v, &is))) return AT_COUNT;
  if (is) return AT_DATE;
  if (!NAPI_OK(env, napi_is_arraybuffer(env, v, &is))) return AT_COUNT;
  if (is) return AT_ARRAY_BUFFER;
  if (!NAPI_OK(env, napi_is_error(env, v, &is))) return AT_COUNT;
  if (is) return AT_BUILTIN;
  if (!NAPI_OK(env, napi_is_dataview(env, v, &is))) return AT_COUNT;
  if (is) return AT_BUILTIN;
  napi_value proto, object_proto;
  napi_valuetype proto_type;
  if (!NAPI_OK(env, napi_get_prototype(env, v, &proto)) || !NAPI_OK(env, napi_typeof(env, proto, &proto_type)) ||
      !NAPI_OK(env, napi_get_reference_value(env, ctx->object_prototype, &object_proto)))
    return AT_COUNT;
  if (proto_type == napi_null) { /* Object.create(null), or a Proxy (V8 reports no prototype for it) */
    int array = is_array_like(env, ctx, v);
    return array < 0 ? AT_COUNT : array ? AT_ARRAY
                                        : AT_PLAIN_OBJECT;
  }
  if (!NAPI_OK(env, napi_strict_equals(env, proto, object_proto, &is))) return AT_COUNT;
  if (is) return AT_PLAIN_OBJECT;
  static const int kinds[JS_BUILTIN_COUNT] = {AT_MAP, AT_SET, AT_BUILTIN, AT_BUILTIN, AT_BUILTIN};
  for (int i = 0; i < JS_BUILTIN_COUNT; i++) {
    if (!is_instance(ctx, v, i, &is)) return AT_COUNT;
    if (is) return kinds[i];
  }
  return AT_OTHER_OBJECT;
}

int array_elements_tag(env_ctx* ctx, napi_value array) {
  napi_env env = ctx->env;
  uint32_t n = 0;
  if (napi_get_array_length(env, array, &n) != napi_ok || n == 0) return AT_ARRAY; /* a Proxy, or empty */
  if (n > ELEMENTS_LOOKED_AT) n = ELEMENTS_LOOKED_AT;
  napi_handle_scope scope;
  if (!NAPI_OK(env, napi_open_handle_scope(env, &scope))) return AT_COUNT;
  int kind = -1; /* 0 ints, 1 numbers, 2 strings, 3 booleans, 4 one-character strings */
  int tag = AT_ARRAY;
  for (uint32_t i = 0; i < n; i++) {
    napi_value e;
    napi_valuetype type;
    if (!NAPI_OK(env, napi_get_element(env, array, i, &e)) || !NAPI_OK(env, napi_typeof(env, e, &type))) {
      tag = AT_COUNT;
      break;
    }
    int k = type == napi_string ? 4 : type == napi_boolean ? 3
                                  : type == napi_number    ? 0
                                                           : -2;
    size_t len = 0;
    if (k == 4 && (napi_get_value_string_utf16(env, e, NULL, 0, &len) != napi_ok || len != 1)) k = 2;
    if (k == 0) {
      double d = 0;
      if (napi_get_value_double(env, e, &d) != napi_ok || d != floor(d) || d < -2147483648.0 || d > 2147483647.0) k = 1;
    }
    if (k == -2) {
      kind = -2;
      break;
    }
    if (kind < 0) kind = k;
    else if (kind != k) /* ints and numbers mix as numbers; one-character and longer strings as strings */
      kind = kind <= 1 && k <= 1 ? 1 : (kind == 2 || kind == 4) && (k == 2 || k == 4) ? 2
                                                                                      : -2;
    if (kind == -2) break;
  }
  napi_close_handle_scope(env, scope);
  if (tag == AT_COUNT) return AT_COUNT;
  static const int tags[] = {AT_ARRAY_OF_INTS, AT_ARRAY_OF_NUMBERS, AT_ARRAY_OF_STRINGS, AT_ARRAY_OF_BOOLEANS,
                             AT_ARRAY_OF_CHARS};
  return kind >= 0 ? tags[kind] : AT_ARRAY;
}

/* ---------- big integers ---------- */

bool bigint_to_biginteger(env_ctx* ctx, JNIEnv* jni, napi_value v, jobject* out) {
  napi_env env = ctx->env;
  size_t count = 0;
  int sign = 0;
  if (!NAPI_OK(env, napi_get_value_bigint_words(env, v, NULL, &count, NULL))) return false;
  if (count == 0) count = 1;
  uint64_t stack[4];
  uint64_t* words = count <= 4 ? stack : malloc(count * sizeof(uint64_t));
  if (!words) {
    throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for a bigint");
    return false;
  }
  words[0] = 0;
  bool ok = NAPI_OK(env, napi_get_value_bigint_words(env, v, &sign, &count, words));
  jlongArray array = ok ? (*jni)->NewLongArray(jni, (jsize)(count ? count : 1)) : NULL;
  if (array) {
    (*jni)->SetLongArrayRegion(jni, array, 0, (jsize)(count ? count : 1), (const jlong*)words);
    *out = (*jni)->CallStaticObjectMethod(jni, J.Values, J.Values_bigInteger, (jboolean)sign, array);
    (*jni)->DeleteLocalRef(jni, array);
  }
  if (words != stack) free(words);
  return ok && array && *out;
}

napi_value biginteger_to_js(env_ctx* ctx, JNIEnv* jni, jobject big) {
  napi_env env = ctx->env;
  jlongArray words = (*jni)->CallStaticObjectMethod(jni, J.Values, J.Values_words, big);
  if (java_failed(ctx, jni) || !words) return NULL;
  jsize n = (*jni)->GetArrayLength(jni, words);
  jlong* data = (*jni)->GetLongArrayElements(jni, words, NULL);
  napi_value result = NULL;
  if (data) {
    if (napi_create_bigint_words(env, (int)data[0], (size_t)(n - 1), (const uint64_t*)data + 1, &result) != napi_ok &&
        !js_pending(env))
      throw_range_error(env, "a java.math.BigInteger of %d words is larger than a JS bigint can be", (int)(n - 1));
    (*jni)->ReleaseLongArrayElements(jni, words, data, JNI_ABORT);
  } else {
    java_failed(ctx, jni);
  }
  (*jni)->DeleteLocalRef(jni, words);
  return result;
}

/* A JS bigint where Java takes any object: a Long when it fits, else a BigInteger. */
bool bigint_to_object(env_ctx* ctx, JNIEnv* jni, napi_value v, jobject* out) {
  int64_t value;
  bool lossless = false;
  if (!NAPI_OK(ctx->env, napi_get_value_bigint_int64(ctx->env, v, &value, &lossless))) return false;
  if (!lossless) return bigint_to_biginteger(ctx, jni, v, out);
  jvalue j = {.j = value};
  return (*out = box_primitive(jni, TC_LONG, j)) != NULL;
}

/* ---------- dates ---------- */

bool js_date_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass target, jobject* out) {
  double millis = 0;
  if (!NAPI_OK(ctx->env, napi_get_date_value(ctx->env, v, &millis))) return false;
  *out = (*jni)->CallStaticObjectMethod(jni, J.Values, J.Values_date, millis, target ? target : J.Object);
  return *out && !(*jni)->ExceptionCheck(jni);
}

napi_value java_date_to_js(env_ctx* ctx, JNIEnv* jni, jobject date) {
  double millis = (*jni)->CallStaticDoubleMethod(jni, J.Values, J.Values_millis, date);
  if (java_failed(ctx, jni)) return NULL;
  napi_value result;
  return NAPI_OK(ctx->env, napi_create_date(ctx->env, millis, &result)) ? result : NULL;
}

/* ---------- JS collections and plain objects as Java ones ---------- */

static bool collections_ready(JNIEnv* jni) {
  if (J.JsCollections) return true;
  jclass c = (*jni)->FindClass(jni, "dev/napijava/bridge/JsCollections");
  if (!c) return false;
  J.JsCollections_listView = (*jni)->GetStaticMethodID(jni, c, "listView",
                                                       "(Ldev/napijava/bridge/JsEnv;Ljava/lang/Object;)Ljava/util/List;");
  J.JsCollections_listOf = J.JsCollections_listView ? (*jni)->GetStaticMethodID(jni, c, "listOf", "([Ljava/lang/Object;)Ljava/util/List;") : NULL;
  J.JsCollections_setOf = J.JsCollections_listOf ? (*jni)->GetStaticMethodID(jni, c, "setOf", "([Ljava/lang/Object;)Ljava/util/Set;") : NULL;
  J.JsCollections_mapOf = J.JsCollections_setOf ? (*jni)->GetStaticMethodID(jni, c, "mapOf", "([Ljava/lang/Object;)Ljava/util/Map;") : NULL;
  jclass global = J.JsCollections_mapOf ? (*jni)->NewGlobalRef(jni, c) : NULL;
  (*jni)->DeleteLocalRef(jni, c);
  J.JsCollections = global;
  return global != NULL;
}

/* The flat form of a JS Map ([k0, v0, ...]), Set or array (its elements) or plain object (its own
 * enumerable string keys and values), as a JS array; NULL with a JS exception pending. */
static napi_value flat_contents(env_ctx* ctx, napi_value v, int tag) {
  napi_env env = ctx->env;
  napi_value result, from, global;
  if (tag == AT_PLAIN_OBJECT) {
    napi_value keys;
    uint32_t n = 0;
    if (!NAPI_OK(env, napi_get_all_property_names(env, v, napi_key_own_only, napi_key_enumerable | napi_key_skip_symbols,
                                                  napi_key_numbers_to_strings, &keys)) ||
        !NAPI_OK(env, napi_get_array_length(env, keys, &n)) ||
        !NAPI_OK(env, napi_create_array_with_length(env, (size_t)n * 2, &result)))
      return NULL;
    for (uint32_t i = 0; i < n; i++) {
      napi_value key, value;
      if (!NAPI_OK(env, napi_get_element(env, keys, i, &key)) || !NAPI_OK(env, napi_get_property(env, v, key, &value)) ||
          !NAPI_OK(env, napi_set_element(env, result, 2 * i, key)) ||
          !NAPI_OK(env, napi_set_element(env, result, 2 * i + 1, value)))
        return NULL;
    }
    return result;
  }
  if (!NAPI_OK(env, napi_get_reference_value(env, ctx->array_from, &from)) || !NAPI_OK(env, napi_get_global(env, &global)) ||
      !NAPI_OK(env, napi_call_function(env, global, from, 1, &v, &result)))
    return NULL;
  if (tag != AT_MAP) return result;
  uint32_t n = 0; /* [[k, v], ...] -> [k, v, ...] */
  napi_value flat;
  if (!NAPI_OK(env, napi_get_array_length(env, result, &n)) ||
      !NAPI_OK(env, napi_create_array_with_length(env, (size_t)n * 2, &flat)))
    return NULL;
  for (uint32_t i = 0; i < n; i++) {
    napi_value pair, key, value;
    if (!NAPI_OK(env, napi_get_element(env, result, i, &pair)) || !NAPI_OK(env, napi_get_element(env, pair, 0, &key)) ||
        !NAPI_OK(env, napi_get_element(env, pair, 1, &value)) || !NAPI_OK(env, napi_set_element(env, flat, 2 * i, key)) ||
        !NAPI_OK(env, napi_set_element(env, flat, 2 * i + 1, value)))
      return NULL;
  }
  return flat;
}

/* The flat contents as a Java Object[] (each element converted as for Object). */
static jobjectArray flat_as_objects(env_ctx* ctx, JNIEnv* jni, napi_value v, int tag) {
  napi_value flat = flat_contents(ctx, v, tag);
  if (!flat) return NULL;
  type_info objects = {TC_OBJECT, J.Object, NULL};
  type_info array = {TC_ARRAY_OBJECT, J.ObjectArray, &objects};
  jvalue out;
  bool local;
  return to_java(ctx, jni, flat, &array, &out, &local) ? out.l : NULL;
}

bool js_collection_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, int tag, int code, jobject* out) {
  if (!collections_ready(jni)) return false;
  if (code == TC_LIST && (tag == AT_ARRAY || (tag >= AT_ARRAY_OF_INTS && tag <= AT_ARRAY_OF_BOOLEANS) ||
                          tag == AT_ARRAY_OF_CHARS)) {
    jobject array = js_to_jobject(ctx, jni, v); /* a JSArray handle: the view keeps it */
    if (!array) return false;
    *out = (*jni)->CallStaticObjectMethod(jni, J.JsCollections, J.JsCollections_listView, ctx->js_env, array);
    (*jni)->DeleteLocalRef(jni, array);
    return *out && !(*jni)->ExceptionCheck(jni);
  }
  jobjectArray flat = flat_as_objects(ctx, jni, v, tag);
  if (!flat) return false;
  jmethodID make = code == TC_MAP ? J.JsCollections_mapOf : code == TC_SET ? J.JsCollections_setOf
                                                                           : J.JsCollections_listOf;
  *out = (*jni)->CallStaticObjectMethod(jni, J.JsCollections, make, flat);
  (*jni)->DeleteLocalRef(jni, flat);
  return *out && !(*jni)->ExceptionCheck(jni);
}

bool js_record_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass record, jobject* out) {
  jobjectArray flat = flat_as_objects(ctx, jni, v, AT_PLAIN_OBJECT);
  if (!flat) return false;
  *out = (*jni)->CallStaticObjectMethod(jni, J.Values, J.Values_record, record, flat);
  (*jni)->DeleteLocalRef(jni, flat);
  return *out && !(*jni)->ExceptionCheck(jni);
}

/* A number, string or bigint as a BigInteger / BigDecimal (Values decides what is exact). */
bool number_like_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, int code, jobject* out) {
  type_info any = {TC_OBJECT, J.Object, NULL};
  jvalue value;
  bool local;
  if (!to_java(ctx, jni, v, &any, &value, &local)) return false;
  if (!value.l) {
    *out = NULL;
    return true;
  }
  *out = (*jni)->CallStaticObjectMethod(jni, J.Values, code == TC_BIG_INTEGER ? J.Values_toBigInteger : J.Values_toBigDecimal,
                                        value.l);
  if (local) (*jni)->DeleteLocalRef(jni, value.l);
  return *out && !(*jni)->ExceptionCheck(jni);
}
