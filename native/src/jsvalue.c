/*
 * Java hosts Node: the natives of dev.napijava.bridge.JSValueNatives, behind the dev.napijava.JSValue
 * object model. A JSValue of an object/function/symbol/bigint is the cookie of a js_ref (the same
 * native reference that JS-function proxies use, released by a Cleaner through the JS thread's
 * queue). Arguments and results use the shared marshaler (object_to_js, to_java); a JSValue
 * belongs to one environment and is refused by any other.
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

/* The JSValue kinds: dev.napijava.JSValue numbers them alike (SharedConstantsTest). */
enum { K_UNDEFINED,
       K_NULL,
       K_BOOLEAN,
       K_NUMBER,
       K_STRING,
       K_SYMBOL,
       K_BIGINT,
       K_OBJECT,
       K_FUNCTION,
       K_ARRAY,
       K_PROMISE,
       K_MAP,
       K_SET,
       K_DATE,
       K_ERROR,
       K_ARRAYBUFFER,
       K_TYPEDARRAY };

/* JSValue: from the start (jsvalue_class_init); the rest set by jsvalues_init, which runs when
 * JSValueNatives is initialized (jsvalues_ready). */
static jclass JSValueNatives, JSValue;
static jmethodID JSValueNatives_wrap;
static jmethodID JSValueNatives_parameter;
static jfieldID JSValue_cookie, JSValue_kind, JSValue_javaValue, JSValue_number, JSValue_env;
static jobject undefined_marker;

/* Loads JSValueNatives (whose initializer registers the natives below and calls jsvalues_init). */
static bool jsvalues_ready(JNIEnv* jni) {
  if (JSValueNatives) return true;
  jclass c = (*jni)->FindClass(jni, "dev/napijava/bridge/JSValueNatives");
  if (c) (*jni)->DeleteLocalRef(jni, c);
  if (!JSValueNatives && !(*jni)->ExceptionCheck(jni))
    java_throw(jni, "java/lang/IllegalStateException", "node-api-java: the JSValue natives are not registered");
  return JSValueNatives != NULL;
}

static bool instance_of_global(env_ctx* ctx, napi_value v, const char* ctor_name, bool* result) {
  napi_value global, ctor;
  *result = false;
  return NAPI_OK(ctx->env, napi_get_global(ctx->env, &global)) &&
         NAPI_OK(ctx->env, napi_get_named_property(ctx->env, global, ctor_name, &ctor)) &&
         NAPI_OK(ctx->env, napi_instanceof(ctx->env, v, ctor, result));
}

/* The JSValue kind of an object (not a Java wrapper); -1 with a JS exception pending. */
static int object_kind(env_ctx* ctx, napi_value v) {
  napi_env env = ctx->env;
  bool is = false;
  if (!NAPI_OK(env, napi_is_array(env, v, &is))) return -1;
  if (is) return K_ARRAY;
  if (!NAPI_OK(env, napi_is_promise(env, v, &is))) return -1;
  if (is) return K_PROMISE;
  if (!NAPI_OK(env, napi_is_error(env, v, &is))) return -1;
  if (is) return K_ERROR;
  if (!NAPI_OK(env, napi_is_date(env, v, &is))) return -1;
  if (is) return K_DATE;
  if (!NAPI_OK(env, napi_is_arraybuffer(env, v, &is))) return -1;
  if (is) return K_ARRAYBUFFER;
  if (!NAPI_OK(env, napi_is_typedarray(env, v, &is))) return -1;
  if (is) return K_TYPEDARRAY;
  if (!NAPI_OK(env, napi_is_dataview(env, v, &is))) return -1;
  if (is) return K_TYPEDARRAY;
  if (!instance_of_global(ctx, v, "Map", &is)) return -1;
  if (is) return K_MAP;
  if (!instance_of_global(ctx, v, "Set", &is)) return -1;
  return is ? K_SET : K_OBJECT;
}

/* A JS value as a Java object: undefined -> JSValueNatives.UNDEFINED, null -> null, boolean/number/
 * string -> Boolean/Double/String, a wrapped Java object -> that object, anything else -> a
 * JSValue. NULL with a JS or Java exception pending (or for null). */
static jobject js_to_handle(env_ctx* ctx, JNIEnv* jni, napi_value v, int kind);

jobject js_to_jobject(env_ctx* ctx, JNIEnv* jni, napi_value v) {
  napi_env env = ctx->env;
  if (!jsvalues_ready(jni)) return NULL;
  napi_valuetype type;
  if (!NAPI_OK(env, napi_typeof(env, v, &type))) return NULL;
  int kind;
  switch (type) {
    case napi_undefined: return (*jni)->NewLocalRef(jni, undefined_marker);
    case napi_null: return NULL;
    case napi_boolean: {
      bool b;
      if (!NAPI_OK(env, napi_get_value_bool(env, v, &b))) return NULL;
      jvalue jv = {.z = b};
      return box_primitive(jni, TC_BOOLEAN, jv);
    }
    case napi_number: {
      jvalue jv;
      if (!NAPI_OK(env, napi_get_value_double(env, v, &jv.d))) return NULL;
      return box_primitive(jni, TC_DOUBLE, jv);
    }
    case napi_string: return js_to_jstring(env, jni, v);
    case napi_symbol: kind = K_SYMBOL; break;
    case napi_bigint: kind = K_BIGINT; break;
    case napi_function: kind = K_FUNCTION; break;
    case napi_external: kind = K_OBJECT; break;
    default: {
      java_ref* jr = unwrap_java(ctx, v);
      if (jr) return (*jni)->NewLocalRef(jni, jr->obj);
      if ((kind = object_kind(ctx, v)) < 0) return NULL;
    }
  }
  return js_to_handle(ctx, jni, v, kind);
}

/* A JSValue handle on v (of that kind), whatever v is (a Java wrapper too). NULL with an exception pending. */
static jobject js_to_handle(env_ctx* ctx, JNIEnv* jni, napi_value v, int kind) {
  napi_env env = ctx->env;
  /* References to primitives (bigint; symbol on some Node versions) are not allowed: keep their
   * wrapper object (Object(v)), unboxed again whenever the value goes back to JS. */
  if ((kind == K_SYMBOL || kind == K_BIGINT) && !NAPI_OK(env, napi_coerce_to_object(env, v, &v))) return NULL;
  js_ref* r = js_ref_new(ctx, v, 1);
  if (!r) return NULL;
  jobject result = (*jni)->CallStaticObjectMethod(jni, JSValueNatives, JSValueNatives_wrap, ctx->js_env, (jlong)(intptr_t)r, kind);
  if (!result || (*jni)->ExceptionCheck(jni)) { /* Java failed: nobody owns the reference */
    js_ref_free(r);
    if (result) (*jni)->DeleteLocalRef(jni, result);
    return NULL;
  }
  return result;
}

/* Does this JSValue belong to the environment? (Its cookie is only looked at when it does.) */
static bool same_environment(env_ctx* ctx, JNIEnv* jni, jobject value) {
  jobject owner = (*jni)->GetObjectField(jni, value, JSValue_env);
  bool same = owner && (*jni)->IsSameObject(jni, owner, ctx->js_env);
  if (owner) (*jni)->DeleteLocalRef(jni, owner);
  return same;
}

/* A JSValue (or JSValueNatives.UNDEFINED) as the JS value it holds: handles of this environment only.
 * NULL with a Java exception pending. */
napi_value jsvalue_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  napi_env env = ctx->env;
  napi_value v = NULL;
  if (!jsvalues_ready(jni)) return NULL;
  if ((*jni)->IsSameObject(jni, obj, undefined_marker)) {
    if (napi_get_undefined(env, &v) != napi_ok) js_failed(ctx, jni, napi_generic_failure);
    return v;
  }
  jlong cookie = (*jni)->GetLongField(jni, obj, JSValue_cookie);
  jint kind = (*jni)->GetIntField(jni, obj, JSValue_kind);
  if (cookie) {
    if (!same_environment(ctx, jni, obj)) {
      java_throw(jni, "java/lang/IllegalArgumentException",
                 "This JSValue belongs to another Node.js environment: JS values cannot move between "
                 "environments (pass Java values, or recreate the value in this environment)");
      return NULL;
    }
    if (!(v = js_ref_value(ctx, cookie))) {
      js_failed(ctx, jni, napi_generic_failure);
      return NULL;
    }
    if (kind == K_SYMBOL || kind == K_BIGINT) { /* Object(v) -> v */
      napi_value value_of, unboxed;
      if (napi_get_named_property(env, v, "valueOf", &value_of) != napi_ok ||
          napi_call_function(env, v, value_of, 0, NULL, &unboxed) != napi_ok) {
        js_failed(ctx, jni, napi_pending_exception);
        return NULL;
      }
      v = unboxed;
    }
    return v;
  }
  if (kind == K_UNDEFINED) {
    if (napi_get_undefined(env, &v) != napi_ok) js_failed(ctx, jni, napi_generic_failure);
    return v;
  }
  if (kind == K_NUMBER) { /* held as a double field, no box */
    if (napi_create_double(env, (*jni)->GetDoubleField(jni, obj, JSValue_number), &v) != napi_ok) js_failed(ctx, jni, napi_generic_failure);
    return v;
  }
  jobject prim = (*jni)->GetObjectField(jni, obj, JSValue_javaValue);
  v = object_to_js(ctx, jni, prim);
  if (prim) (*jni)->DeleteLocalRef(jni, prim);
  /* object_to_js reports to JS; the Java caller needs it as a Java exception */
  if (!v) js_failed(ctx, jni, napi_pending_exception);
  return v;
}

napi_value jobject_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  if (obj && ((*jni)->IsInstanceOf(jni, obj, JSValue) || (undefined_marker && (*jni)->IsSameObject(jni, obj, undefined_marker))))
    return jsvalue_to_js(ctx, jni, obj);
  napi_value v = object_to_js(ctx, jni, obj);
  if (!v) js_failed(ctx, jni, napi_pending_exception);
  return v;
}

/* A JS argument of a JSValue parameter (declared: JSValue or a view): the value itself, the kind
 * checked by JSValueNatives.parameter. False with a JS exception pending. */
bool js_to_jsvalue(env_ctx* ctx, JNIEnv* jni, napi_value v, jclass declared, jobject* out) {
  *out = NULL;
  jobject native = js_to_jobject(ctx, jni, v); /* NULL for JS null, or on failure */
  if (!native && (js_pending(ctx->env) || java_failed(ctx, jni))) return false;
  *out = (*jni)->CallStaticObjectMethod(jni, JSValueNatives, JSValueNatives_parameter, native, declared);
  if (native) (*jni)->DeleteLocalRef(jni, native);
  if (java_failed(ctx, jni)) {
    if (*out) (*jni)->DeleteLocalRef(jni, *out);
    *out = NULL;
    return false;
  }
  return *out != NULL;
}

#define ENTER(ret)                                            \
  env_ctx* ctx = (env_ctx*)(intptr_t)ctxp;                    \
  if (!java_may_enter_js(ctx, jni, "A JS value")) return ret; \
  napi_env env = ctx->env;                                    \
  napi_handle_scope scope;                                    \
  if (napi_open_handle_scope(env, &scope) != napi_ok) {       \
    js_failed(ctx, jni, napi_generic_failure);                \
    return ret;                                               \
  }
#define LEAVE(value)                   \
  napi_close_handle_scope(env, scope); \
  return value

/* The value of a handle of this environment (Java passes handles of the value's own environment). */
static napi_value handle_value(env_ctx* ctx, JNIEnv* jni, jlong h) {
  napi_value v = js_ref_value(ctx, h);
  if (!v) js_failed(ctx, jni, napi_generic_failure);
  return v;
}

static jobject JNICALL n_global(JNIEnv* jni, jclass cls, jlong ctxp) {
  ENTER(NULL);
  napi_value g;
  jobject r = js_failed(ctx, jni, napi_get_global(env, &g)) ? NULL : js_to_jobject(ctx, jni, g);
  LEAVE(r);
}

/* The package's conversion hook (index.js hooks.stream: hook(value, kind), kind "toJS" among them). */
static jobject JNICALL n_value_hook(JNIEnv* jni, jclass cls, jlong ctxp) {
  ENTER(NULL);
  napi_value hook = NULL;
  jobject r = NULL;
  if (!ctx->stream_hook) java_throw(jni, "java/lang/IllegalStateException", "node-api-java: this environment has no package hooks");
  else if (!js_failed(ctx, jni, napi_get_reference_value(env, ctx->stream_hook, &hook)) &&
           !(r = js_to_jobject(ctx, jni, hook)))
    js_failed(ctx, jni, napi_pending_exception);
  LEAVE(r);
}

static jobject JNICALL n_get(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject key) {
  ENTER(NULL);
  napi_value target = handle_value(ctx, jni, h), k = target ? jobject_to_js(ctx, jni, key) : NULL, v;
  jobject r = NULL;
  if (k && !js_failed(ctx, jni, napi_get_property(env, target, k, &v))) r = js_to_jobject(ctx, jni, v);
  LEAVE(r);
}

static void JNICALL n_set(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject key, jobject value) {
  ENTER();
  napi_value target = handle_value(ctx, jni, h), k = target ? jobject_to_js(ctx, jni, key) : NULL;
  napi_value v = k ? jobject_to_js(ctx, jni, value) : NULL;
  if (v) js_failed(ctx, jni, napi_set_property(env, target, k, v));
  LEAVE();
}

static jboolean JNICALL n_has(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject key) {
  ENTER(JNI_FALSE);
  napi_value target = handle_value(ctx, jni, h), k = target ? jobject_to_js(ctx, jni, key) : NULL;
  bool has = false;
  if (k) js_failed(ctx, jni, napi_has_property(env, target, k, &has));
  LEAVE((jboolean)has);
}

/* call(fn, this, args) / callMethod(obj, name, args) / construct(fn, args); mode 0, 1, 2. */
static jobject invoke(JNIEnv* jni, env_ctx* ctx, napi_value target, jobject this_or_name, jobjectArray args, int mode) {
  napi_env env = ctx->env;
  napi_value fn = target, recv, result;
  if (!target || js_failed(ctx, jni, napi_get_undefined(env, &recv))) return NULL;
  if (mode == 1) {
    napi_value name = jobject_to_js(ctx, jni, this_or_name);
    napi_valuetype t = napi_undefined;
    if (!name || js_failed(ctx, jni, napi_get_property(env, target, name, &fn)) ||
        js_failed(ctx, jni, napi_typeof(env, fn, &t)))
      return NULL;
    if (t != napi_function) {
      throw_type_error(env, "the JS object has no function of that name");
      js_failed(ctx, jni, napi_pending_exception);
      return NULL;
    }
    recv = target;
  } else if (mode == 0 && this_or_name) {
    if (!(recv = jobject_to_js(ctx, jni, this_or_name))) return NULL;
  }
  jsize argc = args ? (*jni)->GetArrayLength(jni, args) : 0;
  napi_value stack_argv[FAST_ARGS];
  napi_value* argv = js_argv(jni, argc, stack_argv);
  if (!argv) return NULL;
  jobject r = NULL;
  if (java_args_to_js(ctx, jni, NULL, args, argv, argc)) {
    napi_status s = mode == 2 ? napi_new_instance(env, fn, (size_t)argc, argv, &result)
                              : napi_call_function(env, recv, fn, (size_t)argc, argv, &result);
    if (!js_failed(ctx, jni, s)) r = js_to_jobject(ctx, jni, result);
  }
  if (argv != stack_argv) free(argv);
  return r;
}

static jobject JNICALL n_call(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject self, jobjectArray args) {
  ENTER(NULL);
  jobject r = invoke(jni, ctx, handle_value(ctx, jni, h), self, args, 0);
  LEAVE(r);
}

/* A primitive of type code (BOOLEAN..DOUBLE) widened to the long JSValueNatives.callFast decodes by the code. */
static jlong primitive_bits(int code, jvalue v) {
  switch (code) {
    case TC_BOOLEAN: return v.z;
    case TC_BYTE: return v.b;
    case TC_CHAR: return v.c;
    case TC_SHORT: return v.s;
    case TC_INT: return v.i;
    case TC_FLOAT: {
      int32_t bits;
      memcpy(&bits, &v.f, sizeof bits);
      return bits;
    }
    case TC_DOUBLE: {
      jlong bits;
      memcpy(&bits, &v.d, sizeof bits);
      return bits;
    }
    default: return v.j;
  }
}

/* The fast call (JSValueNatives.callFast; fn(...args), or obj.name(...args) when name is not null): the
 * arguments are (tag, bits) pairs Java wrote into frame `frame` of the environment's registered
 * memory (CallSlots), read in place, so numbers, booleans and strings need no JNI call; objects
 * holds the strings and other objects by argument index (NULL when there are none). The arguments
 * are all converted before the call: a nested fast call (from Java code the conversion or the JS
 * function runs) uses the next frame anyway.
 * The result, type NULL (JSValue.call): a number, boolean, undefined or null is written over the
 * frame's first pair (R_* tag, bits) and NULL returned, so no box crosses JNI; anything else as
 * js_to_jobject makes it; a named property that is no function is a TypeError.
 * type given (an interface proxy's method; code its TypeRef's code): converted to that type, a
 * primitive as R_VALUE + its bits (primitive_bits), void as R_UNDEFINED, a reference returned (a
 * null one with R_NULL); a named property that is no function returns JsProxies.NO_MEMBER. */
static jobject JNICALL n_call_fast(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jstring name, jint argc, jint frame,
                                   jobjectArray objects, jint code, jobject type) {
  ENTER(NULL);
  if (!ctx->call_slots || frame < 0 || frame >= ctx->call_frames || argc < 0 || argc > FAST_ARGS ||
      (type && (code < TC_VOID || code >= TC_COUNT))) { /* Java never sends these */
    java_throw(jni, "java/lang/IllegalStateException", "node-api-java: fast call frame %d with %d arguments out of range", (int)frame, (int)argc);
    LEAVE(NULL);
  }
  jlong* s = ctx->call_slots + (size_t)frame * FAST_FRAME;
  napi_value argv[FAST_ARGS], recv, result, fn = handle_value(ctx, jni, h);
  napi_valuetype t;
  if (!fn) {
    LEAVE(NULL);
  }
  if (name) { /* obj.name(...args) */
    recv = fn;
    napi_value key = jstring_to_js(env, jni, name);
    if (!key ? js_failed(ctx, jni, napi_pending_exception) : js_failed(ctx, jni, napi_get_property(env, recv, key, &fn))) {
      LEAVE(NULL);
    }
    if (type) { /* a proxy: no such function is for Java to handle (a property, a default method) */
      if (js_failed(ctx, jni, napi_typeof(env, fn, &t))) {
        LEAVE(NULL);
      }
      if (t != napi_function) {
        jobject r = (*jni)->NewLocalRef(jni, J.no_member);
        if (!r && !(*jni)->ExceptionCheck(jni)) java_throw(jni, "java/lang/OutOfMemoryError", "no JNI local reference left");
        LEAVE(r);
      }
    }
  } else if (js_failed(ctx, jni, napi_get_undefined(env, &recv))) {
    LEAVE(NULL);
  }
  if (!java_args_to_js(ctx, jni, s, objects, argv, argc)) {
    LEAVE(NULL);
  }
  napi_status status = napi_call_function(env, recv, fn, (size_t)argc, argv, &result);
  if (status != napi_ok && status != napi_pending_exception && name && napi_typeof(env, fn, &t) == napi_ok &&
      t != napi_function) { /* the call checks that fn is a function: no napi_typeof before it */
    throw_type_error(env, "the JS object has no function of that name");
    status = napi_pending_exception;
  }
  if (js_failed(ctx, jni, status)) {
    LEAVE(NULL);
  }
  s[0] = R_NULL; /* what a NULL return means unless a result below says otherwise */
  if (type) {    /* converted to the declared type */
    jobject r = NULL;
    if (code == TC_VOID) {
      s[0] = R_UNDEFINED;
    } else if (code <= TC_DOUBLE) {
      type_info prim = {code, NULL, NULL};
      jvalue v;
      bool local;
      if (!to_java(ctx, jni, result, &prim, &v, &local)) {
        js_failed(ctx, jni, napi_pending_exception);
      } else {
        s[0] = R_VALUE;
        s[1] = primitive_bits(code, v);
      }
    } else {
      type_info declared;
      if (read_type_info(jni, type, &declared)) {
        if (!to_java_object(ctx, jni, result, &declared, &r)) js_failed(ctx, jni, napi_pending_exception);
        type_info_release(jni, &declared);
      }
    }
    LEAVE(r);
  }
  /* A number first: the common result costs one napi call (its status says when it is not one). */
  double d;
  status = napi_get_value_double(env, result, &d);
  if (status == napi_ok) {
    s[0] = R_NUMBER;
    memcpy(&s[1], &d, sizeof d);
    LEAVE(NULL);
  }
  if ((status != napi_number_expected && js_failed(ctx, jni, status)) || js_failed(ctx, jni, napi_typeof(env, result, &t))) {
    LEAVE(NULL);
  }
  bool b = false;
  switch (t) {
    case napi_undefined: s[0] = R_UNDEFINED; break;
    case napi_null: s[0] = R_NULL; break;
    case napi_boolean:
      if (js_failed(ctx, jni, napi_get_value_bool(env, result, &b))) {
        LEAVE(NULL);
      }
      s[0] = R_BOOLEAN;
      s[1] = b;
      break;
    default: {
      jobject r = js_to_jobject(ctx, jni, result);
      if (!r && js_pending(env)) js_failed(ctx, jni, napi_pending_exception); /* for the Java caller */
      LEAVE(r);
    }
  }
  LEAVE(NULL);
}

/* JSValueNatives.registerSlots: the environment's fast-call memory (CallSlots.slots, a direct LongBuffer),
 * once; its address is kept with a global reference, released when the environment ends. */
static void JNICALL n_register_slots(JNIEnv* jni, jclass cls, jlong ctxp, jobject buffer) {
  env_ctx* ctx = (env_ctx*)(intptr_t)ctxp;
  if (!java_may_enter_js(ctx, jni, "A JS value")) return;
  jlong* address = buffer ? (*jni)->GetDirectBufferAddress(jni, buffer) : NULL;
  jlong longs = buffer ? (*jni)->GetDirectBufferCapacity(jni, buffer) : -1; /* elements: longs of a LongBuffer */
  if (ctx->call_slots) {
    java_throw(jni, "java/lang/IllegalStateException", "node-api-java: the fast-call memory is registered already");
  } else if (!address || longs < FAST_FRAME || (uintptr_t)address % sizeof(jlong)) {
    java_throw(jni, "java/lang/IllegalArgumentException", "node-api-java: the fast-call memory is no aligned direct buffer of a frame or more");
  } else if (!(ctx->call_slots_buffer = (*jni)->NewGlobalRef(jni, buffer))) {
    java_throw(jni, "java/lang/OutOfMemoryError", "no JNI global references left");
  } else {
    ctx->call_slots = address;
    ctx->call_frames = (jint)(longs / FAST_FRAME < 1024 ? longs / FAST_FRAME : 1024);
  }
}

static jobject JNICALL n_call_method(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jstring name, jobjectArray args) {
  ENTER(NULL);
  jobject r = invoke(jni, ctx, handle_value(ctx, jni, h), name, args, 1);
  LEAVE(r);
}

static jobject JNICALL n_construct(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobjectArray args) {
  ENTER(NULL);
  jobject r = invoke(jni, ctx, handle_value(ctx, jni, h), NULL, args, 2);
  LEAVE(r);
}

/* A weak reference (count 0) to the handle's value, as a js_ref cookie released like the others. */
static jlong JNICALL n_weak_ref(JNIEnv* jni, jclass cls, jlong ctxp, jlong h) {
  ENTER(0);
  napi_value v = handle_value(ctx, jni, h);
  js_ref* r = v ? js_ref_new(ctx, v, 0) : NULL;
  if (v && !r) js_failed(ctx, jni, napi_pending_exception);
  LEAVE((jlong)(intptr_t)r);
}

/* The weakly referenced value (a new handle), or NULL once JS collected it. */
static jobject JNICALL n_weak_get(JNIEnv* jni, jclass cls, jlong ctxp, jlong w) {
  ENTER(NULL);
  jobject r = NULL;
  napi_value v = js_ref_value(ctx, w);
  if (v) r = js_to_jobject(ctx, jni, v);
  LEAVE(r);
}

/* ---- a JS array seen from Java as a java.util.List (JsCollections.JsArrayList) ---- */

static jint JNICALL n_array_length(JNIEnv* jni, jclass cls, jlong ctxp, jlong h) {
  ENTER(0);
  napi_value array = handle_value(ctx, jni, h), length;
  double n = 0;
  if (array && !js_failed(ctx, jni, napi_get_named_property(env, array, "length", &length)) &&
      !js_failed(ctx, jni, napi_get_value_double(env, length, &n)) && !(n >= 0 && n <= 2147483647.0)) {
    java_throw(jni, "java/lang/IllegalStateException", "the JS array's length (%g) is not a Java List size", n);
  }
  LEAVE((jint)n);
}

static jobject JNICALL n_array_get(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jint index) {
  ENTER(NULL);
  napi_value array = handle_value(ctx, jni, h), element;
  jobject r = NULL;
  if (array && !js_failed(ctx, jni, napi_get_element(env, array, (uint32_t)index, &element))) {
    type_info any = {TC_OBJECT, J.Object, NULL};
    if (!to_java_object(ctx, jni, element, &any, &r)) js_failed(ctx, jni, napi_pending_exception);
  }
  LEAVE(r);
}

static void JNICALL n_array_splice(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jint start, jint count, jobjectArray insert) {
  ENTER();
  napi_value array = handle_value(ctx, jni, h), splice, ignored;
  jsize n = insert ? (*jni)->GetArrayLength(jni, insert) : 0;
  napi_value argv[2 + 4];
  if (n > 4) {
    java_throw(jni, "java/lang/IllegalArgumentException", "splice inserts at most 4 elements here");
  } else if (array && !js_failed(ctx, jni, napi_get_named_property(env, array, "splice", &splice)) &&
             !js_failed(ctx, jni, napi_create_int32(env, start, &argv[0])) &&
             !js_failed(ctx, jni, napi_create_int32(env, count, &argv[1])) && java_args_to_js(ctx, jni, NULL, insert, argv + 2, n)) {
    js_failed(ctx, jni, napi_call_function(env, array, splice, (size_t)(2 + n), argv, &ignored));
  }
  LEAVE();
}

/* The JS value as a Java value of a declared type (String, int, List, an interface...). */
static jobject JNICALL n_convert(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject value, jobject type) {
  ENTER(NULL);
  napi_value v = h ? handle_value(ctx, jni, h) : jobject_to_js(ctx, jni, value);
  jobject result = NULL;
  type_info t;
  if (v && read_type_info(jni, type, &t)) {
    if (!to_java_object(ctx, jni, v, &t, &result)) js_failed(ctx, jni, napi_pending_exception);
    type_info_release(jni, &t);
  }
  LEAVE(result);
}

/* The JS value as a Java interface: a function proxy (calls the value) or an object proxy (calls
 * its same-named functions; also for a function with properties, such as lodash's _). */
static jobject JNICALL n_proxy(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jclass iface, jboolean is_function) {
  ENTER(NULL);
  napi_value v = handle_value(ctx, jni, h);
  jobject r = v ? js_to_proxy(ctx, jni, v, iface, is_function) : NULL;
  if (v && !r) js_failed(ctx, jni, napi_pending_exception);
  LEAVE(r);
}

/* Java value -> JS value -> JSValue (Java strings, numbers, objects, arrays as JS sees them). */
static jobject JNICALL n_from_java(JNIEnv* jni, jclass cls, jlong ctxp, jobject value) {
  ENTER(NULL);
  napi_value v = jobject_to_js(ctx, jni, value);
  /* a Java object's JS wrapper as a handle (JSValue.from: what JS sees), not the object again */
  jobject r = !v ? NULL : unwrap_java(ctx, v) ? js_to_handle(ctx, jni, v, K_OBJECT)
                                              : js_to_jobject(ctx, jni, v);
  if (v && !r && js_pending(env)) js_failed(ctx, jni, napi_pending_exception); /* NULL alone: JS null */
  LEAVE(r);
}

/* String(value), as JS would print it (never throws for symbols: uses their description). */
static jstring JNICALL n_to_string(JNIEnv* jni, jclass cls, jlong ctxp, jlong h) {
  ENTER(NULL);
  napi_value v = handle_value(ctx, jni, h), s, global, string_fn;
  jstring r = NULL;
  if (v && !js_failed(ctx, jni, napi_get_global(env, &global)) &&
      !js_failed(ctx, jni, napi_get_named_property(env, global, "String", &string_fn)) &&
      !js_failed(ctx, jni, napi_call_function(env, global, string_fn, 1, &v, &s))) {
    r = js_to_jstring(env, jni, s);
    if (!r) js_failed(ctx, jni, napi_pending_exception);
  }
  LEAVE(r);
}

/* A direct ByteBuffer over the bytes of an ArrayBuffer, typed array, Buffer or DataView. */
static jobject JNICALL n_buffer(JNIEnv* jni, jclass cls, jlong ctxp, jlong h) {
  ENTER(NULL);
  napi_value v = handle_value(ctx, jni, h), ab;
  void* data = NULL;
  size_t bytes = 0, length, offset;
  bool is = false;
  napi_typedarray_type type;
  napi_status status = v ? napi_is_arraybuffer(env, v, &is) : napi_generic_failure;
  if (status == napi_ok && is) {
    status = napi_get_arraybuffer_info(env, v, &data, &bytes);
  } else if (status == napi_ok && (status = napi_is_typedarray(env, v, &is)) == napi_ok && is) {
    status = napi_get_typedarray_info(env, v, &type, &length, &data, &ab, &offset);
    static const size_t sizes[] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8};
    bytes = length * (type <= napi_biguint64_array ? sizes[type] : 1);
  } else if (status == napi_ok && (status = napi_is_dataview(env, v, &is)) == napi_ok && is) {
    status = napi_get_dataview_info(env, v, &bytes, &data, &ab, &offset);
  }
  static char empty;
  jobject r = js_failed(ctx, jni, status) ? NULL : (*jni)->NewDirectByteBuffer(jni, data ? data : &empty, (jlong)bytes);
  LEAVE(r);
}

/* then(fulfilled, rejected) completing the given future (values as with js_to_jobject). */
static void JNICALL n_when_settled(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject future) {
  ENTER();
  napi_value v = handle_value(ctx, jni, h);
  if (v && !complete_when_settled(ctx, jni, v, future, js_to_jobject)) js_failed(ctx, jni, napi_pending_exception);
  LEAVE();
}

bool jsvalue_class_init(JNIEnv* jni) {
  return (JSValue = static_global(jni, J.Bridge, "JSVALUE_CLASS", "Ljava/lang/Class;")) != NULL;
}

bool jsvalues_init(JNIEnv* jni) {
  if (JSValueNatives) return true;
  jclass c = (*jni)->FindClass(jni, "dev/napijava/bridge/JSValueNatives");
  if (!c) return false;
  jclass v = JSValue;
  if (!(undefined_marker = static_global(jni, c, "UNDEFINED", "Ljava/lang/Object;"))) return false;
  if (!(JSValueNatives_wrap = (*jni)->GetStaticMethodID(jni, c, "wrap", "(Ldev/napijava/bridge/JsEnv;JI)Ljava/lang/Object;")) ||
      !(JSValueNatives_parameter = (*jni)->GetStaticMethodID(jni, c, "parameter", "(Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;")) ||
      !(JSValue_cookie = (*jni)->GetFieldID(jni, v, "cookie", "J")) ||
      !(JSValue_kind = (*jni)->GetFieldID(jni, v, "kind", "I")) ||
      !(JSValue_javaValue = (*jni)->GetFieldID(jni, v, "javaValue", "Ljava/lang/Object;")) ||
      !(JSValue_number = (*jni)->GetFieldID(jni, v, "number", "D")) ||
      !(JSValue_env = (*jni)->GetFieldID(jni, v, "env", "Ldev/napijava/bridge/JsEnv;")))
    return false;
  JNINativeMethod natives[] = {
      {"global", "(J)Ljava/lang/Object;", (void*)n_global},
      {"valueHook", "(J)Ljava/lang/Object;", (void*)n_value_hook},
      {"get", "(JJLjava/lang/Object;)Ljava/lang/Object;", (void*)n_get},
      {"set", "(JJLjava/lang/Object;Ljava/lang/Object;)V", (void*)n_set},
      {"has", "(JJLjava/lang/Object;)Z", (void*)n_has},
      {"call", "(JJLjava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", (void*)n_call},
      {"callFast", "(JJLjava/lang/String;II[Ljava/lang/Object;ILdev/napijava/bridge/TypeRef;)Ljava/lang/Object;", (void*)n_call_fast},
      {"registerSlots", "(JLjava/nio/LongBuffer;)V", (void*)n_register_slots},
      {"callMethod", "(JJLjava/lang/String;[Ljava/lang/Object;)Ljava/lang/Object;", (void*)n_call_method},
      {"construct", "(JJ[Ljava/lang/Object;)Ljava/lang/Object;", (void*)n_construct},
      {"convert", "(JJLjava/lang/Object;Ldev/napijava/bridge/TypeRef;)Ljava/lang/Object;", (void*)n_convert},
      {"proxy", "(JJLjava/lang/Class;Z)Ljava/lang/Object;", (void*)n_proxy},
      {"fromJava", "(JLjava/lang/Object;)Ljava/lang/Object;", (void*)n_from_java},
      {"toString", "(JJ)Ljava/lang/String;", (void*)n_to_string},
      {"buffer", "(JJ)Ljava/nio/ByteBuffer;", (void*)n_buffer},
      {"weakRef", "(JJ)J", (void*)n_weak_ref},
      {"weakGet", "(JJ)Ljava/lang/Object;", (void*)n_weak_get},
      {"whenSettled", "(JJLjava/util/concurrent/CompletableFuture;)V", (void*)n_when_settled},
      {"arrayLength", "(JJ)I", (void*)n_array_length},
      {"arrayGet", "(JJI)Ljava/lang/Object;", (void*)n_array_get},
      {"arraySplice", "(JJII[Ljava/lang/Object;)V", (void*)n_array_splice},
  };
  if ((*jni)->RegisterNatives(jni, c, natives, sizeof natives / sizeof natives[0]) != 0) return false;
  /* last: JSValueNatives != NULL means everything above is set */
  return (JSValueNatives = (*jni)->NewGlobalRef(jni, c)) != NULL;
}
