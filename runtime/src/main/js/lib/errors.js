'use strict';
// Java throwables as JS Errors: name = Java class, message, cause chain, stack = Java frames
// followed by the JS frames of the caller, and the Throwable itself as err.javaException.
// A JS value that was thrown through Java (a dev.napijava.JSException) comes back as itself.

function makeJavaErrorFactory(getBridgeClass) {
  const define = (obj, name, value) =>
    Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });

  // The stack of a JS error that crossed Java: its own JS frames, the Java frames it crossed
  // (the <js> entries are those same JS frames), then the JS frames of this caller.
  function crossedStack(throwable, head, callerFrames) {
    const jsOwn = String(throwable.getJsStack()).split('\n').filter((l) => /^\s+at /.test(l));
    const callerLines = new Set(callerFrames.split('\n'));
    const ownOnly = jsOwn.filter((l) => !callerLines.has(l));
    const java = String(getBridgeClass().javaStack(throwable)).split('\n').filter((l) => !l.includes('at <js>.'));
    return [head, ...ownOnly, ...java, ...(callerFrames ? [callerFrames] : [])].join('\n');
  }

  function callerFramesOf(hideFrom) {
    const probe = {};
    Error.captureStackTrace(probe, hideFrom);
    return String(probe.stack).split('\n').slice(1).join('\n');
  }

  function javaError(throwable, seen, hideFrom) {
    const className = throwable.getClass().getName();
    const message = throwable.getMessage();
    const err = new Error(message == null ? '' : String(message));
    define(err, 'name', className);
    const jsFrames = callerFramesOf(hideFrom);
    let head = message == null ? className : `${className}: ${message}`;
    let stack;
    if (className === 'dev.napijava.JSException') {
      // a JS error of another environment: its name, message and stacks, in a new Error
      err.name = throwable.getJsName();
      head = `${err.name}: ${message == null ? '' : message}`;
      stack = crossedStack(throwable, head, jsFrames);
    } else {
      const javaFrames = getBridgeClass().javaStack(throwable);
      stack = head + (javaFrames ? '\n' + javaFrames : '') + (jsFrames ? '\n' + jsFrames : '');
    }
    err.stack = stack;
    define(err, 'javaException', throwable);
    seen.add(throwable);
    const cause = throwable.getCause();
    if (cause != null && !seen.has(cause)) define(err, 'cause', javaError(cause, seen, javaError));
    return err;
  }

  // The JS value itself (same object, class and own properties); an Error also gets the Java
  // frames it crossed in its stack and the JSException as javaException, where it allows that.
  function rethrown(throwable, original) {
    if (original instanceof Error && Object.isExtensible(original)) {
      try {
        const own = Object.getOwnPropertyDescriptor(original, 'stack');
        if (!own || own.writable || own.set) {
          const text = String(original.stack || '');
          const head = text.split('\n').filter((l) => !/^\s+at /.test(l)).join('\n') || `${original.name}: ${original.message}`;
          original.stack = crossedStack(throwable, head, callerFramesOf(hook));
        }
        if (!Object.prototype.hasOwnProperty.call(original, 'javaException')) define(original, 'javaException', throwable);
      } catch {
        // a getter or Proxy that refuses: the value goes back unchanged
      }
    }
    return original;
  }

  // The native core calls this hook while a Java call made by JS is failing; frames from the hook
  // up are hidden, so the JS part of the stack starts at the caller. With a second argument it is
  // the JS value a JSException holds (thrown in this environment).
  function hook(throwable, original) {
    if (arguments.length > 1) return rethrown(throwable, original);
    return javaError(throwable, new Set(), hook);
  }
  return hook;
}

module.exports = { makeJavaErrorFactory };
