'use strict';
// Java throwables as JS Errors: name = Java class, message, cause chain, stack = Java frames
// followed by the JS frames of the caller, and the Throwable itself as err.javaException.

function makeJavaErrorFactory(getBridgeClass) {
  function javaError(throwable, seen, hideFrom) {
    const className = throwable.getClass().getName();
    const message = throwable.getMessage();
    const err = new Error(message == null ? '' : String(message));
    Object.defineProperty(err, 'name', { value: className, writable: true, configurable: true, enumerable: false });
    Error.captureStackTrace(err, hideFrom);
    const jsFrames = String(err.stack).split('\n').slice(1).join('\n');
    let javaFrames = getBridgeClass().javaStack(throwable);
    let head = message == null ? className : `${className}: ${message}`;
    if (className === 'dev.napijava.JSException') {
      // A JS error that went through Java and back: its own JS frames, then the Java frames
      // (the <js> entries are those same JS frames), then the caller's JS frames.
      err.name = throwable.getJsName();
      head = `${err.name}: ${message == null ? '' : message}`;
      const jsOwn = String(throwable.getJsStack()).split('\n').filter((l) => /^\s+at /.test(l));
      const callerLines = new Set(jsFrames.split('\n'));
      const ownOnly = jsOwn.filter((l) => !callerLines.has(l));
      javaFrames = [...ownOnly, ...javaFrames.split('\n').filter((l) => !l.includes('at <js>.'))].join('\n');
    }
    err.stack = head + (javaFrames ? '\n' + javaFrames : '') + (jsFrames ? '\n' + jsFrames : '');
    Object.defineProperty(err, 'javaException', { value: throwable, writable: true, configurable: true, enumerable: false });
    seen.add(throwable);
    const cause = throwable.getCause();
    if (cause != null && !seen.has(cause)) {
      Object.defineProperty(err, 'cause', { value: javaError(cause, seen, javaError), writable: true, configurable: true, enumerable: false });
    }
    return err;
  }
  // The native core calls this hook while a Java call made by JS is failing; frames from the hook
  // up are hidden, so the JS part of the stack starts at the caller.
  function hook(throwable) {
    return javaError(throwable, new Set(), hook);
  }
  return hook;
}

module.exports = { makeJavaErrorFactory };
