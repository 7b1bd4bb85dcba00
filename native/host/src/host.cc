// Java hosts Node.js: the JNI side of dev.napijava.NodejsPlatform / NodejsEnvironment.
// Built against libnode's headers but NOT linked to it: NodejsPlatform first dlopen()s the
// libnode it found with RTLD_GLOBAL (loader.c), so this library, npm packages' native addons and
// node-api-java's own napi_java.node all resolve node/napi symbols from that one copy.
// Everything else (the JS bootstrap, the JVM attach, calls, values) goes through the shared
// Node-API addon, exactly as when Node hosts Java.
#include <jni.h>
#include <node.h>

#include <memory>
#include <string>
#include <vector>

namespace {

// Never destroyed: a static destructor would tear the platform down in exit() while V8's worker
// jobs or a daemon JS thread may still use it (a crash at JVM exit). The process owns it to the end.
node::MultiIsolatePlatform* g_platform = nullptr;

std::vector<std::string> to_strings(JNIEnv* jni, jobjectArray array) {
  std::vector<std::string> out;
  jsize n = array ? jni->GetArrayLength(array) : 0;
  for (jsize i = 0; i < n; i++) {
    auto s = static_cast<jstring>(jni->GetObjectArrayElement(array, i));
    if (!s) continue; // a null element: no argument
    const char* utf = jni->GetStringUTFChars(s, nullptr);
    if (!utf) break; // OutOfMemoryError pending: the caller checks ExceptionCheck()
    out.emplace_back(utf);
    jni->ReleaseStringUTFChars(s, utf);
    jni->DeleteLocalRef(s);
  }
  return out;
}

void throw_state(JNIEnv* jni, const std::string& message) {
  jclass ise = jni->FindClass("java/lang/IllegalStateException");
  jni->ThrowNew(ise, message.c_str());
}

std::string join(const std::vector<std::string>& lines) {
  std::string s;
  for (auto& l : lines) s += (s.empty() ? "" : "\n") + l;
  return s;
}

} // namespace

extern "C" {

// NodejsPlatform.initialize(String[] args): once per process.
JNIEXPORT void JNICALL Java_dev_napijava_NodejsPlatform_initialize(JNIEnv* jni, jclass, jobjectArray jargs) {
  if (g_platform) return;
  std::vector<std::string> args = to_strings(jni, jargs);
  if (jni->ExceptionCheck()) return;
  if (args.empty()) args.push_back("java");
  // The JVM owns the signals (implicit null checks, safepoints): Node must neither reset the
  // dispositions nor install its own handlers, nor touch stdio/TTY state or resource limits.
  auto flags = static_cast<node::ProcessInitializationFlags::Flags>(
      node::ProcessInitializationFlags::kNoStdioInitialization |
      node::ProcessInitializationFlags::kNoDefaultSignalHandling |
      node::ProcessInitializationFlags::kNoInitializeV8 |
      node::ProcessInitializationFlags::kNoInitializeNodeV8Platform |
      node::ProcessInitializationFlags::kNoAdjustResourceLimits |
      node::ProcessInitializationFlags::kNoUseLargePages |
      node::ProcessInitializationFlags::kNoPrintHelpOrVersionOutput);
  std::unique_ptr<node::InitializationResult> result = node::InitializeOncePerProcess(args, flags);
  if (result->early_return() || !result->errors().empty()) {
    throw_state(jni, "Node.js initialization failed: " + join(result->errors()));
    return;
  }
  g_platform = node::MultiIsolatePlatform::Create(4).release();
  v8::V8::InitializePlatform(g_platform);
  v8::V8::Initialize();
  result.release(); // keeps the parsed args for the life of the process
}

// NodejsEnvironment.runEnvironment(String[] args, String bootstrap, boolean inspector): on the
// environment's own thread; returns when the environment stops (its exit code). Calls
// self.started(env, isolate) once the environment exists (so that stop() and terminate() can reach
// it) and before the bootstrap script runs.
JNIEXPORT jint JNICALL Java_dev_napijava_NodejsEnvironment_runEnvironment(JNIEnv* jni, jobject self, jobjectArray jargs,
                                                                          jstring jbootstrap, jboolean inspector) {
  if (!g_platform) {
    throw_state(jni, "NodejsPlatform is not initialized");
    return -1;
  }
  std::vector<std::string> args = to_strings(jni, jargs);
  if (jni->ExceptionCheck()) return -1;
  std::vector<std::string> exec_args;
  std::vector<std::string> errors;
  const char* utf = jni->GetStringUTFChars(jbootstrap, nullptr);
  if (!utf) return -1; // OutOfMemoryError pending
  std::string bootstrap(utf);
  jni->ReleaseStringUTFChars(jbootstrap, utf);

  // An inspector only when asked: one environment per process can own it (NodejsEnvironment
  // refuses a second; Node would abort).
  auto flags = static_cast<node::EnvironmentFlags::Flags>(
      node::EnvironmentFlags::kOwnsProcessState | (inspector ? 0 : node::EnvironmentFlags::kNoCreateInspector));
  std::unique_ptr<node::CommonEnvironmentSetup> setup =
      node::CommonEnvironmentSetup::Create(g_platform, &errors, args, exec_args, flags);
  if (!setup) {
    throw_state(jni, "Could not create the Node.js environment: " + join(errors));
    return -1;
  }
  v8::Isolate* isolate = setup->isolate();
  node::Environment* env = setup->env();
  int exit_code = 0;
  {
    v8::Locker locker(isolate);
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Context::Scope context_scope(setup->context());
    // process.exit() and fatal uncaught exceptions stop this environment, never the JVM's process.
    int requested_exit = -1;
    node::SetProcessExitHandler(env, [&requested_exit](node::Environment* e, int code) {
      requested_exit = code;
      node::Stop(e);
    });
    jclass cls = jni->GetObjectClass(self);
    jmethodID started = jni->GetMethodID(cls, "started", "(JJ)V");
    if (!started) return -1;
    jni->CallVoidMethod(self, started, reinterpret_cast<jlong>(env), reinterpret_cast<jlong>(isolate));
    if (jni->ExceptionCheck()) return -1;
    if (node::LoadEnvironment(env, bootstrap.c_str()).IsEmpty()) {
      exit_code = 1; // the bootstrap threw: the environment reports it through Java (failed())
    } else {
      exit_code = node::SpinEventLoop(env).FromMaybe(1);
    }
    node::Stop(env);
    if (requested_exit >= 0) exit_code = requested_exit;
    else if (exit_code >= 0) exit_code = -1 - exit_code; /* stopped from Java (close) or loop ended */
  }
  setup.reset();
  return exit_code;
}

// NodejsEnvironment.stop(long env): thread-safe; ends the event loop and JS execution.
JNIEXPORT void JNICALL Java_dev_napijava_NodejsEnvironment_stop(JNIEnv*, jclass, jlong env) {
  if (env) node::Stop(reinterpret_cast<node::Environment*>(env));
}

// NodejsEnvironment.terminate(long isolate): thread-safe; stops the JS running now (V8's
// uncatchable termination) without ending the environment.
JNIEXPORT void JNICALL Java_dev_napijava_NodejsEnvironment_terminate(JNIEnv*, jclass, jlong isolate) {
  if (isolate) reinterpret_cast<v8::Isolate*>(isolate)->TerminateExecution();
}

// NodejsEnvironment.resume(long isolate): on the JS thread once the terminated JS has unwound, so
// that JS runs again (as Node's vm timeout does).
JNIEXPORT void JNICALL Java_dev_napijava_NodejsEnvironment_resume(JNIEnv*, jclass, jlong isolate) {
  if (isolate) reinterpret_cast<v8::Isolate*>(isolate)->CancelTerminateExecution();
}

} // extern "C"
