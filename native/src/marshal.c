/*
 * The conversion mechanism, one function per direction, switched on the type code that Java's
 * TypeCode table assigned. Used for arguments, returns, fields and array elements alike.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

#define MAX_SAFE 9007199254740991.0
#define STACK_CHARS 512

/* ---------- strings ---------- */

/* Strings of at least this many UTF-16 units go through the compact-string paths below; shorter
 * ones are cheaper with JNI's own string functions (no constructor call). */
#define COMPACT_PATH_MIN 64
/* Per-thread scratch buffer for long strings, kept between calls up to this size. */
#define SCRATCH_KEEP (256 * 1024)

static _Thread_local void* scratch;
static _Thread_local size_t scratch_size;

/* A buffer of at least n bytes: the stack buffer, the kept scratch, or (release_buffer frees it) a
 * fresh one for outsized strings. NULL when out of memory. */
static void* string_buffer(void* stack, size_t stack_size, size_t n) {
  if (n <= stack_size) return stack;
  if (n <= scratch_size) return scratch;
  if (n > SCRATCH_KEEP) return malloc(n);
  void* grown = realloc(scratch, n);
  if (!grown) return NULL;
  scratch = grown;
  scratch_size = n;
  return scratch;
}

static void release_buffer(void* buf, void* stack) {
  if (buf != stack && buf != scratch) free(buf);
}

void marshal_free_thread_buffers(void) {
  free(scratch);
  scratch = NULL;
  scratch_size = 0;
}

static void* no_string_memory(napi_env env, size_t bytes) {
  char msg[96];
  snprintf(msg, sizeof msg, "node-api-java: out of memory for a string of %zu bytes", bytes);
  napi_throw_error(env, "ERR_OUT_OF_MEMORY", msg);
  return NULL;
}

/* Narrows UTF-16 units to Latin-1 bytes; true when every unit fit (else dst is garbage). Block by
 * block, so text that is not Latin-1 is given up on early; restrict lets each block vectorize. */
static bool narrow_latin1(char* restrict dst, const char16_t* restrict src, size_t n) {
  for (size_t start = 0; start < n; start += 512) {
    size_t end = n - start > 512 ? start + 512 : n;
    char16_t all = 0;
    for (size_t i = start; i < end; i++) {
      all |= src[i];
      dst[i] = (char)src[i];
    }
    if (all >= 0x100) return false;
  }
  return true;
}

/* A new Java String owning `array` as its value (no copy); coder 0 = Latin-1, 1 = UTF-16. */
static jstring string_from_value(JNIEnv* jni, jbyteArray array, jbyte coder) {
  jstring s = (*jni)->NewObject(jni, J.String, J.String_init_coder, array, coder);
  (*jni)->DeleteLocalRef(jni, array);
  return s;
}

/*
 * JS -> Java string, exact in UTF-16 (lone surrogates included). V8 writes UTF-16 into a buffer;
 * long strings then become a compact Java String directly: narrowed into its Latin-1 byte[] when
 * every unit fits, else the UTF-16 bytes as they are. One Java array, no re-scan by HotSpot.
 */
static jstring js_to_jstring(napi_env env, JNIEnv* jni, napi_value v) {
  size_t len = 0;
  if (napi_get_value_string_utf16(env, v, NULL, 0, &len) != napi_ok) return NULL;
  char16_t stack[STACK_CHARS];
  char16_t* buf = string_buffer(stack, sizeof stack, (len + 1) * sizeof(char16_t));
  if (!buf) return no_string_memory(env, (len + 1) * sizeof(char16_t));
  napi_get_value_string_utf16(env, v, buf, len + 1, &len);
  jstring s = NULL;
  if (len < COMPACT_PATH_MIN || !J.String_init_coder) {
    s = (*jni)->NewString(jni, (const jchar*)buf, (jsize)len);
  } else {
    /* Latin-1 first (most text), narrowed straight into the String's array; UTF-16 when it does
     * not fit. */
    jbyteArray array = (*jni)->NewByteArray(jni, (jsize)len);
    char* bytes = array ? (*jni)->GetPrimitiveArrayCritical(jni, array, NULL) : NULL;
    if (bytes) {
      bool latin1 = narrow_latin1(bytes, buf, len); /* pure C inside the critical region */
      (*jni)->ReleasePrimitiveArrayCritical(jni, array, bytes, 0);
      if (latin1) {
        s = string_from_value(jni, array, 0);
      } else {
        (*jni)->DeleteLocalRef(jni, array);
        array = (*jni)->NewByteArray(jni, (jsize)(len * 2));
        if (array) (*jni)->SetByteArrayRegion(jni, array, 0, (jsize)(len * 2), (const jbyte*)buf);
        s = array ? string_from_value(jni, array, 1) : NULL;
      }
    } else if (array) {
      (*jni)->DeleteLocalRef(jni, array);
    }
  }
  release_buffer(buf, stack);
  return s;
}

/* Java -> JS string. Long compact strings hand V8 their Latin-1 bytes or UTF-16 units as stored,
 * so nothing is inflated on the way out and V8 does not narrow it back. */
napi_value jstring_to_js(napi_env env, JNIEnv* jni, jstring s) {
  napi_value result = NULL;
  if (!s) {
    napi_get_null(env, &result);
    return result;
  }
  jsize len = (*jni)->GetStringLength(jni, s);
  jchar stack[STACK_CHARS];
  if (len < COMPACT_PATH_MIN || !J.String_value) {
    void* buf = string_buffer(stack, sizeof stack, (size_t)len * sizeof(jchar));
    if (!buf) return no_string_memory(env, (size_t)len * sizeof(jchar));
    (*jni)->GetStringRegion(jni, s, 0, len, buf);
    napi_create_string_utf16(env, buf, (size_t)len, &result);
    release_buffer(buf, stack);
    return result;
  }
  jbyteArray value = (*jni)->GetObjectField(jni, s, J.String_value);
  bool latin1 = (*jni)->GetByteField(jni, s, J.String_coder) == 0;
  size_t size = (size_t)len << (latin1 ? 0 : 1);
  void* buf = string_buffer(stack, sizeof stack, size);
  if (buf) {
    (*jni)->GetByteArrayRegion(jni, value, 0, (jsize)size, buf);
    if (latin1) napi_create_string_latin1(env, buf, size, &result);
    else napi_create_string_utf16(env, buf, (size_t)len, &result);
    release_buffer(buf, stack);
  } else {
    no_string_memory(env, size);
  }
  (*jni)->DeleteLocalRef(jni, value);
  return result;
}

char* jstring_to_utf8(JNIEnv* jni, jstring s) {
  const char* chars = (*jni)->GetStringUTFChars(jni, s, NULL);
  if (!chars) return NULL;
  char* copy = strdup(chars);
  (*jni)->ReleaseStringUTFChars(jni, s, chars);
  return copy;
}

/* ---------- argument tags (overload shapes) ---------- */

static int number_tag(double d) {
  if (!(d == floor(d)) || fabs(d) > MAX_SAFE) return AT_DOUBLE; /* also NaN, Infinity */
  if (d >= -128 && d <= 127) return AT_INT8;
  if (d >= -32768 && d <= 32767) return AT_INT16;
  if (d >= -2147483648.0 && d <= 2147483647.0) return AT_INT32;
  return AT_SAFE_INTEGER;
}

static int typed_array_tag(napi_typedarray_type type) {
  switch (type) {
    case napi_int8_array: case napi_uint8_array: case napi_uint8_clamped_array: return AT_INT8_ARRAY;
    case napi_int16_array: return AT_INT16_ARRAY;
    case napi_uint16_array: return AT_UINT16_ARRAY;
    case napi_int32_array: case napi_uint32_array: return AT_INT32_ARRAY;
    case napi_float32_array: return AT_FLOAT32_ARRAY;
    case napi_float64_array: return AT_FLOAT64_ARRAY;
    case napi_bigint64_array: case napi_biguint64_array: return AT_BIGINT64_ARRAY;
    default: return AT_OTHER_OBJECT;
  }
}

/* Array.isArray semantics (Proxies of arrays count); only reached for uncommon objects. */
static bool is_array_like(napi_env env, env_ctx* ctx, napi_value v) {
  napi_value fn, global, result;
  bool is = false;
  if (napi_get_reference_value(env, ctx->array_is_array, &fn) != napi_ok || !fn) return false;
  napi_get_global(env, &global);
  if (napi_call_function(env, global, fn, 1, &v, &result) == napi_ok) napi_get_value_bool(env, result, &is);
  return is;
}

int arg_tag(env_ctx* ctx, napi_value v, class_info** cls_out, double* num) {
  napi_env env = ctx->env;
  napi_valuetype type;
  *cls_out = NULL;
  if (napi_get_value_double(env, v, num) == napi_ok) return number_tag(*num); /* numbers first: the hot case */
  napi_typeof(env, v, &type);
  switch (type) {
    case napi_undefined: case napi_null: return AT_NULL;
    case napi_boolean: return AT_BOOLEAN;
    case napi_string: {
      size_t len;
      napi_get_value_string_utf16(env, v, NULL, 0, &len);
      return len == 1 ? AT_CHAR_STRING : AT_STRING;
    }
    case napi_bigint: return AT_BIGINT;
    case napi_symbol: return AT_SYMBOL;
    case napi_function: return AT_FUNCTION;
    default: break;
  }
  java_ref* ref = unwrap_java(env, v);
  if (ref) {
    *cls_out = ref->cls;
    return AT_JAVA_OBJECT;
  }
  bool is;
  if (napi_is_array(env, v, &is) == napi_ok && is) return AT_ARRAY;
  if (napi_is_typedarray(env, v, &is) == napi_ok && is) {
    napi_typedarray_type ta;
    napi_get_typedarray_info(env, v, &ta, NULL, NULL, NULL, NULL);
    return typed_array_tag(ta);
  }
  if (napi_is_promise(env, v, &is) == napi_ok && is) return AT_PROMISE;
  return is_array_like(env, ctx, v) ? AT_ARRAY : AT_OTHER_OBJECT;
}

/* ---------- JS -> Java ---------- */

static const char* code_name(int code) {
  static const char* names[TC_COUNT] = {
      "void",      "boolean",   "byte",      "char",      "short",     "int",       "long",
      "float",     "double",    "String",    "Object",    "Boolean",   "Byte",      "Character",
      "Short",     "Integer",   "Long",      "Float",     "Double",    "boolean[]", "byte[]",
      "char[]",    "short[]",   "int[]",     "long[]",    "float[]",   "double[]",  "Object[]",
      "Future",    "InputStream", "OutputStream"};
  return code >= 0 && code < TC_COUNT ? names[code] : "?";
}

static bool get_number(napi_env env, napi_value v, double* d, const type_info* t) {
  if (napi_get_value_double(env, v, d) == napi_ok) return true;
  throw_type_error(env, "expected a number for a Java %s", code_name(t->code));
  return false;
}

static bool get_integral(napi_env env, napi_value v, double lo, double hi, double* d, const type_info* t) {
  if (!get_number(env, v, d, t)) return false;
  if (*d != floor(*d) || *d < lo || *d > hi) {
    throw_range_error(env, "%.17g does not fit a Java %s (%.0f..%.0f, integral)", *d, code_name(t->code), lo, hi);
    return false;
  }
  return true;
}

static bool get_long(napi_env env, napi_value v, jlong* out) {
  napi_valuetype type;
  napi_typeof(env, v, &type);
  if (type == napi_bigint) {
    bool lossless;
    int64_t value;
    napi_get_value_bigint_int64(env, v, &value, &lossless);
    if (!lossless) {
      throw_range_error(env, "bigint does not fit a Java long (-2^63..2^63-1)");
      return false;
    }
    *out = value;
    return true;
  }
  double d;
  if (type != napi_number || napi_get_value_double(env, v, &d) != napi_ok) {
    throw_type_error(env, "expected a number or bigint for a Java long");
    return false;
  }
  if (d != floor(d) || fabs(d) > MAX_SAFE) {
    throw_range_error(env, "%.17g is not a safe integer: pass a bigint for a Java long beyond 2^53 (no silent "
                           "precision loss)", d);
    return false;
  }
  *out = (jlong)d;
  return true;
}

static bool get_char(napi_env env, napi_value v, jchar* out) {
  char16_t buf[2];
  size_t len = 0;
  if (napi_get_value_string_utf16(env, v, NULL, 0, &len) != napi_ok || len != 1) {
    throw_type_error(env, "expected a one-character string for a Java char");
    return false;
  }
  napi_get_value_string_utf16(env, v, buf, 2, &len);
  *out = buf[0];
  return true;
}

/* Primitive value (code BOOLEAN..DOUBLE) from a JS value, with type and range checks. */
static bool to_primitive(napi_env env, napi_value v, int code, const type_info* t, jvalue* out) {
  double d;
  switch (code) {
    case TC_BOOLEAN: {
      bool b;
      if (napi_get_value_bool(env, v, &b) != napi_ok) {
        throw_type_error(env, "expected a boolean for a Java boolean");
        return false;
      }
      out->z = b;
      return true;
    }
    case TC_BYTE: if (!get_integral(env, v, -128, 127, &d, t)) return false; out->b = (jbyte)d; return true;
    case TC_SHORT: if (!get_integral(env, v, -32768, 32767, &d, t)) return false; out->s = (jshort)d; return true;
    case TC_INT: if (!get_integral(env, v, -2147483648.0, 2147483647.0, &d, t)) return false; out->i = (jint)d; return true;
    case TC_CHAR: return get_char(env, v, &out->c);
    case TC_LONG: return get_long(env, v, &out->j);
    case TC_FLOAT: if (!get_number(env, v, &d, t)) return false; out->f = (jfloat)d; return true;
    case TC_DOUBLE: return get_number(env, v, &out->d, t);
  }
  return false;
}

/* Boxes a primitive jvalue of the given primitive code (BOOLEAN..DOUBLE). */
static jobject box(JNIEnv* jni, int prim_code, jvalue value) {
  int i = prim_code - TC_BOOLEAN;
  return (*jni)->CallStaticObjectMethodA(jni, J.box[i], J.box_valueOf[i], &value);
}

static bool typed_array_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out);
static bool js_array_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out);

/* A JS value as a Java reference when the declared type does not decide the conversion. */
static bool dynamic_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out,
                            bool* is_local) {
  napi_env env = ctx->env;
  class_info* cls;
  double num;
  int tag = arg_tag(ctx, v, &cls, &num);
  jvalue prim;
  *is_local = true;
  switch (tag) {
    case AT_NULL: *out = NULL; *is_local = false; return true;
    case AT_JAVA_OBJECT: *out = unwrap_java(env, v)->obj; *is_local = false; break;
    case AT_BOOLEAN: to_primitive(env, v, TC_BOOLEAN, t, &prim); *out = box(jni, TC_BOOLEAN, prim); break;
    case AT_INT8: case AT_INT16: case AT_INT32:
      to_primitive(env, v, TC_INT, t, &prim); *out = box(jni, TC_INT, prim); break;
    case AT_SAFE_INTEGER: case AT_BIGINT:
      if (!get_long(env, v, &prim.j)) return false;
      *out = box(jni, TC_LONG, prim);
      break;
    case AT_DOUBLE: napi_get_value_double(env, v, &prim.d); *out = box(jni, TC_DOUBLE, prim); break;
    case AT_CHAR_STRING: case AT_STRING: *out = js_to_jstring(env, jni, v); break;
    case AT_ARRAY: {
      type_info objects = {TC_OBJECT, J.Object, NULL};
      type_info array = {TC_ARRAY_OBJECT, J.ObjectArray, &objects};
      if (!js_array_to_java(ctx, jni, v, &array, out)) return false;
      break;
    }
    default:
      if (tag >= AT_INT8_ARRAY && tag <= AT_BIGINT64_ARRAY) {
        static const int exact[] = {TC_ARRAY_BYTE, TC_ARRAY_SHORT, TC_ARRAY_CHAR, TC_ARRAY_INT,
                                    TC_ARRAY_FLOAT, TC_ARRAY_DOUBLE, TC_ARRAY_LONG};
        int code = exact[tag - AT_INT8_ARRAY];
        type_info array = {code, J.prim_array[code - TC_ARRAY_BOOLEAN], NULL};
        if (!typed_array_to_java(ctx, jni, v, &array, out)) return false;
        break;
      }
      if ((tag == AT_FUNCTION || tag == AT_OTHER_OBJECT) && t->cls &&
          (*jni)->CallBooleanMethod(jni, t->cls, J.Class_isInterface)) {
        /* a JS function or object implementing a Java interface */
        *out = js_to_proxy(ctx, jni, v, t->cls, tag == AT_FUNCTION);
        if (!*out) return false;
        break;
      }
      if (tag == AT_PROMISE && t->cls && (*jni)->IsAssignableFrom(jni, J.CompletableFuture, t->cls)) {
        *out = promise_to_future(ctx, jni, v);
        if (!*out) return false;
        break;
      }
      throw_type_error(env, "a JS %s cannot be passed here (Java expects %s): pass a Java object, a primitive, or "
                            "a function/object where Java expects an interface",
                       tag == AT_FUNCTION ? "function" : tag == AT_SYMBOL ? "symbol" : tag == AT_PROMISE ? "promise" : "object",
                       t->cls ? "a class type" : code_name(t->code));
      return false;
  }
  if ((*jni)->ExceptionCheck(jni)) return false;
  if (*out && t->cls && !(*jni)->IsInstanceOf(jni, *out, t->cls)) {
    jstring want = (*jni)->CallObjectMethod(jni, t->cls, J.Class_getName);
    char* name = want ? jstring_to_utf8(jni, want) : NULL;
    throw_type_error(env, "this value cannot be passed as a Java %s", name ? name : "?");
    free(name);
    if (want) (*jni)->DeleteLocalRef(jni, want);
    if (*is_local) (*jni)->DeleteLocalRef(jni, *out);
    return false;
  }
  return true;
}

/*
 * Converts a JS value to a Java value of type t. On return *is_local says whether out->l is a new
 * local reference the caller must delete. False: a JS exception is pending (or a Java one, for the
 * caller's java_failed to report).
 */
bool to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jvalue* out, bool* is_local) {
  napi_env env = ctx->env;
  *is_local = false;
  int code = t->code;
  if (code >= TC_BOOLEAN && code <= TC_DOUBLE) return to_primitive(env, v, code, t, out);

  napi_valuetype type;
  napi_typeof(env, v, &type);
  if (type == napi_null || type == napi_undefined) {
    out->l = NULL;
    return true;
  }
  if (code == TC_STRING) {
    if (type != napi_string) {
      /* A Java String object (e.g. from an Object[] element) still converts. */
      java_ref* ref = unwrap_java(env, v);
      if (ref && (*jni)->IsInstanceOf(jni, ref->obj, J.String)) {
        out->l = ref->obj;
        return true;
      }
      throw_type_error(env, "expected a string for a Java String");
      return false;
    }
    out->l = js_to_jstring(env, jni, v);
    *is_local = true;
    return out->l != NULL;
  }
  if (code >= TC_BOX_BOOLEAN && code <= TC_BOX_DOUBLE) {
    int prim = code - TC_BOX_BOOLEAN + TC_BOOLEAN;
    jvalue value;
    if (!to_primitive(env, v, prim, t, &value)) return false;
    out->l = box(jni, prim, value);
    *is_local = true;
    return out->l != NULL;
  }
  if (code >= TC_ARRAY_BOOLEAN && code <= TC_ARRAY_OBJECT) {
    bool is;
    *is_local = true;
    if ((napi_is_array(env, v, &is) == napi_ok && is) || is_array_like(env, ctx, v))
      return js_array_to_java(ctx, jni, v, t, &out->l);
    if (napi_is_typedarray(env, v, &is) == napi_ok && is) return typed_array_to_java(ctx, jni, v, t, &out->l);
    java_ref* ref = unwrap_java(env, v);
    if (ref && (*jni)->IsInstanceOf(jni, ref->obj, t->cls)) {
      out->l = ref->obj;
      *is_local = false;
      return true;
    }
    *is_local = false;
    throw_type_error(env, "expected an array or typed array for a Java %s", code_name(code));
    return false;
  }
  if ((code == TC_INPUT_STREAM || code == TC_OUTPUT_STREAM) && type == napi_object && !unwrap_java(env, v)) {
    /* a Node stream: the JS hook builds a Java stream over it */
    napi_value java = stream_hook(ctx, v, code == TC_INPUT_STREAM ? "toJavaInput" : "toJavaOutput");
    java_ref* ref = java ? unwrap_java(env, java) : NULL;
    if (!ref) {
      if (!js_pending(env)) throw_type_error(env, "expected a Node %s stream or a Java %s", code == TC_INPUT_STREAM ? "Readable" : "Writable",
                                             code == TC_INPUT_STREAM ? "InputStream" : "OutputStream");
      return false;
    }
    out->l = ref->obj;
    return true;
  }
  return dynamic_to_java(ctx, jni, v, t, &out->l, is_local);
}

/* Builds a Java array of type array_type from n JS values (JS arrays and varargs). */
bool values_to_java_array(env_ctx* ctx, JNIEnv* jni, napi_value* values, uint32_t n, const type_info* array_type,
                          jobject* out) {
  int code = array_type->code;
  const type_info* el = array_type->element;
  jsize len = (jsize)n;
  if (code == TC_ARRAY_OBJECT) {
    jobjectArray array = (*jni)->NewObjectArray(jni, len, el->cls, NULL);
    if (!array) return false;
    for (uint32_t i = 0; i < n; i++) {
      jvalue v;
      bool local;
      if (!to_java(ctx, jni, values[i], el, &v, &local)) {
        (*jni)->DeleteLocalRef(jni, array);
        return false;
      }
      (*jni)->SetObjectArrayElement(jni, array, (jsize)i, v.l);
      if (local) (*jni)->DeleteLocalRef(jni, v.l);
      if ((*jni)->ExceptionCheck(jni)) return false;
    }
    *out = array;
    return true;
  }
  /* primitive arrays: convert into a C buffer, then one bulk copy */
  static const size_t sizes[] = {sizeof(jboolean), sizeof(jbyte), sizeof(jchar), sizeof(jshort),
                                 sizeof(jint),     sizeof(jlong), sizeof(jfloat), sizeof(jdouble)};
  int prim = code - TC_ARRAY_BOOLEAN + TC_BOOLEAN;
  size_t size = sizes[prim - TC_BOOLEAN];
  char* buf = malloc(size * (n ? n : 1));
  for (uint32_t i = 0; i < n; i++) {
    jvalue v;
    type_info pt = {prim, NULL, NULL};
    if (!to_primitive(ctx->env, values[i], prim, &pt, &v)) {
      free(buf);
      return false;
    }
    memcpy(buf + i * size, &v, size); /* jvalue is a union: the first bytes hold the value */
  }
  jarray array = NULL;
  switch (code) {
    case TC_ARRAY_BOOLEAN: array = (*jni)->NewBooleanArray(jni, len); if (array) (*jni)->SetBooleanArrayRegion(jni, array, 0, len, (jboolean*)buf); break;
    case TC_ARRAY_BYTE: array = (*jni)->NewByteArray(jni, len); if (array) (*jni)->SetByteArrayRegion(jni, array, 0, len, (jbyte*)buf); break;
    case TC_ARRAY_CHAR: array = (*jni)->NewCharArray(jni, len); if (array) (*jni)->SetCharArrayRegion(jni, array, 0, len, (jchar*)buf); break;
    case TC_ARRAY_SHORT: array = (*jni)->NewShortArray(jni, len); if (array) (*jni)->SetShortArrayRegion(jni, array, 0, len, (jshort*)buf); break;
    case TC_ARRAY_INT: array = (*jni)->NewIntArray(jni, len); if (array) (*jni)->SetIntArrayRegion(jni, array, 0, len, (jint*)buf); break;
    case TC_ARRAY_LONG: array = (*jni)->NewLongArray(jni, len); if (array) (*jni)->SetLongArrayRegion(jni, array, 0, len, (jlong*)buf); break;
    case TC_ARRAY_FLOAT: array = (*jni)->NewFloatArray(jni, len); if (array) (*jni)->SetFloatArrayRegion(jni, array, 0, len, (jfloat*)buf); break;
    case TC_ARRAY_DOUBLE: array = (*jni)->NewDoubleArray(jni, len); if (array) (*jni)->SetDoubleArrayRegion(jni, array, 0, len, (jdouble*)buf); break;
  }
  free(buf);
  *out = array;
  return array != NULL;
}

static bool js_array_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out) {
  napi_env env = ctx->env;
  uint32_t n = 0;
  if (napi_get_array_length(env, v, &n) != napi_ok) {
    /* a Proxy of an array: read length like JS does (a throwing trap stays pending) */
    napi_value length;
    double d = 0;
    if (napi_get_named_property(env, v, "length", &length) != napi_ok) return false;
    napi_get_value_double(env, length, &d);
    n = d > 0 && d < 4294967295.0 ? (uint32_t)d : 0;
  }
  napi_value stack[64];
  napi_value* values = n <= 64 ? stack : malloc(sizeof(napi_value) * n);
  bool ok = true;
  for (uint32_t i = 0; i < n && ok; i++) {
    ok = napi_get_element(env, v, i, &values[i]) == napi_ok; /* a throwing getter leaves its exception pending */
  }
  if (ok) ok = values_to_java_array(ctx, jni, values, n, t, out);
  if (values != stack) free(values);
  return ok;
}

/* Typed array -> primitive Java array: one bulk copy when the element types match. */
static bool typed_array_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out) {
  napi_env env = ctx->env;
  napi_typedarray_type ta;
  size_t length;
  void* data;
  napi_get_typedarray_info(env, v, &ta, &length, &data, NULL, NULL);
  jsize len = (jsize)length;
  int code = t->code;
  bool bytes = ta == napi_int8_array || ta == napi_uint8_array || ta == napi_uint8_clamped_array;
  jarray array = NULL;
  if (code == TC_ARRAY_BYTE && bytes) {
    array = (*jni)->NewByteArray(jni, len);
    if (array) (*jni)->SetByteArrayRegion(jni, array, 0, len, data);
  } else if (code == TC_ARRAY_SHORT && ta == napi_int16_array) {
    array = (*jni)->NewShortArray(jni, len);
    if (array) (*jni)->SetShortArrayRegion(jni, array, 0, len, data);
  } else if (code == TC_ARRAY_CHAR && ta == napi_uint16_array) {
    array = (*jni)->NewCharArray(jni, len);
    if (array) (*jni)->SetCharArrayRegion(jni, array, 0, len, data);
  } else if (code == TC_ARRAY_INT && ta == napi_int32_array) {
    array = (*jni)->NewIntArray(jni, len);
    if (array) (*jni)->SetIntArrayRegion(jni, array, 0, len, data);
  } else if (code == TC_ARRAY_LONG && (ta == napi_bigint64_array)) {
    array = (*jni)->NewLongArray(jni, len);
    if (array) (*jni)->SetLongArrayRegion(jni, array, 0, len, data);
  } else if (code == TC_ARRAY_FLOAT && ta == napi_float32_array) {
    array = (*jni)->NewFloatArray(jni, len);
    if (array) (*jni)->SetFloatArrayRegion(jni, array, 0, len, data);
  } else if (code == TC_ARRAY_DOUBLE && ta == napi_float64_array) {
    array = (*jni)->NewDoubleArray(jni, len);
    if (array) (*jni)->SetDoubleArrayRegion(jni, array, 0, len, data);
  } else if (code >= TC_ARRAY_BYTE && code <= TC_ARRAY_DOUBLE && code != TC_ARRAY_CHAR &&
             ta != napi_bigint64_array && ta != napi_biguint64_array) {
    /* other numeric kinds: element-wise with range checks, through the same primitive path */
    napi_value stack[64];
    napi_value* values = length <= 64 ? stack : malloc(sizeof(napi_value) * length);
    bool ok = true;
    for (uint32_t i = 0; i < length && ok; i++) ok = napi_get_element(env, v, i, &values[i]) == napi_ok;
    if (ok) ok = values_to_java_array(ctx, jni, values, (uint32_t)length, t, out);
    if (values != stack) free(values);
    return ok;
  } else {
    throw_type_error(env, "this typed array cannot be passed as a Java %s", code_name(code));
    return false;
  }
  *out = array;
  return array != NULL;
}

/* ---------- Java -> JS ---------- */

static napi_value long_to_js(napi_env env, jlong value) {
  napi_value result;
  if (value >= -(jlong)MAX_SAFE && value <= (jlong)MAX_SAFE) napi_create_double(env, (double)value, &result);
  else napi_create_bigint_int64(env, value, &result);
  return result;
}

static napi_value primitive_to_js(napi_env env, int code, jvalue v) {
  napi_value result = NULL;
  switch (code) {
    case TC_VOID: napi_get_undefined(env, &result); break;
    case TC_BOOLEAN: napi_get_boolean(env, v.z, &result); break;
    case TC_BYTE: napi_create_int32(env, v.b, &result); break;
    case TC_SHORT: napi_create_int32(env, v.s, &result); break;
    case TC_INT: napi_create_int32(env, v.i, &result); break;
    case TC_CHAR: napi_create_string_utf16(env, (const char16_t*)&v.c, 1, &result); break;
    case TC_LONG: result = long_to_js(env, v.j); break;
    case TC_FLOAT: napi_create_double(env, v.f, &result); break;
    case TC_DOUBLE: napi_create_double(env, v.d, &result); break;
  }
  return result;
}

static napi_value unbox_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj, int prim_code) {
  int i = prim_code - TC_BOOLEAN;
  jvalue v;
  switch (prim_code) {
    case TC_BOOLEAN: v.z = (*jni)->CallBooleanMethod(jni, obj, J.box_value[i]); break;
    case TC_BYTE: v.b = (*jni)->CallByteMethod(jni, obj, J.box_value[i]); break;
    case TC_CHAR: v.c = (*jni)->CallCharMethod(jni, obj, J.box_value[i]); break;
    case TC_SHORT: v.s = (*jni)->CallShortMethod(jni, obj, J.box_value[i]); break;
    case TC_INT: v.i = (*jni)->CallIntMethod(jni, obj, J.box_value[i]); break;
    case TC_LONG: v.j = (*jni)->CallLongMethod(jni, obj, J.box_value[i]); break;
    case TC_FLOAT: v.f = (*jni)->CallFloatMethod(jni, obj, J.box_value[i]); break;
    case TC_DOUBLE: v.d = (*jni)->CallDoubleMethod(jni, obj, J.box_value[i]); break;
  }
  return primitive_to_js(ctx->env, prim_code, v);
}

static napi_value primitive_array_to_js(env_ctx* ctx, JNIEnv* jni, jarray array, int code) {
  napi_env env = ctx->env;
  jsize len = (*jni)->GetArrayLength(jni, array);
  napi_value result, buffer;
  void* data;
  if (code == TC_ARRAY_BOOLEAN) {
    jboolean* values = malloc((size_t)len + 1);
    (*jni)->GetBooleanArrayRegion(jni, array, 0, len, values);
    napi_create_array_with_length(env, (size_t)len, &result);
    for (jsize i = 0; i < len; i++) {
      napi_value b;
      napi_get_boolean(env, values[i], &b);
      napi_set_element(env, result, (uint32_t)i, b);
    }
    free(values);
    return result;
  }
  static const size_t sizes[] = {1, 2, 2, 4, 8, 4, 8}; /* byte char short int long float double */
  static const napi_typedarray_type kinds[] = {napi_int8_array,     napi_uint16_array,  napi_int16_array,
                                               napi_int32_array,    napi_bigint64_array, napi_float32_array,
                                               napi_float64_array};
  int k = code - TC_ARRAY_BYTE;
  if (napi_create_arraybuffer(env, sizes[k] * (size_t)len, &data, &buffer) != napi_ok) return NULL;
  switch (code) {
    case TC_ARRAY_BYTE: (*jni)->GetByteArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_CHAR: (*jni)->GetCharArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_SHORT: (*jni)->GetShortArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_INT: (*jni)->GetIntArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_LONG: (*jni)->GetLongArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_FLOAT: (*jni)->GetFloatArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_DOUBLE: (*jni)->GetDoubleArrayRegion(jni, array, 0, len, data); break;
  }
  napi_create_typedarray(env, kinds[k], (size_t)len, buffer, 0, &result);
  return result;
}

static napi_value object_array_to_js(env_ctx* ctx, JNIEnv* jni, jobjectArray array, const type_info* element) {
  napi_env env = ctx->env;
  jsize len = (*jni)->GetArrayLength(jni, array);
  napi_value result;
  napi_create_array_with_length(env, (size_t)len, &result);
  for (jsize i = 0; i < len; i++) {
    jobject item = (*jni)->GetObjectArrayElement(jni, array, i);
    jvalue v = {.l = item};
    napi_value js = element ? to_js(ctx, jni, v, element) : object_to_js(ctx, jni, item);
    if (item) (*jni)->DeleteLocalRef(jni, item);
    if (!js) return NULL;
    napi_set_element(env, result, (uint32_t)i, js);
  }
  return result;
}

/* Any Java reference by its run-time class: strings and boxes by value, arrays copied, else wrapped. */
napi_value object_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  napi_env env = ctx->env;
  if (!obj) {
    napi_value n;
    napi_get_null(env, &n);
    return n;
  }
  jclass cls = (*jni)->GetObjectClass(jni, obj);
  napi_value result = NULL;
  if ((*jni)->IsSameObject(jni, cls, J.String)) {
    result = jstring_to_js(env, jni, obj);
  } else {
    for (int i = 0; i < 8 && !result; i++) {
      if ((*jni)->IsSameObject(jni, cls, J.box[i])) result = unbox_to_js(ctx, jni, obj, TC_BOOLEAN + i);
      else if ((*jni)->IsSameObject(jni, cls, J.prim_array[i]))
        result = primitive_array_to_js(ctx, jni, obj, TC_ARRAY_BOOLEAN + i);
    }
    if (!result) {
      if ((*jni)->IsInstanceOf(jni, obj, J.ObjectArray)) result = object_array_to_js(ctx, jni, obj, NULL);
      else result = wrap_object(ctx, jni, obj);
    }
  }
  (*jni)->DeleteLocalRef(jni, cls);
  return result;
}

/* A Java value of declared type t as JS. Does not delete value.l. */
napi_value to_js(env_ctx* ctx, JNIEnv* jni, jvalue value, const type_info* t) {
  int code = t->code;
  if (code <= TC_DOUBLE) return primitive_to_js(ctx->env, code, value);
  if (!value.l) {
    napi_value n;
    napi_get_null(ctx->env, &n);
    return n;
  }
  if (code == TC_STRING) return jstring_to_js(ctx->env, jni, value.l);
  if (code >= TC_BOX_BOOLEAN && code <= TC_BOX_DOUBLE) return unbox_to_js(ctx, jni, value.l, code - TC_BOX_BOOLEAN + TC_BOOLEAN);
  if (code >= TC_ARRAY_BOOLEAN && code <= TC_ARRAY_DOUBLE) return primitive_array_to_js(ctx, jni, value.l, code);
  if (code == TC_ARRAY_OBJECT) return object_array_to_js(ctx, jni, value.l, t->element);
  if (code == TC_FUTURE) return future_to_promise(ctx, jni, value.l);
  if (code == TC_INPUT_STREAM || code == TC_OUTPUT_STREAM) {
    napi_value wrapper = object_to_js(ctx, jni, value.l);
    return wrapper ? stream_hook(ctx, wrapper, code == TC_INPUT_STREAM ? "toReadable" : "toWritable") : NULL;
  }
  return object_to_js(ctx, jni, value.l);
}

bool read_type_info(JNIEnv* jni, jobject ref, type_info* out) {
  out->code = (*jni)->GetIntField(jni, ref, J.TR_code);
  jobject cls = (*jni)->GetObjectField(jni, ref, J.TR_type);
  out->cls = NULL;
  if (out->code > TC_DOUBLE) out->cls = (*jni)->NewGlobalRef(jni, cls);
  (*jni)->DeleteLocalRef(jni, cls);
  out->element = NULL;
  jobject el = (*jni)->GetObjectField(jni, ref, J.TR_element);
  if (el) {
    out->element = calloc(1, sizeof(type_info));
    read_type_info(jni, el, out->element);
    (*jni)->DeleteLocalRef(jni, el);
  }
  return true;
}
