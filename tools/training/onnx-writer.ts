/**
 * Writes the ONNX graph of a static embedding model: one Gather over an embedding matrix,
 *
 *   input_ids int64 [batch, sequence]  ──Gather(embeddings [vocab, dims])──▶  last_hidden_state float [batch, sequence, dims]
 *
 * which transformers.js serves like any sentence-embedding model: its feature-extraction
 * pipeline mean-pools `last_hidden_state` over the attention mask and L2-normalises. A token's
 * weight in the sentence vector is therefore the norm of its row.
 *
 * The protobuf is encoded here by hand (the handful of ONNX messages this graph needs), so the
 * server can write a freshly trained model at start without a build-time dependency;
 * test/embedding-tiny-model.int.test.ts decodes the bytes with `onnx-proto` and loads them
 * through onnxruntime to check the encoding.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** ONNX TensorProto.DataType values used here. */
const FLOAT = 1;
const INT64 = 7;
const IR_VERSION = 8;
const OPSET = 13;

/** A minimal protobuf message builder: fields are appended in order, sub-messages are nested buffers. */
class ProtoMessage {
  private readonly parts: Buffer[] = [];

  private varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
    const bytes: number[] = [];
    let v = value;
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
    this.parts.push(Buffer.from(bytes));
  }

  private tag(field: number, wireType: 0 | 2): void {
    this.varint(field * 8 + wireType);
  }

  int(field: number, value: number): this {
    this.tag(field, 0);
    this.varint(value);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, 2);
    this.varint(value.byteLength);
    this.parts.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, Buffer.from(value, 'utf8'));
  }

  message(field: number, value: ProtoMessage): this {
    return this.bytes(field, value.toBuffer());
  }

  /** A packed repeated int64 field. */
  packedInts(field: number, values: number[]): this {
    const packed = new ProtoMessage();
    for (const value of values) packed.varint(value);
    return this.bytes(field, packed.toBuffer());
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** ValueInfoProto of a tensor whose dimensions are numbers (fixed) or strings (symbolic). */
function tensorValueInfo(name: string, elemType: number, shape: Array<number | string>): ProtoMessage {
  const tensorShape = new ProtoMessage();
  for (const dim of shape) {
    const dimension = new ProtoMessage();
    if (typeof dim === 'number') dimension.int(1, dim);
    else dimension.string(2, dim);
    tensorShape.message(1, dimension);
  }
  const tensorType = new ProtoMessage().int(1, elemType).message(2, tensorShape);
  const type = new ProtoMessage().message(1, tensorType);
  return new ProtoMessage().string(1, name).message(2, type);
}

export interface StaticEmbeddingGraph {
  /** Row-major [vocabSize × dims] float32 matrix. */
  weights: Float32Array;
  vocabSize: number;
  dims: number;
  /** Written into the model's doc string and metadata. */
  description?: string;
  metadata?: Record<string, string>;
}

/** Encodes the model as ONNX protobuf bytes. */
export function encodeStaticEmbeddingOnnx(graph: StaticEmbeddingGraph): Buffer {
  const { weights, vocabSize, dims } = graph;
  if (weights.length !== vocabSize * dims) {
    throw new RangeError(`weights hold ${weights.length} floats, expected ${vocabSize} × ${dims}`);
  }
  // ONNX raw_data is little-endian; copy so the bytes do not depend on the platform's order.
  const raw = Buffer.alloc(weights.length * 4);
  for (let i = 0; i < weights.length; i++) raw.writeFloatLE(weights[i]!, i * 4);

  const initializer = new ProtoMessage()
    .packedInts(1, [vocabSize, dims])
    .int(2, FLOAT)
    .string(8, 'embeddings')
    .bytes(9, raw);
  const axis = new ProtoMessage().string(1, 'axis').int(3, 0).int(20, 2 /* AttributeType.INT */);
  const gather = new ProtoMessage()
    .string(1, 'embeddings')
    .string(1, 'input_ids')
    .string(2, 'last_hidden_state')
    .string(3, 'token_embeddings')
    .string(4, 'Gather')
    .message(5, axis);
  const graphProto = new ProtoMessage()
    .message(1, gather)
    .string(2, 'static_embedding')
    .message(5, initializer)
    .message(11, tensorValueInfo('input_ids', INT64, ['batch_size', 'sequence_length']))
    .message(12, tensorValueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', dims]));

  const model = new ProtoMessage()
    .int(1, IR_VERSION)
    .string(2, 'tro-ly-thu-tuc')
    .string(3, '1')
    .string(6, graph.description ?? 'static embedding: Gather over a token embedding matrix')
    .message(7, graphProto)
    .message(8, new ProtoMessage().string(1, '').int(2, OPSET));
  for (const [key, value] of Object.entries(graph.metadata ?? {})) {
    model.message(14, new ProtoMessage().string(1, key).string(2, value));
  }
  return model.toBuffer();
}

/** Writes `<modelDir>/onnx/model.onnx` (the file transformers.js loads for dtype fp32). */
export function writeStaticEmbeddingOnnx(modelDir: string, graph: StaticEmbeddingGraph): string {
  const file = path.join(modelDir, 'onnx', 'model.onnx');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, encodeStaticEmbeddingOnnx(graph));
  return file;
}
