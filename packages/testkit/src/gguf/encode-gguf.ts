import {
  GGML_TYPE,
  GGUF_VALUE_TYPE,
  type GgufDocument,
  type GgufScalar,
  type GgufValue,
} from './gguf-types.js';

/**
 * Serializes a GGUF v3 file, little-endian, laid out as the spec says
 * (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md): header, metadata key/values,
 * tensor infos, padding to `general.alignment`, then tensor data. Each tensor's offset is
 * relative to the start of the data section and is the running sum of the previous tensors'
 * sizes, each padded to the alignment, in tensor-info order.
 */
export function encodeGguf(doc: GgufDocument): Uint8Array {
  const alignment = doc.alignment ?? 32;
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode('GGUF'));
  out.u32(3);
  out.u64(BigInt(doc.tensors.length));
  out.u64(BigInt(doc.metadata.length));
  for (const entry of doc.metadata) {
    out.string(entry.key);
    writeValue(out, entry.value);
  }
  let offset = 0;
  for (const tensor of doc.tensors) {
    const elements = tensor.dims.reduce((a, b) => a * b, 1);
    if (elements !== tensor.data.length) {
      throw new Error(
        `${tensor.name}: dims ${tensor.dims.join('x')} need ${elements} values, got ${tensor.data.length}`,
      );
    }
    out.string(tensor.name);
    out.u32(tensor.dims.length);
    for (const dim of tensor.dims) out.u64(BigInt(dim));
    out.u32(GGML_TYPE.F32);
    out.u64(BigInt(offset));
    offset = alignUp(offset + tensor.data.byteLength, alignment);
  }
  out.pad(alignment);
  const dataStart = out.length;
  for (const tensor of doc.tensors) {
    out.bytes(new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    out.padRelative(dataStart, alignment);
  }
  return out.finish();
}

export const alignUp = (value: number, alignment: number): number => Math.ceil(value / alignment) * alignment;

function writeValue(out: ByteWriter, value: GgufValue): void {
  out.u32(GGUF_VALUE_TYPE[value.type]);
  if (value.type !== 'array') {
    writeScalar(out, value);
    return;
  }
  out.u32(GGUF_VALUE_TYPE[value.itemType]);
  out.u64(BigInt(value.values.length));
  if (value.itemType === 'string') {
    for (const item of value.values) out.string(item);
    return;
  }
  for (const item of value.values) writeScalar(out, { type: value.itemType, value: item });
}

function writeScalar(out: ByteWriter, value: GgufScalar): void {
  switch (value.type) {
    case 'string':
      out.string(value.value);
      break;
    case 'bool':
      // The spec stores a bool as one byte, 0 or 1.
      out.view(1, (v, at) => v.setUint8(at, value.value ? 1 : 0));
      break;
    case 'uint64':
      out.u64(value.value);
      break;
    case 'int64':
      out.view(8, (v, at) => v.setBigInt64(at, value.value, true));
      break;
    default: {
      const [size, write] = NUMBER_WRITERS[value.type];
      out.view(size, (v, at) => write(v, at, value.value));
    }
  }
}

type NumberType = Extract<GgufScalar, { value: number }>['type'];

/** Byte size and little-endian setter of each numeric metadata type. */
const NUMBER_WRITERS: Record<NumberType, [number, (view: DataView, at: number, value: number) => void]> = {
  uint8: [1, (v, at, x) => v.setUint8(at, x)],
  int8: [1, (v, at, x) => v.setInt8(at, x)],
  uint16: [2, (v, at, x) => v.setUint16(at, x, true)],
  int16: [2, (v, at, x) => v.setInt16(at, x, true)],
  uint32: [4, (v, at, x) => v.setUint32(at, x, true)],
  int32: [4, (v, at, x) => v.setInt32(at, x, true)],
  float32: [4, (v, at, x) => v.setFloat32(at, x, true)],
  float64: [8, (v, at, x) => v.setFloat64(at, x, true)],
};

/** A growable little-endian byte buffer. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  private dataView = new DataView(this.buffer.buffer);
  length = 0;

  private reserve(extra: number): number {
    const at = this.length;
    if (at + extra > this.buffer.length) {
      let size = this.buffer.length * 2;
      while (size < at + extra) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buffer.subarray(0, at));
      this.buffer = next;
      this.dataView = new DataView(next.buffer);
    }
    this.length += extra;
    return at;
  }

  view(size: number, write: (view: DataView, at: number) => void): void {
    const at = this.reserve(size);
    write(this.dataView, at);
  }

  u32(value: number): void {
    this.view(4, (v, at) => v.setUint32(at, value, true));
  }

  u64(value: bigint): void {
    this.view(8, (v, at) => v.setBigUint64(at, value, true));
  }

  bytes(data: Uint8Array): void {
    const at = this.reserve(data.length); // may replace this.buffer, so before touching it
    this.buffer.set(data, at);
  }

  /** `gguf_string_t`: a u64 byte length, then UTF-8 bytes without a terminator. */
  string(value: string): void {
    const encoded = new TextEncoder().encode(value);
    this.u64(BigInt(encoded.length));
    this.bytes(encoded);
  }

  pad(alignment: number): void {
    this.reserve(alignUp(this.length, alignment) - this.length);
  }

  padRelative(start: number, alignment: number): void {
    const used = this.length - start;
    this.reserve(alignUp(used, alignment) - used);
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
