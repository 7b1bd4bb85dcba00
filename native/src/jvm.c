/* Loading libjvm at run time, creating (or joining) the JVM, per-thread JNIEnv, cached IDs. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

jni_cache J;
/* initial-exec: a plain TLS load on every call instead of __tls_get_addr */
static __thread JNIEnv* t_jni __attribute__((tls_model("initial-exec")));

typedef jint (*create_vm_fn)(JavaVM**, void**, void*);
typedef jint (*created_vms_fn)(JavaVM**, jsize, jsize*);

static pthread_t creator_thread;

bool jvm_started(void) { return J.vm != NULL; }

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

static jclass global_class(JNIEnv* jni, const char* name) {
  jclass local = (*jni)->FindClass(jni, name);
  if (!local) return NULL;
  jclass global = (*jni)->NewGlobalRef(jni, local);
  (*jni)->DeleteLocalRef(jni, local);
  return global;
}

/* Optional: the String internals marshal.c uses for long strings (see jni_cache). Checked on a
 * known string, so a JDK with another layout falls back instead of misreading strings. */
static void find_compact_strings(JNIEnv* jni) {
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

static bool cache_ids(JNIEnv* jni) {
  static const char* boxes[8] = {"java/lang/Boolean", "java/lang/Byte",    "java/lang/Character", "java/lang/Short",
                                 "java/lang/Integer", "java/lang/Long",    "java/lang/Float",     "java/lang/Double"};
  static const char* prims[8] = {"Z", "B", "C", "S", "I", "J", "F", "D"};
  static const char* unbox[8] = {"booleanValue", "byteValue", "charValue",  "shortValue",
                                 "intValue",     "longValue", "floatValue", "doubleValue"};
  static const char* arrays[8] = {"[Z", "[B", "[C", "[S", "[I", "[J", "[F", "[D"};
  char sig[64];
#define REQUIRE(x) \
  if (!(x)) return false
  REQUIRE(J.Object = global_class(jni, "java/lang/Object"));
  REQUIRE(J.String = global_class(jni, "java/lang/String"));
  REQUIRE(J.Class = global_class(jni, "java/lang/Class"));
  REQUIRE(J.Throwable = global_class(jni, "java/lang/Throwable"));
  REQUIRE(J.ObjectArray = global_class(jni, "[Ljava/lang/Object;"));
  for (int i = 0; i < 8; i++) {
    REQUIRE(J.box[i] = global_class(jni, boxes[i]));
    snprintf(sig, sizeof sig, "(%s)L%s;", prims[i], boxes[i]);
    REQUIRE(J.box_valueOf[i] = (*jni)->GetStaticMethodID(jni, J.box[i], "valueOf", sig));
    snprintf(sig, sizeof sig, "()%s", prims[i]);
    REQUIRE(J.box_value[i] = (*jni)->GetMethodID(jni, J.box[i], unbox[i], sig));
    REQUIRE(J.prim_array[i] = global_class(jni, arrays[i]));
  }
  REQUIRE(J.Bridge = global_class(jni, "dev/napijava/bridge/Bridge"));
  REQUIRE(J.ObjectTable = global_class(jni, "dev/napijava/bridge/ObjectTable"));
  REQUIRE(J.BridgeTypeError = global_class(jni, "dev/napijava/bridge/BridgeTypeError"));
  jclass B = J.Bridge;
  REQUIRE(J.Bridge_resolveName = (*jni)->GetStaticMethodID(jni, B, "resolveName", "(Ljava/lang/String;)Ljava/lang/Object;"));
  REQUIRE(J.Bridge_importClass = (*jni)->GetStaticMethodID(jni, B, "importClass", "(Ljava/lang/String;)Ljava/lang/Class;"));
  REQUIRE(J.Bridge_describe = (*jni)->GetStaticMethodID(jni, B, "describe", "(Ljava/lang/Class;)Ldev/napijava/bridge/ClassDescriptor;"));
  REQUIRE(J.Bridge_classIndexOf = (*jni)->GetStaticMethodID(jni, B, "classIndexOf", "(Ljava/lang/Object;)I"));
  REQUIRE(J.Bridge_classIndex = (*jni)->GetStaticMethodID(jni, B, "classIndex", "(Ljava/lang/Class;)I"));
  REQUIRE(J.Bridge_classAt = (*jni)->GetStaticMethodID(jni, B, "classAt", "(I)Ljava/lang/Class;"));
  REQUIRE(J.Bridge_load = (*jni)->GetStaticMethodID(jni, B, "load", "(Ljava/lang/String;)V"));
  REQUIRE(J.Bridge_javaVersion = (*jni)->GetStaticMethodID(jni, B, "javaVersion", "()Ljava/lang/String;"));
  jclass T = J.ObjectTable;
  REQUIRE(J.ObjectTable_init = (*jni)->GetMethodID(jni, T, "<init>", "()V"));
  REQUIRE(J.ObjectTable_lookup = (*jni)->GetMethodID(jni, T, "lookup", "(Ljava/lang/Object;)J"));
  REQUIRE(J.ObjectTable_attach = (*jni)->GetMethodID(jni, T, "attach", "(Ljava/lang/Object;J)V"));
  REQUIRE(J.ObjectTable_detach = (*jni)->GetMethodID(jni, T, "detach", "(Ljava/lang/Object;J)V"));
  REQUIRE(J.ObjectTable_size = (*jni)->GetMethodID(jni, T, "size", "()I"));
  REQUIRE(J.Throwable_getMessage = (*jni)->GetMethodID(jni, J.Throwable, "getMessage", "()Ljava/lang/String;"));
  find_compact_strings(jni);
  REQUIRE(J.Class_getName = (*jni)->GetMethodID(jni, J.Class, "getName", "()Ljava/lang/String;"));
  REQUIRE(J.Class_isInterface = (*jni)->GetMethodID(jni, J.Class, "isInterface", "()Z"));

  jclass cd = (*jni)->FindClass(jni, "dev/napijava/bridge/ClassDescriptor");
  jclass os = (*jni)->FindClass(jni, "dev/napijava/bridge/OverloadSet");
  jclass c = (*jni)->FindClass(jni, "dev/napijava/bridge/Callable");
  jclass tr = (*jni)->FindClass(jni, "dev/napijava/bridge/TypeRef");
  jclass fd = (*jni)->FindClass(jni, "dev/napijava/bridge/FieldDescriptor");
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
  FIELD(J.OS_name, os, "name", "Ljava/lang/String;");
  FIELD(J.OS_candidates, os, "candidates", "[Ldev/napijava/bridge/Callable;");
  FIELD(J.OS_isAsync, os, "isAsync", "Z");
  REQUIRE(J.OverloadSet_resolve = (*jni)->GetMethodID(jni, os, "resolve", "([B[Ljava/lang/Class;)I"));
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
  REQUIRE(callbacks_init(jni));
#undef REQUIRE
  (*jni)->DeleteLocalRef(jni, cd);
  (*jni)->DeleteLocalRef(jni, os);
  (*jni)->DeleteLocalRef(jni, c);
  (*jni)->DeleteLocalRef(jni, tr);
  (*jni)->DeleteLocalRef(jni, fd);
  return true;
}

/*
 * Creates the JVM on the calling (JS) thread, or joins one that already runs in this process
 * (Node hosted by Java, or a second Node environment). On failure a JS Error is pending.
 */
bool jvm_start(napi_env env, const char* libjvm, char** options, int option_count) {
  if (J.vm) return true;
  void* lib = dlopen(libjvm, RTLD_NOW | RTLD_GLOBAL);
  if (!lib) {
    napi_throw_error(env, "ERR_JVM_LOAD", dlerror());
    return false;
  }
  created_vms_fn created = (created_vms_fn)dlsym(lib, "JNI_GetCreatedJavaVMs");
  create_vm_fn create = (create_vm_fn)dlsym(lib, "JNI_CreateJavaVM");
  if (!created || !create) {
    throw_type_error(env, "%s is not a JVM library (JNI_CreateJavaVM missing)", libjvm);
    return false;
  }
  JavaVM* vm = NULL;
  jsize count = 0;
  JNIEnv* jni = NULL;
  if (created(&vm, 1, &count) == JNI_OK && count > 0) {
    J.vm = vm;
    creator_thread = pthread_self(); /* a JVM we did not create: never detach this thread */
    jni = jni_env();
  } else {
    JavaVMOption* opts = calloc((size_t)option_count, sizeof(JavaVMOption));
    for (int i = 0; i < option_count; i++) opts[i].optionString = options[i];
    JavaVMInitArgs args = {JNI_VERSION_1_8, option_count, opts, JNI_FALSE};
    jint rc = create(&vm, (void**)&jni, &args);
    free(opts);
    if (rc != JNI_OK) {
      char msg[256];
      snprintf(msg, sizeof msg,
               "JNI_CreateJavaVM failed with code %d (%s). Check jvmOptions and NAPI_JAVA_JVM_OPTIONS; the JVM "
               "prints the reason on stderr.",
               (int)rc, rc == JNI_EINVAL ? "invalid option" : rc == JNI_ENOMEM ? "out of memory" : "error");
      napi_throw_error(env, "ERR_JVM_CREATE", msg);
      return false;
    }
    J.vm = vm;
    t_jni = jni;
    creator_thread = pthread_self();
  }
  if (!jni || !cache_ids(jni)) {
    if (jni && (*jni)->ExceptionCheck(jni)) (*jni)->ExceptionDescribe(jni);
    napi_throw_error(env, "ERR_JVM_RUNTIME",
                     "The JVM started but the node-api-java runtime classes (dev.napijava.bridge) were not "
                     "found: is java/napi-java-runtime.jar on the classpath?");
    J.vm = NULL;
    return false;
  }
  return true;
}
