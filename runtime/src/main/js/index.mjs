// ES module entry (package.json "exports" "import"): the same root as require('node-api-java')
// (this file imports the CommonJS one, so both module systems share one JVM and one set of
// classes), as the default export, with the API's functions as named exports. Java packages are
// reached through the default export (`jvm.java.util`): a named export is evaluated at import time,
// and a package lookup would start the JVM before configure() could run.
import { createRequire } from 'node:module';

const jvm = createRequire(import.meta.url)('./index.js');
export default jvm;

// Bound functions read at import time: none of them starts the JVM until called.
const api = (name) => jvm[name].bind(jvm);
export const configure = api('configure');
export const load = api('load');
export const isJavaObject = api('isJavaObject');
export const newArray = api('newArray');
export const bigint = api('bigint');
export const toJS = api('toJS');
export const toReadable = api('toReadable');
export const toWritable = api('toWritable');
export const allocateBuffer = api('allocateBuffer');
export const toBuffer = api('toBuffer');
export const stats = api('stats');
export const loadExports = api('loadExports');
const importClass = api('import');
export { importClass as import };
