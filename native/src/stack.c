/*
 * How deep the calling thread may still go. JS -> Java -> JS recursion runs V8, our C and Java
 * frames on one stack, and HotSpot guards the end of that stack with protected pages: native code
 * (V8's or ours) reaching them kills the process. So every recursion point of the bridge (calls in
 * either direction, nested array conversion) first checks that a reserve is left above that end,
 * and ends the recursion with RangeError / StackOverflowError instead.
 *
 * The end is where HotSpot put its guard zone. For threads with their own stack that is the
 * stack's low end. Node's main thread is the process's primordial thread, whose stack HotSpot
 * sizes from -Xss (not from the real 8 MB): its guard zone is the protected mapping just below
 * the "[stack]" mapping, read once from /proc/self/maps.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bridge.h"

/* below this address the bridge stops calling on; 0: not known yet (see stack_exhausted) */
__thread uintptr_t stack_floor __attribute__((tls_model("initial-exec")));

/* The top of HotSpot's guard zone on the primordial thread: the start of "[stack]" when a
 * protected mapping ends right there; 0 when there is none (no JVM yet, or another layout). */
static uintptr_t primordial_guard_top(void) {
  FILE* maps = fopen("/proc/self/maps", "re");
  if (!maps) return 0;
  char line[512];
  uintptr_t prev_end = 0, top = 0;
  bool prev_protected = false;
  while (fgets(line, sizeof line, maps)) {
    unsigned long start, end;
    char perms[5] = {0};
    if (sscanf(line, "%lx-%lx %4s", &start, &end, perms) != 3) continue;
    if (strstr(line, "[stack]")) {
      if (prev_protected && prev_end == start) top = start;
      break;
    }
    prev_end = end;
    prev_protected = strncmp(perms, "---", 3) == 0;
  }
  fclose(maps);
  return top;
}

uintptr_t stack_floor_compute(void) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  /* Room for one step between two checks: our frames, Node-API and V8 outside JS, a JNI entry
   * (HotSpot wants its shadow zone free too and raises StackOverflowError itself otherwise). */
  size_t reserve = 64 * 1024 + 16 * page;
  uintptr_t low = 0;
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* addr = NULL;
    size_t size = 0;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0) low = (uintptr_t)addr;
    pthread_attr_destroy(&attr);
  }
  if (getpid() == (pid_t)syscall(SYS_gettid)) {
    uintptr_t guard = primordial_guard_top();
    if (guard > low) low = guard;
  }
  if (!low) return 1; /* unknown: never refuse (as before the check existed) */
  return low + reserve;
}
