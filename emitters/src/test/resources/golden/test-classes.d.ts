
  namespace gencases {
    import $0 = jvm.java.lang;
    import $1 = jvm.java.io;
    import $2 = jvm.java.util.concurrent;
    import $3 = jvm.java.time;
    import $4 = jvm.java.util;
    import $5 = jvm.java.math;
    import $6 = jvm.java.util.stream;
    interface Box<T extends $Out.java.lang.Comparable<T>> extends $0.Object, $0.Comparable<Box<T>> {
      get(): T;
      isEmpty(): boolean;
      getAsync(): Promise<T>;
      isEmptyAsync(): Promise<boolean>;
    }
    interface Box$Static<$A = false> {
      of<U extends $Out.java.lang.Comparable<U>>(value: U): $R<$A, Box<U>>;
    }
    const Box: Box$Static & $Async<Box$Static<true>> & {
      readonly class: $0.Class<Box<any>>;
      [Symbol.hasInstance](value: unknown): value is Box<any>;
    };
    interface Callbacks extends $0.Object {
    }
    interface Callbacks$Static<$A = false> {
      apply(f: $Js.java.util.function$.Function<string, number>, s: string): $R<$A, number>;
      copy(in_: import('stream').Readable | $1.InputStream, out: import('stream').Writable | $1.OutputStream): $R<$A, number | bigint>;
      greet(g: Callbacks$Greeter | $Js.gencases.Callbacks$Greeter, name: string): $R<$A, string>;
      later(s: string): Promise<string>;
      lengthOf(s: Promise<string> | $2.CompletableFuture<string>): Promise<number>;
      open(data: $Array.byte): $R<$A, import('stream').Readable>;
      sink(): $R<$A, import('stream').Writable>;
      touch(): $V<$A>;
    }
    const Callbacks: Callbacks$Static & $Async<Callbacks$Static<true>> & {
      new (): Callbacks;
      readonly Greeter: typeof Callbacks$Greeter;
      readonly class: $0.Class<Callbacks>;
      [Symbol.hasInstance](value: unknown): value is Callbacks;
    };
    interface Callbacks$Greeter extends $0.Object {
      greet(arg0: string): string;
      punctuation(): string;
      times(): number;
      greetAsync(arg0: string): Promise<string>;
      punctuationAsync(): Promise<string>;
      timesAsync(): Promise<number>;
    }
    const Callbacks$Greeter: {
      readonly class: $0.Class<Callbacks$Greeter>;
      [Symbol.hasInstance](value: unknown): value is Callbacks$Greeter;
    };
    interface Data extends $0.Object {
    }
    interface Data$Static<$A = false> {
      any(o: $In.java.lang.Object): $R<$A, $Out.java.lang.Object>;
      at(d: Date | $3.LocalDate): $R<$A, Date>;
      big(b: bigint | number | string): $R<$A, bigint>;
      boxedLong(): $R<$A, bigint>;
      byId(m: ReadonlyMap<number, string> | $4.Map<number, string>): $R<$A, number>;
      count(l: Data$Labels): $R<$A, number>;
      dec(d: number | string | bigint | $5.BigDecimal): $R<$A, $5.BigDecimal>;
      draw(s: $Record.gencases.Data$Shape | Data$Shape): $R<$A, string>;
      entry(): $R<$A, $4.Map$Entry<string, number>>;
      grouped(): $R<$A, $4.Map<string, $4.List<Data$Point>>>;
      iterator(): $R<$A, $4.Iterator<string>>;
      join(parts: readonly string[] | ReadonlySet<string> | $0.Iterable<string> | $Js.java.lang.Iterable<string>): $R<$A, string>;
      link(n: $Record.gencases.Data$Node | Data$Node): $R<$A, Data$Node>;
      number(): $R<$A, $Out.java.lang.Number>;
      primitiveLong(): $R<$A, number | bigint>;
      read<T extends $Out.java.lang.Object>(json: string, type: { readonly class: $0.Class<T> } | $0.Class<T>): $R<$A, T>;
      size(c: readonly unknown[] | ReadonlySet<unknown> | $4.Collection<$Out.java.lang.Object>): $R<$A, number>;
      stamp(t: Date): $R<$A, Date>;
      stream(): $R<$A, $6.Stream<string>>;
      swap<A extends $Out.java.lang.Object, B extends $Out.java.lang.Object>(p: $Record.gencases.Data$Pair<A, B> | Data$Pair<A, B>): $R<$A, Data$Pair<B, A>>;
      unique(s: ReadonlySet<string> | readonly string[] | $4.Set<string>): $R<$A, $4.Set<string>>;
      when(i: Date): $R<$A, Date>;
      words(): $R<$A, $4.Enumeration<string>>;
    }
    const Data: Data$Static & $Async<Data$Static<true>> & {
      new (): Data;
      readonly Shape: typeof Data$Shape;
      readonly Labels: typeof Data$Labels;
      readonly Pair: typeof Data$Pair;
      readonly Words: typeof Data$Words;
      readonly Row: typeof Data$Row;
      readonly Node: typeof Data$Node;
      readonly Color: typeof Data$Color;
      readonly Point: typeof Data$Point;
      readonly class: $0.Class<Data>;
      [Symbol.hasInstance](value: unknown): value is Data;
    };
    interface Data$Color extends $0.Enum<Data$Color> {
    }
    interface Data$Color$Static<$A = false> {
      valueOf<T extends $0.Enum<T>>(enumClass: { readonly class: $0.Class<T> } | $0.Class<T>, name: string): $R<$A, T>;
      valueOf(name: string): $R<$A, Data$Color>;
      values(): $R<$A, Data$Color[]>;
      'valueOf(Class,String)'<T extends $0.Enum<T>>(enumClass: { readonly class: $0.Class<T> } | $0.Class<T>, name: string): T;
      'valueOf(String)'(name: string): Data$Color;
    }
    const Data$Color: Data$Color$Static & $Async<Data$Color$Static<true>> & {
      readonly RED: Data$Color;
      readonly GREEN: Data$Color;
      readonly EnumDesc: typeof $0.Enum$EnumDesc;
      readonly class: $0.Class<Data$Color>;
      [Symbol.hasInstance](value: unknown): value is Data$Color;
    };
    interface Data$Labels extends $0.Record {
      equals(o: $In.java.lang.Object): boolean;
      hashCode(): number;
      labels(): string[];
      toString(): string;
      equalsAsync(o: $In.java.lang.Object): Promise<boolean>;
      hashCodeAsync(): Promise<number>;
      labelsAsync(): Promise<string[]>;
      toStringAsync(): Promise<string>;
    }
    const Data$Labels: {
      new (labels: readonly string[]): Data$Labels;
      readonly class: $0.Class<Data$Labels>;
      [Symbol.hasInstance](value: unknown): value is Data$Labels;
    };
    interface Data$Node extends $0.Record {
      equals(o: $In.java.lang.Object): boolean;
      hashCode(): number;
      next(): Data$Node;
      toString(): string;
      value(): string;
      equalsAsync(o: $In.java.lang.Object): Promise<boolean>;
      hashCodeAsync(): Promise<number>;
      nextAsync(): Promise<Data$Node>;
      toStringAsync(): Promise<string>;
      valueAsync(): Promise<string>;
    }
    const Data$Node: {
      new (value: string, next: $Record.gencases.Data$Node | Data$Node): Data$Node;
      readonly class: $0.Class<Data$Node>;
      [Symbol.hasInstance](value: unknown): value is Data$Node;
    };
    interface Data$Pair<A extends $Out.java.lang.Object, B extends $Out.java.lang.Object> extends $0.Record {
      equals(o: $In.java.lang.Object): boolean;
      first(): A;
      hashCode(): number;
      second(): B;
      toString(): string;
      equalsAsync(o: $In.java.lang.Object): Promise<boolean>;
      firstAsync(): Promise<A>;
      hashCodeAsync(): Promise<number>;
      secondAsync(): Promise<B>;
      toStringAsync(): Promise<string>;
    }
    const Data$Pair: {
      new <A extends $Out.java.lang.Object, B extends $Out.java.lang.Object>(first: A, second: B): Data$Pair<A, B>;
      readonly class: $0.Class<Data$Pair<$Out.java.lang.Object, $Out.java.lang.Object>>;
      [Symbol.hasInstance](value: unknown): value is Data$Pair<$Out.java.lang.Object, $Out.java.lang.Object>;
    };
    interface Data$Point extends $0.Record {
      equals(o: $In.java.lang.Object): boolean;
      hashCode(): number;
      toString(): string;
      x(): number;
      y(): number;
      equalsAsync(o: $In.java.lang.Object): Promise<boolean>;
      hashCodeAsync(): Promise<number>;
      toStringAsync(): Promise<string>;
      xAsync(): Promise<number>;
      yAsync(): Promise<number>;
    }
    const Data$Point: {
      new (x: int, y: int): Data$Point;
      readonly class: $0.Class<Data$Point>;
      [Symbol.hasInstance](value: unknown): value is Data$Point;
    };
    interface Data$Row extends $4.AbstractList<string> {
      get(index: int): string;
      size(): number;
      getAsync(index: int): Promise<string>;
      lengthAsync(): Promise<number>;
      sizeAsync(): Promise<number>;
      'length()'(): number;
      [Symbol.iterator](): $Iterator<string>;
      readonly length: number;
      [index: number]: string;
    }
    const Data$Row: {
      new (): Data$Row;
      readonly class: $0.Class<Data$Row>;
      [Symbol.hasInstance](value: unknown): value is Data$Row;
    };
    interface Data$Shape extends $0.Record {
      bits(): Int32Array;
      color(): Data$Color;
      corners(): $4.List<Data$Point>;
      equals(o: $In.java.lang.Object): boolean;
      extra(): $Out.java.lang.Object;
      hashCode(): number;
      name(): string;
      note(): string | null;
      origin(): Data$Point;
      scale(): $5.BigDecimal;
      tags(): $4.Set<string>;
      toString(): string;
      weights(): $4.Map<string, number>;
      when(): Date;
      bitsAsync(): Promise<Int32Array>;
      colorAsync(): Promise<Data$Color>;
      cornersAsync(): Promise<$4.List<Data$Point>>;
      equalsAsync(o: $In.java.lang.Object): Promise<boolean>;
      extraAsync(): Promise<$Out.java.lang.Object>;
      hashCodeAsync(): Promise<number>;
      nameAsync(): Promise<string>;
      noteAsync(): Promise<string | null>;
      originAsync(): Promise<Data$Point>;
      scaleAsync(): Promise<$5.BigDecimal>;
      tagsAsync(): Promise<$4.Set<string>>;
      toStringAsync(): Promise<string>;
      weightsAsync(): Promise<$4.Map<string, number>>;
      whenAsync(): Promise<Date>;
    }
    const Data$Shape: {
      new (name: string, origin: $Record.gencases.Data$Point | Data$Point, color: Data$Color, corners: readonly Data$Point[] | ReadonlySet<Data$Point> | $4.List<Data$Point>, tags: ReadonlySet<string> | readonly string[] | $4.Set<string>, weights: ReadonlyMap<string, number> | { readonly [key: string]: number } | $4.Map<string, number>, note: string | null, when: Date, scale: number | string | bigint | $5.BigDecimal, bits: $Array.int, extra: $In.java.lang.Object): Data$Shape;
      readonly class: $0.Class<Data$Shape>;
      [Symbol.hasInstance](value: unknown): value is Data$Shape;
    };
    interface Data$Words extends $0.Object, $0.Iterable<string> {
      iterator(): $4.Iterator<string>;
      iteratorAsync(): Promise<$4.Iterator<string>>;
      [Symbol.iterator](): $Iterator<string>;
    }
    const Data$Words: {
      new (): Data$Words;
      readonly class: $0.Class<Data$Words>;
      [Symbol.hasInstance](value: unknown): value is Data$Words;
    };
    interface IntBox extends $0.Object, Box<number> {
      clone(): IntBox;
      compareTo(o: Box<number> | $Js.gencases.Box<number>): number;
      get(): number;
      size(): number;
      cloneAsync(): Promise<IntBox>;
      compareToAsync(o: Box<number> | $Js.gencases.Box<number>): Promise<number>;
      getAsync(): Promise<number>;
      sizeAsync(): Promise<number>;
      'compareTo(Object)'(arg0: Box<number> | $Js.gencases.Box<number>): number;
      'compareTo(Box)'(o: Box<number> | $Js.gencases.Box<number>): number;
      value: number;
    }
    const IntBox: {
      new (value: int): IntBox;
      readonly class: $0.Class<IntBox>;
      [Symbol.hasInstance](value: unknown): value is IntBox;
    };
    interface Nulls extends $0.Object {
    }
    interface Nulls$Static<$A = false> {
      find(key: string, fallback: string | null): $R<$A, string | null>;
      maybeArray(): $R<$A, string[] | null>;
    }
    const Nulls: Nulls$Static & $Async<Nulls$Static<true>> & {
      readonly class: $0.Class<Nulls>;
      [Symbol.hasInstance](value: unknown): value is Nulls;
    };
    /**
     * @deprecated
     */
    interface Shapes extends $0.Object {
      describe(c: char, boxed: string | $0.Character): string;
      describe(o: $In.java.lang.Object): string;
      grid(): Int32Array[];
      max<T extends $Out.java.lang.Comparable<T>>(items: readonly T[] | ReadonlySet<T> | $4.List<T>): T;
      maybe(i: number | $0.Integer): number;
      names(m: ReadonlyMap<string, $In.java.lang.Number> | { readonly [key: string]: $In.java.lang.Number } | $4.Map<string, $Out.java.lang.Number>): $4.List<string>;
      sum(...values: int[]): number;
      sum(values: $Array.int): number;
      describeAsync(c: char, boxed: string | $0.Character): Promise<string>;
      describeAsync(o: $In.java.lang.Object): Promise<string>;
      gridAsync(): Promise<Int32Array[]>;
      maxAsync<T extends $Out.java.lang.Comparable<T>>(items: readonly T[] | ReadonlySet<T> | $4.List<T>): Promise<T>;
      maybeAsync(i: number | $0.Integer): Promise<number>;
      namesAsync(m: ReadonlyMap<string, $In.java.lang.Number> | { readonly [key: string]: $In.java.lang.Number } | $4.Map<string, $Out.java.lang.Number>): Promise<$4.List<string>>;
      sumAsync(...values: int[]): Promise<number>;
      sumAsync(values: $Array.int): Promise<number>;
      'describe(char,Character)'(c: char, boxed: string | $0.Character): string;
      'describe(Object)'(o: $In.java.lang.Object): string;
      id: number | bigint;
      readonly data: Uint8Array;
    }
    interface Shapes$Static<$A = false> {
      area(side: int): $R<$A, number>;
      area(a: long, b: long): $R<$A, number | bigint>;
      area(side: double): $R<$A, number>;
      when(d: Date): $R<$A, string>;
      'new()'(): Shapes;
      'new(long)'(id: long): Shapes;
      'area(double)'(side: double): number;
      'area(int)'(side: int): number;
      'area(long,long)'(a: long, b: long): number | bigint;
      'when(java.sql.Date)'(d: Date): string;
      'when(java.util.Date)'(d: Date): string;
    }
    /**
     * @deprecated
     */
    const Shapes: Shapes$Static & $Async<Shapes$Static<true>> & {
      new (): Shapes;
      new (id: long): Shapes;
      readonly TRIANGLE: number;
      label: string;
      readonly Kind: typeof Shapes$Kind;
      readonly Side: typeof Shapes$Side;
      readonly Corner: typeof Shapes$Corner;
      readonly class: $0.Class<Shapes>;
      [Symbol.hasInstance](value: unknown): value is Shapes;
    };
    interface Shapes$Corner extends $0.Object {
      readonly index: number;
    }
    const Shapes$Corner: {
      new (index: int): Shapes$Corner;
      readonly class: $0.Class<Shapes$Corner>;
      [Symbol.hasInstance](value: unknown): value is Shapes$Corner;
    };
    interface Shapes$Kind extends $0.Enum<Shapes$Kind> {
    }
    interface Shapes$Kind$Static<$A = false> {
      valueOf<T extends $0.Enum<T>>(enumClass: { readonly class: $0.Class<T> } | $0.Class<T>, name: string): $R<$A, T>;
      valueOf(name: string): $R<$A, Shapes$Kind>;
      values(): $R<$A, Shapes$Kind[]>;
      'valueOf(Class,String)'<T extends $0.Enum<T>>(enumClass: { readonly class: $0.Class<T> } | $0.Class<T>, name: string): T;
      'valueOf(String)'(name: string): Shapes$Kind;
    }
    const Shapes$Kind: Shapes$Kind$Static & $Async<Shapes$Kind$Static<true>> & {
      readonly ROUND: Shapes$Kind;
      readonly SQUARE: Shapes$Kind;
      readonly EnumDesc: typeof $0.Enum$EnumDesc;
      readonly class: $0.Class<Shapes$Kind>;
      [Symbol.hasInstance](value: unknown): value is Shapes$Kind;
    };
    interface Shapes$Side extends $0.Object {
      length(): number;
      lengthAsync(): Promise<number>;
    }
    const Shapes$Side: {
      new (arg0: Shapes): Shapes$Side;
      readonly class: $0.Class<Shapes$Side>;
      [Symbol.hasInstance](value: unknown): value is Shapes$Side;
    };
  }
