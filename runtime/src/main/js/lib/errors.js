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
    const javaFrames = getBridgeClass().javaStack(throwable);
    const head = message == null ? className : `${className}: ${message}`;
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
