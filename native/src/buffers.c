/*
 * java.nio buffers <-> Buffers and typed arrays over the same memory (README "Shared memory"; the
 * rules are in dev.napijava.bridge.Buffers).
 *
 * Memory both sides use is always memory Java owns. Java -> JS: a direct, writable buffer (in the
 * platform's byte order for multi-byte kinds) becomes an external ArrayBuffer over its remaining
 * elements, O(1). The backing store's finalizer holds a JNI global reference to the buffer (in a
 * shared_mem record): V8 may detach, transfer or collect the ArrayBuffer, the memory stays valid
 * until both sides let go. The ArrayBuffer is marked untransferable (worker_threads), so
 * postMessage/structuredClone copy it instead of moving it into another environment, whose life
 * would not be tied to the record's. It is type-tagged and wrapped with its record, so that JS
 * passing it (or any view of it) back to Java gives a buffer over the same bytes.
 *
 * JS -> Java: a view of such memory becomes a new direct buffer over the same bytes that keeps the
 * original Java buffer reachable (Buffers.view). Memory V8 owns is never handed to Java (JS can
 * detach it at any moment, and V8 frees it then: byte streams detach even untransferable buffers):
 * Java gets a read-only copy. A detached ArrayBuffer is a TypeError.
 *
 * Where V8 allows no external memory (napi_no_external_buffers_allowed: Electron, V8 sandbox) or
 * NAPI_JAVA_COPY_BUFFERS=1 is set, Java -> JS copies too.
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

/* What the ArrayBuffers made over Java memory carry: only such buffers hold a shared_mem. */
static const napi_type_tag SHARED_TAG = {0x6e6170696a617661ULL, 0x62756666657273ULL}; /* "napijava" "buffers" */

typedef struct shared_mem {
  jobject buffer; /* global ref: the Java buffer whose memory JS sees (released by the finalizer) */
  void* data;     /* the first byte JS sees */
  size_t length;  /* bytes JS sees */
  bool escaped;   /* Java got a view of it: a stream chunk must not be reused (Buffers.released) */
} shared_mem;

static struct {
  pthread_mutex_t lock;
  bool ready, copy_only;
  jclass Buffers;
  jmethodID shareable, remainingBytes, released, view, allocateCopy, copy;
  jfieldID position, limit;
} B = {.lock = PTHREAD_MUTEX_INITIALIZER};

static const napi_typedarray_type KIND_ARRAY[] = {napi_uint8_array,    napi_int16_array,   napi_uint16_array,
                                                  napi_int32_array,    napi_bigint64_array, napi_float32_array,
                                                  napi_float64_array};
static const char* KIND_NAME[] = {"ByteBuffer", "ShortBuffer", "CharBuffer", "IntBuffer",
                                  "LongBuffer", "FloatBuffer", "DoubleBuffer"};
static const char* KIND_JS[] = {"any typed array or ArrayBuffer", "an Int16Array", "a Uint16Array", "an Int32Array",
                                "a BigInt64Array", "a Float32Array", "a Float64Array"};

/* The IDs, looked up on first use (most programs never pass a buffer); false with a Java exception pending. */
static bool buffers_ready(JNIEnv* jni) {
  if (__atomic_load_n(&B.ready, __ATOMIC_ACQUIRE)) return true;
  pthread_mutex_lock(&B.lock);
  bool ok = B.ready;
  if (!ok) {
    jclass c = (*jni)->FindClass(jni, "dev/napijava/bridge/Buffers");
    jclass buffer = c ? (*jni)->FindClass(jni, "java/nio/Buffer") : NULL;
    B.shareable = buffer ? (*jni)->GetStaticMethodID(jni, c, "shareable", "(Ljava/nio/Buffer;I)I") : NULL;
    B.remainingBytes = B.shareable ? (*jni)->GetStaticMethodID(jni, c, "remainingBytes", "(Ljava/nio/Buffer;I)[B") : NULL;
    B.released = B.remainingBytes ? (*jni)->GetStaticMethodID(jni, c, "released", "(Ljava/nio/Buffer;Z)V") : NULL;
    B.view = B.released ? (*jni)->GetStaticMethodID(jni, c, "view",
                                                     "(Ljava/nio/ByteBuffer;Ljava/nio/Buffer;I)Ljava/nio/Buffer;") : NULL;
    B.allocateCopy = B.view ? (*jni)->GetStaticMethodID(jni, c, "allocateCopy", "(I)Ljava/nio/ByteBuffer;") : NULL;
    B.copy = B.allocateCopy ? (*jni)->GetStaticMethodID(jni, c, "copy", "(Ljava/nio/ByteBuffer;I)Ljava/nio/Buffer;") : NULL;
    B.position = B.copy ? (*jni)->GetFieldID(jni, buffer, "position", "I") : NULL;
    B.limit = B.position ? (*jni)->GetFieldID(jni, buffer, "limit", "I") : NULL;
    B.Buffers = B.limit ? (*jni)->NewGlobalRef(jni, c) : NULL;
    if (c) (*jni)->DeleteLocalRef(jni, c);
    if (buffer) (*jni)->DeleteLocalRef(jni, buffer);
    ok = B.Buffers != NULL;
    if (ok) {
      const char* force = getenv("NAPI_JAVA_COPY_BUFFERS");
      B.copy_only = force && strcmp(force, "1") == 0;
      __atomic_store_n(&B.ready, true, __ATOMIC_RELEASE);
    } else if (!(*jni)->ExceptionCheck(jni)) {
      java_throw(jni, "java/lang/OutOfMemoryError", "no JNI global references left");
    }
  }
  pthread_mutex_unlock(&B.lock);
  return ok;
}

/* ---------- Java -> JS ---------- */

/* V8 freed the backing store (or the environment ends: Node then detaches the ArrayBuffer and
 * calls this at once). JS thread. */
static void shared_finalize(napi_env env, void* data, void* hint) {
  shared_mem* rec = hint;
  JNIEnv* jni = jvm_started() ? jni_env() : NULL;
  if (jni) {
    (*jni)->CallStaticVoidMethod(jni, B.Buffers, B.released, rec->buffer, (jboolean)rec->escaped);
    (*jni)->ExceptionClear(jni); /* nobody to tell: the chunk is simply not reused */
    (*jni)->DeleteGlobalRef(jni, rec->buffer);
  }
  free(rec);
}

/* The JS value for a buffer JS cannot share: a copy of its remaining elements. */
static napi_value copy_to_js(env_ctx* ctx, JNIEnv* jni, jobject buf, int kind) {
  napi_env env = ctx->env;
  jbyteArray bytes = (*jni)->CallStaticObjectMethod(jni, B.Buffers, B.remainingBytes, buf, (jint)kind);
  if (!bytes) return java_failed(ctx, jni) ? NULL : throw_type_error(env, "node-api-java: a buffer without bytes");
  jsize len = (*jni)->GetArrayLength(jni, bytes);
  void* data = NULL;
  napi_value result = NULL, ab;
  bool ok = kind == 0 ? NAPI_OK(env, napi_create_buffer(env, (size_t)len, &data, &result))
                      : NAPI_OK(env, napi_create_arraybuffer(env, (size_t)len, &data, &ab));
  if (ok && len) (*jni)->GetByteArrayRegion(jni, bytes, 0, len, data);
  if (ok && kind != 0) {
    size_t elements = (size_t)len >> (kind == 4 || kind == 6 ? 3 : kind == 3 || kind == 5 ? 2 : 1);
    ok = NAPI_OK(env, napi_create_typedarray(env, KIND_ARRAY[kind], elements, ab, 0, &result));
  }
  (*jni)->DeleteLocalRef(jni, bytes);
  return ok ? result : NULL;
}

/* Tags, wraps and marks the ArrayBuffer made over rec's memory; false with a JS exception pending. */
static bool claim(env_ctx* ctx, napi_value ab, shared_mem* rec) {
  napi_env env = ctx->env;
  if (!NAPI_OK(env, napi_type_tag_object(env, ab, &SHARED_TAG)) || !NAPI_OK(env, napi_wrap(env, ab, rec, NULL, NULL, NULL)))
    return false;
  /* worker_threads.markAsUntransferable: postMessage/structuredClone copy it (lib/streams.js) */
  return stream_hook(ctx, ab, "untransferable") != NULL;
}

napi_value buffer_to_js(env_ctx* ctx, JNIEnv* jni, jobject buf, int code) {
  napi_env env = ctx->env;
  int kind = code - TC_BYTE_BUFFER;
  if (!buffers_ready(jni)) return java_failed(ctx, jni), NULL;
  jint shift = (*jni)->CallStaticIntMethod(jni, B.Buffers, B.shareable, buf, (jint)kind);
  if (java_failed(ctx, jni)) return NULL;
  if (shift < 0 || B.copy_only || !ctx->stream_hook) return copy_to_js(ctx, jni, buf, kind);
  char* base = (*jni)->GetDirectBufferAddress(jni, buf);
  jint position = (*jni)->GetIntField(jni, buf, B.position), limit = (*jni)->GetIntField(jni, buf, B.limit);
  size_t length = (size_t)(limit - position) << shift;
  char* data = base ? base + ((size_t)position << shift) : NULL;
  if (!data || length == 0 || ((uintptr_t)data & ((1u << shift) - 1))) return copy_to_js(ctx, jni, buf, kind);
  shared_mem* rec = calloc(1, sizeof *rec);
  if (!rec) return throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for a shared buffer");
  rec->buffer = (*jni)->NewGlobalRef(jni, buf);
  if (!rec->buffer) {
    free(rec);
    return throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: no JNI global references left for a shared buffer");
  }
  rec->data = data;
  rec->length = length;
  napi_value result = NULL, ab = NULL;
  napi_status status;
  if (kind == 0) status = napi_create_external_buffer(env, length, data, shared_finalize, rec, &result);
  else status = napi_create_external_arraybuffer(env, data, length, shared_finalize, rec, &ab);
  if (status != napi_ok) { /* the finalizer never runs: the record is still ours */
    (*jni)->DeleteGlobalRef(jni, rec->buffer);
    free(rec);
    if (status == napi_no_external_buffers_allowed && !js_pending(env)) return copy_to_js(ctx, jni, buf, kind);
    status_checked(env, status, kind == 0 ? "napi_create_external_buffer" : "napi_create_external_arraybuffer");
    return NULL;
  }
  /* from here the finalizer owns rec */
  if (kind == 0) {
    if (!NAPI_OK(env, napi_get_typedarray_info(env, result, NULL, NULL, NULL, &ab, NULL))) return NULL;
  } else if (!NAPI_OK(env, napi_create_typedarray(env, KIND_ARRAY[kind], length >> shift, ab, 0, &result))) {
    return NULL;
  }
  return claim(ctx, ab, rec) ? result : NULL;
}

/* ---------- JS -> Java ---------- */

static bool kind_accepts(int kind, napi_typedarray_type ta) {
  switch (kind) {
    case 0: return true; /* the bytes of any view */
    case 1: return ta == napi_int16_array;
    case 2: return ta == napi_uint16_array;
    case 3: return ta == napi_int32_array || ta == napi_uint32_array;
    case 4: return ta == napi_bigint64_array || ta == napi_biguint64_array;
    case 5: return ta == napi_float32_array;
    default: return ta == napi_float64_array;
  }
}

static size_t typed_element_size(napi_typedarray_type ta) {
  switch (ta) {
    case napi_int8_array: case napi_uint8_array: case napi_uint8_clamped_array: return 1;
    case napi_int16_array: case napi_uint16_array: return 2;
    case napi_int32_array: case napi_uint32_array: case napi_float32_array: return 4;
    default: return 8;
  }
}

/* A Java buffer of the kind over the JS view's bytes: the same memory when Java owns it, else a
 * read-only copy. *handled false (nothing pending) when v is no ArrayBuffer or typed array. */
bool buffer_to_java(env_ctx* ctx, JNIEnv* jni, napi_value v, const type_info* t, jobject* out, bool* handled) {
  napi_env env = ctx->env;
  int kind = t->code - TC_BYTE_BUFFER;
  bool is = false;
  napi_value ab = v;
  void* data = NULL;
  size_t length = 0;
  *handled = true;
  if (!NAPI_OK(env, napi_is_typedarray(env, v, &is))) return false;
  if (is) {
    napi_typedarray_type ta;
    size_t elements;
    if (!NAPI_OK(env, napi_get_typedarray_info(env, v, &ta, &elements, &data, &ab, NULL))) return false;
    if (!kind_accepts(kind, ta)) {
      throw_type_error(env, "this typed array cannot be passed as a Java java.nio.%s: pass %s (or a Java %s)",
                       KIND_NAME[kind], KIND_JS[kind], KIND_NAME[kind]);
      return false;
    }
    length = elements * typed_element_size(ta);
  } else {
    if (!NAPI_OK(env, napi_is_arraybuffer(env, v, &is))) return false;
    if (!is) {
      *handled = false;
      return true;
    }
    if (kind != 0) {
      throw_type_error(env, "an ArrayBuffer cannot be passed as a Java java.nio.%s: pass %s over it", KIND_NAME[kind],
                       KIND_JS[kind]);
      return false;
    }
    if (!NAPI_OK(env, napi_get_arraybuffer_info(env, v, &data, &length))) return false;
  }
  bool detached = false, ours = false;
  if (!NAPI_OK(env, napi_is_arraybuffer(env, ab, &is))) return false;
  if (is) { /* else a SharedArrayBuffer: V8's memory, copied */
    if (!NAPI_OK(env, napi_is_detached_arraybuffer(env, ab, &detached))) return false;
    if (detached) {
      throw_type_error(env, "this ArrayBuffer is detached (transferred with postMessage/structuredClone/transfer(), "
                            "or taken by a stream): it has no memory left to pass as a Java java.nio.%s", KIND_NAME[kind]);
      return false;
    }
    if (!NAPI_OK(env, napi_check_object_type_tag(env, ab, &SHARED_TAG, &ours))) return false;
  }
  if (length > 0x7fffffffu) {
    throw_range_error(env, "%zu bytes do not fit a Java buffer (at most 2^31-1 bytes)", length);
    return false;
  }
  if (!buffers_ready(jni)) return false;
  jobject bytes, result;
  if (ours && length > 0) {
    shared_mem* rec = NULL;
    /* attached, so its backing store (and the record its finalizer frees) is alive */
    if (!NAPI_OK(env, napi_unwrap(env, ab, (void**)&rec))) return false;
    bytes = (*jni)->NewDirectByteBuffer(jni, data, (jlong)length);
    if (!bytes) return false;
    rec->escaped = true; /* Java holds it now: never reused as a stream chunk */
    result = (*jni)->CallStaticObjectMethod(jni, B.Buffers, B.view, bytes, rec->buffer, (jint)kind);
  } else {
    bytes = (*jni)->CallStaticObjectMethod(jni, B.Buffers, B.allocateCopy, (jint)length);
    if (!bytes) return false;
    void* copy = (*jni)->GetDirectBufferAddress(jni, bytes);
    if (length) memcpy(copy, data, length);
    result = (*jni)->CallStaticObjectMethod(jni, B.Buffers, B.copy, bytes, (jint)kind);
  }
  (*jni)->DeleteLocalRef(jni, bytes);
  if (!result) return false;
  if (t->cls && !(*jni)->IsInstanceOf(jni, result, t->cls)) { /* MappedByteBuffer: only a Java object of it */
    (*jni)->DeleteLocalRef(jni, result);
    throw_type_error(env, "a JS buffer becomes a java.nio.%s, not the subclass this parameter wants: pass a Java "
                          "object of that class", KIND_NAME[kind]);
    return false;
  }
  *out = result;
  return true;
}
