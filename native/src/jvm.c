/* Loading libjvm at run time, creating (or joining) the JVM, per-thread JNIEnv, cached IDs. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <locale.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bridge.h"

jni_cache J;
/* initial-exec: a plain TLS load on every call instead of __tls_get_addr */
static __thread JNIEnv* t_jni __attribute__((tls_model("initial-exec")));

typedef jint (*create_vm_fn)(JavaVM**, void**, void*);
typedef jint (*created_vms_fn)(JavaVM**, jsize, jsize*);

static pthread_t creator_thread;
static bool created_here; /* this addon created the JVM (Node hosts Java), not joined it */

bool jvm_started(void) { return J.vm != NULL; }

bool jvm_created_here(void) { return created_here; }

/* A Node worker's thread is going away: release its JVM thread (the JS main thread keeps its own). */
void jni_detach_if_worker(void) {
  if (J.vm && t_jni && !pthread_equal(pthread_self(), creator_thread)) {
    (*J.vm)->DetachCurrentThread(J.vm);
    t_jni = NULL;
  }
}

/* The calling thread's JNIEnv; threads Node created (workers) attach as daemons on first use. */
JNIEnv* jni_env(void) {
  if (t_jni) return t_jni;
  JNIEnv* env = NULL;
  if ((*J.vm)->GetEnv(J.vm, (void**)&env, JNI_VERSION_1_8) != JNI_OK) {
    JavaVMAttachArgs args = {JNI_VERSION_1_8, "node-api-java", NULL};
    if ((*J.vm)->AttachCurrentThreadAsDaemon(J.vm, (void**)&env, &args) != JNI_OK) return NULL;
  }
  t_jni = env;
  return env;
}

jclass global_class(JNIEnv* jni, const char* name) {
  jclass local = (*jni)->FindClass(jni, name);
  if (!local) return NULL;
  jclass global = (*jni)->NewGlobalRef(jni, local);
  (*jni)->DeleteLocalRef(jni, local);
  return global;
}

jobject static_global(JNIEnv* jni, jclass cls, const char* name, const char* sig) {
  jfieldID f = (*jni)->GetStaticFieldID(jni, cls, name, sig);
  jobject local = f ? (*jni)->GetStaticObjectField(jni, cls, f) : NULL;
  if (!local) return NULL;
  jobject global = (*jni)->NewGlobalRef(jni, local);
  (*jni)->DeleteLocalRef(jni, local);
  return global;
}

/*
 * Two copies of this addon in one process (two npm packages depending on node-api-java) share
 * the one JVM and its runtime classes, whose natives each copy registers. Identical builds may;
 * a different build would get the other's records through those natives, so it refuses to join.
 */
static const char BUILD[] = "node-api-java native core, built " __DATE__ " " __TIME__;

static bool claim_runtime(JNIEnv* jni) {
  jmethodID claim = (*jni)->GetStaticMethodID(jni, J.Bridge, "claimNative", "(Ljava/lang/String;)Ljava/lang/String;");
  jstring ours = claim ? (*jni)->NewStringUTF(jni, BUILD) : NULL;
  jstring owner = ours ? (*jni)->CallStaticObjectMethod(jni, J.Bridge, claim, ours) : NULL;
  char* text = owner ? jstring_to_utf8(jni, owner) : NULL;
  bool same = text && strcmp(text, BUILD) == 0;
  if (text && !same)
    java_throw(jni, "java/lang/IllegalStateException",
               "another copy of node-api-java (%s) already runs in this process, and this one (%s) is a different "
               "build: have npm install one copy (npm dedupe, or the same version everywhere)",
               text, BUILD);
  free(text);
  if (owner) (*jni)->DeleteLocalRef(jni, owner);
  if (ours) (*jni)->DeleteLocalRef(jni, ours);
  return same;
}

static bool cache_ids(JNIEnv* jni) {
  static const char* boxes[8] = {"java/lang/Boolean", "java/lang/Byte", "java/lang/Character", "java/lang/Short",
                                 "java/lang/Integer", "java/lang/Long", "java/lang/Float", "java/lang/Double"};
  static const char* prims[8] = {"Z", "B", "C", "S", "I", "J", "F", "D"};
  static const char* unbox[8] = {"booleanValue", "byteValue", "charValue", "shortValue",
                                 "intValue", "longValue", "floatValue", "doubleValue"};
  static const char* arrays[8] = {"[Z", "[B", "[C", "[S", "[I", "[J", "[F", "[D"};
  char sig[64];
#define REQUIRE(x) \
  if (!(x)) return false
  REQUIRE(J.Object = global_class(jni, "java/lang/Object"));
  REQUIRE(J.String = global_class(jni, "java/lang/String"));
  REQUIRE(J.Class = global_class(jni, "java/lang/Class"));
  REQUIRE(J.Throwable = global_class(jni, "java/lang/Throwable"));
  REQUIRE(J.Throwable_getMessage = (*jni)->GetMethodID(jni, J.Throwable, "getMessage", "()Ljava/lang/String;"));
  REQUIRE(J.StackOverflowError = global_class(jni, "java/lang/StackOverflowError"));
  REQUIRE(J.OutOfMemoryError = global_class(jni, "java/lang/OutOfMemoryError"));
  REQUIRE(J.ObjectArray = global_class(jni, "[Ljava/lang/Object;"));
  for (int i = 0; i < 8; i++) {
    REQUIRE(J.box[i] = global_class(jni, boxes[i]));
    snprintf(sig, sizeof sig, "(%s)L%s;", prims[i], boxes[i]);
    REQUIRE(J.box_valueOf[i] = (*jni)->GetStaticMethodID(jni, J.box[i], "valueOf", sig));
    snprintf(sig, sizeof sig, "()%s", prims[i]);
    REQUIRE(J.box_value[i] = (*jni)->GetMethodID(jni, J.box[i], unbox[i], sig));
    /* the box's own field (OpenJDK's "value"): read without a Java call; absent: the method above */
    J.box_field[i] = (*jni)->GetFieldID(jni, J.box[i], "value", prims[i]);
    if (!J.box_field[i]) (*jni)->ExceptionClear(jni);
    REQUIRE(J.prim_array[i] = global_class(jni, arrays[i]));
  }
#define STATIC_METHOD(dst, cls, name, sig) REQUIRE(dst = (*jni)->GetStaticMethodID(jni, cls, name, sig))
  REQUIRE(J.Values = global_class(jni, "dev/napijava/bridge/Values"));
  STATIC_METHOD(J.Values_dynamicCode, J.Values, "dynamicCode", "(Ljava/lang/Object;)I");
  STATIC_METHOD(J.Values_slots, J.Values, "slots", "([Ljava/lang/Object;)[J");
  STATIC_METHOD(J.Values_date, J.Values, "date", "(DLjava/lang/Class;)Ljava/lang/Object;");
  STATIC_METHOD(J.Values_millis, J.Values, "millis", "(Ljava/lang/Object;)D");
  STATIC_METHOD(J.Values_bigInteger, J.Values, "bigInteger", "(Z[J)Ljava/math/BigInteger;");
  STATIC_METHOD(J.Values_words, J.Values, "words", "(Ljava/math/BigInteger;)[J");
  STATIC_METHOD(J.Values_toBigInteger, J.Values, "toBigInteger", "(Ljava/lang/Object;)Ljava/math/BigInteger;");
  STATIC_METHOD(J.Values_toBigDecimal, J.Values, "toBigDecimal", "(Ljava/lang/Object;)Ljava/math/BigDecimal;");
  STATIC_METHOD(J.Values_record, J.Values, "record", "(Ljava/lang/Class;[Ljava/lang/Object;)Ljava/lang/Object;");
  STATIC_METHOD(J.Values_fromString, J.Values, "fromString", "(Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/Object;");
  REQUIRE(J.BigInteger = global_class(jni, "java/math/BigInteger"));
  REQUIRE(J.LinkedHashMap = global_class(jni, "java/util/LinkedHashMap"));
  REQUIRE(J.LinkedHashSet = global_class(jni, "java/util/LinkedHashSet"));
  REQUIRE(J.ArrayList = global_class(jni, "java/util/ArrayList"));
  REQUIRE(J.Map_ = global_class(jni, "java/util/Map"));
  REQUIRE(J.Collection_ = global_class(jni, "java/util/Collection"));
  REQUIRE(J.Number_ = global_class(jni, "java/lang/Number"));
  REQUIRE(J.Boolean_ = global_class(jni, "java/lang/Boolean"));
  REQUIRE(J.Character_ = global_class(jni, "java/lang/Character"));
  REQUIRE(J.Number_longValue = (*jni)->GetMethodID(jni, J.Number_, "longValue", "()J"));
  REQUIRE(J.Number_doubleValue = (*jni)->GetMethodID(jni, J.Number_, "doubleValue", "()D"));
  REQUIRE(J.Bridge = global_class(jni, "dev/napijava/bridge/Bridge"));
  REQUIRE(claim_runtime(jni));
  REQUIRE(J.BridgeTypeError = global_class(jni, "dev/napijava/bridge/BridgeTypeError"));
  REQUIRE(J.BridgeRangeError = global_class(jni, "dev/napijava/bridge/BridgeRangeError"));
  jclass B = J.Bridge;
  STATIC_METHOD(J.Bridge_resolveName, B, "resolveName", "(Ljava/lang/String;)Ljava/lang/Object;");
  STATIC_METHOD(J.Bridge_importClass, B, "importClass", "(Ljava/lang/String;)Ljava/lang/Class;");
  STATIC_METHOD(J.Bridge_describe, B, "describe", "(Ljava/lang/Class;)Ldev/napijava/bridge/ClassDescriptor;");
  STATIC_METHOD(J.Bridge_classIndexOf, B, "classIndexOf", "(Ljava/lang/Object;)I");
  STATIC_METHOD(J.Bridge_classIndex, B, "classIndex", "(Ljava/lang/Class;)I");
  STATIC_METHOD(J.Bridge_classAt, B, "classAt", "(I)Ljava/lang/Class;");
  STATIC_METHOD(J.Bridge_load, B, "load", "(Ljava/lang/String;)V");
  STATIC_METHOD(J.Bridge_registerGlue, B, "registerGlue", "(Ljava/lang/String;)I");
  STATIC_METHOD(J.Bridge_javaVersion, B, "javaVersion", "()Ljava/lang/String;");
  STATIC_METHOD(J.Bridge_runShutdownHooks, B, "runShutdownHooks", "(J)V");
  STATIC_METHOD(J.Bridge_arrayType, B, "arrayType", "(Ljava/lang/Object;)Ldev/napijava/bridge/TypeRef;");
  REQUIRE(J.System = global_class(jni, "java/lang/System"));
  REQUIRE(J.System_identityHashCode = (*jni)->GetStaticMethodID(jni, J.System, "identityHashCode", "(Ljava/lang/Object;)I"));
  strings_init(jni);
  REQUIRE(J.Class_getName = (*jni)->GetMethodID(jni, J.Class, "getName", "()Ljava/lang/String;"));
  REQUIRE(J.Class_isInterface = (*jni)->GetMethodID(jni, J.Class, "isInterface", "()Z"));

  jclass cd = (*jni)->FindClass(jni, "dev/napijava/bridge/ClassDescriptor");
  jclass os = cd ? (*jni)->FindClass(jni, "dev/napijava/bridge/OverloadSet") : NULL;
  jclass c = os ? (*jni)->FindClass(jni, "dev/napijava/bridge/Overload") : NULL;
  jclass tr = c ? (*jni)->FindClass(jni, "dev/napijava/bridge/TypeRef") : NULL;
  jclass fd = tr ? (*jni)->FindClass(jni, "dev/napijava/bridge/FieldDescriptor") : NULL;
  REQUIRE(cd && os && c && tr && fd);
#define FIELD(dst, cls, name, sig) REQUIRE(dst = (*jni)->GetFieldID(jni, cls, name, sig))
  FIELD(J.CD_type, cd, "type", "Ljava/lang/Class;");
  FIELD(J.CD_classIndex, cd, "classIndex", "I");
  FIELD(J.CD_jsName, cd, "jsName", "Ljava/lang/String;");
  FIELD(J.CD_instantiable, cd, "instantiable", "Z");
  FIELD(J.CD_constructors, cd, "constructors", "Ldev/napijava/bridge/OverloadSet;");
  FIELD(J.CD_staticMethods, cd, "staticMethods", "[Ldev/napijava/bridge/OverloadSet;");
  FIELD(J.CD_instanceMethods, cd, "instanceMethods", "[Ldev/napijava/bridge/OverloadSet;");
  FIELD(J.CD_staticFields, cd, "staticFields", "[Ldev/napijava/bridge/FieldDescriptor;");
  FIELD(J.CD_instanceFields, cd, "instanceFields", "[Ldev/napijava/bridge/FieldDescriptor;");
  FIELD(J.CD_nestedNames, cd, "nestedNames", "[Ljava/lang/String;");
  FIELD(J.CD_nestedClasses, cd, "nestedClasses", "[Ljava/lang/Class;");
  FIELD(J.CD_traits, cd, "traits", "Ljava/lang/String;");
  FIELD(J.OS_name, os, "name", "Ljava/lang/String;");
  FIELD(J.OS_candidates, os, "candidates", "[Ldev/napijava/bridge/Overload;");
  FIELD(J.OS_isAsync, os, "isAsync", "Z");
  REQUIRE(J.OverloadSet_resolve = (*jni)->GetMethodID(jni, os, "resolve", "([B[Ljava/lang/Class;[D)I"));
  FIELD(J.C_executable, c, "executable", "Ljava/lang/reflect/Executable;");
  FIELD(J.C_declaringClass, c, "declaringClass", "Ljava/lang/Class;");
  FIELD(J.C_isStatic, c, "isStatic", "Z");
  FIELD(J.C_isConstructor, c, "isConstructor", "Z");
  FIELD(J.C_isVarargs, c, "isVarargs", "Z");
  FIELD(J.C_params, c, "params", "[Ldev/napijava/bridge/TypeRef;");
  FIELD(J.C_returnType, c, "returnType", "Ldev/napijava/bridge/TypeRef;");
  FIELD(J.TR_code, tr, "code", "I");
  FIELD(J.TR_type, tr, "type", "Ljava/lang/Class;");
  FIELD(J.TR_element, tr, "element", "Ldev/napijava/bridge/TypeRef;");
  FIELD(J.FD_field, fd, "field", "Ljava/lang/reflect/Field;");
  FIELD(J.FD_name, fd, "name", "Ljava/lang/String;");
  FIELD(J.FD_type, fd, "type", "Ldev/napijava/bridge/TypeRef;");
  FIELD(J.FD_isStatic, fd, "isStatic", "Z");
  FIELD(J.FD_isFinal, fd, "isFinal", "Z");
  FIELD(J.FD_declaringClass, fd, "declaringClass", "Ljava/lang/Class;");
#undef FIELD
#undef STATIC_METHOD
  REQUIRE(proxies_init(jni));
#undef REQUIRE
  (*jni)->DeleteLocalRef(jni, cd);
  (*jni)->DeleteLocalRef(jni, os);
  (*jni)->DeleteLocalRef(jni, c);
  (*jni)->DeleteLocalRef(jni, tr);
  (*jni)->DeleteLocalRef(jni, fd);
  return true;
}

/* ---------- creating the JVM ---------- */

/*
 * HotSpot ends the whole process when its initialization fails late (-Xmx1k, a heap it cannot
 * reserve, a JDK without lib/modules): vm_exit_during_initialization -> os::abort -> exit(1).
 * Its "abort" hook runs first; on the creating thread, during creation, it jumps back to
 * jvm_start, which reports the failure as a JS error. That JVM is never touched again.
 */
static __thread sigjmp_buf* t_creating;

static void JNICALL on_jvm_abort(void) {
  if (t_creating) siglongjmp(*t_creating, 1);
}

/*
 * What HotSpot prints while it starts goes through this hook: kept during creation (so that the
 * reason of a failure becomes the JS error's message; printed as usual when the start works) and
 * written straight to the stream's descriptor afterwards (unbuffered, like HotSpot's own writes).
 */
#define CAPTURE_MAX 16384
static pthread_mutex_t output_lock = PTHREAD_MUTEX_INITIALIZER;
static bool capturing;
static char captured[2][CAPTURE_MAX]; /* [0] stdout, [1] stderr */
static size_t captured_len[2];

static void write_all(int fd, const char* s, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w <= 0) return;
    s += w;
    n -= (size_t)w;
  }
}

static jint JNICALL on_jvm_output(FILE* fp, const char* format, va_list args) {
  char stack[1024];
  va_list copy;
  va_copy(copy, args);
  int n = vsnprintf(stack, sizeof stack, format, copy);
  va_end(copy);
  if (n < 0) return n;
  char* text = stack;
  if ((size_t)n >= sizeof stack) {
    text = malloc((size_t)n + 1);
    if (!text) return -1;
    vsnprintf(text, (size_t)n + 1, format, args);
  }
  int fd = fp ? fileno(fp) : 2;
  bool kept = false;
  pthread_mutex_lock(&output_lock);
  int which = fd == 1 ? 0 : 1; /* only stdout and stderr are kept; a -Xlog file is written as usual */
  if (capturing && (fd == 1 || fd == 2) && captured_len[which] + (size_t)n < CAPTURE_MAX) {
    memcpy(captured[which] + captured_len[which], text, (size_t)n);
    captured_len[which] += (size_t)n;
    kept = true;
  }
  pthread_mutex_unlock(&output_lock);
  if (!kept) write_all(fd < 0 ? 2 : fd, text, (size_t)n);
  if (text != stack) free(text);
  return n;
}

/* Ends the capture; the text (both streams, stderr's last) for an error message when keep. */
static void end_capture(bool print, char* message, size_t size) {
  pthread_mutex_lock(&output_lock);
  capturing = false;
  if (print) {
    write_all(1, captured[0], captured_len[0]);
    write_all(2, captured[1], captured_len[1]);
  } else if (message) {
    /* one line: "Error occurred during initialization of VM: Too small maximum heap" */
    size_t n = 0;
    for (int s = 0; s < 2; s++) {
      for (size_t i = 0; i < captured_len[s] && n + 3 < size; i++) {
        char c = captured[s][i];
        if (c == '\n' || c == '\r') {
          if (n > 0 && message[n - 1] != ' ') {
            char last = message[n - 1];
            if (last != ':' && last != '.') message[n++] = ':';
            message[n++] = ' ';
          }
        } else {
          message[n++] = c;
        }
      }
    }
    while (n > 0 && (message[n - 1] == ' ' || message[n - 1] == ':')) n--;
    message[n] = '\0';
  }
  captured_len[0] = captured_len[1] = 0;
  pthread_mutex_unlock(&output_lock);
}

/*
 * With LANG/LC_* unset (containers), the JVM would take the C locale's ASCII as its path
 * encoding, turning every non-ASCII byte of the class path (and of any later file name) into '?'.
 * Node passes UTF-8, so the JVM reads its locale as C.UTF-8 while it starts (the JDK reads the
 * locale from the environment once, then); the environment is restored right after.
 */
typedef struct locale_fix {
  const char* name; /* variable set, or NULL */
  char* old;        /* its previous value (malloc'ed), or NULL when it was unset */
} locale_fix;

static bool plain_c(const char* v) { return !v || !*v || !strcmp(v, "C") || !strcmp(v, "POSIX"); }

static locale_fix utf8_locale_for_jvm(void) {
  locale_fix fix = {NULL, NULL};
  const char* all = getenv("LC_ALL");
  const char* ctype = getenv("LC_CTYPE");
  const char* lang = getenv("LANG");
  const char* effective = all && *all ? all : ctype && *ctype ? ctype
                                                              : lang;
  if (!plain_c(effective)) return fix;
  locale_t probe = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
  if (!probe) return fix; /* no such locale here: nothing better to offer */
  freelocale(probe);
  fix.name = all && *all ? "LC_ALL" : "LC_CTYPE";
  const char* old = getenv(fix.name);
  fix.old = old ? strdup(old) : NULL;
  setenv(fix.name, "C.UTF-8", 1);
  return fix;
}

static void restore_locale(locale_fix fix) {
  if (!fix.name) return;
  if (fix.old) setenv(fix.name, fix.old, 1);
  else unsetenv(fix.name);
  free(fix.old);
}

/* One start per process: the first caller creates (or joins) the JVM, under this lock; a failed
 * start is remembered (HotSpot cannot be created twice) and every later start reports it. */
static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static char* start_error;
static const char* start_error_code;

static void fail_start(const char* code, const char* fmt, ...) {
  char msg[CAPTURE_MAX + 512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  size_t len = strlen(msg);
  while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' ')) msg[--len] = '\0';
  free(start_error);
  start_error = strdup(msg);
  start_error_code = code;
}

/* JNI_CreateJavaVM; JNI_ERR when HotSpot aborted (the abort hook jumped back here). Nothing but
 * the jump target lives in this frame, so no local is clobbered by the jump. */
static __attribute__((noinline)) jint create_guarded(create_vm_fn create, JavaVM** vm, JNIEnv** jni,
                                                     JavaVMInitArgs* args) {
  sigjmp_buf jump;
  t_creating = &jump;
  jint rc = JNI_ERR;
  if (sigsetjmp(jump, 0) == 0) rc = create(vm, (void**)jni, args);
  t_creating = NULL;
  return rc;
}

/* JNI_CreateJavaVM with the hooks above; JNI_OK, its error code, or JNI_ERR after an abort. */
static jint create_with_hooks(create_vm_fn create, JavaVM** vm, JNIEnv** jni, char** options, int option_count,
                              char* output, size_t output_size) {
  JavaVMOption* opts = calloc((size_t)option_count + 2, sizeof(JavaVMOption));
  if (!opts) return JNI_ENOMEM;
  /* the hooks first: HotSpot takes options in order, and reports a bad one through the hook */
  opts[0].optionString = "abort";
  opts[0].extraInfo = (void*)on_jvm_abort;
  opts[1].optionString = "vfprintf";
  opts[1].extraInfo = (void*)on_jvm_output;
  for (int i = 0; i < option_count; i++) opts[i + 2].optionString = options[i];
  JavaVMInitArgs args = {JNI_VERSION_1_8, option_count + 2, opts, JNI_FALSE};
  locale_fix locale = utf8_locale_for_jvm();
  pthread_mutex_lock(&output_lock);
  capturing = true;
  pthread_mutex_unlock(&output_lock);
  jint rc = create_guarded(create, vm, jni, &args);
  restore_locale(locale);
  end_capture(rc == JNI_OK, output, output_size);
  free(opts);
  return rc;
}

static bool report_start_error(napi_env env) {
  throw_error_code(env, start_error_code, "%s", start_error);
  return false;
}

bool jvm_start(napi_env env, const char* libjvm, char** options, int option_count) {
  pthread_mutex_lock(&start_lock);
  bool ok = J.vm != NULL;
  if (ok || start_error) {
    pthread_mutex_unlock(&start_lock);
    return ok || report_start_error(env);
  }
  void* lib = dlopen(libjvm, RTLD_NOW | RTLD_GLOBAL);
  created_vms_fn created = lib ? (created_vms_fn)dlsym(lib, "JNI_GetCreatedJavaVMs") : NULL;
  create_vm_fn create = lib ? (create_vm_fn)dlsym(lib, "JNI_CreateJavaVM") : NULL;
  JavaVM* vm = NULL;
  jsize count = 0;
  JNIEnv* jni = NULL;
  if (!lib) {
    /* not remembered: another JDK (configure({ javaHome })) may still load */
    const char* why = dlerror();
    pthread_mutex_unlock(&start_lock);
    throw_error_code(env, "ERR_JVM_LOAD", "Could not load the JVM library %s: %s", libjvm, why ? why : "dlopen failed");
    return false;
  } else if (!created || !create) {
    pthread_mutex_unlock(&start_lock);
    throw_type_error(env, "%s is not a JVM library (JNI_CreateJavaVM missing)", libjvm);
    return false;
  } else if (created(&vm, 1, &count) == JNI_OK && count > 0) {
    J.vm = vm;                       /* Java hosts Node, or a JVM another library created: join it */
    creator_thread = pthread_self(); /* a JVM we did not create: never detach this thread */
    jni = jni_env();
  } else {
    char output[CAPTURE_MAX];
    output[0] = '\0';
    jint rc = create_with_hooks(create, &vm, &jni, options, option_count, output, sizeof output);
    if (rc != JNI_OK) {
      fail_start("ERR_JVM_CREATE",
                 "The JVM could not start (JNI_CreateJavaVM: %s). Check jvmOptions and NAPI_JAVA_JVM_OPTIONS%s%s",
                 rc == JNI_EINVAL ? "invalid option" : rc == JNI_ENOMEM ? "out of memory"
                                                   : rc == JNI_EEXIST   ? "a JVM already exists"
                                                                        : "error",
                 output[0] ? ". The JVM said: " : ".", output);
      pthread_mutex_unlock(&start_lock);
      return report_start_error(env);
    }
    J.vm = vm;
    t_jni = jni;
    creator_thread = pthread_self();
    created_here = true;
  }
  if (!jni || !cache_ids(jni)) {
    char detail[512] = "";
    if (jni && (*jni)->ExceptionCheck(jni)) {
      jthrowable t = (*jni)->ExceptionOccurred(jni);
      (*jni)->ExceptionClear(jni);
      jstring msg = t && J.Throwable_getMessage ? (*jni)->CallObjectMethod(jni, t, J.Throwable_getMessage) : NULL;
      (*jni)->ExceptionClear(jni);
      char* text = msg ? jstring_to_utf8(jni, msg) : NULL;
      if (text) snprintf(detail, sizeof detail, ": %s", text);
      free(text);
    }
    if (detail[0])
      fail_start("ERR_JVM_RUNTIME", "node-api-java could not join the JVM%s", detail);
    else
      fail_start("ERR_JVM_RUNTIME",
                 "The JVM started but the node-api-java runtime classes (dev.napijava.bridge) were not found or do "
                 "not match this addon: is java/napi-java-runtime.jar of this package on the classpath?");
    J.vm = NULL;
    pthread_mutex_unlock(&start_lock);
    return report_start_error(env);
  }
  pthread_mutex_unlock(&start_lock);
  return true;
}

void jvm_run_shutdown_hooks(JNIEnv* jni, jlong timeout_ms) {
  (*jni)->CallStaticVoidMethod(jni, J.Bridge, J.Bridge_runShutdownHooks, timeout_ms);
  (*jni)->ExceptionClear(jni);
}
