/*
 * Type codes: how a Java type crosses the boundary. The table that assigns a code to each
 * Java type lives in Java (dev.napijava.bridge.TypeCode); C only implements the conversion
 * for each code. TypeCodeHeaderTest keeps the two lists identical.
 */
#ifndef NAPI_JAVA_TYPE_CODES_H
#define NAPI_JAVA_TYPE_CODES_H

enum type_code {
  TC_VOID = 0,
  TC_BOOLEAN = 1,
  TC_BYTE = 2,
  TC_CHAR = 3,
  TC_SHORT = 4,
  TC_INT = 5,
  TC_LONG = 6,
  TC_FLOAT = 7,
  TC_DOUBLE = 8,
  TC_STRING = 9,
  TC_OBJECT = 10,
  TC_BOX_BOOLEAN = 11,
  TC_BOX_BYTE = 12,
  TC_BOX_CHAR = 13,
  TC_BOX_SHORT = 14,
  TC_BOX_INTEGER = 15,
  TC_BOX_LONG = 16,
  TC_BOX_FLOAT = 17,
  TC_BOX_DOUBLE = 18,
  TC_ARRAY_BOOLEAN = 19,
  TC_ARRAY_BYTE = 20,
  TC_ARRAY_CHAR = 21,
  TC_ARRAY_SHORT = 22,
  TC_ARRAY_INT = 23,
  TC_ARRAY_LONG = 24,
  TC_ARRAY_FLOAT = 25,
  TC_ARRAY_DOUBLE = 26,
  TC_ARRAY_OBJECT = 27,
  TC_FUTURE = 28,          /* CompletableFuture/CompletionStage/Future <-> Promise */
  TC_INPUT_STREAM = 29,    /* java.io.InputStream <-> Node Readable */
  TC_OUTPUT_STREAM = 30,   /* java.io.OutputStream <-> Node Writable */
  TC_BIG_INTEGER = 31,     /* java.math.BigInteger <-> bigint */
  TC_BIG_DECIMAL = 32,     /* java.math.BigDecimal <- number/string/bigint */
  TC_DATE = 33,            /* java.util.Date (and java.sql subclasses) <-> Date */
  TC_INSTANT = 34,         /* java.time.Instant <-> Date */
  TC_LOCAL_DATE_TIME = 35, /* LocalDateTime, LocalDate, OffsetDateTime, ZonedDateTime <- Date */
  TC_LIST = 36,            /* List, Collection, Iterable <- array (live view), Set */
  TC_SET = 37,             /* java.util.Set <- Set, array */
  TC_MAP = 38,             /* java.util.Map <- Map, plain object */
  TC_RECORD = 39,          /* a record class <- plain object */
  TC_CLASS = 40,           /* java.lang.Class <- projected constructor */
  /* java.nio buffers <-> Buffer / typed arrays over the same memory (buffers.c) */
  TC_BYTE_BUFFER = 41,   /* ByteBuffer <-> Buffer (Uint8Array), ArrayBuffer, any typed array */
  TC_SHORT_BUFFER = 42,  /* ShortBuffer <-> Int16Array */
  TC_CHAR_BUFFER = 43,   /* CharBuffer <-> Uint16Array */
  TC_INT_BUFFER = 44,    /* IntBuffer <-> Int32Array */
  TC_LONG_BUFFER = 45,   /* LongBuffer <-> BigInt64Array */
  TC_FLOAT_BUFFER = 46,  /* FloatBuffer <-> Float32Array */
  TC_DOUBLE_BUFFER = 47, /* DoubleBuffer <-> Float64Array */
  TC_JS_VALUE = 48,      /* dev.napijava.JSValue (Java hosts Node): the JS value itself, any kind */
  TC_COUNT = 49
};

/*
 * Argument tags: what kind of JS value an argument is, as far as overload resolution cares.
 * Computed in C per call (cheap), interpreted in Java (OverloadResolver) once per call shape.
 */
enum arg_tag {
  AT_NULL = 0, /* null or undefined */
  AT_BOOLEAN = 1,
  AT_INT8 = 2,         /* integral number in byte range */
  AT_INT16 = 3,        /* integral number in short range */
  AT_INT32 = 4,        /* integral number in int range */
  AT_SAFE_INTEGER = 5, /* integral number beyond int, |n| <= 2^53-1 */
  AT_DOUBLE = 6,       /* any other number (fractional, NaN, Infinity, unsafe integer) */
  AT_CHAR_STRING = 7,  /* string of exactly one UTF-16 unit */
  AT_STRING = 8,
  AT_BIGINT = 9,
  AT_JAVA_OBJECT = 10, /* wrapper of a Java object: its class is part of the shape */
  AT_ARRAY = 11,       /* JS Array */
  AT_INT8_ARRAY = 12,  /* Int8Array, Uint8Array, Uint8ClampedArray, Buffer */
  AT_INT16_ARRAY = 13,
  AT_UINT16_ARRAY = 14,
  AT_INT32_ARRAY = 15, /* Int32Array, Uint32Array */
  AT_FLOAT32_ARRAY = 16,
  AT_FLOAT64_ARRAY = 17,
  AT_BIGINT64_ARRAY = 18,
  AT_FUNCTION = 19,
  AT_OTHER_OBJECT = 20,
  AT_SYMBOL = 21,
  AT_PROMISE = 22,
  AT_DATE = 23,
  AT_MAP = 24,
  AT_SET = 25,
  AT_ARRAY_OF_INTS = 26,     /* JS array: the first 64 elements are integral numbers in int range */
  AT_ARRAY_OF_NUMBERS = 27,  /* ... numbers */
  AT_ARRAY_OF_STRINGS = 28,  /* ... strings */
  AT_ARRAY_OF_BOOLEANS = 29, /* ... booleans */
  AT_ARRAY_BUFFER = 30,
  AT_PLAIN_OBJECT = 31,   /* prototype Object.prototype or null */
  AT_BUILTIN = 32,        /* RegExp, Error, DataView, WeakMap...: nothing in Java stands for it */
  AT_ARRAY_OF_CHARS = 33, /* JS array: the first elements are one-character strings */
  AT_COUNT = 34
};

/* Java values classified in Java (Values.slot: JSValueNatives.callFast's arguments, Object[] elements):
 * a tag (Values.A_*) with the bits of a number, boolean or long in the next slot. */
enum value_slot {
  A_OBJECT = 0, /* through the marshaler (jobject_to_js) */
  A_INT = 1,
  A_DOUBLE = 2,
  A_BOOLEAN = 3,
  A_NULL = 4,
  A_STRING = 5,
  A_BIGINT = 6 /* a Long: a bigint, as the marshaler makes it */
};

/* JSValueNatives.callFast's result tags (JSValueNatives.R_*) when the result is primitive (no box crosses JNI);
 * R_VALUE: a result converted to the declared primitive type, its bits widened to a long. */
enum fast_result { R_UNDEFINED = 0,
                   R_NULL = 1,
                   R_BOOLEAN = 2,
                   R_NUMBER = 3,
                   R_VALUE = 4 };

#endif
