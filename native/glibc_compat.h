/*
 * Included into every native library (-include, see the Makefile): binds the glibc functions whose
 * default version is newer than glibc 2.17 to their oldest version, so the libraries load on
 * glibc >= 2.17 (RHEL/CentOS 7+, Amazon Linux 2, Debian 9+, Ubuntu 18.04+) although they are built
 * against a newer one. glibc 2.34 moved dlopen & co. from libdl/libpthread into libc under new
 * versions (GLIBC_2.34; pthread_getattr_np got GLIBC_2.32 for a signature cleanup); their old
 * versions are still exported as compat symbols with the same behaviour. On an older glibc these
 * symbols live in libdl.so.2 / libpthread.so.0, which the Makefile therefore links explicitly
 * (the version lookup matches by version name, whichever library defines it).
 * tests/js/platforms.test.js checks the highest GLIBC_ version each shipped library needs.
 */
#ifndef NAPI_JAVA_GLIBC_COMPAT_H
#define NAPI_JAVA_GLIBC_COMPAT_H
#if defined(__linux__) && !defined(NAPI_JAVA_NO_GLIBC_COMPAT)
#if defined(__x86_64__)
#define NAPI_JAVA_GLIBC_BASE "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define NAPI_JAVA_GLIBC_BASE "GLIBC_2.17" /* the first glibc for aarch64 */
#endif
#ifdef NAPI_JAVA_GLIBC_BASE
#define NAPI_JAVA_SYMVER(name) __asm__(".symver " #name "," #name "@" NAPI_JAVA_GLIBC_BASE);
NAPI_JAVA_SYMVER(dlopen)
NAPI_JAVA_SYMVER(dlsym)
NAPI_JAVA_SYMVER(dlerror)
NAPI_JAVA_SYMVER(dlclose)
NAPI_JAVA_SYMVER(pthread_getattr_np)
NAPI_JAVA_SYMVER(pthread_attr_getstack)
#endif
#endif
#endif
