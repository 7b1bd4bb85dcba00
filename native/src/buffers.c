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
 * Stream chunks (Streams.readShared) are native memory counted by claims (struct chunk below),
 * so that V8 freeing a Readable's Buffer frees its memory at once.
 *
 * Where V8 allows no external memory (napi_no_external_buffers_allowed: Electron, V8 sandbox) or
 * NAPI_JAVA_COPY_BUFFERS=1 is set, Java -> JS copies too.
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

/* What the ArrayBuffers made over Java memory carry: only such buffers hold a shared_mem. */
static const napi_type_tag SHARED_TAG = {0x6e6170696a617661ULL, 0x62756666657273ULL}; /* "napijava" "buffers" */

/* A stream chunk (Buffers.newChunk): native memory counted by claims (README "Shared memory"):
 * the reader's until it is handed to JS or dropped, each ArrayBuffer over it, each Java view of
 * it. Freed when the last claim goes, so a Readable's memory is reused as soon as V8 frees its
 * Buffers, without waiting for a Java GC. Every live chunk is on one list (the pending ones, not
 * handed yet, are looked up there by address). */
typedef struct chunk {
  struct chunk *prev, *next;
  int claims;   /* atomic */
  bool pending; /* the reader's claim is still the reader's (guarded by chunk_lock) */
  size_t size;
} chunk;
#define CHUNK_HEADER 64 /* the data after the header stays 64-byte aligned */
/* Freed chunks of the usual size kept for reuse, on the `next` links: V8 frees a Readable's
 * Buffers in bursts (at its GCs), and without this each burst went back to malloc and the reads
 * after it into fresh pages (page faults, zeroing by the kernel: half the throughput). At most
 * CHUNK_KEEP (32 MiB, less than a Readable's peak between two V8 GCs), and all of them are freed
 * when no chunk is live any more (the streams ended and V8 let go of their Buffers). */
#define CHUNK_REUSED_SIZE (256 * 1024)
#define CHUNK_KEEP 256
static pthread_mutex_t chunk_lock = PTHREAD_MUTEX_INITIALIZER;
static chunk live_chunks = {&live_chunks, &live_chunks, 0, false, 0};
static chunk* free_chunks;
static int free_count;

static chunk* chunk_of(void* data) { return (chunk*)((char*)data - CHUNK_HEADER); }
static void* chunk_data(chunk* c) { return (char*)c + CHUNK_HEADER; }

static void chunk_drop(chunk* c) {
  if (__atomic_sub_fetch(&c->claims, 1, __ATOMIC_ACQ_REL) > 0) return;
  pthread_mutex_lock(&chunk_lock);
  c->prev->next = c->next;
  c->next->prev = c->prev;
  bool keep = c->size == CHUNK_REUSED_SIZE && free_count < CHUNK_KEEP;
  if (keep) {
    c->next = free_chunks;
    free_chunks = c;
    free_count++;
  }
  chunk* idle = NULL;
  if (live_chunks.next == &live_chunks) { /* nothing live: give the kept ones back */
    idle = free_chunks;
    free_chunks = NULL;
    free_count = 0;
  }
  pthread_mutex_unlock(&chunk_lock);
  if (!keep) free(c);
  while (idle) {
    chunk* next = idle->next;
    free(idle);
    idle = next;
  }
}

/* The pending chunk whose data starts at data, now no longer pending (its claim goes to the
 * caller); NULL when there is none. */
static chunk* chunk_take_pending(void* data) {
  chunk* found = NULL;
  pthread_mutex_lock(&chunk_lock);
  for (chunk* c = live_chunks.next; c != &live_chunks; c = c->next) {
    if (c->pending && chunk_data(c) == data) {
      c->pending = false;
      found = c;
      break;
    }
  }
  pthread_mutex_unlock(&chunk_lock);
  return found;
}

/* What the ArrayBuffers made over Java memory hold (their finalizer's hint). */
typedef struct shared_mem {
  jobject buffer; /* global ref: the Java buffer whose memory JS sees; NULL for a chunk */
  chunk* chunk;   /* or the stream chunk whose claim this ArrayBuffer holds */
  void* data;     /* the first byte JS sees */
  size_t length;  /* bytes JS sees */
  int kind;
  env_ctx* ctx;
  napi_ref view; /* weak: the typed array JS got, found again in `recent` */
} shared_mem;

/* The views made lately on this JS thread, by memory: the same memory going to JS again gives the
 * same Buffer (when it is alive and attached) instead of a new ArrayBuffer, which V8 would count
 * as that many more external bytes (a 64 MiB buffer passed in a loop meant a GC per pass). A
 * cache, not a map: a colliding entry replaces the older one. A record leaves it when finalized. */
#define RECENT 64
static _Thread_local shared_mem* recent[RECENT];

static unsigned recent_slot(void* data, size_t length, int kind) {
  uintptr_t h = (uintptr_t)data ^ (length * 31u) ^ (uintptr_t)kind;
  return (unsigned)((h >> 4) ^ (h >> 12) ^ (h >> 20)) % RECENT;
}

static struct {
  bool copy_only;
  jclass Buffers;
  jmethodID shareable, remainingBytes, view, allocateCopy, copy;
  jfieldID position, limit;
  jfieldID address, capacity, mark; /* to empty a chunk's Java buffer once JS has it (NULL: no hand-over) */
} B;

static const napi_typedarray_type KIND_ARRAY[] = {napi_uint8_array, napi_int16_array, napi_uint16_array,
                                                  napi_int32_array, napi_bigint64_array, napi_float32_array,
                                                  napi_float64_array};
static const char* KIND_NAME[] = {"ByteBuffer", "ShortBuffer", "CharBuffer", "IntBuffer",
                                  "LongBuffer", "FloatBuffer", "DoubleBuffer"};
static const char* KIND_JS[] = {"any typed array or ArrayBuffer", "an Int16Array", "a Uint16Array", "an Int32Array",
                                "a BigInt64Array", "a Float32Array", "a Float64Array"};

/* ---------- natives of dev.napijava.bridge.Buffers (stream chunks) ---------- */

static jobject JNICALL native_alloc_chunk(JNIEnv* jni, jclass cls, jint size) {
  chunk* c = NULL;
  if (size == CHUNK_REUSED_SIZE) {
    pthread_mutex_lock(&chunk_lock);
    if ((c = free_chunks)) {
      free_chunks = c->next;
      free_count--;
    }
    pthread_mutex_unlock(&chunk_lock);
  }
  if (!c && size >= 0) c = malloc(CHUNK_HEADER + (size_t)size);
  if (!c) {
    java_throw(jni, "java/lang/OutOfMemoryError", "no native memory for a stream chunk of %d bytes", (int)size);
    return NULL;
  }
  c->claims = 1;
  c->pending = true;
  c->size = (size_t)size;
  pthread_mutex_lock(&chunk_lock);
  c->next = live_chunks.next;
  c->prev = &live_chunks;
  live_chunks.next->prev = c;
  live_chunks.next = c;
  pthread_mutex_unlock(&chunk_lock);
  jobject buffer = (*jni)->NewDirectByteBuffer(jni, chunk_data(c), size);
  if (!buffer) {
    if (chunk_take_pending(chunk_data(c))) chunk_drop(c);
    if (!(*jni)->ExceptionCheck(jni)) java_throw(jni, "java/lang/OutOfMemoryError", "no memory for a direct buffer");
  }
  return buffer;
}

static jlong JNICALL native_chunk_address(JNIEnv* jni, jclass cls, jobject buffer) {
  return (jlong)(intptr_t)(*jni)->GetDirectBufferAddress(jni, buffer);
}

static void JNICALL native_drop_pending(JNIEnv* jni, jclass cls, jlong data) {
  chunk* c = data ? chunk_take_pending((void*)(intptr_t)data) : NULL;
  if (c) chunk_drop(c);
}

static void JNICALL native_drop_chunk(JNIEnv* jni, jclass cls, jlong data) {
  if (data) chunk_drop(chunk_of((void*)(intptr_t)data));
}

/* At start (proxies_init): IDs and the chunk natives; false with a Java exception pending. */
bool buffers_init(JNIEnv* jni) {
  jclass c = (*jni)->FindClass(jni, "dev/napijava/bridge/Buffers");
  jclass buffer = c ? (*jni)->FindClass(jni, "java/nio/Buffer") : NULL;
  B.shareable = buffer ? (*jni)->GetStaticMethodID(jni, c, "shareable", "(Ljava/nio/Buffer;I)I") : NULL;
  B.remainingBytes = B.shareable ? (*jni)->GetStaticMethodID(jni, c, "remainingBytes", "(Ljava/nio/Buffer;I)[B") : NULL;
  B.view = B.remainingBytes ? (*jni)->GetStaticMethodID(jni, c, "view",
                                                        "(Ljava/nio/ByteBuffer;Ljava/nio/Buffer;IJ)Ljava/nio/Buffer;")
                            : NULL;
  B.allocateCopy = B.view ? (*jni)->GetStaticMethodID(jni, c, "allocateCopy", "(I)Ljava/nio/ByteBuffer;") : NULL;
  B.copy = B.allocateCopy ? (*jni)->GetStaticMethodID(jni, c, "copy", "(Ljava/nio/ByteBuffer;I)Ljava/nio/Buffer;") : NULL;
  B.position = B.copy ? (*jni)->GetFieldID(jni, buffer, "position", "I") : NULL;
  B.limit = B.position ? (*jni)->GetFieldID(jni, buffer, "limit", "I") : NULL;
  JNINativeMethod natives[] = {
      {"allocChunk", "(I)Ljava/nio/ByteBuffer;", (void*)native_alloc_chunk},
      {"chunkAddress", "(Ljava/nio/ByteBuffer;)J", (void*)native_chunk_address},
      {"dropPending", "(J)V", (void*)native_drop_pending},
      {"dropChunk", "(J)V", (void*)native_drop_chunk},
  };
  bool ok = B.limit && (*jni)->RegisterNatives(jni, c, natives, sizeof natives / sizeof natives[0]) == 0;
  B.Buffers = ok ? (*jni)->NewGlobalRef(jni, c) : NULL;
  if (ok && !B.Buffers) java_throw(jni, "java/lang/OutOfMemoryError", "no JNI global references left");
  /* optional: without them, chunks are shared like any buffer (freed by the Java GC) */
  B.address = B.Buffers ? (*jni)->GetFieldID(jni, buffer, "address", "J") : NULL;
  B.capacity = B.address ? (*jni)->GetFieldID(jni, buffer, "capacity", "I") : NULL;
  B.mark = B.capacity ? (*jni)->GetFieldID(jni, buffer, "mark", "I") : NULL;
  if (!B.mark) B.address = B.capacity = NULL;
  if (B.Buffers) (*jni)->ExceptionClear(jni);
  if (c) (*jni)->DeleteLocalRef(jni, c);
  if (buffer) (*jni)->DeleteLocalRef(jni, buffer);
  const char* force = getenv("NAPI_JAVA_COPY_BUFFERS");
  B.copy_only = force && strcmp(force, "1") == 0;
  return B.Buffers != NULL;
}

/* ---------- Java -> JS ---------- */

/* V8 freed the backing store (or the environment ends: Node then detaches the ArrayBuffer and
 * calls this at once). JS thread. */
static void shared_finalize(napi_env env, void* data, void* hint) {
  shared_mem* rec = hint;
  unsigned slot = recent_slot(rec->data, rec->length, rec->kind);
  if (recent[slot] == rec) recent[slot] = NULL;
  if (rec->view) napi_delete_reference(env, rec->view);
  if (rec->chunk) {
    chunk_drop(rec->chunk);
  } else {
    JNIEnv* jni = jvm_started() ? jni_env() : NULL;
    if (jni) (*jni)->DeleteGlobalRef(jni, rec->buffer);
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
    size_t elements = (size_t)len >> (kind == 4 || kind == 6 ? 3 : kind == 3 || kind == 5 ? 2
                                                                                          : 1);
    ok = NAPI_OK(env, napi_create_typedarray(env, KIND_ARRAY[kind], elements, ab, 0, &result));
  }
  (*jni)->DeleteLocalRef(jni, bytes);
  return ok ? result : NULL;
}

/* Tags, wraps and marks the ArrayBuffer made over rec's memory; false with a JS exception pending.
 * *cache: whether its view may be kept (weakly) for the same memory's next pass. Not under Deno
 * (lib/streams.js answers false there): Deno aborts ("Check failed: node->IsInUse()") when a
 * finalizer deletes a reference while it tears the isolate down at exit. */
static bool claim(env_ctx* ctx, napi_value ab, shared_mem* rec, bool* cache) {
  napi_env env = ctx->env;
  if (!NAPI_OK(env, napi_type_tag_object(env, ab, &SHARED_TAG)) || !NAPI_OK(env, napi_wrap(env, ab, rec, NULL, NULL, NULL)))
    return false;
  /* worker_threads.markAsUntransferable: postMessage/structuredClone copy it (lib/streams.js) */
  napi_value answer = stream_hook(ctx, ab, "untransferable");
  napi_valuetype type;
  if (!answer || !NAPI_OK(env, napi_typeof(env, answer, &type))) return false;
  *cache = type != napi_boolean;
  return true;
}

napi_value buffer_to_js(env_ctx* ctx, JNIEnv* jni, jobject buf, int code) {
  napi_env env = ctx->env;
  int kind = code - TC_BYTE_BUFFER;
  jint shift = (*jni)->CallStaticIntMethod(jni, B.Buffers, B.shareable, buf, (jint)kind);
  if (java_failed(ctx, jni)) return NULL;
  if (shift < 0 || B.copy_only || !ctx->stream_hook) return copy_to_js(ctx, jni, buf, kind);
  char* base = (*jni)->GetDirectBufferAddress(jni, buf);
  jint position = (*jni)->GetIntField(jni, buf, B.position), limit = (*jni)->GetIntField(jni, buf, B.limit);
  size_t length = (size_t)(limit - position) << shift;
  char* data = base ? base + ((size_t)position << shift) : NULL;
  if (!data || length == 0 || ((uintptr_t)data & ((1u << shift) - 1))) return copy_to_js(ctx, jni, buf, kind);
  unsigned slot = recent_slot(data, length, kind);
  shared_mem* seen = recent[slot];
  if (seen && seen->ctx == ctx && seen->data == data && seen->length == length && seen->kind == kind && !seen->chunk) {
    napi_value view = NULL, seen_ab;
    bool detached = true;
    if (!NAPI_OK(env, napi_get_reference_value(env, seen->view, &view))) return NULL;
    if (view && (!NAPI_OK(env, napi_get_typedarray_info(env, view, NULL, NULL, NULL, &seen_ab, NULL)) ||
                 !NAPI_OK(env, napi_is_detached_arraybuffer(env, seen_ab, &detached))))
      return NULL;
    if (view && !detached) return view; /* the same memory: the same Buffer */
  }
  shared_mem* rec = calloc(1, sizeof *rec);
  if (!rec) return throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for a shared buffer");
  /* a stream chunk handed to JS: this ArrayBuffer takes the reader's claim over, and the Java
   * buffer object is emptied (address and capacity 0): Java code that kept it gets exceptions,
   * never the memory JS frees */
  rec->chunk = kind == 0 && position == 0 && B.mark ? chunk_take_pending(base) : NULL;
  if (rec->chunk) {
    (*jni)->SetLongField(jni, buf, B.address, 0);
    (*jni)->SetIntField(jni, buf, B.capacity, 0);
    (*jni)->SetIntField(jni, buf, B.limit, 0);
    (*jni)->SetIntField(jni, buf, B.position, 0);
    (*jni)->SetIntField(jni, buf, B.mark, -1);
  }
  rec->buffer = rec->chunk ? NULL : (*jni)->NewGlobalRef(jni, buf);
  if (!rec->chunk && !rec->buffer) {
    free(rec);
    return throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: no JNI global references left for a shared buffer");
  }
  rec->data = data;
  rec->length = length;
  rec->kind = kind;
  rec->ctx = ctx;
  napi_value result = NULL, ab = NULL;
  napi_status status;
  if (kind == 0) status = napi_create_external_buffer(env, length, data, shared_finalize, rec, &result);
  else status = napi_create_external_arraybuffer(env, data, length, shared_finalize, rec, &ab);
  if (status != napi_ok) { /* the finalizer never runs: the record is still ours */
    if (rec->chunk) chunk_drop(rec->chunk);
    else (*jni)->DeleteGlobalRef(jni, rec->buffer);
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
  /* (V8 counts the bytes of external backing stores itself: no napi_adjust_external_memory) */
  bool cache = false;
  if (!claim(ctx, ab, rec, &cache)) return NULL;
  if (!rec->chunk && cache) { /* chunks are new memory each time */
    if (!NAPI_OK(env, napi_create_reference(env, result, 0, &rec->view))) return NULL;
    recent[slot] = rec;
  }
  return result;
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
    case napi_int8_array:
    case napi_uint8_array:
    case napi_uint8_clamped_array: return 1;
    case napi_int16_array:
    case napi_uint16_array: return 2;
    case napi_int32_array:
    case napi_uint32_array:
    case napi_float32_array: return 4;
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
      throw_type_error(env,
                       "this ArrayBuffer is detached (transferred with postMessage/structuredClone/transfer(), "
                       "or taken by a stream): it has no memory left to pass as a Java java.nio.%s",
                       KIND_NAME[kind]);
      return false;
    }
    if (!NAPI_OK(env, napi_check_object_type_tag(env, ab, &SHARED_TAG, &ours))) return false;
  }
  if (length > 0x7fffffffu) {
    throw_range_error(env, "%zu bytes do not fit a Java buffer (at most 2^31-1 bytes)", length);
    return false;
  }
  jobject bytes, result;
  if (ours && length > 0) {
    shared_mem* rec = NULL;
    /* attached, so its backing store (and the record its finalizer frees) is alive */
    if (!NAPI_OK(env, napi_unwrap(env, ab, (void**)&rec))) return false;
    bytes = (*jni)->NewDirectByteBuffer(jni, data, (jlong)length);
    if (!bytes) return false;
    if (rec->chunk) __atomic_add_fetch(&rec->chunk->claims, 1, __ATOMIC_ACQ_REL); /* the view's, dropped by its Cleaner */
    jlong chunk_address = rec->chunk ? (jlong)(intptr_t)chunk_data(rec->chunk) : 0;
    result = (*jni)->CallStaticObjectMethod(jni, B.Buffers, B.view, bytes, rec->buffer, (jint)kind, chunk_address);
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
    throw_type_error(env,
                     "a JS buffer becomes a java.nio.%s, not the subclass this parameter wants: pass a Java "
                     "object of that class",
                     KIND_NAME[kind]);
    return false;
  }
  *out = result;
  return true;
}
