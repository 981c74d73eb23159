/**
 * The indexer's error catalog: stable codes, a plain Vietnamese message for operators and
 * citizens' support staff, and an English message for developers. Thrown at start-up when the
 * model or the index cannot be used as configured — never swallowed into an empty result.
 */
import { CataloguedError, type ErrorText } from '../knowledge/catalogued-error.ts';

export const INDEX_ERRORS = {
  model_missing: {
    vi: 'Không tìm thấy mô hình nhúng (embedding) trong thư mục đã cấu hình.',
    en: 'embedding model folder is missing or incomplete',
  },
  model_invalid: {
    vi: 'Mô hình nhúng không dùng được (tệp cấu hình hoặc tệp ONNX hỏng).',
    en: 'embedding model cannot be loaded',
  },
  index_missing: {
    vi: 'Chưa có chỉ mục tìm kiếm. Hãy chạy "npm run index" hoặc khởi động lại máy chủ để xây chỉ mục.',
    en: 'vector index is missing; run `npm run index`',
  },
  index_corrupt: {
    vi: 'Chỉ mục tìm kiếm bị hỏng. Hãy xoá thư mục chỉ mục và chạy lại "npm run index".',
    en: 'vector index or its manifest is corrupt',
  },
  index_model_mismatch: {
    vi: 'Chỉ mục tìm kiếm được xây bằng một mô hình nhúng khác với mô hình đang cấu hình. Hãy chạy lại "npm run index".',
    en: 'vector index was built with a different embedding model than the configured one',
  },
  index_dims_mismatch: {
    vi: 'Số chiều véc-tơ của chỉ mục không khớp với mô hình nhúng đang cấu hình. Hãy chạy lại "npm run index".',
    en: 'vector index dimensions do not match the embedding model',
  },
} as const satisfies Record<string, ErrorText>;

export type IndexErrorCode = keyof typeof INDEX_ERRORS;

export class IndexError extends CataloguedError<IndexErrorCode> {
  constructor(code: IndexErrorCode, detail?: string) {
    super('IndexError', code, INDEX_ERRORS[code], detail);
  }
}
