// Typings of node-api-java's own JS API (hand-written; the one source: the typings that
// `napi-java generate` writes for a jar type its Java packages and build on these names).
// Java packages without generated typings are `any` here: `jvm.java.util.ArrayList`.
// Node types (streams, Buffer) come through lib/node-types.d.ts: Node's with @types/node, else `any`.
// (es2020: Iterable, bigint and BigInt64Array are in these typings; this keeps them valid under tsc's default target)
/// <reference lib="es2020" />

declare namespace nodeApiJava {
  /** Options of `configure()`, before the JVM starts (README "JS API"). */
  interface ConfigureOptions {
    /** The JDK to use (else `JAVA_HOME`, else `java` on `PATH`, version-manager shims followed). */
    javaHome?: string;
    /** Jars and class folders: an array, or one string joined with the platform's path separator. */
    classpath?: string | readonly string[];
    /** JVM options such as `['-Xmx1g']`; a string is split on whitespace. Also read from `NAPI_JAVA_JVM_OPTIONS`. */
    jvmOptions?: string | readonly string[];
    /** Threads of the pool that runs `nameAsync` calls. */
    asyncThreads?: number;
    /** `false` turns the start-up cache off; a string is its folder. */
    startupCache?: boolean | string;
    /** Milliseconds the JVM's shutdown hooks may take when the main thread exits (default 5000, 0: not run). */
    shutdownTimeout?: number;
    /**
     * The Java dependencies of package.json (`npx napi-java add`), put on the class path at start: `true` (default)
     * those of the nearest package.json (beside the main script, else the current folder), `false` none, a string
     * the folder of the project to take them from.
     */
    javaDependencies?: boolean | string;
  }

  interface StartupCacheStats {
    /** `used`, `rejected`, `training`, `off`... (README "Start-up cache"). */
    status: string;
    archive?: string;
  }

  interface Stats {
    /** Java objects JS holds wrappers of. */
    liveObjects: number;
    startupCache: StartupCacheStats;
  }

  /** A wrapper of a Java object (any Java class): its Java methods and fields, typed by generated typings. */
  interface JavaObject {
    toString(): string;
    equals(other: unknown): boolean;
    hashCode(): number;
    getClass(): JavaObject;
  }

  /** A projected Java class: `new Cls(...)`, its static members, `Cls.class`, `instanceof Cls`. */
  interface JavaClass {
    new (...args: any[]): any;
    readonly class: JavaObject;
    readonly [member: string]: any;
  }

  /** A Java array held by reference (`newArray`): array-like, iterable, range-checked writes. */
  interface JavaArray<T = unknown> extends JavaObject, Iterable<T> {
    readonly length: number;
    [index: number]: T;
  }

  /** The element type of `newArray`: a primitive name, a class name or a projected class. */
  type ArrayElementType =
    | 'boolean' | 'byte' | 'char' | 'short' | 'int' | 'long' | 'float' | 'double'
    | string | JavaClass;

  /** The root: the API below, and every Java package as a namespace (`jvm.java.util`, `jvm.com.acme`). */
  interface Root {
    /** Sets JVM options; only before the JVM starts (first use of a Java class). Returns the root. */
    configure(options?: ConfigureOptions): Root;
    /** Adds a jar or class folder at run time; its classes join the namespaces. Returns the root. */
    load(path: string): Root;
    /** A class by its name (`'java.util.HashMap'`, nested: `'a.B$C'`). */
    import(className: string): any;
    /** True for wrappers of Java objects. */
    isJavaObject(value: unknown): value is JavaObject;
    /** Java boxes (Java objects in JS) where an overload or a collection must see that box. */
    boolean(value: boolean): JavaObject;
    byte(value: number): JavaObject;
    char(value: string): JavaObject;
    short(value: number): JavaObject;
    int(value: number): JavaObject;
    long(value: number | bigint): JavaObject;
    float(value: number): JavaObject;
    double(value: number): JavaObject;
    /** A typed Java array (a Java object in JS) of that element type. */
    newArray<T = unknown>(type: ArrayElementType, values: ArrayLike<T> | Iterable<T>): JavaArray<T>;
    /** Runs fn with every Java `long` result as a bigint. */
    bigint<T>(fn: () => T): T;
    /** Java collections, maps and records as plain JS data (arrays, objects or Maps, deeply); other values as they are. */
    toJS(value: unknown): any;
    /** A Node Readable over a Java InputStream (methods declared to return one give it already). */
    toReadable(javaInputStream: unknown): import('./lib/node-types').NodeReadable;
    /** A Node Writable over a Java OutputStream. */
    toWritable(javaOutputStream: unknown): import('./lib/node-types').NodeWritable;
    /** A Buffer over new zeroed Java memory (a direct ByteBuffer): Java uses these very bytes. */
    allocateBuffer(size: number): import('./lib/node-types').NodeBuffer;
    /** The Buffer or typed array over a Java java.nio buffer held as a wrapper. */
    toBuffer(javaBuffer: unknown): import('./lib/node-types').NodeBuffer | Int16Array | Uint16Array | Int32Array | BigInt64Array | Float32Array | Float64Array;
    stats(): Stats;
    /**
     * The API of a Node.js module written in Java (`@JSExport`): what its generated entry returns, from the
     * descriptor the annotation processor wrote. Typed by the module's own generated `index.d.ts`.
     */
    loadExports(baseDir: string, descriptor: object): any;
    /** The running JVM's `java.version` (starts the JVM). */
    readonly javaVersion: string;
    /** The JDK the JVM runs from (starts the JVM). */
    readonly javaHome: string;
    /** Java packages: typed by `napi-java generate`, else untyped. */
    readonly [javaPackage: string]: any;
  }
}

declare const nodeApiJava: nodeApiJava.Root;
export = nodeApiJava;
