/**
 * Writes a Hugging-Face `tokenizer.json` + `tokenizer_config.json` for a WordPiece vocabulary,
 * the files transformers.js reads next to `onnx/model.onnx`.
 *
 * Two pre-tokenisers:
 * - `bert`: BERT's own (lowercase, split on whitespace and punctuation) — the tiny test model;
 * - `whitespace`: split on whitespace only, no normaliser — the domain model, whose text is
 *   pre-analysed into tokens such as `dang_ky` (see analyzer.ts) that BERT's pre-tokeniser would
 *   break at the underscore.
 *
 * No `##` continuation pieces are written, so an unknown word maps to `[UNK]` as a whole.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

export interface WordPieceTokenizerOptions {
  preTokenizer: 'bert' | 'whitespace';
  /** Truncation length transformers.js applies (`model_max_length`). */
  maxLength: number;
}

/** The full vocabulary as written: the special tokens first (ids 0–4), then `words` in order. */
export function vocabularyWithSpecials(words: readonly string[]): string[] {
  const specials = new Set<string>(SPECIAL_TOKENS);
  return [...SPECIAL_TOKENS, ...words.filter((word) => !specials.has(word))];
}

export function writeWordPieceTokenizer(
  modelDir: string,
  words: readonly string[],
  options: WordPieceTokenizerOptions,
): string[] {
  const vocabulary = vocabularyWithSpecials(words);
  const ids: Record<string, number> = {};
  vocabulary.forEach((token, id) => {
    if (/\s/.test(token) || token.length === 0) throw new Error(`token ${JSON.stringify(token)} contains whitespace`);
    if (token in ids) throw new Error(`duplicate token ${JSON.stringify(token)}`);
    ids[token] = id;
  });
  const idOf = (token: string) => ids[token]!;
  const special = (token: string) => ({
    id: idOf(token),
    content: token,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer:
      options.preTokenizer === 'bert'
        ? { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true }
        : null,
    pre_tokenizer: { type: options.preTokenizer === 'bert' ? 'BertPreTokenizer' : 'WhitespaceSplit' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [idOf('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [idOf('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: ids,
    },
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: options.preTokenizer === 'bert',
    model_max_length: options.maxLength,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
    clean_up_tokenization_spaces: true,
  };
  mkdirSync(modelDir, { recursive: true });
  writeFileSync(path.join(modelDir, 'tokenizer.json'), JSON.stringify(tokenizer));
  writeFileSync(path.join(modelDir, 'tokenizer_config.json'), `${JSON.stringify(tokenizerConfig, null, 2)}\n`);
  return vocabulary;
}

/** A BERT-style `config.json`: transformers.js picks the encoder class from `model_type`. */
export function writeEncoderConfig(modelDir: string, fields: { dims: number; vocabSize: number; maxLength: number }): void {
  const config = {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: fields.dims,
    vocab_size: fields.vocabSize,
    max_position_embeddings: fields.maxLength,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    pad_token_id: 0,
  };
  mkdirSync(modelDir, { recursive: true });
  writeFileSync(path.join(modelDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
}
