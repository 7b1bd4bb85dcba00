/*
 * Projected classes: a JS class per Java class, built once per environment from the Java-side
 * ClassDescriptor; and the call path: shape -> cached overload -> convert -> JNI call -> convert.
 */
#include <stdlib.h>
#include <string.h>

#include "bridge.h"

/* ---------- reading descriptors ---------- */

static jobject obj_field(JNIEnv* jni, jobject o, jfieldID f) { return (*jni)->GetObjectField(jni, o, f); }

static napi_value js_name(napi_env env, JNIEnv* jni, jstring s) {
  napi_value v = jstring_to_js(env, jni, s);
  (*jni)->DeleteLocalRef(jni, s);
  return v;
}

static void read_callable(JNIEnv* jni, jobject c, callable* out) {
  jobject exe = obj_field(jni, c, J.C_executable);
  jobject decl = obj_field(jni, c, J.C_declaringClass);
  out->mid = (*jni)->FromReflectedMethod(jni, exe);
  out->decl = (*jni)->NewGlobalRef(jni, decl);
  out->is_static = (*jni)->GetBooleanField(jni, c, J.C_isStatic);
  out->is_ctor = (*jni)->GetBooleanField(jni, c, J.C_isConstructor);
  out->is_varargs = (*jni)->GetBooleanField(jni, c, J.C_isVarargs);
  jobjectArray params = obj_field(jni, c, J.C_params);
  out->argc = (*jni)->GetArrayLength(jni, params);
  out->params = calloc((size_t)out->argc + 1, sizeof(type_info));
  for (int i = 0; i < out->argc; i++) {
    jobject p = (*jni)->GetObjectArrayElement(jni, params, i);
    read_type_info(jni, p, &out->params[i]);
    (*jni)->DeleteLocalRef(jni, p);
  }
  jobject ret = obj_field(jni, c, J.C_returnType);
  read_type_info(jni, ret, &out->ret);
  (*jni)->DeleteLocalRef(jni, ret);
  (*jni)->DeleteLocalRef(jni, params);
  (*jni)->DeleteLocalRef(jni, exe);
  (*jni)->DeleteLocalRef(jni, decl);
}

static method_group* read_group(env_ctx* ctx, JNIEnv* jni, class_info* owner, jobject set, bool is_static) {
  method_group* g = calloc(1, sizeof(method_group));
  g->ctx = ctx;
  g->owner = owner;
  g->is_static = is_static;
  g->overloads = (*jni)->NewGlobalRef(jni, set);
  g->is_async = (*jni)->GetBooleanField(jni, set, J.OS_isAsync);
  jstring name = obj_field(jni, set, J.OS_name);
  g->name = jstring_to_utf8(jni, name);
  (*jni)->DeleteLocalRef(jni, name);
  jobjectArray items = obj_field(jni, set, J.OS_candidates);
  g->count = (*jni)->GetArrayLength(jni, items);
  g->items = calloc((size_t)g->count + 1, sizeof(callable));
  for (int i = 0; i < g->count; i++) {
    jobject c = (*jni)->GetObjectArrayElement(jni, items, i);
    read_callable(jni, c, &g->items[i]);
    (*jni)->DeleteLocalRef(jni, c);
  }
  (*jni)->DeleteLocalRef(jni, items);
  for (int i = 0; i < SHAPE_CACHE; i++) g->cache[i].argc = -1;
  return g;
}

/* ---------- overload selection ---------- */

/* Index*2+expanded of the overload for these arguments; -1 with a JS exception pending. */
static int select_overload(env_ctx* ctx, JNIEnv* jni, method_group* g, size_t argc, napi_value* argv,
                           uint8_t* tags, double* nums) {
  class_info* classes[SHAPE_MAX];
  bool cacheable = argc <= SHAPE_MAX;
  if (cacheable) {
    for (size_t i = 0; i < argc; i++) tags[i] = (uint8_t)arg_tag(ctx, argv[i], &classes[i], &nums[i]);
    for (int s = 0; s < SHAPE_CACHE; s++) {
      shape_entry* e = &g->cache[s];
      if (e->argc != (int)argc) continue;
      size_t i = 0;
      while (i < argc && e->tags[i] == tags[i] && e->classes[i] == classes[i]) i++;
      if (i == argc) return e->result;
    }
  }
  /* miss: ask the Java resolver (the rules live there) */
  if ((*jni)->PushLocalFrame(jni, 16) != 0) return -1;
  jbyteArray jtags = (*jni)->NewByteArray(jni, (jsize)argc);
  jobjectArray jclasses = (*jni)->NewObjectArray(jni, (jsize)argc, J.Class, NULL);
  for (size_t i = 0; i < argc; i++) {
    class_info* ci;
    double num;
    jbyte tag = (jbyte)(cacheable ? tags[i] : arg_tag(ctx, argv[i], &ci, &num));
    if (cacheable) ci = classes[i];
    (*jni)->SetByteArrayRegion(jni, jtags, (jsize)i, 1, &tag);
    if (ci) (*jni)->SetObjectArrayElement(jni, jclasses, (jsize)i, ci->cls);
  }
  jint result = (*jni)->CallIntMethod(jni, g->overloads, J.OverloadSet_resolve, jtags, jclasses);
  bool failed = (*jni)->ExceptionCheck(jni);
  jthrowable t = failed ? (*jni)->ExceptionOccurred(jni) : NULL;
  if (failed) (*jni)->ExceptionClear(jni);
  t = (*jni)->PopLocalFrame(jni, t);
  if (failed) {
    (*jni)->Throw(jni, t);
    (*jni)->DeleteLocalRef(jni, t);
    throw_java_exception(ctx, jni);
    return -1;
  }
  if (cacheable) {
    shape_entry* e = &g->cache[g->next_slot];
    g->next_slot = (g->next_slot + 1) % SHAPE_CACHE;
    e->argc = (int)argc;
    memcpy(e->tags, tags, argc);
    memcpy(e->classes, classes, argc * sizeof(class_info*));
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
  uint8_t tags[SHAPE_MAX];
  double nums[SHAPE_MAX];
  int selected = select_overload(ctx, jni, g, argc, argv, tags, nums);
  if (selected < 0) return NULL;
  const callable* c = &g->items[selected >> 1];
  bool expanded = selected & 1;
  jvalue stack_args[FAST_ARGS];
  bool stack_local[FAST_ARGS];
  int n = c->argc;
  jvalue* args = n <= FAST_ARGS ? stack_args : malloc(sizeof(jvalue) * (size_t)n);
  bool* local = n <= FAST_ARGS ? stack_local : malloc(sizeof(bool) * (size_t)n);
  int converted = 0;
  bool ok = true;
  napi_value result = NULL;
  for (; converted < n && ok; converted++) {
    int i = converted;
    int code = c->params[i].code;
    local[i] = false;
    if (i < (int)argc && argc <= SHAPE_MAX && tags[i] >= AT_INT8 && tags[i] <= AT_DOUBLE && code >= TC_BYTE &&
        code <= TC_DOUBLE && code != TC_CHAR && !(expanded && i == n - 1)) {
      /* number to numeric primitive: the resolver already checked the range via the tag */
      double d = nums[i];
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
      if ((size_t)i >= argc) napi_get_undefined(ctx->env, &undefined);
      ok = to_java(ctx, jni, (size_t)i < argc ? argv[i] : undefined, &c->params[i], &args[i], &local[i]);
    }
  }
  if (!ok) {
    converted--;
    if (!js_pending(ctx->env)) java_failed(ctx, jni);
  } else if (g->is_async) {
    result = invoke_async(ctx, jni, g, c, target, args);
  } else {
    ctx->sync_depth++; /* lets a Java thread waiting for JS see that the JS thread is inside Java */
    jvalue r = call_java(jni, c, target, args);
    ctx->sync_depth--;
    if (!java_failed(ctx, jni)) {
      if (c->is_ctor && new_this) {
        if (wrap_new_instance(ctx, jni, new_this, r.l, g->owner)) result = new_this;
        else java_failed(ctx, jni);
      } else {
        result = to_js(ctx, jni, r, &c->ret);
      }
      if (c->ret.code > TC_DOUBLE && r.l) (*jni)->DeleteLocalRef(jni, r.l);
    }
  }
  for (int i = 0; i < converted; i++) {
    if (local[i] && args[i].l) (*jni)->DeleteLocalRef(jni, args[i].l);
  }
  if (args != stack_args) {
    free(args);
    free(local);
  }
  return result;
}

#define GET_ARGS(env, info, argc, argv, this_obj, data)                                  \
  napi_value argv##_stack[FAST_ARGS];                                                    \
  napi_value* argv = argv##_stack;                                                       \
  size_t argc = FAST_ARGS;                                                               \
  napi_value this_obj;                                                                   \
  void* data;                                                                            \
  napi_get_cb_info(env, info, &argc, argv, &this_obj, &data);                            \
  if (argc > FAST_ARGS) {                                                                \
    argv = malloc(sizeof(napi_value) * argc);                                            \
    napi_get_cb_info(env, info, &argc, argv, NULL, NULL);                                \
  }

static napi_value method_callback(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, argc, argv, this_obj, data);
  method_group* g = data;
  env_ctx* ctx = g->ctx;
  JNIEnv* jni = jni_env();
  jobject target = NULL;
  napi_value result = NULL;
  if (!g->is_static) {
    java_ref* ref = unwrap_java(env, this_obj);
    if (!ref || (ref->cls != g->owner && !(*jni)->IsInstanceOf(jni, ref->obj, g->owner->cls))) {
      throw_type_error(env, "%s.%s called on a value that is not a %s", g->owner->name, g->name, g->owner->name);
      goto done;
    }
    target = ref->obj;
  }
  result = invoke(ctx, jni, g, target, argc, argv, NULL);
done:
  if (argv != argv_stack) free(argv);
  return result;
}

static napi_value constructor_callback(napi_env env, napi_callback_info info) {
  GET_ARGS(env, info, argc, argv, this_obj, data);
  class_info* ci = data;
  env_ctx* ctx = ci->ctx;
  napi_value result = NULL;
  if (ctx->pending && argc == 1) {
    napi_value sentinel;
    bool same = false;
    napi_get_reference_value(env, ctx->sentinel, &sentinel);
    napi_strict_equals(env, argv[0], sentinel, &same);
    if (same) {
      attach_pending(ctx, this_obj);
      result = this_obj;
      goto done;
    }
  }
  napi_value new_target;
  napi_get_new_target(env, info, &new_target);
  if (!new_target) {
    throw_type_error(env, "Class constructor %s cannot be invoked without 'new'", ci->name);
  } else if (!ci->instantiable) {
    throw_type_error(env, "%s cannot be instantiated (interface, abstract class or enum)", ci->name);
  } else {
    result = invoke(ctx, jni_env(), ci->ctors, NULL, argc, argv, this_obj);
  }
done:
  if (argv != argv_stack) free(argv);
  return result;
}

/* ---------- fields ---------- */

static napi_value field_get(napi_env env, napi_callback_info info) {
  napi_value this_obj;
  void* data;
  size_t argc = 0;
  napi_get_cb_info(env, info, &argc, NULL, &this_obj, &data);
  field_info* f = data;
  JNIEnv* jni = jni_env();
  jvalue v = {0};
  jobject o = NULL;
  if (!f->is_static) {
    java_ref* ref = unwrap_java(env, this_obj);
    if (!ref) return throw_type_error(env, "field %s read on a value that is not a %s", f->name, f->owner->name);
    o = ref->obj;
  }
  jclass k = f->decl;
#define GET(T, member)                                                                                  \
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
  napi_get_cb_info(env, info, &argc, argv, &this_obj, &data);
  field_info* f = data;
  if (f->is_final) return throw_type_error(env, "Cannot assign to final field %s.%s", f->owner->name, f->name);
  JNIEnv* jni = jni_env();
  jobject o = NULL;
  if (!f->is_static) {
    java_ref* ref = unwrap_java(env, this_obj);
    if (!ref) return throw_type_error(env, "field %s written on a value that is not a %s", f->name, f->owner->name);
    o = ref->obj;
  }
  jvalue v;
  bool local;
  if (!to_java(f->ctx, jni, argc ? argv[0] : NULL, &f->type, &v, &local)) {
    if (!js_pending(env)) java_failed(f->ctx, jni);
    return NULL;
  }
  jclass k = f->decl;
#define SET(T, member)                                                 \
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
  f->ctx = ctx;
  f->owner = owner;
  jobject field = obj_field(jni, fd, J.FD_field);
  jobject decl = obj_field(jni, fd, J.FD_declaringClass);
  jobject type = obj_field(jni, fd, J.FD_type);
  f->fid = (*jni)->FromReflectedField(jni, field);
  f->decl = (*jni)->NewGlobalRef(jni, decl);
  f->is_static = (*jni)->GetBooleanField(jni, fd, J.FD_isStatic);
  f->is_final = (*jni)->GetBooleanField(jni, fd, J.FD_isFinal);
  read_type_info(jni, type, &f->type);
  jstring name = obj_field(jni, fd, J.FD_name);
  f->name = jstring_to_utf8(jni, name);
  (*jni)->DeleteLocalRef(jni, name);
  (*jni)->DeleteLocalRef(jni, field);
  (*jni)->DeleteLocalRef(jni, decl);
  (*jni)->DeleteLocalRef(jni, type);
  return f;
}

/* ---------- nested classes ---------- */

static napi_value nested_get(napi_env env, napi_callback_info info) {
  void* data;
  size_t argc = 0;
  napi_get_cb_info(env, info, &argc, NULL, NULL, &data);
  nested_info* n = data;
  class_info* ci = n->resolved ? n->resolved : (n->resolved = class_for(n->ctx, jni_env(), n->cls, -1));
  return ci ? class_ctor_value(n->ctx, ci) : NULL;
}

/* ---------- class definition ---------- */

napi_value class_ctor_value(env_ctx* ctx, class_info* ci) {
  napi_value ctor;
  napi_get_reference_value(ctx->env, ci->ctor, &ctor);
  return ctor;
}

static void add_groups(env_ctx* ctx, JNIEnv* jni, class_info* ci, jobjectArray sets, bool is_static,
                       napi_property_descriptor* props, size_t* count) {
  jsize n = (*jni)->GetArrayLength(jni, sets);
  for (jsize i = 0; i < n; i++) {
    jobject set = (*jni)->GetObjectArrayElement(jni, sets, i);
    method_group* g = read_group(ctx, jni, ci, set, is_static);
    napi_property_descriptor* p = &props[(*count)++];
    memset(p, 0, sizeof *p);
    p->name = js_name(ctx->env, jni, obj_field(jni, set, J.OS_name));
    p->method = method_callback;
    p->data = g;
    p->attributes = napi_writable | napi_configurable | (is_static ? napi_static : 0);
    (*jni)->DeleteLocalRef(jni, set);
  }
}

static void add_fields(env_ctx* ctx, JNIEnv* jni, class_info* ci, jobjectArray fields, napi_property_descriptor* props,
                       size_t* count) {
  jsize n = (*jni)->GetArrayLength(jni, fields);
  for (jsize i = 0; i < n; i++) {
    jobject fd = (*jni)->GetObjectArrayElement(jni, fields, i);
    field_info* f = read_field(ctx, jni, ci, fd);
    napi_property_descriptor* p = &props[(*count)++];
    memset(p, 0, sizeof *p);
    napi_create_string_utf8(ctx->env, f->name, NAPI_AUTO_LENGTH, &p->name);
    p->getter = field_get;
    p->setter = field_set;
    p->data = f;
    p->attributes = napi_enumerable | napi_configurable | (f->is_static ? napi_static : 0);
    (*jni)->DeleteLocalRef(jni, fd);
  }
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
  ci->ctx = ctx;
  ci->index = index;
  ci->cls = (*jni)->NewGlobalRef(jni, cls);
  ci->instantiable = (*jni)->GetBooleanField(jni, desc, J.CD_instantiable);
  jstring full = (*jni)->CallObjectMethod(jni, cls, J.Class_getName);
  ci->name = jstring_to_utf8(jni, full);
  (*jni)->DeleteLocalRef(jni, full);

  jobject ctors = obj_field(jni, desc, J.CD_constructors);
  ci->ctors = read_group(ctx, jni, ci, ctors, true);
  (*jni)->DeleteLocalRef(jni, ctors);

  jobjectArray sm = obj_field(jni, desc, J.CD_staticMethods);
  jobjectArray im = obj_field(jni, desc, J.CD_instanceMethods);
  jobjectArray sf = obj_field(jni, desc, J.CD_staticFields);
  jobjectArray inf = obj_field(jni, desc, J.CD_instanceFields);
  jobjectArray nn = obj_field(jni, desc, J.CD_nestedNames);
  jobjectArray nc = obj_field(jni, desc, J.CD_nestedClasses);
  size_t cap = (size_t)((*jni)->GetArrayLength(jni, sm) + (*jni)->GetArrayLength(jni, im) +
                        (*jni)->GetArrayLength(jni, sf) + (*jni)->GetArrayLength(jni, inf) +
                        (*jni)->GetArrayLength(jni, nn));
  napi_property_descriptor* props = calloc(cap + 1, sizeof(napi_property_descriptor));
  size_t count = 0;
  add_groups(ctx, jni, ci, sm, true, props, &count);
  add_groups(ctx, jni, ci, im, false, props, &count);
  add_fields(ctx, jni, ci, sf, props, &count);
  add_fields(ctx, jni, ci, inf, props, &count);
  jsize nested = (*jni)->GetArrayLength(jni, nn);
  for (jsize i = 0; i < nested; i++) {
    nested_info* n = calloc(1, sizeof(nested_info));
    n->ctx = ctx;
    jobject k = (*jni)->GetObjectArrayElement(jni, nc, i);
    n->cls = (*jni)->NewGlobalRef(jni, k);
    (*jni)->DeleteLocalRef(jni, k);
    napi_property_descriptor* p = &props[count++];
    memset(p, 0, sizeof *p);
    p->name = js_name(env, jni, (*jni)->GetObjectArrayElement(jni, nn, i));
    p->getter = nested_get;
    p->data = n;
    p->attributes = napi_static | napi_enumerable | napi_configurable;
  }
  napi_value js_class_name = js_name(env, jni, obj_field(jni, desc, J.CD_jsName));
  size_t name_len = 0;
  char name_buf[256];
  napi_get_value_string_utf8(env, js_class_name, name_buf, sizeof name_buf, &name_len);
  napi_value ctor;
  napi_status status = napi_define_class(env, name_buf, name_len, constructor_callback, ci, count, props, &ctor);
  free(props);
  (*jni)->DeleteLocalRef(jni, sm);
  (*jni)->DeleteLocalRef(jni, im);
  (*jni)->DeleteLocalRef(jni, sf);
  (*jni)->DeleteLocalRef(jni, inf);
  (*jni)->DeleteLocalRef(jni, nn);
  (*jni)->DeleteLocalRef(jni, nc);
  (*jni)->DeleteLocalRef(jni, desc);
  if (status != napi_ok) {
    if (!js_pending(env)) throw_type_error(env, "could not define a JS class for %s", ci->name);
    return NULL;
  }
  napi_create_reference(env, ctor, 1, &ci->ctor);
  if (index >= ctx->class_cap) {
    int cap2 = ctx->class_cap ? ctx->class_cap : 64;
    while (cap2 <= index) cap2 *= 2;
    ctx->classes = realloc(ctx->classes, sizeof(class_info*) * (size_t)cap2);
    memset(ctx->classes + ctx->class_cap, 0, sizeof(class_info*) * (size_t)(cap2 - ctx->class_cap));
    ctx->class_cap = cap2;
  }
  ctx->classes[index] = ci;
  /* let the JS side decorate (instanceof for supertypes, inspect) */
  napi_value hook, global, args[2], ignored;
  if (napi_get_reference_value(env, ctx->on_class, &hook) == napi_ok && hook) {
    args[0] = ctor;
    napi_create_int32(env, index, &args[1]);
    napi_get_global(env, &global);
    napi_call_function(env, global, hook, 2, args, &ignored);
  }
  return ci;
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
