'use strict';
// Java hosts Node (dev.napijava.NodejsEnvironment): the JS side of an environment's module access.
// Code Java evaluates and modules Java imports resolve from the environment's base folder, as a
// file there would: a CommonJS module is made for a name in that folder (no file is written), and
// both eval and import() run inside it, so V8 gives them that module as their referrer (dynamic
// import() inside evaluated code works, bare names resolve from the base folder's node_modules,
// ES-module-only packages load).
const Module = require('module');
const path = require('path');

function forBaseDir(baseDir) {
  const filename = path.join(baseDir, '[java].js');
  const module = new Module(filename, null);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(baseDir);
  module._compile(
    'module.exports = { evaluate: (source) => (0, eval)(source), importModule: (specifier) => import(specifier) };',
    filename);
  return {
    require: Module.createRequire(filename),
    evaluate: module.exports.evaluate,
    importModule: module.exports.importModule,
    clearAsyncStack,
  };
}

// After NodejsEnvironment.terminateExecution: JS terminated inside an async scope
// (AsyncResource.runInAsyncScope, an event handler of a resource) never popped its async context,
// and Node aborts when the scope around the Java call then finds the stack corrupted. Node clears
// the stack the same way after an uncaught exception. process.binding is deprecated: taken once,
// on the first termination, without its warning.
let clearAsyncIdStack;
function clearAsyncStack() {
  if (!clearAsyncIdStack) {
    const quiet = process.noDeprecation;
    process.noDeprecation = true;
    try {
      const binding = process.binding('async_wrap');
      clearAsyncIdStack = typeof binding.clearAsyncIdStack === 'function' ? () => binding.clearAsyncIdStack() : () => {};
    } catch {
      clearAsyncIdStack = () => {};
    } finally {
      process.noDeprecation = quiet;
    }
  }
  clearAsyncIdStack();
}

module.exports = { forBaseDir };
