/*
 * Java hosts Node: the natives of dev.napijava.bridge.JsValues, behind the dev.napijava.JSValue
 * object model. A JSValue of an object/function/symbol/bigint is the cookie of a js_ref (the same
 * native strong reference that JS-function proxies use, released by a Cleaner through the JS
 * thread's queue). Arguments and results use the shared marshaler (object_to_js, to_java).
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

enum { K_UNDEFINED, K_NULL, K_BOOLEAN, K_NUMBER, K_STRING, K_SYMBOL, K_BIGINT, K_OBJECT, K_FUNCTION, K_ARRAY,
       K_PROMISE, K_MAP, K_SET, K_DATE, K_ERROR, K_ARRAYBUFFER, K_TYPEDARRAY };

static jclass JsValues, JSValue, IllegalState;
static jmethodID JsValues_wrap;
static jfieldID JSValue_cookie, JSValue_kind, JSValue_prim;
static jobject undefined_marker;

static bool check_thread(env_ctx* ctx, JNIEnv* jni) {
  if (on_js_thread(ctx)) return true;
  (*jni)->ThrowNew(jni, J.JSInvalidThreadAccess,
                   "A JS value was used from a thread that is not its Node.js environment's JS thread: use "
                   "NodejsEnvironment.run(...), runAsync(...) or post(...) to work with JS values");
  return false;
}

static napi_value ref_value(env_ctx* ctx, jlong cookie) {
  napi_value v = NULL;
  napi_get_reference_value(ctx->env, ((js_ref*)(intptr_t)cookie)->ref, &v);
  return v;
}

/* A pending JS exception (or status failure) as a pending Java exception; true if there was one. */
static bool js_failed(env_ctx* ctx, JNIEnv* jni, napi_status status) {
  if (status == napi_ok && !js_pending(ctx->env)) return false;
  napi_value error;
  if (napi_get_and_clear_last_exception(ctx->env, &error) == napi_ok) {
    napi_valuetype t;
    napi_typeof(ctx->env, error, &t);
    if (t != napi_undefined || status == napi_pending_exception) {
      throw_js_to_java(ctx, jni, error);
      return true;
    }
  }
  if (!(*jni)->ExceptionCheck(jni)) (*jni)->ThrowNew(jni, IllegalState, "Node-API call failed");
  return true;
}

/* A JS TypeError with this message, thrown into Java as a JSException (it has no (String) constructor). */
static void java_type_error(env_ctx* ctx, JNIEnv* jni, const char* message) {
  throw_type_error(ctx->env, "%s", message);
  js_failed(ctx, jni, napi_pending_exception);
}

static bool instance_of_global(env_ctx* ctx, napi_value v, const char* ctor_name) {
  napi_value global, ctor;
  bool result = false;
  napi_get_global(ctx->env, &global);
  if (napi_get_named_property(ctx->env, global, ctor_name, &ctor) == napi_ok)
    napi_instanceof(ctx->env, v, ctor, &result);
  return result;
}

/* A JS value as a Java object: undefined -> JsValues.UNDEFINED, null -> null, boolean/number/
 * string -> Boolean/Double/String, a wrapped Java object -> that object, anything else -> a JSValue. */
static jobject js_to_jobject(env_ctx* ctx, JNIEnv* jni, napi_value v) {
  napi_env env = ctx->env;
  napi_valuetype type;
  napi_typeof(env, v, &type);
  int kind;
  switch (type) {
    case napi_undefined: return (*jni)->NewLocalRef(jni, undefined_marker);
    case napi_null: return NULL;
    case napi_boolean: {
      bool b;
      napi_get_value_bool(env, v, &b);
      jvalue jv = {.z = b};
      return (*jni)->CallStaticObjectMethodA(jni, J.box[0], J.box_valueOf[0], &jv);
    }
    case napi_number: {
      jvalue jv;
      napi_get_value_double(env, v, &jv.d);
      return (*jni)->CallStaticObjectMethodA(jni, J.box[7], J.box_valueOf[7], &jv);
    }
    case napi_string: {
      type_info t = {TC_STRING, NULL, NULL};
      jvalue out;
      bool local;
      return to_java(ctx, jni, v, &t, &out, &local) ? out.l : NULL;
    }
    case napi_symbol: kind = K_SYMBOL; break;
    case napi_bigint: kind = K_BIGINT; break;
    case napi_function: kind = K_FUNCTION; break;
    case napi_external: kind = K_OBJECT; break;
    default: {
      java_ref* jr = unwrap_java(env, v);
      if (jr) return (*jni)->NewLocalRef(jni, jr->obj);
      bool is = false;
      if (napi_is_array(env, v, &is), is) kind = K_ARRAY;
      else if (napi_is_promise(env, v, &is), is) kind = K_PROMISE;
      else if (napi_is_error(env, v, &is), is) kind = K_ERROR;
      else if (napi_is_date(env, v, &is), is) kind = K_DATE;
      else if (napi_is_arraybuffer(env, v, &is), is) kind = K_ARRAYBUFFER;
      else if (napi_is_typedarray(env, v, &is), is) kind = K_TYPEDARRAY;
      else if (napi_is_dataview(env, v, &is), is) kind = K_TYPEDARRAY;
      else if (instance_of_global(ctx, v, "Map")) kind = K_MAP;
      else if (instance_of_global(ctx, v, "Set")) kind = K_SET;
      else kind = K_OBJECT;
    }
  }
  /* References to primitives (bigint; symbol on some Node versions) are not allowed: keep their
   * wrapper object (Object(v)), unboxed again whenever the value goes back to JS. */
  if (kind == K_SYMBOL || kind == K_BIGINT) napi_coerce_to_object(env, v, &v);
  js_ref* r = calloc(1, sizeof(js_ref));
  r->ctx = ctx;
  if (napi_create_reference(env, v, 1, &r->ref) != napi_ok) {
    free(r);
    (*jni)->ThrowNew(jni, IllegalState, "Could not reference a JS value");
    return NULL;
  }
  jobject result = (*jni)->CallStaticObjectMethod(jni, JsValues, JsValues_wrap, ctx->js_env, (jlong)(intptr_t)r, kind);
  if (!result) { /* Java failed: nobody owns the reference */
    napi_delete_reference(env, r->ref);
    free(r);
  }
  return result;
}

/* A Java object as a JS value: JSValues by their handle or primitive, the rest by the marshaler. */
static napi_value jobject_to_js(env_ctx* ctx, JNIEnv* jni, jobject obj) {
  napi_value v;
  if (obj && (*jni)->IsInstanceOf(jni, obj, JSValue)) {
    jlong cookie = (*jni)->GetLongField(jni, obj, JSValue_cookie);
    jint kind = (*jni)->GetIntField(jni, obj, JSValue_kind);
    if (cookie) {
      v = ref_value(ctx, cookie);
      if (kind == K_SYMBOL || kind == K_BIGINT) { /* Object(v) -> v */
        napi_value value_of, unboxed;
        if (napi_get_named_property(ctx->env, v, "valueOf", &value_of) != napi_ok ||
            napi_call_function(ctx->env, v, value_of, 0, NULL, &unboxed) != napi_ok)
          return NULL;
        v = unboxed;
      }
      return v;
    }
    if (kind == K_UNDEFINED) return napi_get_undefined(ctx->env, &v), v;
    jobject prim = (*jni)->GetObjectField(jni, obj, JSValue_prim);
    v = object_to_js(ctx, jni, prim);
    if (prim) (*jni)->DeleteLocalRef(jni, prim);
    return v;
  }
  if (obj && (*jni)->IsSameObject(jni, obj, undefined_marker)) return napi_get_undefined(ctx->env, &v), v;
  return object_to_js(ctx, jni, obj);
}

#define ENTER(ret)                               \
  env_ctx* ctx = (env_ctx*)(intptr_t)ctxp;       \
  if (!check_thread(ctx, jni)) return ret;       \
  napi_env env = ctx->env;                       \
  napi_handle_scope scope;                       \
  napi_open_handle_scope(env, &scope)
#define LEAVE(value)                  \
  napi_close_handle_scope(env, scope); \
  return value

static jobject JNICALL n_global(JNIEnv* jni, jclass cls, jlong ctxp) {
  ENTER(NULL);
  napi_value g;
  napi_get_global(env, &g);
  jobject r = js_to_jobject(ctx, jni, g);
  LEAVE(r);
}

static jobject JNICALL n_get(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject key) {
  ENTER(NULL);
  napi_value k = jobject_to_js(ctx, jni, key), v;
  jobject r = NULL;
  if (k && !js_failed(ctx, jni, napi_get_property(env, ref_value(ctx, h), k, &v))) r = js_to_jobject(ctx, jni, v);
  LEAVE(r);
}

static void JNICALL n_set(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject key, jobject value) {
  ENTER();
  napi_value k = jobject_to_js(ctx, jni, key), v = k ? jobject_to_js(ctx, jni, value) : NULL;
  if (v) js_failed(ctx, jni, napi_set_property(env, ref_value(ctx, h), k, v));
  else if (!(*jni)->ExceptionCheck(jni)) js_failed(ctx, jni, napi_pending_exception);
  LEAVE();
}

static jboolean JNICALL n_has(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject key) {
  ENTER(JNI_FALSE);
  napi_value k = jobject_to_js(ctx, jni, key);
  bool has = false;
  if (k) js_failed(ctx, jni, napi_has_property(env, ref_value(ctx, h), k, &has));
  LEAVE((jboolean)has);
}

static bool args_to_js(env_ctx* ctx, JNIEnv* jni, jobjectArray args, napi_value* argv, jsize argc) {
  for (jsize i = 0; i < argc; i++) {
    jobject a = (*jni)->GetObjectArrayElement(jni, args, i);
    argv[i] = jobject_to_js(ctx, jni, a);
    if (a) (*jni)->DeleteLocalRef(jni, a);
    if (!argv[i]) {
      if (!(*jni)->ExceptionCheck(jni)) js_failed(ctx, jni, napi_pending_exception);
      return false;
    }
  }
  return true;
}

/* call(fn, this, args) / callMethod(obj, name, args) / construct(fn, args); mode 0, 1, 2. */
static jobject invoke(JNIEnv* jni, env_ctx* ctx, napi_value target, jobject this_or_name, jobjectArray args, int mode) {
  napi_env env = ctx->env;
  napi_value fn = target, recv, result;
  napi_get_undefined(env, &recv);
  if (mode == 1) {
    napi_value name = jobject_to_js(ctx, jni, this_or_name);
    if (!name || js_failed(ctx, jni, napi_get_property(env, target, name, &fn))) return NULL;
    napi_valuetype t;
    napi_typeof(env, fn, &t);
    if (t != napi_function) {
      java_type_error(ctx, jni, "the JS object has no function of that name");
      return NULL;
    }
    recv = target;
  } else if (mode == 0 && this_or_name) {
    if (!(recv = jobject_to_js(ctx, jni, this_or_name))) return NULL;
  }
  jsize argc = args ? (*jni)->GetArrayLength(jni, args) : 0;
  napi_value stack_argv[FAST_ARGS];
  napi_value* argv = argc <= FAST_ARGS ? stack_argv : malloc(sizeof(napi_value) * (size_t)argc);
  jobject r = NULL;
  if (args_to_js(ctx, jni, args, argv, argc)) {
    napi_status s = mode == 2 ? napi_new_instance(env, fn, (size_t)argc, argv, &result)
                              : napi_call_function(env, recv, fn, (size_t)argc, argv, &result);
    if (!js_failed(ctx, jni, s)) r = js_to_jobject(ctx, jni, result);
  }
  if (argv != stack_argv) free(argv);
  return r;
}

static jobject JNICALL n_call(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject self, jobjectArray args) {
  ENTER(NULL);
  jobject r = invoke(jni, ctx, ref_value(ctx, h), self, args, 0);
  LEAVE(r);
}

/* The fast call (JsValues.callFast; fn(...args), or obj.name(...args) when name is not null): arguments classified by Java as (tag, bits) pairs, so numbers,
 * booleans and strings need no JNI class checks; a number/boolean/undefined/null result is written
 * to slots[0..1] (tag, bits) and NULL returned, so no box crosses JNI. */
enum { A_OBJECT, A_INT, A_DOUBLE, A_BOOLEAN, A_NULL, A_STRING };
enum { R_UNDEFINED, R_NULL, R_BOOLEAN, R_NUMBER };

static jobject JNICALL n_call_fast(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jstring name, jint argc,
                                   jlongArray slots, jobjectArray objects) {
  ENTER(NULL);
  jlong s[2 * FAST_ARGS];
  napi_value argv[FAST_ARGS], recv, result;
  jobject r = NULL;
  if (argc > FAST_ARGS) argc = FAST_ARGS; /* Java never sends more */
  (*jni)->GetLongArrayRegion(jni, slots, 0, 2 * argc, s);
  for (jint i = 0; i < argc; i++) {
    jlong bits = s[2 * i + 1];
    switch (s[2 * i]) {
      case A_INT: napi_create_int32(env, (int32_t)bits, &argv[i]); break;
      case A_DOUBLE: {
        double d;
        memcpy(&d, &bits, sizeof d);
        napi_create_double(env, d, &argv[i]);
        break;
      }
      case A_BOOLEAN: napi_get_boolean(env, bits != 0, &argv[i]); break;
      case A_NULL: napi_get_null(env, &argv[i]); break;
      default: {
        jobject a = (*jni)->GetObjectArrayElement(jni, objects, i);
        argv[i] = s[2 * i] == A_STRING ? jstring_to_js(env, jni, a) : jobject_to_js(ctx, jni, a);
        if (a) (*jni)->DeleteLocalRef(jni, a);
      }
    }
    if (!argv[i]) {
      if (!(*jni)->ExceptionCheck(jni)) js_failed(ctx, jni, napi_pending_exception);
      LEAVE(NULL);
    }
  }
  napi_value fn = ref_value(ctx, h);
  if (name) { /* obj.name(...args) */
    recv = fn;
    napi_value key = jstring_to_js(env, jni, name);
    napi_valuetype t = napi_undefined;
    if (js_failed(ctx, jni, napi_get_property(env, recv, key, &fn))) {
      LEAVE(NULL);
    }
    napi_typeof(env, fn, &t);
    if (t != napi_function) {
      java_type_error(ctx, jni, "the JS object has no function of that name");
      LEAVE(NULL);
    }
  } else {
    napi_get_undefined(env, &recv);
  }
  if (js_failed(ctx, jni, napi_call_function(env, recv, fn, (size_t)argc, argv, &result))) {
    LEAVE(NULL);
  }
  napi_valuetype type;
  napi_typeof(env, result, &type);
  jlong out[2] = {R_UNDEFINED, 0};
  switch (type) {
    case napi_undefined: break;
    case napi_null: out[0] = R_NULL; break;
    case napi_boolean: {
      bool b;
      napi_get_value_bool(env, result, &b);
      out[0] = R_BOOLEAN;
      out[1] = b;
      break;
    }
    case napi_number: {
      double d;
      napi_get_value_double(env, result, &d);
      out[0] = R_NUMBER;
      memcpy(&out[1], &d, sizeof d);
      break;
    }
    default: {
      r = js_to_jobject(ctx, jni, result);
      LEAVE(r);
    }
  }
  (*jni)->SetLongArrayRegion(jni, slots, 0, 2, out);
  LEAVE(NULL);
}

static jobject JNICALL n_call_method(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jstring name, jobjectArray args) {
  ENTER(NULL);
  jobject r = invoke(jni, ctx, ref_value(ctx, h), name, args, 1);
  LEAVE(r);
}

static jobject JNICALL n_construct(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobjectArray args) {
  ENTER(NULL);
  jobject r = invoke(jni, ctx, ref_value(ctx, h), NULL, args, 2);
  LEAVE(r);
}

/* A weak reference (count 0) to the handle's value, as a js_ref cookie released like the others. */
static jlong JNICALL n_weak_ref(JNIEnv* jni, jclass cls, jlong ctxp, jlong h) {
  ENTER(0);
  js_ref* r = calloc(1, sizeof(js_ref));
  r->ctx = ctx;
  if (napi_create_reference(env, ref_value(ctx, h), 0, &r->ref) != napi_ok) {
    free(r);
    (*jni)->ThrowNew(jni, IllegalState, "Could not reference a JS value");
    LEAVE(0);
  }
  LEAVE((jlong)(intptr_t)r);
}

/* The weakly referenced value (a new handle), or NULL once JS collected it. */
static jobject JNICALL n_weak_get(JNIEnv* jni, jclass cls, jlong ctxp, jlong w) {
  ENTER(NULL);
  jobject r = NULL;
  napi_value v = ref_value(ctx, w);
  if (v) r = js_to_jobject(ctx, jni, v);
  LEAVE(r);
}

/* The JS value as a Java value of a declared type (String, int, List, an interface...). */
static jobject JNICALL n_convert(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject value, jobject type) {
  ENTER(NULL);
  napi_value v = h ? ref_value(ctx, h) : jobject_to_js(ctx, jni, value);
  jobject result = NULL;
  type_info t;
  read_type_info(jni, type, &t);
  jvalue out;
  bool local;
  if (v && to_java(ctx, jni, v, &t, &out, &local)) {
    if (t.code >= TC_BOOLEAN && t.code <= TC_DOUBLE) {
      int i = t.code - TC_BOOLEAN;
      result = (*jni)->CallStaticObjectMethodA(jni, J.box[i], J.box_valueOf[i], &out);
    } else {
      result = local ? out.l : (out.l ? (*jni)->NewLocalRef(jni, out.l) : NULL);
    }
  } else if (!(*jni)->ExceptionCheck(jni)) {
    js_failed(ctx, jni, napi_pending_exception);
  }
  if (t.cls) (*jni)->DeleteGlobalRef(jni, t.cls);
  for (type_info* e = t.element; e;) {
    type_info* next = e->element;
    if (e->cls) (*jni)->DeleteGlobalRef(jni, e->cls);
    free(e);
    e = next;
  }
  LEAVE(result);
}

/* The JS value as a Java interface: a function proxy (calls the value) or an object proxy (calls
 * its same-named functions; also for a function with properties, such as lodash's _). */
static jobject JNICALL n_proxy(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jclass iface, jboolean is_function) {
  ENTER(NULL);
  jobject r = js_to_proxy(ctx, jni, ref_value(ctx, h), iface, is_function);
  LEAVE(r);
}

/* Java value -> JS value -> JSValue (Java strings, numbers, objects, arrays as JS sees them). */
static jobject JNICALL n_from_java(JNIEnv* jni, jclass cls, jlong ctxp, jobject value) {
  ENTER(NULL);
  napi_value v = jobject_to_js(ctx, jni, value);
  jobject r = NULL;
  if (v) r = js_to_jobject(ctx, jni, v);
  else if (!(*jni)->ExceptionCheck(jni)) js_failed(ctx, jni, napi_pending_exception);
  LEAVE(r);
}

/* String(value), as JS would print it (never throws for symbols: uses their description). */
static jstring JNICALL n_to_string(JNIEnv* jni, jclass cls, jlong ctxp, jlong h) {
  ENTER(NULL);
  napi_value v = ref_value(ctx, h), s, global, string_fn;
  napi_get_global(env, &global);
  napi_get_named_property(env, global, "String", &string_fn);
  jstring r = NULL;
  if (!js_failed(ctx, jni, napi_call_function(env, global, string_fn, 1, &v, &s))) {
    type_info t = {TC_STRING, NULL, NULL};
    jvalue out;
    bool local;
    if (to_java(ctx, jni, s, &t, &out, &local)) r = out.l;
  }
  LEAVE(r);
}

/* A direct ByteBuffer over the bytes of an ArrayBuffer, typed array, Buffer or DataView. */
static jobject JNICALL n_buffer(JNIEnv* jni, jclass cls, jlong ctxp, jlong h) {
  ENTER(NULL);
  napi_value v = ref_value(ctx, h), ab;
  void* data = NULL;
  size_t bytes = 0, length, offset;
  bool is = false;
  napi_typedarray_type type;
  if (napi_is_arraybuffer(env, v, &is), is) {
    napi_get_arraybuffer_info(env, v, &data, &bytes);
  } else if (napi_is_typedarray(env, v, &is), is) {
    napi_get_typedarray_info(env, v, &type, &length, &data, &ab, &offset);
    static const size_t sizes[] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8};
    bytes = length * (type <= napi_biguint64_array ? sizes[type] : 1);
  } else if (napi_is_dataview(env, v, &is), is) {
    napi_get_dataview_info(env, v, &bytes, &data, &ab, &offset);
  }
  static char empty;
  jobject r = (*jni)->NewDirectByteBuffer(jni, data ? data : &empty, (jlong)bytes);
  LEAVE(r);
}

/* then(fulfilled, rejected) completing the given future (values as with js_to_jobject). */
static void JNICALL n_when_settled(JNIEnv* jni, jclass cls, jlong ctxp, jlong h, jobject future) {
  ENTER();
  if (!complete_when_settled(ctx, jni, ref_value(ctx, h), future, js_to_jobject)) js_failed(ctx, jni, napi_pending_exception);
  LEAVE();
}

bool jsvalues_init(JNIEnv* jni) {
  jclass c = (*jni)->FindClass(jni, "dev/napijava/bridge/JsValues");
  if (!c) { /* an older runtime jar: hosting unavailable, the rest works */
    (*jni)->ExceptionClear(jni);
    return true;
  }
  JsValues = (*jni)->NewGlobalRef(jni, c);
  jclass v = (*jni)->FindClass(jni, "dev/napijava/JSValue");
  if (!v) return false;
  JSValue = (*jni)->NewGlobalRef(jni, v);
  jclass ise = (*jni)->FindClass(jni, "java/lang/IllegalStateException");
  if (!ise) return false;
  IllegalState = (*jni)->NewGlobalRef(jni, ise);
  if (!(JsValues_wrap = (*jni)->GetStaticMethodID(jni, c, "wrap", "(Ldev/napijava/bridge/JsEnv;JI)Ljava/lang/Object;")))
    return false;
  if (!(JSValue_cookie = (*jni)->GetFieldID(jni, v, "cookie", "J"))) return false;
  if (!(JSValue_kind = (*jni)->GetFieldID(jni, v, "kind", "I"))) return false;
  if (!(JSValue_prim = (*jni)->GetFieldID(jni, v, "prim", "Ljava/lang/Object;"))) return false;
  jfieldID uf = (*jni)->GetStaticFieldID(jni, c, "UNDEFINED", "Ljava/lang/Object;");
  if (!uf) return false;
  jobject u = (*jni)->GetStaticObjectField(jni, c, uf);
  undefined_marker = (*jni)->NewGlobalRef(jni, u);
  JNINativeMethod natives[] = {
      {"global", "(J)Ljava/lang/Object;", (void*)n_global},
      {"get", "(JJLjava/lang/Object;)Ljava/lang/Object;", (void*)n_get},
      {"set", "(JJLjava/lang/Object;Ljava/lang/Object;)V", (void*)n_set},
      {"has", "(JJLjava/lang/Object;)Z", (void*)n_has},
      {"call", "(JJLjava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", (void*)n_call},
      {"callFast", "(JJLjava/lang/String;I[J[Ljava/lang/Object;)Ljava/lang/Object;", (void*)n_call_fast},
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
  };
  return (*jni)->RegisterNatives(jni, JsValues, natives, sizeof natives / sizeof natives[0]) == 0;
}
