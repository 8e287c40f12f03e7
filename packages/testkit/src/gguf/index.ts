export {
  BROKEN_GGUF_KINDS,
  type BrokenGgufKind,
  buildBrokenGguf,
  UNKNOWN_ARCHITECTURE,
} from './broken-gguf.js';
export { GENERAL_CHAT_TEMPLATE } from './chat-template.js';
export { encodeGguf } from './encode-gguf.js';
export { GgufFileServer, type ServedRequest } from './file-server.js';
export {
  GGML_TYPE,
  GGUF_VALUE_TYPE,
  type GgufDocument,
  type GgufMetadataEntry,
  type GgufScalar,
  type GgufTensor,
  type GgufValue,
} from './gguf-types.js';
export { SeededRandom } from './seeded-random.js';
export {
  buildTinyGguf,
  buildTinyLlama,
  type TinyLlamaLayout,
  type TinyLlamaOptions,
  type TinyScript,
} from './tiny-llama.js';
export { buildVocabulary, TOKEN_TYPE, type Vocabulary, type VocabularyKind } from './vocabulary.js';
export { writeBrokenGguf, writeTinyGguf } from './write-file.js';
