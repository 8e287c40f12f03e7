/**
 * The pieces of the GGUF format the writer needs, as the spec names them:
 * https://github.com/ggml-org/ggml/blob/master/docs/gguf.md
 */

/** `gguf_metadata_value_type`: how each metadata value is encoded. */
export const GGUF_VALUE_TYPE = {
  uint8: 0,
  int8: 1,
  uint16: 2,
  int16: 3,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
  int64: 11,
  float64: 12,
} as const;

export type GgufScalarType = Exclude<keyof typeof GGUF_VALUE_TYPE, 'array'>;

/** A scalar metadata value; 64-bit integers are bigints so they stay exact. */
export type GgufScalar =
  | {
      type: 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';
      value: number;
    }
  | { type: 'uint64' | 'int64'; value: bigint }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string };

export type GgufValue =
  | GgufScalar
  | { type: 'array'; itemType: 'string'; values: string[] }
  | {
      type: 'array';
      itemType: 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';
      values: number[];
    };

export interface GgufMetadataEntry {
  key: string;
  value: GgufValue;
}

/** The ggml tensor types the tiny models use (`ggml_type` in ggml.h). */
export const GGML_TYPE = { F32: 0, F16: 1 } as const;

export interface GgufTensor {
  name: string;
  /** In ggml order: the first dimension is the contiguous one (`token_embd.weight` is `[n_embd, n_vocab]`). */
  dims: number[];
  /** F32 values, row by row of the first dimension. */
  data: Float32Array;
}

/** What `encodeGguf` writes: metadata in order, then tensors in order. */
export interface GgufDocument {
  metadata: GgufMetadataEntry[];
  tensors: GgufTensor[];
  /** Must match `general.alignment` when that key is present; 32 otherwise (the spec's default). */
  alignment?: number;
}

// Small constructors keep metadata tables readable.
export const u32 = (value: number): GgufScalar => ({ type: 'uint32', value });
export const i32 = (value: number): GgufScalar => ({ type: 'int32', value });
export const f32 = (value: number): GgufScalar => ({ type: 'float32', value });
export const u64 = (value: number | bigint): GgufScalar => ({ type: 'uint64', value: BigInt(value) });
export const str = (value: string): GgufScalar => ({ type: 'string', value });
export const bool = (value: boolean): GgufScalar => ({ type: 'bool', value });
export const strings = (values: string[]): GgufValue => ({ type: 'array', itemType: 'string', values });
export const f32s = (values: number[]): GgufValue => ({ type: 'array', itemType: 'float32', values });
export const i32s = (values: number[]): GgufValue => ({ type: 'array', itemType: 'int32', values });
