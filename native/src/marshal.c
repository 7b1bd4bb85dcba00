/*
 * The conversion mechanism, one function per direction, switched on the type code that Java's
 * TypeCode table assigned. Used for arguments, returns, fields and array elements alike.
 *
 * Limits (each a RangeError naming it, never a crash or an unbounded allocation): arrays nest at
 * most MAX_NESTING deep in one value (cyclic arrays are named as such), JS arrays are converted up
 * to MAX_JS_ARRAY_LENGTH elements, in chunks inside their own handle scopes, and anything the Java
 * heap or V8 cannot hold is their OutOfMemoryError / RangeError.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

#define MAX_SAFE 9007199254740991.0
#define CHUNK 64 /* array elements converted per handle scope (small: nested arrays recurse) */

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
    case napi_int8_array:
    case napi_uint8_array:
    case napi_uint8_clamped_array: return AT_INT8_ARRAY;
    case napi_int16_array: return AT_INT16_ARRAY;
    case napi_uint16_array: return AT_UINT16_ARRAY;
    case napi_int32_array:
    case napi_uint32_array: return AT_INT32_ARRAY;
    case napi_float32_array: return AT_FLOAT32_ARRAY;
    case napi_float64_array: return AT_FLOAT64_ARRAY;
    case napi_bigint64_array:
    case napi_biguint64_array: return AT_BIGINT64_ARRAY;
    default: return AT_OTHER_OBJECT;
  }
}

/* Array.isArray semantics (Proxies of arrays count); only reached for uncommon objects.
 * 1: an array, 0: not, -1: a JS exception is pending (a throwing Proxy trap). */
int is_array_like(napi_env env, env_ctx* ctx, napi_value v) {
  napi_value fn, global, result;
  bool is = false;
  if (!NAPI_OK(env, napi_get_reference_value(env, ctx->array_is_array, &fn)) || !fn ||
      !NAPI_OK(env, napi_get_global(env, &global)) ||
      !NAPI_OK(env, napi_call_function(env, global, fn, 1, &v, &result)) ||
      !NAPI_OK(env, napi_get_value_bool(env, result, &is)))
    return -1;
  return is;
}

static int classify(env_ctx* ctx, napi_value v, arg_class* out) {
  napi_env env = ctx->env;
  napi_valuetype type;
  out->cls = NULL;
  out->ref = NULL;
  out->num = 0;
  if (napi_get_value_double(env, v, &out->num) == napi_ok) return number_tag(out->num); /* numbers first: the hot case */
  if (!NAPI_OK(env, napi_typeof(env, v, &type))) return AT_COUNT;
  switch (type) {
    case napi_undefined:
    case napi_null: return AT_NULL;
    case napi_boolean: return AT_BOOLEAN;
    case napi_string: {
      size_t len;
      if (!NAPI_OK(env, napi_get_value_string_utf16(env, v, NULL, 0, &len))) return AT_COUNT;
      return len == 1 ? AT_CHAR_STRING : AT_STRING;
    }
    case napi_bigint: return AT_BIGINT;
    case napi_symbol: return AT_SYMBOL;
    case napi_function: {
      if (!unwrap_class(ctx, v)) return AT_FUNCTION;
      /* a projected constructor: its java.lang.Class object */
      JNIEnv* jni = jni_env();
      out->cls = jni ? class_for(ctx, jni, J.Class, -1) : NULL;
      return out->cls ? AT_JAVA_OBJECT : AT_COUNT;
    }
    default: break;
  }
  out->ref = unwrap_java(ctx, v);
  if (out->ref) {
    out->cls = out->ref->cls;
    return AT_JAVA_OBJECT;
  }
  bool is = false;
  if (!NAPI_OK(env, napi_is_array(env, v, &is))) return AT_COUNT;
  if (is) return AT_ARRAY;
  if (!NAPI_OK(env, napi_is_typedarray(env, v, &is))) return AT_COUNT;
  if (is) {
    napi_typedarray_type ta;
    if (!NAPI_OK(env, napi_get_typedarray_info(env, v, &ta, NULL, NULL, NULL, NULL))) return AT_COUNT;
    return typed_array_tag(ta);
  }
  if (!NAPI_OK(env, napi_is_promise(env, v, &is))) return AT_COUNT;
  if (is) return AT_PROMISE;
  int tag = object_tag(ctx, v); /* Date, Map, Set, ArrayBuffer, plain object, other built-in, other */
  if (tag != AT_OTHER_OBJECT) return tag;
  int array = is_array_like(env, ctx, v);
  return array < 0 ? AT_COUNT : array ? AT_ARRAY
                                      : AT_OTHER_OBJECT;
}

int arg_tag(env_ctx* ctx, napi_value v, arg_class* out) { return out->tag = classify(ctx, v, out); }

/* ---------- JS -> Java ---------- */

/* In TypeCode order: names[i] is a Java type of code i (SharedConstantsTest). */
static const char* code_name(int code) {
  static const char* names[] = {
      "void", "boolean", "byte", "char", "short", "int", "long",
      "float", "double", "String", "Object", "Boolean", "Byte", "Character",
      "Short", "Integer", "Long", "Float", "Double", "boolean[]", "byte[]",
      "char[]", "short[]", "int[]", "long[]", "float[]", "double[]", "Object[]",
      "Future", "InputStream", "OutputStream", "BigInteger", "BigDecimal", "Date", "Instant",
      "LocalDateTime", "List", "Set", "Map", "record", "Class", "ByteBuffer", "ShortBuffer", "CharBuffer",
      "IntBuffer", "LongBuffer", "FloatBuffer", "DoubleBuffer", "JSValue"};
  _Static_assert(sizeof names / sizeof names[0] == TC_COUNT, "one name per type code (type_codes.h)");
  return code >= 0 && code < TC_COUNT ? names[code] : "?";
}

/* A number as a primitive of code (BYTE..DOUBLE but CHAR), with the range checks of to_primitive. */
static bool number_to_primitive(napi_env env, double d, int code, jvalue* out) {
  double lo, hi;
  switch (code) {
    case TC_FLOAT: out->f = (jfloat)d; return true;
    case TC_DOUBLE: out->d = d; return true;
    case TC_BYTE:
      lo = -128;
      hi = 127;
      break;
    case TC_SHORT:
      lo = -32768;
      hi = 32767;
      break;
    case TC_INT:
      lo = -2147483648.0;
      hi = 2147483647.0;
      break;
    default:
      lo = -MAX_SAFE;
      hi = MAX_SAFE;
      break; /* TC_LONG */
  }
  if (d != floor(d) || d < lo || d > hi) {
    if (code == TC_LONG)
      throw_range_error(env,
                        "%.17g is not a safe integer: pass a bigint for a Java long beyond 2^53 (no silent "
                        "precision loss)",
                        d);
    else
      throw_range_error(env, "%.17g does not fit a Java %s (%.0f..%.0f, integral)", d, code_name(code), lo, hi);
    return false;
  }
  switch (code) {
    case TC_BYTE: out->b = (jbyte)d; break;
    case TC_SHORT: out->s = (jshort)d; break;
    case TC_INT: out->i = (jint)d; break;
    default: out->j = (jlong)d; break;
  }
  return true;
}

/* A Java box (a wrapper from jvm.long(5) or a Java collection) unboxed for a primitive of code,
 * with Java's unboxing and widening rules; false (nothing pending) when it is not such a box. */
static bool unbox_wrapper(napi_env env, napi_value v, int code, jvalue* out, bool* failed) {
  java_ref* ref = unwrap_java(env_get(env), v);
  *failed = false;
  if (!ref) return false;
  JNIEnv* jni = jni_env();
  jobject o = ref->obj;
  if ((*jni)->IsInstanceOf(jni, o, J.Boolean_)) {
    if (code != TC_BOOLEAN) return false;
    out->z = (*jni)->CallBooleanMethod(jni, o, J.box_value[0]);
  } else if ((*jni)->IsInstanceOf(jni, o, J.Character_)) {
    jchar c = (*jni)->CallCharMethod(jni, o, J.box_value[2]);
    if (code == TC_CHAR) out->c = c;
    else if (code == TC_BOOLEAN) return false;
    else if (!number_to_primitive(env, c, code, out)) return (*failed = true);
  } else if ((*jni)->IsInstanceOf(jni, o, J.Number_) && code != TC_BOOLEAN && code != TC_CHAR) {
    bool integral = (*jni)->IsInstanceOf(jni, o, J.box[5]) || (*jni)->IsInstanceOf(jni, o, J.box[4]) ||
                    (*jni)->IsInstanceOf(jni, o, J.box[3]) || (*jni)->IsInstanceOf(jni, o, J.box[1]);
    if (code == TC_FLOAT || code == TC_DOUBLE) {
      double d = (*jni)->CallDoubleMethod(jni, o, J.Number_doubleValue);
      if (code == TC_FLOAT) out->f = (jfloat)d;
      else out->d = d;
    } else if (!integral) {
      return false; /* a Double for an int: Java does not narrow either */
    } else {
      jlong j = (*jni)->CallLongMethod(jni, o, J.Number_longValue);
      if (code == TC_LONG) out->j = j;
      else if (!number_to_primitive(env, (double)j, code, out)) return (*failed = true);
    }
  } else {
    return false;
  }
  return true;
}

/* Primitive value (code BOOLEAN..DOUBLE) from a JS value, with type and range checks: the JS
 * value of that kind (number, bigint for long, one-character string for char, boolean), else a
 * Java box unboxed as Java would, else a TypeError. */
static bool to_primitive(napi_env env, napi_value v, int code, const type_info* t, jvalue* out) {
  double d;
  switch (code) {
    case TC_BOOLEAN: {
      bool b;
      if (napi_get_value_bool(env, v, &b) == napi_ok) {
        out->z = b;
        return true;
      }
      break;
    }
    case TC_CHAR: {
      char16_t buf[2];
      size_t len = 0;
      if (napi_get_value_string_utf16(env, v, NULL, 0, &len) == napi_ok && len == 1) {
        if (!NAPI_OK(env, napi_get_value_string_utf16(env, v, buf, 2, &len))) return false;
        out->c = buf[0];
        return true;
      }
      break;
    }
    case TC_LONG: {
      int64_t value;
      bool lossless = false;
      if (napi_get_value_bigint_int64(env, v, &value, &lossless) == napi_ok) {
        if (!lossless) {
          throw_range_error(env, "bigint does not fit a Java long (-2^63..2^63-1)");
          return false;
        }
        out->j = value;
        return true;
      }
      if (napi_get_value_double(env, v, &d) == napi_ok) return number_to_primitive(env, d, code, out);
      break;
    }
    default:
      if (napi_get_value_double(env, v, &d) == napi_ok) return number_to_primitive(env, d, code, out);
      break;
  }
  bool failed;
  if (unbox_wrapper(env, v, code, out, &failed)) return true;
  if (failed || js_pending(env)) return false;
  throw_type_error(env, code == TC_BOOLEAN ? "expected a boolean for a Java boolean" : code == TC_CHAR ? "expected a one-character string for a Java char"
                                                                                   : code == TC_LONG   ? "expected a number or bigint for a Java long"
                                                                                                       : "expected a number for a Java %s",
                   code_name(t->code));
  return false;
}

jobject box_primitive(JNIEnv* jni, int prim_code, jvalue value) {
  int i = prim_code - TC_BOOLEAN;
  return (*jni)->CallStaticObjectMethodA(jni, J.box[i], J.box_valueOf[i], &value);
}

static jobject as_java_object(JNIEnv* jni, const type_info* t, jvalue v, bool is_local) {
  if (t->code >= TC_BOOLEAN && t->code <= TC_DOUBLE) return box_primitive(jni, t->code, v);
  return is_local || !v.l ? v.l : (*jni)->NewLocalRef(jni, v.l);
}

bool to_java_object(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out) {
  jvalue value;
  bool local;
  *out = NULL;
  if (!to_java(ctx, jni, v, t, &value, &local)) return false;
  *out = as_java_object(jni, t, value, local);
  return true;
}

static bool typed_array_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out);
static bool js_array_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out);

/* The TypeError for a JS value of that kind where Java expects t. */
static bool not_for(env_ctx* ctx, JNIEnv* jni, const char* kind, const type_info* t) {
  char* name = NULL;
  if (t->cls) {
    jstring want = (*jni)->CallObjectMethod(jni, t->cls, J.Class_getName);
    name = want && !(*jni)->ExceptionCheck(jni) ? jstring_to_utf8(jni, want) : NULL;
    (*jni)->ExceptionClear(jni);
    if (want) (*jni)->DeleteLocalRef(jni, want);
  }
  throw_type_error(ctx->env,
                   "a JS %s cannot be passed as a Java %s: pass a Java object of that type, a primitive, "
                   "a JS function or object where Java expects an interface, or data (array, Map, Set, "
                   "plain object) where it expects a collection or Object",
                   kind, name ? name : code_name(t->code));
  free(name);
  return false;
}

/* Can a JS function or object stand for iface? 1 yes (an interface outside the collections
 * family), 0 no, -1 with a Java exception pending. A JS object must never pose as a Map or
 * Collection: Java would fail later, far from the call, with "no function 'size'". */
static int proxy_target(JNIEnv* jni, jclass iface) {
  jboolean is_interface = (*jni)->CallBooleanMethod(jni, iface, J.Class_isInterface);
  if ((*jni)->ExceptionCheck(jni)) return -1;
  if (!is_interface) return 0;
  return !(*jni)->IsAssignableFrom(jni, iface, J.Map_) && !(*jni)->IsAssignableFrom(jni, iface, J.Collection_);
}

/* A JS value as a Java reference when the declared type does not decide the conversion. */
static bool dynamic_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const arg_class* known, const type_info* t,
                            jobject* out, bool* is_local) {
  napi_env env = ctx->env;
  arg_class fresh;
  if (!known) {
    arg_tag(ctx, v, &fresh);
    known = &fresh;
  }
  int tag = known->tag;
  double num = known->num;
  jvalue prim;
  *is_local = true;
  switch (tag) {
    case AT_COUNT: *is_local = false; return false;
    case AT_NULL:
      *out = NULL;
      *is_local = false;
      return true;
    case AT_JAVA_OBJECT: {
      *out = known->ref ? known->ref->obj : unwrap_class(ctx, v)->cls; /* a wrapper, or a constructor as its Class */
      *is_local = false;
      break;
    }
    case AT_BOOLEAN:
      if (!to_primitive(env, v, TC_BOOLEAN, t, &prim)) return false;
      *out = box_primitive(jni, TC_BOOLEAN, prim);
      break;
    case AT_INT8:
    case AT_INT16:
    case AT_INT32:
      if (num == 0 && signbit(num)) { /* -0 is not an int: a Double keeps it */
        prim.d = num;
        *out = box_primitive(jni, TC_DOUBLE, prim);
        break;
      }
      prim.i = (jint)num;
      *out = box_primitive(jni, TC_INT, prim);
      break;
    case AT_SAFE_INTEGER: {
      type_info long_type = {TC_LONG, NULL, NULL};
      if (!to_primitive(env, v, TC_LONG, &long_type, &prim)) return false;
      *out = box_primitive(jni, TC_LONG, prim);
      break;
    }
    case AT_BIGINT:
      if (!bigint_to_object(ctx, jni, v, out)) return false;
      break;
    case AT_DOUBLE:
      prim.d = num;
      *out = box_primitive(jni, TC_DOUBLE, prim);
      break;
    case AT_CHAR_STRING:
    case AT_STRING:
      *out = js_to_jstring(env, jni, v);
      if (*out && t->cls && !(*jni)->IsAssignableFrom(jni, J.String, t->cls)) {
        /* Java decides what a string is for this class (an enum: the constant of that name) */
        jobject s = *out;
        *out = (*jni)->CallStaticObjectMethod(jni, J.Values, J.Values_fromString, t->cls, s);
        (*jni)->DeleteLocalRef(jni, s);
        if (java_failed(ctx, jni)) {
          *is_local = false;
          return false;
        }
        if (!*out) *is_local = false;
      }
      break;
    case AT_ARRAY:
    case AT_ARRAY_OF_INTS:
    case AT_ARRAY_OF_NUMBERS:
    case AT_ARRAY_OF_STRINGS:
    case AT_ARRAY_OF_BOOLEANS:
    case AT_ARRAY_OF_CHARS:
      if (t->cls && !(*jni)->IsSameObject(jni, t->cls, J.Object) && (*jni)->IsAssignableFrom(jni, J.ArrayList, t->cls)) {
        if (!js_collection_to_java(ctx, jni, v, AT_SET, TC_LIST, out)) return false; /* an ArrayList param: a copy */
      } else {
        type_info objects = {TC_OBJECT, J.Object, NULL};
        type_info array = {TC_ARRAY_OBJECT, J.ObjectArray, &objects};
        if (!js_array_to_java(ctx, jni, v, &array, out)) return false;
      }
      break;
    case AT_DATE:
      if (!js_date_to_java(ctx, jni, v, t->cls, out)) return false;
      break;
    case AT_MAP:
    case AT_SET: {
      bool map = tag == AT_MAP;
      if (t->cls && !(*jni)->IsAssignableFrom(jni, map ? J.LinkedHashMap : J.LinkedHashSet, t->cls)) {
        *is_local = false;
        return not_for(ctx, jni, map ? "Map" : "Set", t);
      }
      if (!js_collection_to_java(ctx, jni, v, tag, map ? TC_MAP : TC_SET, out)) return false;
      break;
    }
    case AT_PLAIN_OBJECT:
      if (!t->cls || (*jni)->IsAssignableFrom(jni, J.LinkedHashMap, t->cls)) { /* data: a Map<String, Object> */
        if (!js_collection_to_java(ctx, jni, v, AT_PLAIN_OBJECT, TC_MAP, out)) return false;
        break;
      }
      __attribute__((fallthrough)); /* an object implementing an interface */
    case AT_FUNCTION:
    case AT_OTHER_OBJECT: {
      int proxy = t->cls ? proxy_target(jni, t->cls) : 0;
      if (proxy < 0) return false;
      if (!proxy) {
        *is_local = false;
        return not_for(ctx, jni, tag == AT_FUNCTION ? "function" : "object", t);
      }
      *out = js_to_proxy(ctx, jni, v, t->cls, tag == AT_FUNCTION); /* a JS function or object implementing it */
      if (!*out) return false;
      break;
    }
    case AT_PROMISE:
      if (t->cls && (*jni)->IsAssignableFrom(jni, J.CompletableFuture, t->cls)) {
        *out = promise_to_future(ctx, jni, v, t->element ? t->element->cls : NULL);
        if (!*out) return false;
        break;
      }
      *is_local = false;
      return not_for(ctx, jni, "Promise", t);
    default:
      if (tag >= AT_INT8_ARRAY && tag <= AT_BIGINT64_ARRAY) {
        static const int exact[] = {TC_ARRAY_BYTE, TC_ARRAY_SHORT, TC_ARRAY_CHAR, TC_ARRAY_INT,
                                    TC_ARRAY_FLOAT, TC_ARRAY_DOUBLE, TC_ARRAY_LONG};
        int code = exact[tag - AT_INT8_ARRAY];
        type_info array = {code, J.prim_array[code - TC_ARRAY_BOOLEAN], NULL};
        if (!typed_array_to_java(ctx, jni, v, &array, out)) return false;
        break;
      }
      *is_local = false;
      return not_for(ctx, jni, tag == AT_SYMBOL ? "symbol" : tag == AT_ARRAY_BUFFER ? "ArrayBuffer"
                                                         : tag == AT_BUILTIN        ? "built-in object (RegExp, Error, DataView, WeakMap...)"
                                                                                    : "value",
                     t);
  }
  if (!*out && *is_local) { /* an allocation failed: its Java exception is pending */
    *is_local = false;
    return false;
  }
  if ((*jni)->ExceptionCheck(jni)) return false;
  if (*out && t->cls && !(*jni)->IsInstanceOf(jni, *out, t->cls)) {
    jstring want = (*jni)->CallObjectMethod(jni, t->cls, J.Class_getName);
    char* name = want && !(*jni)->ExceptionCheck(jni) ? jstring_to_utf8(jni, want) : NULL;
    (*jni)->ExceptionClear(jni);
    throw_type_error(env, "this value cannot be passed as a Java %s", name ? name : "?");
    free(name);
    if (want) (*jni)->DeleteLocalRef(jni, want);
    if (*is_local) (*jni)->DeleteLocalRef(jni, *out);
    *is_local = false;
    return false;
  }
  return true;
}

/* The codes of the values issue (BigInteger..record) from the JS values that stand for them:
 * *converted when v was one of them (else the general rules run: a Java object of the type,
 * null, a TypeError). False with a JS or Java exception pending. */
static bool value_kind_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, napi_valuetype type, const type_info* t,
                               jobject* out, bool* converted) {
  int code = t->code;
  *converted = false;
  if (code == TC_BIG_INTEGER && type == napi_bigint) {
    *converted = true;
    return bigint_to_biginteger(ctx, jni, v, out);
  }
  if ((code == TC_BIG_INTEGER || code == TC_BIG_DECIMAL) &&
      (type == napi_number || type == napi_string || type == napi_bigint)) {
    *converted = true;
    return number_like_to_java(ctx, jni, v, code, out);
  }
  if (type != napi_object) return true;
  bool is_date = false;
  if ((code == TC_DATE || code == TC_INSTANT || code == TC_LOCAL_DATE_TIME) &&
      NAPI_OK(ctx->env, napi_is_date(ctx->env, v, &is_date)) && is_date) {
    *converted = true;
    return js_date_to_java(ctx, jni, v, t->cls, out);
  }
  if (code == TC_LIST || code == TC_SET || code == TC_MAP || code == TC_RECORD) {
    int tag = object_tag(ctx, v);
    bool is_array = false;
    if (tag == AT_COUNT || !NAPI_OK(ctx->env, napi_is_array(ctx->env, v, &is_array))) return false;
    if (is_array) tag = AT_ARRAY;
    bool fits = code == TC_RECORD ? tag == AT_PLAIN_OBJECT
                : code == TC_MAP  ? tag == AT_MAP || tag == AT_PLAIN_OBJECT
                                  : tag == AT_ARRAY || tag == AT_SET;
    if (!fits) return true;
    *converted = true;
    return code == TC_RECORD ? js_record_to_java(ctx, jni, v, t->cls, out)
                             : js_collection_to_java(ctx, jni, v, tag, code, out);
  }
  return true;
}

/*
 * Converts a JS value to a Java value of type t. On return *is_local says whether out->l is a new
 * local reference the caller must delete. False: a JS exception is pending (or a Java one, for the
 * caller's java_failed to report).
 */
bool to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jvalue* out, bool* is_local) {
  return classified_to_java(ctx, jni, v, NULL, t, out, is_local);
}

/* The wrapper's record of v: from known when v was classified, else looked up. */
static java_ref* known_ref(env_ctx* ctx, napi_value v, const arg_class* known) {
  return known ? known->ref : unwrap_java(ctx, v);
}

bool classified_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const arg_class* known, const type_info* t, jvalue* out,
                        bool* is_local) {
  napi_env env = ctx->env;
  *is_local = false;
  int code = t->code;
  if (code >= TC_BOOLEAN && code <= TC_DOUBLE) return to_primitive(env, v, code, t, out);

  if (code == TC_JS_VALUE) {
    if (t->cls && (*jni)->IsSameObject(jni, t->cls, J.Object)) {
      /* an Object result of a JS call Java made (TypeRef.ofJsResult): what converts for Object
       * does; a class instance, function, symbol... stays the JS value */
      arg_class fresh;
      if (!known) {
        arg_tag(ctx, v, &fresh);
        known = &fresh;
      }
      int tag = known->tag;
      if (tag == AT_COUNT) return false;
      if (tag != AT_FUNCTION && tag != AT_OTHER_OBJECT && tag != AT_SYMBOL && tag != AT_ARRAY_BUFFER && tag != AT_BUILTIN) {
        type_info object = {TC_OBJECT, J.Object, NULL};
        return classified_to_java(ctx, jni, v, known, &object, out, is_local);
      }
    }
    return (*is_local = js_to_jsvalue(ctx, jni, v, t->cls, &out->l)); /* null, undefined too */
  }
  napi_valuetype type;                                  /* what the classification already knows is not asked again */
  if (known && known->tag == AT_NULL) type = napi_null; /* or undefined: the same below */
  else if (known && (known->tag == AT_STRING || known->tag == AT_CHAR_STRING)) type = napi_string;
  else if (!NAPI_OK(env, napi_typeof(env, v, &type))) return false;
  if (type == napi_null || type == napi_undefined) {
    out->l = NULL;
    return true;
  }
  if (code == TC_STRING) {
    if (type != napi_string) {
      /* A Java String object (e.g. from an Object[] element) still converts. */
      java_ref* ref = known_ref(ctx, v, known);
      if (ref && (*jni)->IsInstanceOf(jni, ref->obj, J.String)) {
        out->l = ref->obj;
        return true;
      }
      throw_type_error(env, "expected a string for a Java String");
      return false;
    }
    out->l = js_to_jstring(env, jni, v);
    *is_local = out->l != NULL;
    return out->l != NULL;
  }
  if (code >= TC_BOX_BOOLEAN && code <= TC_BOX_DOUBLE) {
    int prim = code - TC_BOX_BOOLEAN + TC_BOOLEAN;
    jvalue value;
    if (!to_primitive(env, v, prim, t, &value)) return false;
    out->l = box_primitive(jni, prim, value);
    *is_local = out->l != NULL;
    return out->l != NULL;
  }
  if (code >= TC_ARRAY_BOOLEAN && code <= TC_ARRAY_OBJECT) {
    bool is = false;
    int array_like;
    if (known) {
      int tag = known->tag;
      array_like = tag == AT_ARRAY || (tag >= AT_ARRAY_OF_INTS && tag <= AT_ARRAY_OF_BOOLEANS) || tag == AT_ARRAY_OF_CHARS;
    } else {
      if (!NAPI_OK(env, napi_is_array(env, v, &is))) return false;
      array_like = is ? 1 : type == napi_object ? is_array_like(env, ctx, v)
                                                : 0;
      if (array_like < 0) return false;
    }
    if (array_like) {
      *is_local = js_array_to_java(ctx, jni, v, t, &out->l);
      return *is_local;
    }
    if (known) is = known->tag >= AT_INT8_ARRAY && known->tag <= AT_BIGINT64_ARRAY;
    else if (!NAPI_OK(env, napi_is_typedarray(env, v, &is))) return false;
    if (is) {
      *is_local = typed_array_to_java(ctx, jni, v, t, &out->l);
      return *is_local;
    }
    java_ref* ref = known_ref(ctx, v, known);
    if (ref && (*jni)->IsInstanceOf(jni, ref->obj, t->cls)) {
      out->l = ref->obj;
      return true;
    }
    throw_type_error(env, "expected an array or typed array for a Java %s", code_name(code));
    return false;
  }
  if (code >= TC_BIG_INTEGER && code <= TC_RECORD && !known_ref(ctx, v, known)) {
    bool converted = false;
    if (!value_kind_to_java(ctx, jni, v, type, t, &out->l, &converted)) return false;
    if (converted) {
      *is_local = out->l != NULL;
      return true;
    }
  }
  if (code >= TC_BYTE_BUFFER && code <= TC_DOUBLE_BUFFER && type == napi_object) { /* buffers.c */
    bool handled = false;
    if (!buffer_to_java(ctx, jni, v, t, &out->l, &handled)) return false;
    if (handled) return (*is_local = true);
  }
  if ((code == TC_INPUT_STREAM || code == TC_OUTPUT_STREAM) && type == napi_object && !known_ref(ctx, v, known)) {
    /* a Node stream: the JS hook builds a Java stream over it */
    napi_value java = stream_hook(ctx, v, code == TC_INPUT_STREAM ? "toJavaInput" : "toJavaOutput");
    java_ref* ref = java ? unwrap_java(ctx, java) : NULL;
    if (!ref) {
      throw_type_error(env, "expected a Node %s stream or a Java %s", code == TC_INPUT_STREAM ? "Readable" : "Writable",
                       code == TC_INPUT_STREAM ? "InputStream" : "OutputStream");
      return false;
    }
    out->l = ref->obj;
    return true;
  }
  return dynamic_to_java(ctx, jni, v, known, t, &out->l, is_local);
}

/* ---------- arrays, JS -> Java ---------- */

/* Where array elements come from: a list of values (varargs) or a JS array read chunk by chunk. */
typedef struct element_source {
  napi_value* values; /* or NULL: read from array */
  napi_value array;
} element_source;

static bool read_elements(napi_env env, const element_source* src, uint32_t from, uint32_t count, napi_value* out) {
  for (uint32_t i = 0; i < count; i++) {
    if (src->values) out[i] = src->values[from + i];
    else if (!NAPI_OK(env, napi_get_element(env, src->array, from + i, &out[i]))) return false; /* a throwing getter stays pending */
  }
  return true;
}

static jarray new_primitive_array(JNIEnv* jni, int code, jsize len) {
  switch (code) {
    case TC_ARRAY_BOOLEAN: return (*jni)->NewBooleanArray(jni, len);
    case TC_ARRAY_BYTE: return (*jni)->NewByteArray(jni, len);
    case TC_ARRAY_CHAR: return (*jni)->NewCharArray(jni, len);
    case TC_ARRAY_SHORT: return (*jni)->NewShortArray(jni, len);
    case TC_ARRAY_INT: return (*jni)->NewIntArray(jni, len);
    case TC_ARRAY_LONG: return (*jni)->NewLongArray(jni, len);
    case TC_ARRAY_FLOAT: return (*jni)->NewFloatArray(jni, len);
    default: return (*jni)->NewDoubleArray(jni, len);
  }
}

/* Copies count elements (in a C buffer, element layout of code) into array at from. */
static void set_primitive_region(JNIEnv* jni, int code, jarray array, jsize from, jsize count, const void* buf) {
  switch (code) {
    case TC_ARRAY_BOOLEAN: (*jni)->SetBooleanArrayRegion(jni, array, from, count, buf); break;
    case TC_ARRAY_BYTE: (*jni)->SetByteArrayRegion(jni, array, from, count, buf); break;
    case TC_ARRAY_CHAR: (*jni)->SetCharArrayRegion(jni, array, from, count, buf); break;
    case TC_ARRAY_SHORT: (*jni)->SetShortArrayRegion(jni, array, from, count, buf); break;
    case TC_ARRAY_INT: (*jni)->SetIntArrayRegion(jni, array, from, count, buf); break;
    case TC_ARRAY_LONG: (*jni)->SetLongArrayRegion(jni, array, from, count, buf); break;
    case TC_ARRAY_FLOAT: (*jni)->SetFloatArrayRegion(jni, array, from, count, buf); break;
    default: (*jni)->SetDoubleArrayRegion(jni, array, from, count, buf); break;
  }
}

static const size_t ELEMENT_SIZE[] = {sizeof(jboolean), sizeof(jbyte), sizeof(jchar), sizeof(jshort),
                                      sizeof(jint), sizeof(jlong), sizeof(jfloat), sizeof(jdouble)};

/* Converts and stores one chunk of values; false with a JS or Java exception pending. Object
 * elements may be arrays again: this frame stays small, the primitive buffer lives elsewhere. */
static bool store_objects(env_ctx* ctx, JNIEnv* jni, const type_info* array_type, jarray array, uint32_t from,
                          napi_value* values, uint32_t count) {
  for (uint32_t i = 0; i < count; i++) {
    jvalue v;
    bool local;
    if (!to_java(ctx, jni, values[i], array_type->element, &v, &local)) return false;
    (*jni)->SetObjectArrayElement(jni, array, (jsize)(from + i), v.l);
    if (local) (*jni)->DeleteLocalRef(jni, v.l);
    if ((*jni)->ExceptionCheck(jni)) return false; /* ArrayStoreException */
  }
  return true;
}

static bool store_primitives(env_ctx* ctx, JNIEnv* jni, const type_info* array_type, jarray array, uint32_t from,
                             napi_value* values, uint32_t count) {
  int code = array_type->code;
  int prim = code - TC_ARRAY_BOOLEAN + TC_BOOLEAN;
  size_t size = ELEMENT_SIZE[prim - TC_BOOLEAN];
  type_info pt = {prim, NULL, NULL};
  jlong buf[CHUNK]; /* wide enough for any element type */
  for (uint32_t i = 0; i < count; i++) {
    jvalue v;
    if (!to_primitive(ctx->env, values[i], prim, &pt, &v)) return false;
    memcpy((char*)buf + i * size, &v, size); /* jvalue is a union: the first bytes hold the value */
  }
  set_primitive_region(jni, code, array, (jsize)from, (jsize)count, buf);
  return !(*jni)->ExceptionCheck(jni);
}

/* Builds a Java array of type array_type from n elements; JS arrays are read in chunks, each in
 * its own handle scope, so a long array costs no more JS handles than one chunk. */
static bool elements_to_java_array(env_ctx* ctx, JNIEnv* jni, const element_source* src, uint32_t n,
                                   const type_info* array_type, jobject* out) {
  napi_env env = ctx->env;
  if (n > 0x7ffffff7u) { /* the largest array HotSpot makes */
    throw_range_error(env, "%u elements do not fit a Java array", n);
    return false;
  }
  jarray array = array_type->code == TC_ARRAY_OBJECT
                     ? (*jni)->NewObjectArray(jni, (jsize)n, array_type->element->cls, NULL)
                     : new_primitive_array(jni, array_type->code, (jsize)n);
  if (!array) return false; /* OutOfMemoryError pending */
  bool objects = array_type->code == TC_ARRAY_OBJECT;
  bool ok = true;
  for (uint32_t from = 0; from < n && ok; from += CHUNK) {
    uint32_t count = n - from < CHUNK ? n - from : CHUNK;
    napi_value values[CHUNK];
    napi_handle_scope scope = NULL;
    if (!src->values && !NAPI_OK(env, napi_open_handle_scope(env, &scope))) {
      ok = false;
      break;
    }
    /* the chunk's Java local refs live in a frame of their own */
    bool framed = (*jni)->PushLocalFrame(jni, 8) == 0;
    ok = framed && read_elements(env, src, from, count, values) &&
         (objects ? store_objects : store_primitives)(ctx, jni, array_type, array, from, values, count);
    if (framed) pop_frame_keeping_exception(jni);
    if (scope) napi_close_handle_scope(env, scope);
  }
  if (!ok) {
    (*jni)->DeleteLocalRef(jni, array);
    return false;
  }
  *out = array;
  return true;
}

bool values_to_java_array(env_ctx* ctx, JNIEnv* jni, napi_value* values, uint32_t n, const type_info* array_type,
                          jobject* out) {
  element_source src = {values, NULL};
  return elements_to_java_array(ctx, jni, &src, n, array_type, out);
}

/* Enters one more level of nested array conversion; false with a RangeError pending. */
static bool enter_js_array(env_ctx* ctx, napi_value v) {
  napi_env env = ctx->env;
  if (ctx->js_depth >= MAX_NESTING) {
    throw_range_error(env,
                      "Values nested more than %d levels deep (arrays, objects, maps, sets) cannot be converted "
                      "to Java: is it cyclic (an object that contains itself)?",
                      MAX_NESTING);
    return false;
  }
  if (stack_exhausted()) {
    throw_stack_exhausted(env);
    return false;
  }
  for (int i = 0; i < ctx->js_depth; i++) {
    bool same = false;
    if (!NAPI_OK(env, napi_strict_equals(env, ctx->js_nest[i], v, &same))) return false;
    if (same) {
      throw_type_error(env,
                       "A cyclic array cannot be converted to Java: an element (at depth %d) is the array "
                       "that contains it (at depth %d)",
                       ctx->js_depth, i);
      return false;
    }
  }
  ctx->js_nest[ctx->js_depth++] = v;
  return true;
}

static bool js_array_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out) {
  napi_env env = ctx->env;
  uint32_t length = 0;
  double d = 0;
  if (napi_get_array_length(env, v, &length) == napi_ok) {
    d = length;
  } else {
    /* a Proxy of an array: read length like JS does (a throwing trap stays pending) */
    napi_value value;
    if (!NAPI_OK(env, napi_get_named_property(env, v, "length", &value))) return false;
    if (napi_get_value_double(env, value, &d) != napi_ok || !(d >= 0) || d != floor(d) || d > 4294967295.0) {
      throw_range_error(env, "the array's length is not a valid array length");
      return false;
    }
  }
  if (d > MAX_JS_ARRAY_LENGTH) {
    throw_range_error(env,
                      "A JS array of %.0f elements is longer than the %u the bridge converts element by element "
                      "(V8's largest dense array): pass a typed array, or a Java array built in chunks",
                      d, MAX_JS_ARRAY_LENGTH);
    return false;
  }
  uint32_t n = (uint32_t)d;
  if (!enter_js_array(ctx, v)) return false;
  element_source src = {NULL, v};
  bool ok = elements_to_java_array(ctx, jni, &src, n, t, out);
  ctx->js_depth--;
  return ok;
}

/* One element of a typed array as a double (or, for bigint arrays, through *big). */
static double typed_element(napi_typedarray_type ta, const void* data, size_t i) {
  switch (ta) {
    case napi_int8_array: return ((const int8_t*)data)[i];
    case napi_uint8_array:
    case napi_uint8_clamped_array: return ((const uint8_t*)data)[i];
    case napi_int16_array: return ((const int16_t*)data)[i];
    case napi_uint16_array: return ((const uint16_t*)data)[i];
    case napi_int32_array: return ((const int32_t*)data)[i];
    case napi_uint32_array: return ((const uint32_t*)data)[i];
    case napi_float32_array: return ((const float*)data)[i];
    default: return ((const double*)data)[i];
  }
}

/* Typed array -> primitive Java array: one bulk copy when the element types match, else element
 * by element with the range checks of a JS number. */
static bool typed_array_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out) {
  napi_env env = ctx->env;
  napi_typedarray_type ta;
  size_t length;
  void* data;
  if (!NAPI_OK(env, napi_get_typedarray_info(env, v, &ta, &length, &data, NULL, NULL))) return false;
  int code = t->code;
  bool bytes = ta == napi_int8_array || ta == napi_uint8_array || ta == napi_uint8_clamped_array;
  bool big = ta == napi_bigint64_array || ta == napi_biguint64_array;
  bool exact = (code == TC_ARRAY_BYTE && bytes) || (code == TC_ARRAY_SHORT && ta == napi_int16_array) ||
               (code == TC_ARRAY_CHAR && ta == napi_uint16_array) || (code == TC_ARRAY_INT && ta == napi_int32_array) ||
               (code == TC_ARRAY_LONG && ta == napi_bigint64_array) || (code == TC_ARRAY_FLOAT && ta == napi_float32_array) ||
               (code == TC_ARRAY_DOUBLE && ta == napi_float64_array);
  bool numeric = code >= TC_ARRAY_BYTE && code <= TC_ARRAY_DOUBLE && code != TC_ARRAY_CHAR && !big;
  if (!exact && !numeric) {
    throw_type_error(env, "this typed array cannot be passed as a Java %s", code_name(code));
    return false;
  }
  if (length > 0x7ffffff7u) {
    throw_range_error(env, "%zu elements do not fit a Java array", length);
    return false;
  }
  jsize len = (jsize)length;
  jarray array = new_primitive_array(jni, code, len);
  if (!array) return false;
  if (exact) {
    set_primitive_region(jni, code, array, 0, len, data);
  } else {
    int prim = code - TC_ARRAY_BOOLEAN + TC_BOOLEAN;
    size_t size = ELEMENT_SIZE[prim - TC_BOOLEAN];
    jlong buf[CHUNK];
    for (size_t from = 0; from < length; from += CHUNK) {
      size_t count = length - from < CHUNK ? length - from : CHUNK;
      for (size_t i = 0; i < count; i++) {
        jvalue value;
        if (!number_to_primitive(env, typed_element(ta, data, from + i), prim, &value)) {
          (*jni)->DeleteLocalRef(jni, array);
          return false;
        }
        memcpy((char*)buf + i * size, &value, size);
      }
      set_primitive_region(jni, code, array, (jsize)from, (jsize)count, buf);
    }
  }
  if ((*jni)->ExceptionCheck(jni)) {
    (*jni)->DeleteLocalRef(jni, array);
    return false;
  }
  *out = array;
  return true;
}

/* ---------- Java -> JS ---------- */

static napi_value long_to_js(napi_env env, jlong value) {
  napi_value result = NULL;
  if (value >= -(jlong)MAX_SAFE && value <= (jlong)MAX_SAFE) {
    if (!NAPI_OK(env, napi_create_double(env, (double)value, &result))) return NULL;
  } else if (!NAPI_OK(env, napi_create_bigint_int64(env, value, &result))) {
    return NULL;
  }
  return result;
}

static napi_value primitive_to_js(napi_env env, int code, jvalue v) {
  napi_value result = NULL;
  napi_status status = napi_ok;
  switch (code) {
    case TC_VOID: status = napi_get_undefined(env, &result); break;
    case TC_BOOLEAN: status = napi_get_boolean(env, v.z, &result); break;
    case TC_BYTE: status = napi_create_int32(env, v.b, &result); break;
    case TC_SHORT: status = napi_create_int32(env, v.s, &result); break;
    case TC_INT: status = napi_create_int32(env, v.i, &result); break;
    case TC_CHAR: status = napi_create_string_utf16(env, (const char16_t*)&v.c, 1, &result); break;
    case TC_LONG: return long_to_js(env, v.j);
    case TC_FLOAT: status = napi_create_double(env, v.f, &result); break;
    case TC_DOUBLE: status = napi_create_double(env, v.d, &result); break;
  }
  return NAPI_OK(env, status) ? result : NULL;
}

bool unbox_as(JNIEnv* jni, jobject obj, int prim_code, jvalue* out) {
  int i = prim_code - TC_BOOLEAN;
  jvalue v;
  if (J.box_field[i] && (*jni)->IsInstanceOf(jni, obj, J.box[i])) { /* boxes are final: the field is there */
    switch (prim_code) {
      case TC_BOOLEAN: v.z = (*jni)->GetBooleanField(jni, obj, J.box_field[i]); break;
      case TC_BYTE: v.b = (*jni)->GetByteField(jni, obj, J.box_field[i]); break;
      case TC_CHAR: v.c = (*jni)->GetCharField(jni, obj, J.box_field[i]); break;
      case TC_SHORT: v.s = (*jni)->GetShortField(jni, obj, J.box_field[i]); break;
      case TC_INT: v.i = (*jni)->GetIntField(jni, obj, J.box_field[i]); break;
      case TC_LONG: v.j = (*jni)->GetLongField(jni, obj, J.box_field[i]); break;
      case TC_FLOAT: v.f = (*jni)->GetFloatField(jni, obj, J.box_field[i]); break;
      default: v.d = (*jni)->GetDoubleField(jni, obj, J.box_field[i]); break;
    }
    *out = v;
    return true;
  }
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
  *out = v;
  return !(*jni)->ExceptionCheck(jni);
}

static napi_value unbox_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj, int prim_code) {
  jvalue v;
  if (!unbox_as(jni, obj, prim_code, &v)) return java_failed(ctx, jni), NULL;
  return primitive_to_js(ctx->env, prim_code, v);
}

static napi_value primitive_array_to_js(env_ctx* ctx, JNIEnv* jni, jarray array, int code) {
  napi_env env = ctx->env;
  jsize len = (*jni)->GetArrayLength(jni, array);
  napi_value result, buffer;
  void* data;
  if (code == TC_ARRAY_BOOLEAN) {
    if (!NAPI_OK(env, napi_create_array_with_length(env, (size_t)len, &result))) return NULL;
    jboolean chunk[CHUNK];
    for (jsize from = 0; from < len; from += CHUNK) {
      jsize count = len - from < CHUNK ? len - from : CHUNK;
      (*jni)->GetBooleanArrayRegion(jni, array, from, count, chunk);
      for (jsize i = 0; i < count; i++) {
        napi_value b;
        if (!NAPI_OK(env, napi_get_boolean(env, chunk[i], &b)) ||
            !NAPI_OK(env, napi_set_element(env, result, (uint32_t)(from + i), b)))
          return NULL;
      }
    }
    return result;
  }
  static const size_t sizes[] = {1, 2, 2, 4, 8, 4, 8}; /* byte char short int long float double */
  static const napi_typedarray_type kinds[] = {napi_int8_array, napi_uint16_array, napi_int16_array,
                                               napi_int32_array, napi_bigint64_array, napi_float32_array,
                                               napi_float64_array};
  int k = code - TC_ARRAY_BYTE;
  if (code == TC_ARRAY_BYTE) { /* a Node Buffer (a Uint8Array): what Node code and npm packages expect bytes as */
    if (napi_create_buffer(env, (size_t)len, &data, &result) != napi_ok) {
      if (!js_pending(env))
        throw_range_error(env, "A Java byte[] of %d elements cannot become a Buffer: no memory", (int)len);
      return NULL;
    }
    if (len) (*jni)->GetByteArrayRegion(jni, array, 0, len, data);
    return result;
  }
  if (napi_create_arraybuffer(env, sizes[k] * (size_t)len, &data, &buffer) != napi_ok) {
    if (!js_pending(env))
      throw_range_error(env, "A Java %s of %d elements cannot become a JS typed array: no memory for %zu bytes",
                        code_name(code), (int)len, sizes[k] * (size_t)len);
    return NULL;
  }
  switch (code) {
    case TC_ARRAY_CHAR: (*jni)->GetCharArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_SHORT: (*jni)->GetShortArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_INT: (*jni)->GetIntArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_LONG: (*jni)->GetLongArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_FLOAT: (*jni)->GetFloatArrayRegion(jni, array, 0, len, data); break;
    case TC_ARRAY_DOUBLE: (*jni)->GetDoubleArrayRegion(jni, array, 0, len, data); break;
  }
  if (!NAPI_OK(env, napi_create_typedarray(env, kinds[k], (size_t)len, buffer, 0, &result))) return NULL;
  return result;
}

static bool enter_java_array(env_ctx* ctx, JNIEnv* jni, jobject array) {
  napi_env env = ctx->env;
  if (ctx->java_depth >= MAX_NESTING) {
    throw_range_error(env, "Java arrays nested more than %d levels deep cannot be converted to JS", MAX_NESTING);
    return false;
  }
  if (stack_exhausted()) {
    throw_stack_exhausted(env);
    return false;
  }
  for (int i = 0; i < ctx->java_depth; i++) {
    if ((*jni)->IsSameObject(jni, ctx->java_nest[i], array)) {
      throw_type_error(env,
                       "A cyclic Java array cannot be converted to JS: an element (at depth %d) is the array "
                       "that contains it (at depth %d)",
                       ctx->java_depth, i);
      return false;
    }
  }
  ctx->java_nest[ctx->java_depth++] = array;
  return true;
}

/* A slot of a primitive (A_INT, A_DOUBLE, A_BOOLEAN, A_NULL, A_BIGINT) as JS into *out: 1, or -1 with
 * a JS exception pending; 0 for the tags that need their object (A_STRING, A_OBJECT). The common
 * tags are tested first, one compare each (a fast call's arguments are mostly these). */
static int primitive_slot_to_js(napi_env env, const jlong* slot, napi_value* out) {
  jlong tag = slot[0], bits = slot[1];
  napi_status status;
  if (tag == A_INT) {
    status = napi_create_int32(env, (int32_t)bits, out);
  } else if (tag == A_DOUBLE) {
    double d;
    memcpy(&d, &bits, sizeof d);
    status = napi_create_double(env, d, out);
  } else if (tag == A_BOOLEAN) {
    status = napi_get_boolean(env, bits != 0, out);
  } else if (tag == A_NULL) {
    status = napi_get_null(env, out);
  } else if (tag == A_BIGINT) {
    status = napi_create_bigint_int64(env, (int64_t)bits, out);
  } else {
    return 0;
  }
  return status == napi_ok || status_checked(env, status, "a Java argument as JS") ? 1 : -1;
}

napi_value slot_to_js(env_ctx* ctx, JNIEnv* jni, const jlong* slot, jobjectArray objects, jsize i, const type_info* element) {
  napi_env env = ctx->env;
  napi_value js = NULL;
  int primitive = primitive_slot_to_js(env, slot, &js);
  if (primitive) return primitive > 0 ? js : NULL;
  jobject item = (*jni)->GetObjectArrayElement(jni, objects, i);
  jvalue v = {.l = item};
  js = slot[0] == A_STRING ? jstring_to_js(env, jni, item)
       : element           ? to_js(ctx, jni, v, element)
                           : object_to_js(ctx, jni, item);
  if (item) (*jni)->DeleteLocalRef(jni, item);
  return js;
}

bool java_args_to_js(env_ctx* ctx, JNIEnv* jni, const jlong* slots, jobjectArray args, napi_value* argv, jsize argc) {
  for (jsize i = 0; i < argc; i++) {
    int primitive = slots ? primitive_slot_to_js(ctx->env, slots + 2 * i, &argv[i]) : 0;
    if (primitive > 0) continue;
    if (primitive < 0) {
      js_failed(ctx, jni, napi_pending_exception); /* for the Java caller */
      return false;
    }
    if (!args) { /* Java sends the objects whenever a slot needs one */
      java_throw(jni, "java/lang/IllegalStateException", "node-api-java: argument %d of a fast call has no object", (int)i);
      return false;
    }
    if (!slots || slots[2 * i] == A_OBJECT) { /* by run-time class; JSValues as their JS values */
      jobject a = (*jni)->GetObjectArrayElement(jni, args, i);
      argv[i] = jobject_to_js(ctx, jni, a);
      if (a) (*jni)->DeleteLocalRef(jni, a);
      if (!argv[i]) return false;
    } else if (!(argv[i] = slot_to_js(ctx, jni, slots + 2 * i, args, i, NULL))) { /* a string */
      js_failed(ctx, jni, napi_pending_exception);
      return false;
    }
  }
  return true;
}

/* Elements are classified by Java in one call (Values.slots), so numbers, booleans, strings and
 * Longs cost no JNI call each; the rest go through to_js. Handle scopes per 256 elements. */
static napi_value object_array_to_js(env_ctx* ctx, JNIEnv* jni, jobjectArray array, const type_info* element) {
  napi_env env = ctx->env;
  if (!enter_java_array(ctx, jni, array)) return NULL;
  jsize len = (*jni)->GetArrayLength(jni, array);
  napi_value result = NULL;
  jlongArray jslots = (*jni)->CallStaticObjectMethod(jni, J.Values, J.Values_slots, array);
  jlong* slots = !java_failed(ctx, jni) && jslots ? malloc(sizeof(jlong) * 2 * (size_t)(len ? len : 1)) : NULL;
  bool ok = slots != NULL;
  if (!ok && !js_pending(env)) throw_range_error(env, "no memory to convert a Java array of %d elements", (int)len);
  if (ok) (*jni)->GetLongArrayRegion(jni, jslots, 0, 2 * len, slots);
  if (jslots) (*jni)->DeleteLocalRef(jni, jslots);
  ok = ok && NAPI_OK(env, napi_create_array_with_length(env, (size_t)len, &result));
  for (jsize at = 0; at < len && ok; at += 256) {
    napi_handle_scope scope;
    if (!NAPI_OK(env, napi_open_handle_scope(env, &scope))) {
      ok = false;
      break;
    }
    for (jsize i = at; i < len && i < at + 256 && ok; i++) {
      napi_value js = slot_to_js(ctx, jni, slots + 2 * i, array, i, element);
      ok = js && NAPI_OK(env, napi_set_element(env, result, (uint32_t)i, js));
    }
    napi_close_handle_scope(env, scope);
  }
  free(slots);
  ctx->java_depth--;
  return ok ? result : NULL;
}

/* Any Java reference by its run-time class (Values.dynamicCode): strings, boxes, arrays, big
 * integers and dates by value, anything else wrapped. */
napi_value object_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  napi_env env = ctx->env;
  if (!obj) {
    napi_value n;
    return NAPI_OK(env, napi_get_null(env, &n)) ? n : NULL;
  }
  /* the common run-time classes without a Java call (final classes: same class, same code) */
  jclass cls = (*jni)->GetObjectClass(jni, obj);
  jint code = -1;
  if ((*jni)->IsSameObject(jni, cls, J.String)) code = TC_STRING;
  else if ((*jni)->IsSameObject(jni, cls, J.box[TC_INT - TC_BOOLEAN])) code = TC_BOX_INTEGER;
  else if ((*jni)->IsSameObject(jni, cls, J.box[TC_DOUBLE - TC_BOOLEAN])) code = TC_BOX_DOUBLE;
  else if ((*jni)->IsSameObject(jni, cls, J.box[TC_LONG - TC_BOOLEAN])) code = TC_BOX_LONG;
  else if ((*jni)->IsSameObject(jni, cls, J.box[TC_BOOLEAN - TC_BOOLEAN])) code = TC_BOX_BOOLEAN;
  if (cls) (*jni)->DeleteLocalRef(jni, cls);
  if (code < 0) {
    code = (*jni)->CallStaticIntMethod(jni, J.Values, J.Values_dynamicCode, obj);
    if (java_failed(ctx, jni)) return NULL;
  }
  if (code == TC_OBJECT || ((ctx->by_reference >> code) & 1)) return wrap_object(ctx, jni, obj);
  type_info t = {code, NULL, NULL}; /* an Object[]'s elements: by their run-time class too */
  jvalue v = {.l = obj};
  return to_js(ctx, jni, v, &t);
}

/* A Java value of declared type t as JS. Does not delete value.l. NULL with a JS exception pending. */
napi_value to_js(env_ctx* ctx, JNIEnv* jni, jvalue value, const type_info* t) {
  int code = t->code;
  if (code <= TC_DOUBLE) {
    if (code == TC_LONG && ctx->bigint_longs > 0) { /* jvm.bigint(fn) */
      napi_value big;
      return NAPI_OK(ctx->env, napi_create_bigint_int64(ctx->env, value.j, &big)) ? big : NULL;
    }
    return primitive_to_js(ctx->env, code, value);
  }
  if (!value.l) {
    napi_value n;
    return NAPI_OK(ctx->env, napi_get_null(ctx->env, &n)) ? n : NULL;
  }
  if ((ctx->by_reference >> code) & 1) return wrap_object(ctx, jni, value.l);
  switch (code) {
    case TC_STRING: return jstring_to_js(ctx->env, jni, value.l);
    case TC_BOX_LONG: { /* a Long object is a bigint: it comes back into Java as a Long */
      jvalue j;
      napi_value big;
      if (!unbox_as(jni, value.l, TC_LONG, &j)) return java_failed(ctx, jni), NULL;
      return NAPI_OK(ctx->env, napi_create_bigint_int64(ctx->env, j.j, &big)) ? big : NULL;
    }
    case TC_ARRAY_OBJECT: return object_array_to_js(ctx, jni, value.l, t->element);
    case TC_FUTURE: return future_to_promise(ctx, jni, value.l);
    case TC_BIG_INTEGER: return biginteger_to_js(ctx, jni, value.l);
    case TC_DATE:
    case TC_INSTANT: return java_date_to_js(ctx, jni, value.l);
    case TC_JS_VALUE: {
      napi_value v = jsvalue_to_js(ctx, jni, value.l);
      if (!v) java_failed(ctx, jni);
      return v;
    }
    case TC_INPUT_STREAM:
    case TC_OUTPUT_STREAM: {
      napi_value wrapper = object_to_js(ctx, jni, value.l);
      return wrapper ? stream_hook(ctx, wrapper, code == TC_INPUT_STREAM ? "toReadable" : "toWritable") : NULL;
    }
    default:
      if (code >= TC_BYTE_BUFFER && code <= TC_DOUBLE_BUFFER) return buffer_to_js(ctx, jni, value.l, code);
      if (code >= TC_BOX_BOOLEAN && code <= TC_BOX_DOUBLE) return unbox_to_js(ctx, jni, value.l, code - TC_BOX_BOOLEAN + TC_BOOLEAN);
      if (code >= TC_ARRAY_BOOLEAN && code <= TC_ARRAY_DOUBLE) return primitive_array_to_js(ctx, jni, value.l, code);
      return object_to_js(ctx, jni, value.l); /* OBJECT, and collections, records, classes: by reference */
  }
}

/* ---------- type descriptions ---------- */

bool read_type_info(JNIEnv* jni, jobject ref, type_info* out) {
  out->cls = NULL;
  out->element = NULL;
  out->code = (*jni)->GetIntField(jni, ref, J.TR_code);
  if (out->code > TC_DOUBLE) {
    jobject cls = (*jni)->GetObjectField(jni, ref, J.TR_type);
    out->cls = cls ? (*jni)->NewGlobalRef(jni, cls) : NULL;
    if (cls) (*jni)->DeleteLocalRef(jni, cls);
    if (cls && !out->cls) {
      java_throw(jni, "java/lang/OutOfMemoryError", "no JNI global references left");
      return false;
    }
  }
  jobject el = (*jni)->GetObjectField(jni, ref, J.TR_element);
  if (el) {
    out->element = calloc(1, sizeof(type_info));
    bool ok = out->element && read_type_info(jni, el, out->element);
    (*jni)->DeleteLocalRef(jni, el);
    if (!ok) {
      if (!out->element) java_throw(jni, "java/lang/OutOfMemoryError", "no native memory for a type description");
      type_info_release(jni, out);
      return false;
    }
  }
  return true;
}

void type_info_release(JNIEnv* jni, type_info* t) {
  if (t->cls) (*jni)->DeleteGlobalRef(jni, t->cls);
  t->cls = NULL;
  for (type_info* e = t->element; e;) { /* element chain of array types */
    type_info* next = e->element;
    if (e->cls) (*jni)->DeleteGlobalRef(jni, e->cls);
    free(e);
    e = next;
  }
  t->element = NULL;
}
