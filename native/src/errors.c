/* Errors crossing into JS: bridge misuse becomes TypeError, Java throwables become Errors built by
 * the JS hook (name = Java class, Java frames then JS frames, javaException = the Throwable). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "bridge.h"

static napi_value throw_formatted(napi_env env, bool range, const char* fmt, va_list ap) {
  char msg[1024];
  vsnprintf(msg, sizeof msg, fmt, ap);
  if (!js_pending(env)) {
    if (range) napi_throw_range_error(env, NULL, msg);
    else napi_throw_type_error(env, NULL, msg);
  }
  return NULL;
}

napi_value throw_type_error(napi_env env, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  throw_formatted(env, false, fmt, ap);
  va_end(ap);
  return NULL;
}

napi_value throw_range_error(napi_env env, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  throw_formatted(env, true, fmt, ap);
  va_end(ap);
  return NULL;
}

bool js_pending(napi_env env) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  return pending;
}

napi_value throw_java_exception(env_ctx* ctx, JNIEnv* jni) {
  napi_env env = ctx->env;
  jthrowable t = (*jni)->ExceptionOccurred(jni);
  (*jni)->ExceptionClear(jni);
  if (!t || js_pending(env)) {
    if (t) (*jni)->DeleteLocalRef(jni, t);
    return NULL;
  }
  if ((*jni)->IsInstanceOf(jni, t, J.BridgeTypeError)) {
    jstring msg = (*jni)->CallObjectMethod(jni, t, J.Throwable_getMessage);
    char* text = msg ? jstring_to_utf8(jni, msg) : NULL;
    napi_throw_type_error(env, NULL, text ? text : "node-api-java: invalid call");
    free(text);
    if (msg) (*jni)->DeleteLocalRef(jni, msg);
    (*jni)->DeleteLocalRef(jni, t);
    return NULL;
  }
  napi_value wrapped = wrap_object(ctx, jni, t);
  (*jni)->DeleteLocalRef(jni, t);
  if (!wrapped) return NULL;
  napi_value hook, global, error;
  if (napi_get_reference_value(env, ctx->java_error, &hook) == napi_ok && hook &&
      napi_get_global(env, &global) == napi_ok &&
      napi_call_function(env, global, hook, 1, &wrapped, &error) == napi_ok) {
    napi_throw(env, error);
  } else if (!js_pending(env)) {
    napi_throw_error(env, NULL, "node-api-java: a Java exception occurred and could not be converted");
  }
  return NULL;
}

bool java_failed(env_ctx* ctx, JNIEnv* jni) {
  if (!(*jni)->ExceptionCheck(jni)) return false;
  throw_java_exception(ctx, jni);
  return true;
}
