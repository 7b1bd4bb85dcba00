// Typings of require('node-api-java/node-java'): node-java's API (npm `java`) on node-api-java.
// Java objects are untyped here as in node-java (`JavaObject = any`); for typed Java APIs use the
// package's own root (require('node-api-java')) and its generator (`napi-java generate`).
// (es2020: Iterable, bigint and BigInt64Array are in these typings; this keeps them valid under tsc's default target)
/// <reference lib="es2020" />

declare const java: java.Java;
export = java;

declare namespace java {
  /** A Java object as node-java shows it: `nameSync(...)`, `name(..., cb)`, `namePromise(...)`, fields as properties. */
  type JavaObject = any;

  /** A failed call: `cause` is the Java exception (a JavaObject), the message its stack trace. */
  type JavaError = Error & { cause?: JavaObject };

  /** A Java long result: a Number (rounded beyond 2^53) whose `longValue` is the exact decimal. */
  interface JavaLong extends Number {
    longValue: string;
  }

  interface Callback<T> {
    (err?: Error, result?: T): void;
  }

  interface JavaCallback<T> {
    (err?: JavaError, result?: T): void;
  }

  /** How the three forms of each Java method are named; read once, when the JVM starts. */
  interface AsyncOptions {
    /** Suffix of the synchronous form (`sizeSync`); may be '' (then the async suffix may not be). */
    syncSuffix: string;
    /** Suffix of the callback form (`size(cb)` with ''); left out: no callback forms. */
    asyncSuffix?: string | undefined;
    /** Suffix of the promise form (`sizePromise()`); left out: no promise forms. */
    promiseSuffix?: string | undefined;
    /** Appended to a static member named like a function's read-only property (name, length, caller, arguments, prototype); default '_'. */
    ifReadOnlySuffix?: string | undefined;
  }

  interface ProxyFunctions {
    [methodName: string]: (...args: any[]) => any;
  }

  /** What newProxy returns: the Java proxy, plus node-java's two members. */
  interface JavaProxy {
    /** The functions object the proxy calls. Throws once unref() was called. */
    readonly invocationHandler: ProxyFunctions;
    /** Drops the JS functions: later Java calls of the proxy throw IllegalStateException. */
    unref(): void;
    [member: string]: any;
  }

  /**
   * What java.import returns: a constructor function (`new Cls(...)`) with the static members under
   * the suffixes (`Cls.methodSync(...)`, `Cls.FIELD`, `Cls.Nested`) and `Cls.class`. Untyped like
   * node-java's, so that members named like a function's own (`name_`) type-check.
   */
  type JavaClass = any;

  interface Java {
    /** Jars and class folders of the JVM; push to it before the JVM starts (assigning it later throws). */
    classpath: string[] & { pushDir?(dir: string): void };
    /** JVM options (`-Xmx1g`, `-Dkey=value`); before the JVM starts. */
    options: string[];
    /** The suffix scheme; set before the JVM starts. */
    asyncOptions: AsyncOptions | undefined;
    /** The native addon in use (node-api-java's); assigning it throws: the bridge's addon is fixed. */
    nativeBindingLocation: string;
    /** util.promisify, as node-java exposes it (typed without @types/node: a callback function to a promise one). */
    promisify(fn: (...args: any[]) => void): (...args: any[]) => Promise<any>;

    /** Called once when the JVM is created (reads asyncOptions); removed afterwards. */
    onJvmCreated?: () => void;
    isJvmCreated(): boolean;
    /** Hooks run by ensureJvm before and after the JVM is created (callback style; a function of no parameters is called plainly). */
    registerClient(before: ((cb: Callback<void>) => void) | (() => void) | undefined | null, after?: ((cb: Callback<void>) => void) | (() => void) | null): void;
    /** Hooks returning promises. */
    registerClientP(beforeP: (() => Promise<void>) | undefined | null, afterP?: (() => Promise<void>) | null): void;
    /** Runs the before hooks, creates the JVM, runs the after hooks; idempotent. */
    ensureJvm(done: Callback<void>): void;
    ensureJvm(): Promise<void>;

    /** A class as a constructor function with its static members (`Cls.methodSync(...)`, `Cls.FIELD`, `Cls.Nested`). */
    import(className: string): JavaClass;
    /** The java.lang.Class of a name (`a.b.Outer$Inner`); throws "Could not create class ..." when there is none. */
    findClassSync(className: string): JavaObject;
    /** The class loader of the bridge (the classpath and every loaded jar). */
    getClassLoader(): JavaObject;

    newInstance(className: string, ...argsAndCallback: any[]): void | string;
    newInstanceSync(className: string, ...args: any[]): JavaObject;
    /** With asyncOptions.promiseSuffix 'Promise' (named by the suffix in force), once the JVM runs. */
    newInstancePromise?(className: string, ...args: any[]): Promise<JavaObject>;

    /** methodName may be a JNI signature: 'max(II)I'. The last argument is the callback. */
    callMethod(instance: JavaObject, methodName: string, ...argsAndCallback: any[]): void | string;
    callMethodSync(instance: JavaObject, methodName: string, ...args: any[]): any;
    callMethodPromise?(instance: JavaObject, methodName: string, ...args: any[]): Promise<any>;

    callStaticMethod(className: string, methodName: string, ...argsAndCallback: any[]): void | string;
    callStaticMethodSync(className: string, methodName: string, ...args: any[]): any;
    callStaticMethodPromise?(className: string, methodName: string, ...args: any[]): Promise<any>;

    getStaticFieldValue(className: string, fieldName: string): any;
    setStaticFieldValue(className: string, fieldName: string, newValue: any): void;

    /** False for anything that is not a Java object; throws for a class that does not exist. */
    instanceOf(javaObject: any, className: string): boolean;

    /** A Java array of an element type: 'int', 'char', 'java.lang.String', 'a.b.Outer$Inner'. */
    newArray(className: string, values: any[]): JavaObject;
    newByte(value: number): JavaObject;
    newShort(value: number): JavaObject;
    newLong(value: number | bigint): JavaObject;
    newChar(value: string | number): JavaObject;
    newFloat(value: number): JavaObject;
    newDouble(value: number): JavaObject;

    /**
     * node-java closes the handle that kept Node running for proxy calls from Java threads. The
     * bridge holds no such handle (its wake-up is unreferenced while idle), so there is nothing to
     * close: Node exits when its own work is done. Kept so node-java programs run unchanged.
     */
    stop(): void;

    /** A Java object implementing the interface with the JS functions (called on the JS thread, from any Java thread). */
    newProxy(interfaceName: string, functions: ProxyFunctions): JavaProxy;
  }
}
