// @ts-nocheck
// Node's own types that index.d.ts names: Node's when @types/node is in the program (every Node
// project that uses streams or Buffers has it), `any` without it. The package's typings do not
// reference @types/node themselves: loading it is most of what tsc spends on a small program
// (~2 s of a 2.6 s one-liner), and a program that uses neither streams nor Buffers needs none of it.
// The pragma above keeps a missing 'stream' module from being an error here.
type NodeReadableType = import('stream').Readable;
type NodeWritableType = import('stream').Writable;
type NodeBufferType = Buffer;
export type NodeReadable = NodeReadableType;
export type NodeWritable = NodeWritableType;
export type NodeBuffer = NodeBufferType;
