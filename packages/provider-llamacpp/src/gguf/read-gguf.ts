import { open } from 'node:fs/promises';

/**
 * Reads a GGUF file's header, metadata and tensor infos (not the tensor data), so the host can
 * list models and reject bad files before a worker process is started. Layout per the spec:
 * https://github.com/ggml-org/ggml/blob/master/docs/gguf.md
 */

export type GgufTypeName =
  | 'uint8'
  | 'int8'
  | 'uint16'
  | 'int16'
  | 'uint32'
  | 'int32'
  | 'float32'
  | 'bool'
  | 'string'
  | 'array'
  | 'uint64'
  | 'int64'
  | 'float64';

const TYPE_NAMES: readonly GgufTypeName[] = [
  'uint8',
  'int8',
  'uint16',
  'int16',
  'uint32',
  'int32',
  'float32',
  'bool',
  'string',
  'array',
  'uint64',
  'int64',
  'float64',
];

export type GgufScalarValue = number | bigint | boolean | string;

export type GgufEntry =
  | { type: Exclude<GgufTypeName, 'array'>; value: GgufScalarValue }
  /** Arrays keep their values only where the host needs them (the token list, short arrays). */
  | { type: 'array'; itemType: GgufTypeName; length: number; values?: GgufScalarValue[] };

export interface GgufTensorInfo {
  name: string;
  dims: number[];
  ggmlType: number;
  offset: number;
}

export interface GgufHeader {
  version: number;
  metadata: Map<string, GgufEntry>;
  tensors: GgufTensorInfo[];
  /** Absolute file offset where tensor data starts. */
  dataOffset: number;
  alignment: number;
  fileSize: number;
}

export type GgufFormatProblem = 'not-gguf' | 'truncated' | 'malformed' | 'unsupported-version';

export class GgufFormatError extends Error {
  constructor(
    readonly problem: GgufFormatProblem,
    message: string,
  ) {
    super(message);
    this.name = 'GgufFormatError';
  }
}

/** Arrays kept in full: the vocabulary (checked for duplicates), and anything short. */
const KEPT_ARRAYS = new Set(['tokenizer.ggml.tokens']);
const SHORT_ARRAY = 64;
// Bounds that keep a garbage file from making the reader allocate gigabytes.
const MAX_STRING_BYTES = 64 * 2 ** 20;
const MAX_COUNT = 2 ** 31;
const GGML_MAX_DIMS = 4;

export async function readGgufHeader(path: string): Promise<GgufHeader> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const reader = new ChunkedReader(
      (buffer, position) => handle.read(buffer, 0, buffer.length, position).then((r) => r.bytesRead),
      size,
    );
    const magic = await reader.bytes(4);
    if (new TextDecoder().decode(magic) !== 'GGUF') {
      throw new GgufFormatError('not-gguf', 'The file does not start with the GGUF magic bytes');
    }
    const version = await reader.u32();
    if (version < 2 || version > 3) {
      throw new GgufFormatError(
        'unsupported-version',
        `GGUF version ${version} is not supported (2 and 3 are)`,
      );
    }
    const tensorCount = await reader.count();
    const kvCount = await reader.count();
    const metadata = new Map<string, GgufEntry>();
    for (let i = 0; i < kvCount; i++) {
      const key = await reader.string();
      metadata.set(key, await readEntry(reader, key));
    }
    const tensors: GgufTensorInfo[] = [];
    for (let i = 0; i < tensorCount; i++) {
      const name = await reader.string();
      const nDims = await reader.u32();
      if (nDims > GGML_MAX_DIMS)
        throw new GgufFormatError('malformed', `Tensor ${name} has ${nDims} dimensions`);
      const dims: number[] = [];
      for (let d = 0; d < nDims; d++) dims.push(await reader.count());
      const ggmlType = await reader.u32();
      const offset = await reader.count();
      tensors.push({ name, dims, ggmlType, offset });
    }
    const alignmentEntry = metadata.get('general.alignment');
    const alignment =
      alignmentEntry?.type === 'uint32' &&
      typeof alignmentEntry.value === 'number' &&
      alignmentEntry.value > 0
        ? alignmentEntry.value
        : 32;
    const dataOffset = Math.ceil(reader.position / alignment) * alignment;
    return { version, metadata, tensors, dataOffset, alignment, fileSize: size };
  } finally {
    await handle.close();
  }
}

async function readEntry(reader: ChunkedReader, key: string): Promise<GgufEntry> {
  const type = typeName(await reader.u32());
  if (type !== 'array') return { type, value: await readScalar(reader, type) };
  const itemType = typeName(await reader.u32());
  if (itemType === 'array') throw new GgufFormatError('malformed', `Metadata ${key} is an array of arrays`);
  const length = await reader.count();
  const itemSize = FIXED_SIZES[itemType];
  // A string takes at least its 8-byte length; a garbage count fails here, not after a long loop.
  if (length * (itemSize ?? 8) > reader.remaining) {
    throw new GgufFormatError('truncated', `Metadata ${key} holds more items than the file has bytes`);
  }
  const keep = KEPT_ARRAYS.has(key) || length <= SHORT_ARRAY;
  if (!keep && itemSize !== undefined) {
    reader.skip(length * itemSize);
    return { type, itemType, length };
  }
  const values: GgufScalarValue[] = [];
  for (let i = 0; i < length; i++) {
    const value = await readScalar(reader, itemType);
    if (keep) values.push(value);
  }
  return keep ? { type, itemType, length, values } : { type, itemType, length };
}

const FIXED_SIZES: Partial<Record<GgufTypeName, number>> = {
  uint8: 1,
  int8: 1,
  bool: 1,
  uint16: 2,
  int16: 2,
  uint32: 4,
  int32: 4,
  float32: 4,
  uint64: 8,
  int64: 8,
  float64: 8,
};

function typeName(id: number): GgufTypeName {
  const name = TYPE_NAMES[id];
  if (name === undefined) throw new GgufFormatError('malformed', `Unknown metadata value type ${id}`);
  return name;
}

async function readScalar(
  reader: ChunkedReader,
  type: Exclude<GgufTypeName, 'array'>,
): Promise<GgufScalarValue> {
  switch (type) {
    case 'uint8':
      return (await reader.view(1)).getUint8(0);
    case 'int8':
      return (await reader.view(1)).getInt8(0);
    case 'uint16':
      return (await reader.view(2)).getUint16(0, true);
    case 'int16':
      return (await reader.view(2)).getInt16(0, true);
    case 'uint32':
      return reader.u32();
    case 'int32':
      return (await reader.view(4)).getInt32(0, true);
    case 'float32':
      return (await reader.view(4)).getFloat32(0, true);
    case 'bool':
      return (await reader.view(1)).getUint8(0) !== 0;
    case 'string':
      return reader.string();
    case 'uint64':
      return (await reader.view(8)).getBigUint64(0, true);
    case 'int64':
      return (await reader.view(8)).getBigInt64(0, true);
    case 'float64':
      return (await reader.view(8)).getFloat64(0, true);
  }
}

/** Sequential little-endian reads over a file, 1 MB at a time. */
class ChunkedReader {
  private buffer = new Uint8Array(0);
  private start = 0;
  position = 0;

  constructor(
    private readonly readAt: (buffer: Uint8Array, position: number) => Promise<number>,
    private readonly size: number,
  ) {}

  async bytes(length: number): Promise<Uint8Array> {
    if (this.position + length > this.size) {
      throw new GgufFormatError('truncated', 'The file ends in the middle of its header (it is truncated)');
    }
    const end = this.start + this.buffer.length;
    if (this.position < this.start || this.position + length > end) {
      const chunk = new Uint8Array(Math.max(length, 2 ** 20));
      const read = await this.readAt(chunk, this.position);
      this.buffer = chunk.subarray(0, read);
      this.start = this.position;
      if (read < length) throw new GgufFormatError('truncated', 'The file ends in the middle of its header');
    }
    const offset = this.position - this.start;
    this.position += length;
    return this.buffer.subarray(offset, offset + length);
  }

  get remaining(): number {
    return this.size - this.position;
  }

  skip(length: number): void {
    if (length > this.remaining)
      throw new GgufFormatError('truncated', 'The file ends in the middle of its header');
    this.position += length;
  }

  async view(length: number): Promise<DataView> {
    const bytes = await this.bytes(length);
    return new DataView(bytes.buffer, bytes.byteOffset, length);
  }

  async u32(): Promise<number> {
    return (await this.view(4)).getUint32(0, true);
  }

  /** A u64 count or offset, which must fit a safe integer. */
  async count(): Promise<number> {
    const value = (await this.view(8)).getBigUint64(0, true);
    if (value > BigInt(MAX_COUNT) * 2n ** 20n) {
      throw new GgufFormatError(
        'malformed',
        `A count or offset in the header is implausibly large (${value})`,
      );
    }
    return Number(value);
  }

  async string(): Promise<string> {
    const length = await this.count();
    if (length > MAX_STRING_BYTES)
      throw new GgufFormatError('malformed', `A string of ${length} bytes in the header`);
    return new TextDecoder().decode(await this.bytes(length));
  }
}
