/*
 * host_limit.node: a throwaway, hand-written Java -> JS call with nothing general in it (the limit
 * column of bench/host/run.sh): loaded by the hosted Node (require) and by Java (System.load, the
 * same library), it keeps the napi_env and one JS function per benchmark, and each JNI call does
 * one napi_call_function with the arguments made directly. JS thread only; errors give -1 / null.
 * host_limit_add is exported as a plain C function too, for the FFM downcall of HostFfmBench.
 */
#include <jni.h>
#include <node_api.h>
#include <stdlib.h>

static napi_env g_env;
static napi_ref g_add, g_echo;

static napi_value set_functions(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2 ||
      napi_create_reference(env, argv[0], 1, &g_add) != napi_ok || napi_create_reference(env, argv[1], 1, &g_echo) != napi_ok) {
    napi_throw_error(env, NULL, "setFunctions(add, echo)");
    return NULL;
  }
  g_env = env;
  return NULL;
}

/* add(a, b) in JS; also the FFM downcall's target (HostFfmBench, JDK 22+): the same work without JNI. */
JNIEXPORT int32_t host_limit_add(int32_t a, int32_t b) {
  napi_handle_scope scope;
  napi_value fn, recv, argv[2], result;
  int32_t out = -1;
  if (napi_open_handle_scope(g_env, &scope) != napi_ok) return -1;
  if (napi_get_reference_value(g_env, g_add, &fn) == napi_ok && napi_get_undefined(g_env, &recv) == napi_ok &&
      napi_create_int32(g_env, a, &argv[0]) == napi_ok && napi_create_int32(g_env, b, &argv[1]) == napi_ok &&
      napi_call_function(g_env, recv, fn, 2, argv, &result) == napi_ok)
    napi_get_value_int32(g_env, result, &out);
  napi_close_handle_scope(g_env, scope);
  return out;
}

JNIEXPORT jint JNICALL Java_HostLimit_add(JNIEnv* jni, jclass cls, jint a, jint b) { return host_limit_add(a, b); }

/* a + b without JS: the Java -> C transition alone, JNI vs FFM (HostFfmBench). */
JNIEXPORT int32_t host_limit_sum(int32_t a, int32_t b) { return a + b; }

JNIEXPORT jint JNICALL Java_HostLimit_sum(JNIEnv* jni, jclass cls, jint a, jint b) { return a + b; }

JNIEXPORT jstring JNICALL Java_HostLimit_echo(JNIEnv* jni, jclass cls, jstring s) {
  napi_handle_scope scope;
  napi_value fn, recv, arg, result;
  jstring out = NULL;
  if (napi_open_handle_scope(g_env, &scope) != napi_ok) return NULL;
  jsize n = (*jni)->GetStringLength(jni, s);
  const jchar* chars = (*jni)->GetStringCritical(jni, s, NULL);
  napi_status st = chars ? napi_create_string_utf16(g_env, (const char16_t*)chars, (size_t)n, &arg) : napi_generic_failure;
  if (chars) (*jni)->ReleaseStringCritical(jni, s, chars);
  size_t len = 0;
  if (st == napi_ok && napi_get_reference_value(g_env, g_echo, &fn) == napi_ok && napi_get_undefined(g_env, &recv) == napi_ok &&
      napi_call_function(g_env, recv, fn, 1, &arg, &result) == napi_ok &&
      napi_get_value_string_utf16(g_env, result, NULL, 0, &len) == napi_ok) {
    char16_t* buf = malloc((len + 1) * sizeof(char16_t));
    if (buf && napi_get_value_string_utf16(g_env, result, buf, len + 1, &len) == napi_ok) out = (*jni)->NewString(jni, (const jchar*)buf, (jsize)len);
    free(buf);
  }
  napi_close_handle_scope(g_env, scope);
  return out;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "setFunctions", NAPI_AUTO_LENGTH, set_functions, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "setFunctions", fn) != napi_ok)
    return NULL;
  return exports;
}
