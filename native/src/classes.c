/*
 * Projected classes: a JS class per Java class, built once per environment from the Java-side
 * ClassDescriptor; and the call path: shape -> cached overload -> convert -> JNI call -> convert.
 *
 * Member IDs are resolved on a member's first use, not when the class is projected: HotSpot
 * initializes a class when an ID of it is handed out, and Java initializes a class on first use
 * only (naming it is not a use). So a failing static initializer surfaces where Java would raise
 * it: ExceptionInInitializerError at the first call or field access, NoClassDefFoundError after.
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

/* ---------- reading descriptors ---------- */

static jobject obj_field(JNIEnv* jni, jobject o, jfieldID f) { return (*jni)->GetObjectField(jni, o, f); }

static napi_value js_name(napi_env env, JNIEnv* jni, jstring s) {
  if (!s) return NULL;
  napi_value v = jstring_to_js(env, jni, s);
  (*jni)->DeleteLocalRef(jni, s);
  return v;
}

static bool no_native_memory(JNIEnv* jni) {
  java_throw(jni, "java/lang/OutOfMemoryError", "no native memory to project a Java class");
  return false;
}

/* Everything about one candidate but its method ID (resolve_callable); false: Java exception pending. */
static bool read_callable(JNIEnv* jni, jobject c, callable* out) {
  jobject decl = obj_field(jni, c, J.C_declaringClass);
  out->decl = decl ? (*jni)->NewGlobalRef(jni, decl) : NULL;
  if (decl) (*jni)->DeleteLocalRef(jni, decl);
  if (!out->decl) return (*jni)->ExceptionCheck(jni) ? false : no_native_memory(jni);
  out->is_static = (*jni)->GetBooleanField(jni, c, J.C_isStatic);
  out->is_ctor = (*jni)->GetBooleanField(jni, c, J.C_isConstructor);
  out->is_varargs = (*jni)->GetBooleanField(jni, c, J.C_isVarargs);
  jobjectArray params = obj_field(jni, c, J.C_params);
  if (!params) return false;
  out->argc = (*jni)->GetArrayLength(jni, params);
  out->params = calloc((size_t)out->argc + 1, sizeof(type_info));
  bool ok = out->params != NULL || no_native_memory(jni);
  for (int i = 0; i < out->argc && ok; i++) {
    jobject p = (*jni)->GetObjectArrayElement(jni, params, i);
    ok = p && read_type_info(jni, p, &out->params[i]);
    if (p) (*jni)->DeleteLocalRef(jni, p);
  }
  (*jni)->DeleteLocalRef(jni, params);
  if (!ok) return false;
  jobject ret = obj_field(jni, c, J.C_returnType);
  ok = ret && read_type_info(jni, ret, &out->ret);
  if (ret) (*jni)->DeleteLocalRef(jni, ret);
  return ok;
}

static method_group* read_group(env_ctx* ctx, JNIEnv* jni, class_info* owner, jobject set, bool is_static) {
  method_group* g = calloc(1, sizeof(method_group));
  if (!g) return no_native_memory(jni), NULL;
  g->ctx = ctx;
  g->owner = owner;
  g->next = owner->groups; /* owned from here on, even if reading it fails below */
  owner->groups = g;
  g->is_static = is_static;
  for (int i = 0; i < SHAPE_CACHE; i++) g->cache[i].argc = -1;
  g->overloads = (*jni)->NewGlobalRef(jni, set);
  g->is_async = (*jni)->GetBooleanField(jni, set, J.OS_isAsync);
  jstring name = obj_field(jni, set, J.OS_name);
  g->name = name ? jstring_to_utf8(jni, name) : NULL;
  if (name) (*jni)->DeleteLocalRef(jni, name);
  jobjectArray items = obj_field(jni, set, J.OS_candidates);
  if (!g->overloads || !g->name || !items) {
    if (items) (*jni)->DeleteLocalRef(jni, items);
    if (!(*jni)->ExceptionCheck(jni)) no_native_memory(jni);
    return NULL; /* a class that failed to project is not kept: its few bytes are not reclaimed */
  }
  g->count = (*jni)->GetArrayLength(jni, items);
  g->items = calloc((size_t)g->count + 1, sizeof(callable));
  bool ok = g->items != NULL || no_native_memory(jni);
  for (int i = 0; i < g->count && ok; i++) {
    jobject c = (*jni)->GetObjectArrayElement(jni, items, i);
    ok = c && read_callable(jni, c, &g->items[i]);
    if (c) (*jni)->DeleteLocalRef(jni, c);
  }
  (*jni)->DeleteLocalRef(jni, items);
  return ok ? g : NULL;
}

/* The method ID of candidate i, on its first use (this is where the class gets initialized). */
static bool resolve_callable(JNIEnv* jni, method_group* g, int i) {
  jobjectArray items = obj_field(jni, g->overloads, J.OS_candidates);
  jobject c = items ? (*jni)->GetObjectArrayElement(jni, items, i) : NULL;
  jobject exe = c ? obj_field(jni, c, J.C_executable) : NULL;
  jmethodID mid = exe ? (*jni)->FromReflectedMethod(jni, exe) : NULL;
  if (exe) (*jni)->DeleteLocalRef(jni, exe);
  if (c) (*jni)->DeleteLocalRef(jni, c);
  if (items) (*jni)->DeleteLocalRef(jni, items);
  if (!mid) {
    if (!(*jni)->ExceptionCheck(jni)) java_throw(jni, "java/lang/NoSuchMethodError", "%s", g->name);
    return false;
  }
  g->items[i].mid = mid;
  return true;
}

/* ---------- overload selection ---------- */

/* Index*2+expanded of the overload for these arguments; -1 with a JS exception pending. When argc <=
 * SHAPE_MAX, known[i] receives what classifying argument i found (the conversion uses it). */
static int select_overload(env_ctx* ctx, JNIEnv* jni, method_group* g, size_t argc, napi_value* argv,
                           arg_class* known) {
  bool cacheable = argc <= SHAPE_MAX;
  if (cacheable) {
    for (size_t i = 0; i < argc; i++) {
      int tag = arg_tag(ctx, argv[i], &known[i]);
      if (tag == AT_ARRAY) known[i].tag = tag = array_elements_tag(ctx, argv[i]); /* int[] or String[]: by the elements */
      if (tag == AT_COUNT) return -1;
    }
    for (int s = 0; s < SHAPE_CACHE; s++) {
      shape_entry* e = &g->cache[s];
      if (e->argc != (int)argc) continue;
      size_t i = 0;
      while (i < argc && e->tags[i] == known[i].tag && e->classes[i] == known[i].cls) i++;
      if (i == argc) return e->result;
    }
  }
  /* miss: ask the Java resolver (the rules live there) */
  if ((*jni)->PushLocalFrame(jni, 16) != 0) {
    java_failed(ctx, jni);
    return -1;
  }
  jbyteArray jtags = (*jni)->NewByteArray(jni, (jsize)argc);
  jobjectArray jclasses = jtags ? (*jni)->NewObjectArray(jni, (jsize)argc, J.Class, NULL) : NULL;
  jdoubleArray jnums = jclasses ? (*jni)->NewDoubleArray(jni, (jsize)argc) : NULL; /* for range errors */
  bool ok = jnums != NULL;
  for (size_t i = 0; i < argc && ok; i++) {
    arg_class one;
    const arg_class* a = cacheable ? &known[i] : &one;
    int tag = cacheable ? a->tag : arg_tag(ctx, argv[i], &one);
    if (!cacheable && tag == AT_ARRAY) tag = array_elements_tag(ctx, argv[i]);
    class_info* ci = a->cls;
    double num = tag >= AT_INT8 && tag <= AT_DOUBLE ? a->num : 0;
    if (tag == AT_COUNT) {
      ok = false;
      break;
    }
    jbyte b = (jbyte)tag;
    (*jni)->SetByteArrayRegion(jni, jtags, (jsize)i, 1, &b);
    if (ci) (*jni)->SetObjectArrayElement(jni, jclasses, (jsize)i, ci->cls);
    if (tag >= AT_INT8 && tag <= AT_DOUBLE) (*jni)->SetDoubleArrayRegion(jni, jnums, (jsize)i, 1, &num);
  }
  jint result = ok ? (*jni)->CallIntMethod(jni, g->overloads, J.OverloadSet_resolve, jtags, jclasses, jnums) : -1;
  if (pop_frame_keeping_exception(jni)) {
    throw_java_exception(ctx, jni);
    return -1;
  }
  if (!ok) return -1; /* a JS exception is pending */
  if (cacheable) {
    shape_entry* e = &g->cache[g->next_slot];
    g->next_slot = (g->next_slot + 1) % SHAPE_CACHE;
    e->argc = (int)argc;
    for (size_t i = 0; i < argc; i++) {
      e->tags[i] = (uint8_t)known[i].tag;
      e->classes[i] = known[i].cls;
    }
    e->result = result;
  }
  return result;
}

/* ---------- invocation ---------- */

static jvalue call_java(JNIEnv* jni, const callable* c, jobject target, const jvalue* args) {
  jvalue r = {0};
  if (c->is_ctor) {
    r.l = (*jni)->NewObjectA(jni, c->decl, c->mid, args);
    return r;
  }
  if (c->is_static) {
    jclass k = c->decl;
    switch (c->ret.code) {
      case TC_VOID: (*jni)->CallStaticVoidMethodA(jni, k, c->mid, args); break;
      case TC_BOOLEAN: r.z = (*jni)->CallStaticBooleanMethodA(jni, k, c->mid, args); break;
      case TC_BYTE: r.b = (*jni)->CallStaticByteMethodA(jni, k, c->mid, args); break;
      case TC_CHAR: r.c = (*jni)->CallStaticCharMethodA(jni, k, c->mid, args); break;
      case TC_SHORT: r.s = (*jni)->CallStaticShortMethodA(jni, k, c->mid, args); break;
      case TC_INT: r.i = (*jni)->CallStaticIntMethodA(jni, k, c->mid, args); break;
      case TC_LONG: r.j = (*jni)->CallStaticLongMethodA(jni, k, c->mid, args); break;
      case TC_FLOAT: r.f = (*jni)->CallStaticFloatMethodA(jni, k, c->mid, args); break;
      case TC_DOUBLE: r.d = (*jni)->CallStaticDoubleMethodA(jni, k, c->mid, args); break;
      default: r.l = (*jni)->CallStaticObjectMethodA(jni, k, c->mid, args); break;
    }
    return r;
  }
  switch (c->ret.code) {
    case TC_VOID: (*jni)->CallVoidMethodA(jni, target, c->mid, args); break;
    case TC_BOOLEAN: r.z = (*jni)->CallBooleanMethodA(jni, target, c->mid, args); break;
    case TC_BYTE: r.b = (*jni)->CallByteMethodA(jni, target, c->mid, args); break;
    case TC_CHAR: r.c = (*jni)->CallCharMethodA(jni, target, c->mid, args); break;
    case TC_SHORT: r.s = (*jni)->CallShortMethodA(jni, target, c->mid, args); break;
    case TC_INT: r.i = (*jni)->CallIntMethodA(jni, target, c->mid, args); break;
    case TC_LONG: r.j = (*jni)->CallLongMethodA(jni, target, c->mid, args); break;
    case TC_FLOAT: r.f = (*jni)->CallFloatMethodA(jni, target, c->mid, args); break;
    case TC_DOUBLE: r.d = (*jni)->CallDoubleMethodA(jni, target, c->mid, args); break;
    default: r.l = (*jni)->CallObjectMethodA(jni, target, c->mid, args); break;
  }
  return r;
}

/* Resolves, converts and calls. For constructors called with `new`, new_this receives the object. */
static napi_value invoke(env_ctx* ctx, JNIEnv* jni, method_group* g, jobject target, size_t argc, napi_value* argv,
                         napi_value new_this) {
  if (stack_exhausted()) return throw_stack_exhausted(ctx->env);
  arg_class known[SHAPE_MAX];
  int selected = select_overload(ctx, jni, g, argc, argv, known);
  if (selected < 0) return NULL;
  callable* c = &g->items[selected >> 1];
  bool expanded = selected & 1;
  if (!c->mid && !g->is_async && !resolve_callable(jni, g, selected >> 1)) return throw_java_exception(ctx, jni);
  jvalue stack_args[FAST_ARGS];
  bool stack_local[FAST_ARGS];
  int n = c->argc;
  jvalue* args = n <= FAST_ARGS ? stack_args : malloc(sizeof(jvalue) * (size_t)n);
  bool* local = n <= FAST_ARGS ? stack_local : malloc(sizeof(bool) * (size_t)n);
  if (!args || !local) {
    if (args != stack_args) free(args);
    if (local != stack_local) free(local);
    return throw_error_code(ctx->env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for %d arguments", n);
  }
  int converted = 0;
  bool ok = true;
  napi_value result = NULL;
  for (; converted < n && ok; converted++) {
    int i = converted;
    int code = c->params[i].code;
    local[i] = false;
    bool classified = i < (int)argc && argc <= SHAPE_MAX;
    if (classified && known[i].tag >= AT_INT8 && known[i].tag <= AT_DOUBLE && code >= TC_BYTE && code <= TC_DOUBLE &&
        code != TC_CHAR && !(expanded && i == n - 1)) {
      /* number to numeric primitive: the resolver already checked the range via the tag */
      double d = known[i].num;
      switch (code) {
        case TC_BYTE: args[i].b = (jbyte)d; break;
        case TC_SHORT: args[i].s = (jshort)d; break;
        case TC_INT: args[i].i = (jint)d; break;
        case TC_LONG: args[i].j = (jlong)d; break;
        case TC_FLOAT: args[i].f = (jfloat)d; break;
        default: args[i].d = d; break;
      }
    } else if (expanded && i == n - 1) {
      uint32_t rest = argc > (size_t)i ? (uint32_t)(argc - (size_t)i) : 0;
      ok = values_to_java_array(ctx, jni, argv + i, rest, &c->params[i], &args[i].l);
      local[i] = ok;
    } else {
      napi_value undefined = NULL;
      if ((size_t)i >= argc && !NAPI_OK(ctx->env, napi_get_undefined(ctx->env, &undefined))) {
        ok = false;
        break;
      }
      ok = classified_to_java(ctx, jni, (size_t)i < argc ? argv[i] : undefined, classified ? &known[i] : NULL,
                              &c->params[i], &args[i], &local[i]);
    }
  }
  if (!ok) {
    converted--;
    if (!js_pending(ctx->env)) java_failed(ctx, jni);
  } else if (g->is_async) {
    result = invoke_async(ctx, jni, g, c, target, args);
  } else {
    (*ctx->sync_depth)++; /* lets a Java thread waiting for JS see that the JS thread is inside Java */
    jvalue r = call_java(jni, c, target, args);
    (*ctx->sync_depth)--;
    if (!java_failed(ctx, jni)) {
      if (c->is_ctor && new_this) {
        if (wrap_new_instance(ctx, jni, new_this, r.l, g->owner)) result = new_this;
      } else {
        result = to_js(ctx, jni, r, &c->ret);
      }
      if (c->ret.code > TC_DOUBLE && r.l) (*jni)->DeleteLocalRef(jni, r.l);
    }
  }
  for (int i = 0; i < converted; i++) {
    if (local[i] && args[i].l) (*jni)->DeleteLocalRef(jni, args[i].l);
  }
  if (args != stack_args) free(args);
  if (local != stack_local) free(local);
  return result;
}

/* The callback's arguments: on the stack for up to FAST_ARGS, else on the heap. False with a JS
 * exception pending. */
typedef struct call_args {
  napi_value stack[FAST_ARGS];
  napi_value* argv;
  size_t argc;
  napi_value this_obj;
  void* data;
} call_args;

static bool get_args(napi_env env, napi_callback_info info, call_args* a) {
  a->argv = a->stack;
  a->argc = FAST_ARGS;
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &a->argc, a->argv, &a->this_obj, &a->data))) return false;
  if (a->argc > FAST_ARGS) {
    a->argv = malloc(sizeof(napi_value) * a->argc);
    if (!a->argv) {
      a->argv = a->stack;
      throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for %zu arguments", a->argc);
      return false;
    }
    if (!NAPI_OK(env, napi_get_cb_info(env, info, &a->argc, a->argv, NULL, NULL))) return false;
  }
  return true;
}

static void free_args(call_args* a) {
  if (a->argv != a->stack) free(a->argv);
}

static napi_value method_callback(napi_env env, napi_callback_info info) {
  call_args a;
  napi_value result = NULL;
  if (!get_args(env, info, &a)) goto done;
  method_group* g = a.data;
  env_ctx* ctx = g->ctx;
  JNIEnv* jni = jni_env();
  if (!jni) {
    throw_error_code(env, "ERR_JVM_ATTACH", "node-api-java: this thread could not attach to the JVM");
    goto done;
  }
  jobject target = NULL;
  if (!g->is_static) {
    java_ref* ref = unwrap_java(ctx, a.this_obj);
    if (!ref || (ref->cls != g->owner && !(*jni)->IsInstanceOf(jni, ref->obj, g->owner->cls))) {
      throw_type_error(env, "%s.%s called on a value that is not a %s", g->owner->name, g->name, g->owner->name);
      goto done;
    }
    target = ref->obj;
  }
  result = invoke(ctx, jni, g, target, a.argc, a.argv, NULL);
done:
  free_args(&a);
  return result;
}

static napi_value constructor_callback(napi_env env, napi_callback_info info) {
  call_args a;
  napi_value result = NULL;
  if (!get_args(env, info, &a)) goto done;
  class_info* ci = a.data;
  env_ctx* ctx = ci->ctx;
  if (ctx->pending && a.argc == 1) {
    napi_value sentinel;
    bool same = false;
    if (!NAPI_OK(env, napi_get_reference_value(env, ctx->sentinel, &sentinel)) ||
        !NAPI_OK(env, napi_strict_equals(env, a.argv[0], sentinel, &same)))
      goto done;
    if (same) {
      if (attach_pending(ctx, a.this_obj)) result = a.this_obj;
      goto done;
    }
  }
  napi_value new_target;
  if (!NAPI_OK(env, napi_get_new_target(env, info, &new_target))) goto done;
  JNIEnv* jni = jni_env();
  if (!new_target) {
    throw_type_error(env, "Class constructor %s cannot be invoked without 'new'", ci->name);
  } else if (!ci->instantiable) {
    throw_type_error(env, "%s cannot be instantiated (interface, abstract class or enum)", ci->name);
  } else if (!jni) {
    throw_error_code(env, "ERR_JVM_ATTACH", "node-api-java: this thread could not attach to the JVM");
  } else {
    result = invoke(ctx, jni, ci->ctors, NULL, a.argc, a.argv, a.this_obj);
  }
done:
  free_args(&a);
  return result;
}

/* ---------- fields ---------- */

/* The field ID on first use (initializing its class, as Java's first access does). */
static bool resolve_field(env_ctx* ctx, JNIEnv* jni, field_info* f) {
  if (f->fid) return true;
  jobject field = (*jni)->NewLocalRef(jni, f->reflected);
  f->fid = field ? (*jni)->FromReflectedField(jni, field) : NULL;
  if (field) (*jni)->DeleteLocalRef(jni, field);
  if (!f->fid) {
    if (!(*jni)->ExceptionCheck(jni)) java_throw(jni, "java/lang/NoSuchFieldError", "%s", f->name);
    java_failed(ctx, jni);
    return false;
  }
  return true;
}

/* The field's holder, or NULL (with a TypeError) when this is not an instance of its class. */
static bool field_target(napi_env env, field_info* f, napi_value this_obj, jobject* out, const char* verb) {
  *out = NULL;
  if (f->is_static) return true;
  java_ref* ref = unwrap_java(f->ctx, this_obj);
  if (!ref) {
    throw_type_error(env, "field %s %s on a value that is not a %s", f->name, verb, f->owner->name);
    return false;
  }
  *out = ref->obj;
  return true;
}

static napi_value field_get(napi_env env, napi_callback_info info) {
  napi_value this_obj;
  void* data;
  size_t argc = 0;
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, NULL, &this_obj, &data))) return NULL;
  field_info* f = data;
  JNIEnv* jni = jni_env();
  jobject o;
  if (!jni || !field_target(env, f, this_obj, &o, "read") || !resolve_field(f->ctx, jni, f)) return NULL;
  jvalue v = {0};
  jclass k = f->decl;
#define GET(T, member) \
  v.member = f->is_static ? (*jni)->GetStatic##T##Field(jni, k, f->fid) : (*jni)->Get##T##Field(jni, o, f->fid)
  switch (f->type.code) {
    case TC_BOOLEAN: GET(Boolean, z); break;
    case TC_BYTE: GET(Byte, b); break;
    case TC_CHAR: GET(Char, c); break;
    case TC_SHORT: GET(Short, s); break;
    case TC_INT: GET(Int, i); break;
    case TC_LONG: GET(Long, j); break;
    case TC_FLOAT: GET(Float, f); break;
    case TC_DOUBLE: GET(Double, d); break;
    default: GET(Object, l); break;
  }
#undef GET
  if (java_failed(f->ctx, jni)) return NULL;
  napi_value result = to_js(f->ctx, jni, v, &f->type);
  if (f->type.code > TC_DOUBLE && v.l) (*jni)->DeleteLocalRef(jni, v.l);
  return result;
}

static napi_value field_set(napi_env env, napi_callback_info info) {
  napi_value argv[1], this_obj;
  void* data;
  size_t argc = 1;
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, argv, &this_obj, &data))) return NULL;
  field_info* f = data;
  if (f->is_final) return throw_type_error(env, "Cannot assign to final field %s.%s", f->owner->name, f->name);
  JNIEnv* jni = jni_env();
  jobject o;
  if (!jni || !field_target(env, f, this_obj, &o, "written")) return NULL;
  if (argc == 0 && !NAPI_OK(env, napi_get_undefined(env, &argv[0]))) return NULL;
  jvalue v;
  bool local;
  if (!to_java(f->ctx, jni, argv[0], &f->type, &v, &local)) {
    if (!js_pending(env)) java_failed(f->ctx, jni);
    return NULL;
  }
  if (!resolve_field(f->ctx, jni, f)) {
    if (local && v.l) (*jni)->DeleteLocalRef(jni, v.l);
    return NULL;
  }
  jclass k = f->decl;
#define SET(T, member)                                                     \
  if (f->is_static) (*jni)->SetStatic##T##Field(jni, k, f->fid, v.member); \
  else (*jni)->Set##T##Field(jni, o, f->fid, v.member)
  switch (f->type.code) {
    case TC_BOOLEAN: SET(Boolean, z); break;
    case TC_BYTE: SET(Byte, b); break;
    case TC_CHAR: SET(Char, c); break;
    case TC_SHORT: SET(Short, s); break;
    case TC_INT: SET(Int, i); break;
    case TC_LONG: SET(Long, j); break;
    case TC_FLOAT: SET(Float, f); break;
    case TC_DOUBLE: SET(Double, d); break;
    default: SET(Object, l); break;
  }
#undef SET
  if (local && v.l) (*jni)->DeleteLocalRef(jni, v.l);
  java_failed(f->ctx, jni);
  return NULL;
}

static field_info* read_field(env_ctx* ctx, JNIEnv* jni, class_info* owner, jobject fd) {
  field_info* f = calloc(1, sizeof(field_info));
  if (!f) return no_native_memory(jni), NULL;
  f->ctx = ctx;
  f->owner = owner;
  f->next = owner->fields;
  owner->fields = f;
  jobject field = obj_field(jni, fd, J.FD_field);
  jobject decl = obj_field(jni, fd, J.FD_declaringClass);
  jobject type = obj_field(jni, fd, J.FD_type);
  jstring name = obj_field(jni, fd, J.FD_name);
  f->reflected = field ? (*jni)->NewGlobalRef(jni, field) : NULL;
  f->decl = decl ? (*jni)->NewGlobalRef(jni, decl) : NULL;
  f->is_static = (*jni)->GetBooleanField(jni, fd, J.FD_isStatic);
  f->is_final = (*jni)->GetBooleanField(jni, fd, J.FD_isFinal);
  bool ok = f->reflected && f->decl && type && read_type_info(jni, type, &f->type);
  f->name = ok && name ? jstring_to_utf8(jni, name) : NULL;
  ok = ok && f->name;
  if (name) (*jni)->DeleteLocalRef(jni, name);
  if (field) (*jni)->DeleteLocalRef(jni, field);
  if (decl) (*jni)->DeleteLocalRef(jni, decl);
  if (type) (*jni)->DeleteLocalRef(jni, type);
  if (!ok && !(*jni)->ExceptionCheck(jni)) no_native_memory(jni);
  return ok ? f : NULL;
}

/* ---------- nested classes ---------- */

static napi_value nested_get(napi_env env, napi_callback_info info) {
  void* data;
  size_t argc = 0;
  if (!NAPI_OK(env, napi_get_cb_info(env, info, &argc, NULL, NULL, &data))) return NULL;
  nested_info* n = data;
  JNIEnv* jni = jni_env();
  if (!jni) return NULL;
  class_info* ci = n->resolved ? n->resolved : (n->resolved = class_for(n->ctx, jni, n->cls, -1));
  return ci ? class_ctor_value(n->ctx, ci) : NULL;
}

/* ---------- class definition ---------- */

napi_value class_ctor_value(env_ctx* ctx, class_info* ci) {
  napi_value ctor;
  return NAPI_OK(ctx->env, napi_get_reference_value(ctx->env, ci->ctor, &ctor)) ? ctor : NULL;
}

static bool add_groups(env_ctx* ctx, JNIEnv* jni, class_info* ci, jobjectArray sets, bool is_static,
                       napi_property_descriptor* props, size_t* count) {
  jsize n = (*jni)->GetArrayLength(jni, sets);
  for (jsize i = 0; i < n; i++) {
    jobject set = (*jni)->GetObjectArrayElement(jni, sets, i);
    method_group* g = set ? read_group(ctx, jni, ci, set, is_static) : NULL;
    napi_property_descriptor* p = &props[(*count)++];
    memset(p, 0, sizeof *p);
    p->name = g ? js_name(ctx->env, jni, obj_field(jni, set, J.OS_name)) : NULL;
    if (set) (*jni)->DeleteLocalRef(jni, set);
    if (!p->name) return false;
    p->method = method_callback;
    p->data = g;
    p->attributes = napi_writable | napi_configurable | (is_static ? napi_static : 0);
  }
  return true;
}

static bool add_fields(env_ctx* ctx, JNIEnv* jni, class_info* ci, jobjectArray fields, napi_property_descriptor* props,
                       size_t* count) {
  jsize n = (*jni)->GetArrayLength(jni, fields);
  for (jsize i = 0; i < n; i++) {
    jobject fd = (*jni)->GetObjectArrayElement(jni, fields, i);
    field_info* f = fd ? read_field(ctx, jni, ci, fd) : NULL;
    if (fd) (*jni)->DeleteLocalRef(jni, fd);
    if (!f) return false;
    napi_property_descriptor* p = &props[(*count)++];
    memset(p, 0, sizeof *p);
    if (!NAPI_OK(ctx->env, napi_create_string_utf8(ctx->env, f->name, NAPI_AUTO_LENGTH, &p->name))) return false;
    p->getter = field_get;
    p->setter = field_set;
    p->data = f;
    p->attributes = napi_enumerable | napi_configurable | (f->is_static ? napi_static : 0);
  }
  return true;
}

static bool add_nested(env_ctx* ctx, JNIEnv* jni, class_info* ci, jobjectArray names, jobjectArray classes,
                       napi_property_descriptor* props, size_t* count) {
  jsize nested = (*jni)->GetArrayLength(jni, names);
  for (jsize i = 0; i < nested; i++) {
    nested_info* n = calloc(1, sizeof(nested_info));
    if (!n) return no_native_memory(jni);
    n->ctx = ctx;
    n->next = ci->nested;
    ci->nested = n;
    jobject k = (*jni)->GetObjectArrayElement(jni, classes, i);
    n->cls = k ? (*jni)->NewGlobalRef(jni, k) : NULL;
    if (k) (*jni)->DeleteLocalRef(jni, k);
    napi_property_descriptor* p = &props[(*count)++];
    memset(p, 0, sizeof *p);
    p->name = n->cls ? js_name(ctx->env, jni, (*jni)->GetObjectArrayElement(jni, names, i)) : NULL;
    if (!p->name) return (*jni)->ExceptionCheck(jni) || js_pending(ctx->env) ? false : no_native_memory(jni);
    p->getter = nested_get;
    p->data = n;
    p->attributes = napi_static | napi_enumerable | napi_configurable;
  }
  return true;
}

static bool register_class(env_ctx* ctx, class_info* ci) {
  int index = ci->index;
  if (index >= ctx->class_cap) {
    int cap = ctx->class_cap ? ctx->class_cap : 64;
    while (cap <= index) cap *= 2;
    class_info** grown = realloc(ctx->classes, sizeof(class_info*) * (size_t)cap);
    if (!grown) {
      throw_error_code(ctx->env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory for the class table");
      return false;
    }
    memset(grown + ctx->class_cap, 0, sizeof(class_info*) * (size_t)(cap - ctx->class_cap));
    ctx->classes = grown;
    ctx->class_cap = cap;
  }
  ctx->classes[index] = ci;
  return true;
}

/* The descriptor's members as JS properties, then the JS class. False with an exception pending. */
static bool build_class(env_ctx* ctx, JNIEnv* jni, class_info* ci, jobject desc, napi_value* ctor) {
  napi_env env = ctx->env;
  jobjectArray sm = obj_field(jni, desc, J.CD_staticMethods);
  jobjectArray im = obj_field(jni, desc, J.CD_instanceMethods);
  jobjectArray sf = obj_field(jni, desc, J.CD_staticFields);
  jobjectArray inf = obj_field(jni, desc, J.CD_instanceFields);
  jobjectArray nn = obj_field(jni, desc, J.CD_nestedNames);
  jobjectArray nc = obj_field(jni, desc, J.CD_nestedClasses);
  bool ok = sm && im && sf && inf && nn && nc;
  napi_property_descriptor* props = NULL;
  size_t count = 0;
  if (ok) {
    size_t cap = (size_t)((*jni)->GetArrayLength(jni, sm) + (*jni)->GetArrayLength(jni, im) +
                          (*jni)->GetArrayLength(jni, sf) + (*jni)->GetArrayLength(jni, inf) +
                          (*jni)->GetArrayLength(jni, nn));
    props = calloc(cap + 1, sizeof(napi_property_descriptor));
    ok = props ? true : no_native_memory(jni);
  }
  ok = ok && add_groups(ctx, jni, ci, sm, true, props, &count) && add_groups(ctx, jni, ci, im, false, props, &count) &&
       add_fields(ctx, jni, ci, sf, props, &count) && add_fields(ctx, jni, ci, inf, props, &count) &&
       add_nested(ctx, jni, ci, nn, nc, props, &count);
  napi_value js_class_name = ok ? js_name(env, jni, obj_field(jni, desc, J.CD_jsName)) : NULL;
  char name_buf[256];
  size_t name_len = 0;
  ok = js_class_name && NAPI_OK(env, napi_get_value_string_utf8(env, js_class_name, name_buf, sizeof name_buf, &name_len)) &&
       NAPI_OK(env, napi_define_class(env, name_buf, name_len, constructor_callback, ci, count, props, ctor));
  free(props);
  jobject arrays[] = {sm, im, sf, inf, nn, nc};
  for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
    if (arrays[i]) (*jni)->DeleteLocalRef(jni, arrays[i]);
  return ok;
}

static class_info* define_class(env_ctx* ctx, JNIEnv* jni, jclass cls) {
  napi_env env = ctx->env;
  jobject desc = (*jni)->CallStaticObjectMethod(jni, J.Bridge, J.Bridge_describe, cls);
  if (java_failed(ctx, jni)) return NULL;
  int index = (*jni)->GetIntField(jni, desc, J.CD_classIndex);
  if (index < ctx->class_cap && ctx->classes[index]) {
    (*jni)->DeleteLocalRef(jni, desc);
    return ctx->classes[index];
  }
  class_info* ci = calloc(1, sizeof(class_info));
  if (!ci) {
    (*jni)->DeleteLocalRef(jni, desc);
    throw_error_code(env, "ERR_OUT_OF_MEMORY", "node-api-java: out of memory to project a Java class");
    return NULL;
  }
  ci->ctx = ctx;
  ci->index = index;
  ci->cls = (*jni)->NewGlobalRef(jni, cls);
  ci->instantiable = (*jni)->GetBooleanField(jni, desc, J.CD_instantiable);
  jstring full = (*jni)->CallObjectMethod(jni, cls, J.Class_getName);
  ci->name = full ? jstring_to_utf8(jni, full) : NULL;
  if (full) (*jni)->DeleteLocalRef(jni, full);
  jobject ctors = ci->cls && ci->name ? obj_field(jni, desc, J.CD_constructors) : NULL;
  ci->ctors = ctors ? read_group(ctx, jni, ci, ctors, true) : NULL;
  if (ctors) (*jni)->DeleteLocalRef(jni, ctors);
  napi_value ctor = NULL;
  bool ok = ci->ctors && build_class(ctx, jni, ci, desc, &ctor) &&
            NAPI_OK(env, napi_create_reference(env, ctor, 1, &ci->ctor)) && register_class(ctx, ci);
  jobject desc_traits = desc; /* kept for the hook below */
  if (!ok) {                  /* the partly read records are not reclaimed: a class rarely fails twice */
    (*jni)->DeleteLocalRef(jni, desc_traits);
    if (!js_pending(env) && !java_failed(ctx, jni)) throw_type_error(env, "could not define a JS class for a Java class");
    java_failed(ctx, jni);
    return NULL;
  }
  /* let the JS side decorate: instanceof for supertypes, inspect, iteration and the like by traits */
  napi_value hook, global, args[4], ignored;
  if (!tag_class_ctor(ctx, ctor, ci) || !NAPI_OK(env, napi_get_reference_value(env, ctx->on_class, &hook))) return NULL;
  if (hook) {
    jstring traits = (*jni)->GetObjectField(jni, desc_traits, J.CD_traits);
    args[0] = ctor;
    args[3] = traits ? js_name(env, jni, traits) : NULL;
    if (!args[3] || !NAPI_OK(env, napi_create_int32(env, index, &args[1])) ||
        !NAPI_OK(env, napi_create_string_utf8(env, ci->name, NAPI_AUTO_LENGTH, &args[2])) ||
        !NAPI_OK(env, napi_get_global(env, &global)) ||
        !NAPI_OK(env, napi_call_function(env, global, hook, 4, args, &ignored))) {
      (*jni)->DeleteLocalRef(jni, desc_traits);
      return NULL;
    }
  }
  (*jni)->DeleteLocalRef(jni, desc_traits);
  return ci;
}

static void delete_global(JNIEnv* jni, jobject ref) {
  if (ref) (*jni)->DeleteGlobalRef(jni, ref);
}

/* Records may be partly read (a failure while reading them): every field is zero until set. */
void class_info_free(JNIEnv* jni, class_info* ci) {
  for (method_group* g = ci->groups; g;) {
    method_group* next = g->next;
    for (int i = 0; g->items && i < g->count; i++) {
      callable* c = &g->items[i];
      delete_global(jni, c->decl);
      for (int p = 0; c->params && p < c->argc; p++) type_info_release(jni, &c->params[p]);
      free(c->params);
      type_info_release(jni, &c->ret);
    }
    free(g->items);
    delete_global(jni, g->overloads);
    free(g->name);
    free(g);
    g = next;
  }
  for (field_info* f = ci->fields; f;) {
    field_info* next = f->next;
    delete_global(jni, f->reflected);
    delete_global(jni, f->decl);
    type_info_release(jni, &f->type);
    free(f->name);
    free(f);
    f = next;
  }
  for (nested_info* n = ci->nested; n;) {
    nested_info* next = n->next;
    delete_global(jni, n->cls);
    free(n);
    n = next;
  }
  /* ci->ctor is a napi reference: Node deletes those with the environment itself */
  delete_global(jni, ci->cls);
  free(ci->name);
  free(ci);
}

/* The projected class for cls (or, when cls is NULL, for the registry index). */
class_info* class_for(env_ctx* ctx, JNIEnv* jni, jclass cls, int index) {
  if (index < 0) {
    index = (*jni)->CallStaticIntMethod(jni, J.Bridge, J.Bridge_classIndex, cls);
    if (java_failed(ctx, jni)) return NULL;
  }
  if (index < ctx->class_cap && ctx->classes[index]) return ctx->classes[index];
  jclass local = NULL;
  if (!cls) {
    local = (*jni)->CallStaticObjectMethod(jni, J.Bridge, J.Bridge_classAt, index);
    if (java_failed(ctx, jni)) return NULL;
    cls = local;
  }
  class_info* ci = define_class(ctx, jni, cls);
  if (local) (*jni)->DeleteLocalRef(jni, local);
  return ci;
}
