/*
 * Strings both ways, exact in UTF-16. Long strings take a fast path through java.lang.String's
 * compact-string internals (its byte[] value and coder, and the String(byte[], byte) constructor):
 * the only code in the core that relies on JDK internals. strings_init probes that layout once at
 * start and leaves the fast path off on a JDK that lays strings out otherwise.
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

#define STACK_CHARS 512

/* Optional: the String internals the compact-string paths use (see jni_cache). Checked on a
 * known string, so a JDK with another layout falls back instead of misreading strings. */
void strings_init(JNIEnv* jni) {
  jfieldID value = (*jni)->GetFieldID(jni, J.String, "value", "[B");
  jfieldID coder = value ? (*jni)->GetFieldID(jni, J.String, "coder", "B") : NULL;
  jmethodID init = coder ? (*jni)->GetMethodID(jni, J.String, "<init>", "([BB)V") : NULL;
  jfieldID enabled = init ? (*jni)->GetStaticFieldID(jni, J.String, "COMPACT_STRINGS", "Z") : NULL;
  bool usable = enabled && (*jni)->GetStaticBooleanField(jni, J.String, enabled);
  if (usable) {
    jstring probe = (*jni)->NewStringUTF(jni, "ab");
    jbyteArray bytes = probe ? (*jni)->GetObjectField(jni, probe, value) : NULL;
    usable = bytes && (*jni)->GetByteField(jni, probe, coder) == 0 && (*jni)->GetArrayLength(jni, bytes) == 2;
    if (bytes) (*jni)->DeleteLocalRef(jni, bytes);
    if (probe) (*jni)->DeleteLocalRef(jni, probe);
  }
  (*jni)->ExceptionClear(jni); /* NoSuchFieldError/NoSuchMethodError: not this layout */
  if (!usable) return;
  J.String_value = value;
  J.String_coder = coder;
  J.String_init_coder = init;
}

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

void strings_free_thread_buffers(void) {
  free(scratch);
  scratch = NULL;
  scratch_size = 0;
}

static void* no_string_memory(napi_env env, size_t bytes) {
  throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for a string of %zu bytes", bytes);
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

/* A compact String of len UTF-16 units: Latin-1 first (most text), narrowed straight into the
 * String's array; UTF-16 when it does not fit. NULL with a Java exception pending. */
static jstring compact_string(JNIEnv* jni, const char16_t* units, size_t len) {
  jbyteArray array = (*jni)->NewByteArray(jni, (jsize)len);
  if (!array) return NULL;
  char* bytes = (*jni)->GetPrimitiveArrayCritical(jni, array, NULL);
  if (!bytes) {
    (*jni)->DeleteLocalRef(jni, array);
    return NULL;
  }
  bool latin1 = narrow_latin1(bytes, units, len); /* pure C inside the critical region */
  (*jni)->ReleasePrimitiveArrayCritical(jni, array, bytes, 0);
  if (latin1) return string_from_value(jni, array, 0);
  (*jni)->DeleteLocalRef(jni, array);
  if (len > 0x3fffffff) { /* 2 bytes a unit do not fit a Java array */
    java_throw(jni, "java/lang/OutOfMemoryError", "a string of %zu UTF-16 units is too long for a Java String", len);
    return NULL;
  }
  array = (*jni)->NewByteArray(jni, (jsize)(len * 2));
  if (!array) return NULL;
  (*jni)->SetByteArrayRegion(jni, array, 0, (jsize)(len * 2), (const jbyte*)units);
  return string_from_value(jni, array, 1);
}

/*
 * JS -> Java string, exact in UTF-16 (lone surrogates included). V8 writes UTF-16 into a buffer;
 * long strings then become a compact Java String directly. One Java array, no re-scan by HotSpot.
 * NULL with a JS exception (reading the string) or a Java one (allocating it) pending.
 */
jstring js_to_jstring(napi_env env, JNIEnv* jni, napi_value v) {
  size_t len = 0;
  if (!NAPI_OK(env, napi_get_value_string_utf16(env, v, NULL, 0, &len))) return NULL;
  char16_t stack[STACK_CHARS];
  char16_t* buf = string_buffer(stack, sizeof stack, (len + 1) * sizeof(char16_t));
  if (!buf) return no_string_memory(env, (len + 1) * sizeof(char16_t));
  jstring s = NULL;
  if (NAPI_OK(env, napi_get_value_string_utf16(env, v, buf, len + 1, &len))) {
    s = len < COMPACT_PATH_MIN || !J.String_init_coder ? (*jni)->NewString(jni, (const jchar*)buf, (jsize)len)
                                                       : compact_string(jni, buf, len);
  }
  release_buffer(buf, stack);
  return s;
}

/* A JS string could not be made (longer than the engine allows, or no memory for it). */
static napi_value string_too_long(napi_env env, jsize len) {
  if (js_pending(env)) return NULL;
  return throw_range_error(env,
                           "A Java String of %d chars cannot become a JS string: it is longer than JS strings "
                           "can be here (V8: 2^29-24 chars) or there is no memory for it",
                           (int)len);
}

/* Java -> JS string. Long compact strings hand V8 their Latin-1 bytes or UTF-16 units as stored,
 * so nothing is inflated on the way out and V8 does not narrow it back. */
napi_value jstring_to_js(napi_env env, JNIEnv* jni, jstring s) {
  napi_value result = NULL;
  if (!s) return NAPI_OK(env, napi_get_null(env, &result)) ? result : NULL;
  jsize len = (*jni)->GetStringLength(jni, s);
  jchar stack[STACK_CHARS];
  if (len < COMPACT_PATH_MIN || !J.String_value) {
    void* buf = string_buffer(stack, sizeof stack, (size_t)len * sizeof(jchar));
    if (!buf) return no_string_memory(env, (size_t)len * sizeof(jchar));
    (*jni)->GetStringRegion(jni, s, 0, len, buf);
    if (napi_create_string_utf16(env, buf, (size_t)len, &result) != napi_ok) result = string_too_long(env, len);
    release_buffer(buf, stack);
    return result;
  }
  jbyteArray value = (*jni)->GetObjectField(jni, s, J.String_value);
  if (!value) return throw_type_error(env, "node-api-java: a Java String without its value array");
  bool latin1 = (*jni)->GetByteField(jni, s, J.String_coder) == 0;
  size_t size = (size_t)len << (latin1 ? 0 : 1);
  void* buf = string_buffer(stack, sizeof stack, size);
  if (buf) {
    (*jni)->GetByteArrayRegion(jni, value, 0, (jsize)size, buf);
    napi_status status = latin1 ? napi_create_string_latin1(env, buf, size, &result)
                                : napi_create_string_utf16(env, buf, (size_t)len, &result);
    if (status != napi_ok) result = string_too_long(env, len);
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
  if (!copy) java_throw(jni, "java/lang/OutOfMemoryError", "no native memory for a string");
  return copy;
}
