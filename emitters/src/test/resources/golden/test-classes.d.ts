
  namespace gencases {
    interface Box<T extends $Out.java.lang.Comparable<T>> extends jvm.java.lang.Object, jvm.java.lang.Comparable<jvm.gencases.Box<T>> {
      get(): T;
      isEmpty(): boolean;
      getAsync(): Promise<T>;
      isEmptyAsync(): Promise<boolean>;
      'get()'(): T;
      'isEmpty()'(): boolean;
    }
    const Box: {
      of<U extends $Out.java.lang.Comparable<U>>(value: U): jvm.gencases.Box<U>;
      ofAsync<U extends $Out.java.lang.Comparable<U>>(value: U): Promise<jvm.gencases.Box<U>>;
      'of(Comparable)'<U extends $Out.java.lang.Comparable<U>>(value: U): jvm.gencases.Box<U>;
      'of(java.lang.Comparable)'<U extends $Out.java.lang.Comparable<U>>(value: U): jvm.gencases.Box<U>;
      [Symbol.hasInstance](value: unknown): value is jvm.gencases.Box<any>;
    };
    interface Callbacks extends jvm.java.lang.Object {
    }
    const Callbacks: {
      new (): jvm.gencases.Callbacks;
      apply(f: $Js.java.util.function$.Function<string, number>, s: string): number;
      copy(in_: import('stream').Readable | jvm.java.io.InputStream, out: import('stream').Writable | jvm.java.io.OutputStream): number | bigint;
      greet(g: jvm.gencases.Callbacks$Greeter | $Js.gencases.Callbacks$Greeter, name: string): string;
      later(s: string): Promise<string>;
      lengthOf(s: Promise<string> | jvm.java.util.concurrent.CompletableFuture<string>): Promise<number>;
      open(data: Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | readonly number[]): import('stream').Readable;
      sink(): import('stream').Writable;
      touch(): void;
      applyAsync(f: $Js.java.util.function$.Function<string, number>, s: string): Promise<number>;
      copyAsync(in_: import('stream').Readable | jvm.java.io.InputStream, out: import('stream').Writable | jvm.java.io.OutputStream): Promise<number | bigint>;
      greetAsync(g: jvm.gencases.Callbacks$Greeter | $Js.gencases.Callbacks$Greeter, name: string): Promise<string>;
      laterAsync(s: string): Promise<string>;
      lengthOfAsync(s: Promise<string> | jvm.java.util.concurrent.CompletableFuture<string>): Promise<number>;
      openAsync(data: Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | readonly number[]): Promise<import('stream').Readable>;
      sinkAsync(): Promise<import('stream').Writable>;
      touchAsync(): Promise<null>;
      'new()'(): void;
      'apply(Function,String)'(f: $Js.java.util.function$.Function<string, number>, s: string): number;
      'apply(java.util.function.Function,java.lang.String)'(f: $Js.java.util.function$.Function<string, number>, s: string): number;
      'copy(InputStream,OutputStream)'(in_: import('stream').Readable | jvm.java.io.InputStream, out: import('stream').Writable | jvm.java.io.OutputStream): number | bigint;
      'copy(java.io.InputStream,java.io.OutputStream)'(in_: import('stream').Readable | jvm.java.io.InputStream, out: import('stream').Writable | jvm.java.io.OutputStream): number | bigint;
      'greet(Callbacks.Greeter,String)'(g: jvm.gencases.Callbacks$Greeter | $Js.gencases.Callbacks$Greeter, name: string): string;
      'greet(gencases.Callbacks.Greeter,java.lang.String)'(g: jvm.gencases.Callbacks$Greeter | $Js.gencases.Callbacks$Greeter, name: string): string;
      'later(String)'(s: string): Promise<string>;
      'later(java.lang.String)'(s: string): Promise<string>;
      'lengthOf(CompletableFuture)'(s: Promise<string> | jvm.java.util.concurrent.CompletableFuture<string>): Promise<number>;
      'lengthOf(java.util.concurrent.CompletableFuture)'(s: Promise<string> | jvm.java.util.concurrent.CompletableFuture<string>): Promise<number>;
      'open(byte[])'(data: Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | readonly number[]): import('stream').Readable;
      'sink()'(): import('stream').Writable;
      'touch()'(): void;
      readonly Greeter: typeof jvm.gencases.Callbacks$Greeter;
      [Symbol.hasInstance](value: unknown): value is jvm.gencases.Callbacks;
    };
    interface Callbacks$Greeter extends jvm.java.lang.Object {
      greet(arg0: string): string;
      punctuation(): string;
      times(): number;
      greetAsync(arg0: string): Promise<string>;
      punctuationAsync(): Promise<string>;
      timesAsync(): Promise<number>;
      'greet(String)'(arg0: string): string;
      'greet(java.lang.String)'(arg0: string): string;
      'punctuation()'(): string;
      'times()'(): number;
    }
    const Callbacks$Greeter: {
      [Symbol.hasInstance](value: unknown): value is jvm.gencases.Callbacks$Greeter;
    };
    interface IntBox extends jvm.java.lang.Object, jvm.gencases.Box<number> {
      clone(): jvm.gencases.IntBox;
      compareTo(o: jvm.gencases.Box<number> | $Js.gencases.Box<number>): number;
      get(): number;
      size(): number;
      cloneAsync(): Promise<jvm.gencases.IntBox>;
      compareToAsync(o: jvm.gencases.Box<number> | $Js.gencases.Box<number>): Promise<number>;
      getAsync(): Promise<number>;
      sizeAsync(): Promise<number>;
      'clone()'(): jvm.gencases.IntBox;
      'compareTo(Object)'(arg0: jvm.gencases.Box<number> | $Js.gencases.Box<number>): number;
      'compareTo(java.lang.Object)'(arg0: jvm.gencases.Box<number> | $Js.gencases.Box<number>): number;
      'compareTo(Box)'(o: jvm.gencases.Box<number> | $Js.gencases.Box<number>): number;
      'compareTo(gencases.Box)'(o: jvm.gencases.Box<number> | $Js.gencases.Box<number>): number;
      'get()'(): number;
      'size()'(): number;
      value: number;
    }
    const IntBox: {
      new (value: number): jvm.gencases.IntBox;
      'new(int)'(value: number): void;
      [Symbol.hasInstance](value: unknown): value is jvm.gencases.IntBox;
    };
    interface Nulls extends jvm.java.lang.Object {
    }
    const Nulls: {
      find(key: string, fallback: string | null): string | null;
      maybeArray(): string[] | null;
      findAsync(key: string, fallback: string | null): Promise<string | null>;
      maybeArrayAsync(): Promise<string[] | null>;
      'find(String,String)'(key: string, fallback: string | null): string | null;
      'find(java.lang.String,java.lang.String)'(key: string, fallback: string | null): string | null;
      'maybeArray()'(): string[] | null;
      [Symbol.hasInstance](value: unknown): value is jvm.gencases.Nulls;
    };
    /**
     * @deprecated
     */
    interface Shapes extends jvm.java.lang.Object {
      describe(c: string, boxed: string): string;
      describe(o: $In.java.lang.Object): string;
      grid(): Int32Array[];
      max<T extends $Out.java.lang.Comparable<T>>(items: jvm.java.util.List<T> | $Js.java.util.List<T>): T;
      maybe(i: number): number;
      names(m: jvm.java.util.Map<string, $Out.java.lang.Number> | $Js.java.util.Map<string, $Out.java.lang.Number>): jvm.java.util.List<string>;
      sum(...values: number[]): number;
      sum(values: Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | readonly number[]): number;
      describeAsync(c: string, boxed: string): Promise<string>;
      describeAsync(o: $In.java.lang.Object): Promise<string>;
      gridAsync(): Promise<Int32Array[]>;
      maxAsync<T extends $Out.java.lang.Comparable<T>>(items: jvm.java.util.List<T> | $Js.java.util.List<T>): Promise<T>;
      maybeAsync(i: number): Promise<number>;
      namesAsync(m: jvm.java.util.Map<string, $Out.java.lang.Number> | $Js.java.util.Map<string, $Out.java.lang.Number>): Promise<jvm.java.util.List<string>>;
      sumAsync(...values: number[]): Promise<number>;
      sumAsync(values: Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | readonly number[]): Promise<number>;
      'describe(char,Character)'(c: string, boxed: string): string;
      'describe(char,java.lang.Character)'(c: string, boxed: string): string;
      'describe(Object)'(o: $In.java.lang.Object): string;
      'describe(java.lang.Object)'(o: $In.java.lang.Object): string;
      'grid()'(): Int32Array[];
      'max(List)'<T extends $Out.java.lang.Comparable<T>>(items: jvm.java.util.List<T> | $Js.java.util.List<T>): T;
      'max(java.util.List)'<T extends $Out.java.lang.Comparable<T>>(items: jvm.java.util.List<T> | $Js.java.util.List<T>): T;
      'maybe(Integer)'(i: number): number;
      'maybe(java.lang.Integer)'(i: number): number;
      'names(Map)'(m: jvm.java.util.Map<string, $Out.java.lang.Number> | $Js.java.util.Map<string, $Out.java.lang.Number>): jvm.java.util.List<string>;
      'names(java.util.Map)'(m: jvm.java.util.Map<string, $Out.java.lang.Number> | $Js.java.util.Map<string, $Out.java.lang.Number>): jvm.java.util.List<string>;
      'sum(int[])'(...values: number[]): number;
      'sum(int[])'(values: Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | readonly number[]): number;
      id: number | bigint;
      readonly data: Uint8Array;
    }
    /**
     * @deprecated
     */
    const Shapes: {
      new (): jvm.gencases.Shapes;
      new (id: number | bigint): jvm.gencases.Shapes;
      area(side: number): number;
      area(a: number | bigint, b: number | bigint): number | bigint;
      areaAsync(side: number): Promise<number>;
      areaAsync(a: number | bigint, b: number | bigint): Promise<number | bigint>;
      'new()'(): void;
      'new(long)'(id: number | bigint): void;
      'area(double)'(side: number): number;
      'area(int)'(side: number): number;
      'area(long,long)'(a: number | bigint, b: number | bigint): number | bigint;
      readonly TRIANGLE: number;
      label: string;
      readonly Kind: typeof jvm.gencases.Shapes$Kind;
      readonly Side: typeof jvm.gencases.Shapes$Side;
      readonly Corner: typeof jvm.gencases.Shapes$Corner;
      [Symbol.hasInstance](value: unknown): value is jvm.gencases.Shapes;
    };
    interface Shapes$Corner extends jvm.java.lang.Object {
      readonly index: number;
    }
    const Shapes$Corner: {
      new (index: number): jvm.gencases.Shapes$Corner;
      'new(int)'(index: number): void;
      [Symbol.hasInstance](value: unknown): value is jvm.gencases.Shapes$Corner;
    };
    interface Shapes$Kind extends jvm.java.lang.Enum<jvm.gencases.Shapes$Kind> {
    }
    const Shapes$Kind: {
      valueOf<T extends jvm.java.lang.Enum<T>>(enumClass: object | jvm.java.lang.Class<T>, name: string): T;
      valueOf(name: string): jvm.gencases.Shapes$Kind;
      values(): jvm.gencases.Shapes$Kind[];
      valueOfAsync<T extends jvm.java.lang.Enum<T>>(enumClass: object | jvm.java.lang.Class<T>, name: string): Promise<T>;
      valueOfAsync(name: string): Promise<jvm.gencases.Shapes$Kind>;
      valuesAsync(): Promise<jvm.gencases.Shapes$Kind[]>;
      'valueOf(Class,String)'<T extends jvm.java.lang.Enum<T>>(enumClass: object | jvm.java.lang.Class<T>, name: string): T;
      'valueOf(java.lang.Class,java.lang.String)'<T extends jvm.java.lang.Enum<T>>(enumClass: object | jvm.java.lang.Class<T>, name: string): T;
      'valueOf(String)'(name: string): jvm.gencases.Shapes$Kind;
      'valueOf(java.lang.String)'(name: string): jvm.gencases.Shapes$Kind;
      'values()'(): jvm.gencases.Shapes$Kind[];
      readonly ROUND: jvm.gencases.Shapes$Kind;
      readonly SQUARE: jvm.gencases.Shapes$Kind;
      readonly EnumDesc: typeof jvm.java.lang.Enum$EnumDesc;
      [Symbol.hasInstance](value: unknown): value is jvm.gencases.Shapes$Kind;
    };
    interface Shapes$Side extends jvm.java.lang.Object {
      length(): number;
      lengthAsync(): Promise<number>;
      'length()'(): number;
    }
    const Shapes$Side: {
      new (arg0: jvm.gencases.Shapes): jvm.gencases.Shapes$Side;
      'new(Shapes)'(arg0: jvm.gencases.Shapes): void;
      'new(gencases.Shapes)'(arg0: jvm.gencases.Shapes): void;
      [Symbol.hasInstance](value: unknown): value is jvm.gencases.Shapes$Side;
    };
  }
