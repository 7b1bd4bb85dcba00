/* Loads libnode into the process with RTLD_GLOBAL before the host library (which is built with
 * unresolved node/v8 symbols) is loaded by System.load: Java's own loader uses RTLD_LOCAL, which
 * would hide napi_* from npm packages' native addons. */
#include <dlfcn.h>
#include <jni.h>

JNIEXPORT jstring JNICALL Java_dev_napijava_NodejsPlatform_dlopenGlobal(JNIEnv* jni, jclass cls, jstring path) {
  const char* p = (*jni)->GetStringUTFChars(jni, path, NULL);
  void* h = dlopen(p, RTLD_NOW | RTLD_GLOBAL);
  (*jni)->ReleaseStringUTFChars(jni, path, p);
  if (h) return NULL;
  const char* err = dlerror();
  return (*jni)->NewStringUTF(jni, err ? err : "dlopen failed");
}
