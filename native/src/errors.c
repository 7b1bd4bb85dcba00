/*
 * Failures crossing the boundary. Node-API statuses become JS exceptions (NAPI_OK); bridge misuse
 * becomes TypeError/RangeError; Java throwables become Errors built by the JS hook (name = Java
 * class, Java frames then JS frames, javaException = the Throwable), and a JS value that was
 * thrown through Java comes back as itself. JS errors reaching Java become JSExceptions holding
 * the JS value. Converting never recurses and never gives up silently: when the hook cannot run
 * (stack or heap exhausted, a second failure while converting) a plain Error says what happened.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "bridge.h"

bool js_pending(napi_env env) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  return pending;
}

bool status_checked(napi_env env, napi_status status, const char* call) {
  if (status == napi_ok) return true;
  /* the environment is ending (worker terminated, process exiting): nothing can be thrown */
  if (status == napi_pending_exception || status == napi_cannot_run_js || status == napi_closing || js_pending(env))
    return false;
  const napi_extended_error_info* info = NULL;
  const char* why = napi_get_last_error_info(env, &info) == napi_ok && info && info->error_message
                        ? info->error_message
                        : "unknown failure";
  char msg[512];
  snprintf(msg, sizeof msg, "node-api-java: %s failed (status %d: %s)", call, (int)status, why);
  napi_throw_error(env, "ERR_NAPI_JAVA_NODE_API", msg);
  return false;
}

static napi_value throw_formatted(napi_env env, int kind, const char* code, const char* fmt, va_list ap) {
  char msg[1024];
  vsnprintf(msg, sizeof msg, fmt, ap);
  if (!js_pending(env)) {
    if (kind == 1) napi_throw_range_error(env, code, msg);
    else if (kind == 2) napi_throw_error(env, code, msg);
    else napi_throw_type_error(env, code, msg);
  }
  return NULL;
}

napi_value throw_type_error(napi_env env, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  throw_formatted(env, 0, NULL, fmt, ap);
  va_end(ap);
  return NULL;
}

napi_value throw_range_error(napi_env env, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  throw_formatted(env, 1, NULL, fmt, ap);
  va_end(ap);
  return NULL;
}

napi_value throw_error_code(napi_env env, const char* code, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  throw_formatted(env, 2, code, fmt, ap);
  va_end(ap);
  return NULL;
}

napi_value throw_stack_exhausted(napi_env env) {
  /* V8's own message, so code that recognises stack overflows keeps working */
  return throw_range_error(env, "Maximum call stack size exceeded (JS and Java frames share this thread's stack)");
}

void java_throw(JNIEnv* jni, const char* class_name, const char* fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  jclass cls = (*jni)->FindClass(jni, class_name);
  if (cls) {
    (*jni)->ThrowNew(jni, cls, msg);
    (*jni)->DeleteLocalRef(jni, cls);
  } /* else FindClass left its own error pending (e.g. OutOfMemoryError) */
}

bool pop_frame_keeping_exception(JNIEnv* jni) {
  jthrowable t = (*jni)->ExceptionOccurred(jni);
  if (t) (*jni)->ExceptionClear(jni);
  t = (*jni)->PopLocalFrame(jni, t);
  if (!t) return false;
  (*jni)->Throw(jni, t);
  (*jni)->DeleteLocalRef(jni, t);
  return true;
}

/* JSInvalidThreadAccessException: what (a JS function, a JSValue...) was used off its JS thread. */
void throw_wrong_thread(JNIEnv* jni, const char* what) {
  char msg[512];
  snprintf(msg, sizeof msg,
           "%s was used from a thread that is not its JS thread. Java threads reach JS only through the JS "
           "thread's queue: call JS through a proxy (JS function or object passed to Java), or use "
           "NodejsEnvironment.run/post.",
           what);
  (*jni)->ThrowNew(jni, J.JSInvalidThreadAccess, msg);
}

/* ---------- Java -> JS ---------- */

/* The throwable's class name into buf, if Java can still tell (it may not: heap or stack full). */
static void class_name_of(JNIEnv* jni, jthrowable t, char* buf, size_t size) {
  snprintf(buf, size, "java.lang.Throwable");
  jclass cls = (*jni)->GetObjectClass(jni, t);
  jstring name = cls ? (*jni)->CallObjectMethod(jni, cls, J.Class_getName) : NULL;
  const char* utf = name && !(*jni)->ExceptionCheck(jni) ? (*jni)->GetStringUTFChars(jni, name, NULL) : NULL;
  if (utf) {
    snprintf(buf, size, "%s", utf);
    (*jni)->ReleaseStringUTFChars(jni, name, utf);
  }
  (*jni)->ExceptionClear(jni);
  if (name) (*jni)->DeleteLocalRef(jni, name);
  if (cls) (*jni)->DeleteLocalRef(jni, cls);
}

/* The last resort when the hook cannot run: an Error whose name is the Java class (if Java can
 * still tell), with a message saying why nothing more could be made; a StackOverflowError is
 * V8's RangeError for the same condition. */
static void throw_plain(env_ctx* ctx, JNIEnv* jni, jthrowable t, const char* why) {
  napi_env env = ctx->env;
  if ((*jni)->IsInstanceOf(jni, t, J.StackOverflowError)) {
    throw_stack_exhausted(env);
    return;
  }
  bool oom = (*jni)->IsInstanceOf(jni, t, J.OutOfMemoryError);
  char name[256], msg[512];
  if (oom) snprintf(name, sizeof name, "java.lang.OutOfMemoryError");
  else class_name_of(jni, t, name, sizeof name);
  snprintf(msg, sizeof msg, oom ? "the Java heap is full (%s)" : "the Java exception could not be converted (%s)", why);
  napi_value text, code, error, name_value;
  if (js_pending(env) || napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &text) != napi_ok ||
      napi_create_string_utf8(env, oom ? "ERR_JAVA_OUT_OF_MEMORY" : "ERR_JAVA_EXCEPTION", NAPI_AUTO_LENGTH, &code) != napi_ok ||
      napi_create_error(env, code, text, &error) != napi_ok ||
      napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &name_value) != napi_ok ||
      napi_set_named_property(env, error, "name", name_value) != napi_ok || napi_throw(env, error) != napi_ok) {
    throw_error_code(env, "ERR_JAVA_EXCEPTION", "%s: %s", name, msg); /* no-op when something is pending */
  }
}

/* BridgeTypeError: bridge misuse found by the Java side, a plain TypeError (a RangeError for its
 * subclass BridgeRangeError: a value out of the range of its Java type). */
static bool throw_bridge_type_error(env_ctx* ctx, JNIEnv* jni, jthrowable t) {
  jstring msg = (*jni)->CallObjectMethod(jni, t, J.Throwable_getMessage);
  if ((*jni)->ExceptionCheck(jni)) return false;
  char* text = msg ? jstring_to_utf8(jni, msg) : NULL;
  if (msg) (*jni)->DeleteLocalRef(jni, msg);
  if ((*jni)->ExceptionCheck(jni)) return false;
  bool range = (*jni)->IsInstanceOf(jni, t, J.BridgeRangeError);
  if (range) throw_range_error(ctx->env, "%s", text ? text : "node-api-java: value out of range");
  else throw_type_error(ctx->env, "%s", text ? text : "node-api-java: invalid call");
  free(text);
  return true;
}

/* The JS value a JSException holds when it came from this environment (NULL otherwise). */
static napi_value original_js_error(env_ctx* ctx, JNIEnv* jni, jthrowable t, bool* has) {
  *has = false;
  if (!(*jni)->IsInstanceOf(jni, t, J.JSException)) return NULL;
  jobject value = (*jni)->CallObjectMethod(jni, t, J.JSException_jsError);
  if ((*jni)->ExceptionCheck(jni) || !value) return NULL;
  napi_value js = jobject_to_js(ctx, jni, value); /* NULL for a value of another environment */
  (*jni)->DeleteLocalRef(jni, value);
  if (!js) {
    (*jni)->ExceptionClear(jni);
    if (js_pending(ctx->env)) {
      napi_value ignored;
      napi_get_and_clear_last_exception(ctx->env, &ignored);
    }
    return NULL;
  }
  *has = true;
  return js;
}

/* The JS error for t through the hook; false with any exception cleared when it could not be made. */
static bool throw_converted(env_ctx* ctx, JNIEnv* jni, jthrowable t) {
  napi_env env = ctx->env;
  if ((*jni)->IsInstanceOf(jni, t, J.BridgeTypeError)) return throw_bridge_type_error(ctx, jni, t);
  bool has_original;
  napi_value args[2];
  args[1] = original_js_error(ctx, jni, t, &has_original);
  args[0] = wrap_object(ctx, jni, t);
  napi_value hook, global, error;
  if (args[0] && NAPI_OK(env, napi_get_reference_value(env, ctx->java_error, &hook)) && hook &&
      NAPI_OK(env, napi_get_global(env, &global)) &&
      NAPI_OK(env, napi_call_function(env, global, hook, has_original ? 2 : 1, args, &error))) {
    return NAPI_OK(env, napi_throw(env, error));
  }
  /* the hook could not run (stack or heap exhausted): the original JS value as it is */
  (*jni)->ExceptionClear(jni);
  if (js_pending(env)) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  return has_original && NAPI_OK(env, napi_throw(env, args[1]));
}

napi_value throw_java_exception(env_ctx* ctx, JNIEnv* jni) {
  napi_env env = ctx->env;
  jthrowable t = (*jni)->ExceptionOccurred(jni);
  (*jni)->ExceptionClear(jni);
  if (!t) return NULL;
  if (js_pending(env)) { /* the JS exception came first: it stays */
    (*jni)->DeleteLocalRef(jni, t);
    return NULL;
  }
  if (ctx->converting_exception || stack_exhausted()) {
    throw_plain(ctx, jni, t, ctx->converting_exception ? "a second failure while converting one" : "no stack left");
  } else {
    ctx->converting_exception = true;
    bool ok = throw_converted(ctx, jni, t);
    ctx->converting_exception = false;
    if (!ok) throw_plain(ctx, jni, t, "converting it failed");
  }
  (*jni)->ExceptionClear(jni);
  (*jni)->DeleteLocalRef(jni, t);
  return NULL;
}

bool java_failed(env_ctx* ctx, JNIEnv* jni) {
  if (!(*jni)->ExceptionCheck(jni)) return false;
  throw_java_exception(ctx, jni);
  return true;
}

/* ---------- JS -> Java ---------- */

/* A property of the error as a Java string (NULL when missing or not convertible; nothing pending). */
static jstring error_text(env_ctx* ctx, JNIEnv* jni, napi_value error, const char* name) {
  napi_env env = ctx->env;
  napi_value v, s;
  jstring out = NULL;
  if (name ? napi_get_named_property(env, error, name, &v) == napi_ok : (v = error, true)) {
    napi_valuetype type;
    if (napi_typeof(env, v, &type) == napi_ok && type != napi_undefined && type != napi_symbol &&
        napi_coerce_to_string(env, v, &s) == napi_ok) {
      out = js_to_jstring(env, jni, s);
    }
  }
  if (js_pending(env)) { /* a throwing getter or toString: use what we have */
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  (*jni)->ExceptionClear(jni);
  return out;
}

/* A Java throwable JS threw or that crossed into JS earlier (err.javaException), else NULL. */
static jobject thrown_java(env_ctx* ctx, JNIEnv* jni, napi_value error) {
  napi_env env = ctx->env;
  java_ref* ref = unwrap_java(ctx, error);
  if (!ref) {
    napi_value java;
    bool has = false;
    if (napi_has_named_property(env, error, "javaException", &has) == napi_ok && has &&
        napi_get_named_property(env, error, "javaException", &java) == napi_ok)
      ref = unwrap_java(ctx, java);
    if (js_pending(env)) {
      napi_value ignored;
      napi_get_and_clear_last_exception(env, &ignored);
    }
  }
  return ref && (*jni)->IsInstanceOf(jni, ref->obj, J.Throwable) ? ref->obj : NULL;
}

void throw_js_to_java(env_ctx* ctx, JNIEnv* jni, napi_value error) {
  napi_env env = ctx->env;
  napi_valuetype type = napi_undefined;
  if (napi_typeof(env, error, &type) != napi_ok) type = napi_undefined;
  if (type == napi_object) {
    jobject java = thrown_java(ctx, jni, error);
    if (java) {
      (*jni)->Throw(jni, java);
      return;
    }
  }
  if (stack_exhausted()) {
    java_throw(jni, "java/lang/StackOverflowError", "JS threw while the stack was exhausted");
    return;
  }
  jstring name = NULL, message = NULL, stack = NULL;
  if (type == napi_object || type == napi_function) {
    name = error_text(ctx, jni, error, "name");
    message = error_text(ctx, jni, error, "message");
    stack = error_text(ctx, jni, error, "stack");
  } else {
    message = error_text(ctx, jni, error, NULL);
  }
  jobject value = js_to_jobject(ctx, jni, error); /* the thrown value itself, rethrown if it comes back */
  if (js_pending(env)) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  if (!(*jni)->ExceptionCheck(jni)) {
    jobject ex = (*jni)->CallStaticObjectMethod(jni, J.JSException, J.JSException_fromJs, ctx->js_env, value, name,
                                                message, stack);
    if (ex && !(*jni)->ExceptionCheck(jni)) (*jni)->Throw(jni, ex);
    if (ex) (*jni)->DeleteLocalRef(jni, ex);
  }
  if (value) (*jni)->DeleteLocalRef(jni, value);
  if (name) (*jni)->DeleteLocalRef(jni, name);
  if (message) (*jni)->DeleteLocalRef(jni, message);
  if (stack) (*jni)->DeleteLocalRef(jni, stack);
  /* nothing could be built (heap full...): whatever Java raised stays pending, else say so */
  if (!(*jni)->ExceptionCheck(jni)) java_throw(jni, "java/lang/IllegalStateException", "a JS exception could not be converted");
}

bool js_status_failed(env_ctx* ctx, JNIEnv* jni, napi_status status) {
  if (status == napi_ok) return false;
  napi_env env = ctx->env;
  bool pending = js_pending(env);
  if ((*jni)->ExceptionCheck(jni)) { /* a Java exception came first (e.g. from a conversion) */
    if (pending) {
      napi_value ignored;
      napi_get_and_clear_last_exception(env, &ignored);
    }
    return true;
  }
  napi_value error;
  if (pending && napi_get_and_clear_last_exception(env, &error) == napi_ok) {
    throw_js_to_java(ctx, jni, error);
    return true;
  }
  if (status == napi_cannot_run_js || status == napi_closing || status == napi_pending_exception) {
    java_throw(jni, "dev/napijava/JSEnvironmentClosedException", "The Node.js environment is ending: JS cannot run");
  } else {
    const napi_extended_error_info* info = NULL;
    const char* why = napi_get_last_error_info(env, &info) == napi_ok && info && info->error_message ? info->error_message
                                                                                                     : "unknown failure";
    java_throw(jni, "java/lang/IllegalStateException", "Node-API call failed (status %d: %s)", (int)status, why);
  }
  return true;
}
