/**
 * A deliberately separate, minimal GGUF reader for the writer's tests: it follows the spec
 * (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md) on its own, so the writer is not
 * checked against itself.
 */
export type ReadValue = { type: number; value: unknown };

export interface ReadTensor {
  name: string;
  dims: number[];
  type: number;
  offset: number;
}

export interface ReadGguf {
  magic: string;
  version: number;
  metadata: Map<string, ReadValue>;
  tensors: ReadTensor[];
  dataStart: number;
  bytes: Uint8Array;
}

export function readGguf(bytes: Uint8Array): ReadGguf {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const u32 = () => {
    const value = view.getUint32(at, true);
    at += 4;
    return value;
  };
  const u64 = () => {
    const value = Number(view.getBigUint64(at, true));
    at += 8;
    return value;
  };
  const string = () => {
    const length = u64();
    const value = new TextDecoder().decode(bytes.subarray(at, at + length));
    at += length;
    return value;
  };
  const scalar = (type: number): unknown => {
    switch (type) {
      case 4:
        return u32();
      case 5: {
        const value = view.getInt32(at, true);
        at += 4;
        return value;
      }
      case 6: {
        const value = view.getFloat32(at, true);
        at += 4;
        return value;
      }
      case 7:
        return view.getUint8(at++) === 1;
      case 8:
        return string();
      case 10: {
        const value = view.getBigUint64(at, true);
        at += 8;
        return value;
      }
      default:
        throw new Error(`read-back does not handle value type ${type}`);
    }
  };
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  at = 4;
  const version = u32();
  const tensorCount = u64();
  const kvCount = u64();
  const metadata = new Map<string, ReadValue>();
  for (let i = 0; i < kvCount; i++) {
    const key = string();
    const type = u32();
    if (type === 9) {
      const itemType = u32();
      const length = u64();
      const items: unknown[] = [];
      for (let j = 0; j < length; j++) items.push(scalar(itemType));
      metadata.set(key, { type: 9, value: { itemType, items } });
    } else {
      metadata.set(key, { type, value: scalar(type) });
    }
  }
  const tensors: ReadTensor[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = string();
    const nDims = u32();
    const dims: number[] = [];
    for (let d = 0; d < nDims; d++) dims.push(u64());
    tensors.push({ name, dims, type: u32(), offset: u64() });
  }
  const alignment = (metadata.get('general.alignment')?.value as number | undefined) ?? 32;
  const dataStart = Math.ceil(at / alignment) * alignment;
  return { magic, version, metadata, tensors, dataStart, bytes };
}

export function arrayItems(file: ReadGguf, key: string): unknown[] {
  const entry = file.metadata.get(key);
  if (entry?.type !== 9) throw new Error(`${key} is not an array`);
  return (entry.value as { items: unknown[] }).items;
}

/** An F32 tensor's values, read from the data section at its offset. */
export function tensorData(file: ReadGguf, name: string): Float32Array {
  const tensor = file.tensors.find((t) => t.name === name);
  if (!tensor) throw new Error(`no tensor ${name}`);
  const count = tensor.dims.reduce((a, b) => a * b, 1);
  const start = file.bytes.byteOffset + file.dataStart + tensor.offset;
  return new Float32Array(file.bytes.buffer.slice(start, start + count * 4));
}
