/**
 * The bot core's error catalog: stable codes, a developer message, and a plain Vietnamese
 * message for citizens. A failure of a dependency (retriever, dossier lookup) is converted into
 * a BotError where it arrives, and the turn answers with the Vietnamese message — a channel
 * never sees a throw from `handleTurn`.
 */
export const BOT_ERRORS = {
  retriever_failed: {
    dev: 'procedure retriever failed',
    vi: 'Dạ, em xin lỗi, hệ thống tra cứu thủ tục đang tạm gián đoạn nên em chưa trả lời được. Bạn vui lòng thử lại sau ít phút, hoặc bấm "Gặp cán bộ" để được hỗ trợ ạ.',
  },
  dossier_lookup_failed: {
    dev: 'dossier lookup failed',
    vi: 'Dạ, em xin lỗi, hệ thống tra cứu hồ sơ đang tạm gián đoạn. Bạn vui lòng thử lại sau, hoặc tra cứu trên Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn ạ.',
  },
  dossier_source_busy: {
    dev: 'dossier source unavailable (down, timing out or answering nonsense)',
    vi: 'Dạ, em xin lỗi, hệ thống tra cứu hồ sơ đang bận nên em chưa tra cứu được. Bạn vui lòng thử lại sau ít phút, hoặc tra cứu trên Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn ạ.',
  },
  dossier_rate_limited: {
    dev: 'too many dossier lookups from this conversation or client',
    vi: 'Dạ, bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Để bảo vệ thông tin hồ sơ, bạn vui lòng thử lại sau ít phút ạ.',
  },
  procedure_missing: {
    dev: 'procedure code not in the catalog',
    vi: 'Dạ, em không tìm thấy thủ tục này trong dữ liệu hiện có. Bạn vui lòng nêu lại tên thủ tục giúp em ạ.',
  },
  middleware_next_twice: {
    dev: 'a middleware called next() more than once',
    vi: 'Dạ, em xin lỗi, hệ thống đang gặp sự cố. Bạn vui lòng thử lại sau ít phút ạ.',
  },
  internal: {
    dev: 'unexpected failure in the bot core',
    vi: 'Dạ, em xin lỗi, hệ thống đang gặp sự cố nên em chưa trả lời được. Bạn vui lòng thử lại sau ít phút, hoặc bấm "Gặp cán bộ" để được hỗ trợ ạ.',
  },
} as const satisfies Record<string, { dev: string; vi: string }>;

export type BotErrorCode = keyof typeof BOT_ERRORS;

export class BotError extends Error {
  readonly userMessage: string;
  constructor(
    readonly code: BotErrorCode,
    /** Extra developer detail; never personal data. */
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${BOT_ERRORS[code].dev}: ${detail}` : BOT_ERRORS[code].dev, options);
    this.name = 'BotError';
    this.userMessage = BOT_ERRORS[code].vi;
  }
}

/** Any thrown value as a BotError (unknown failures become `internal`). */
export function toBotError(error: unknown, fallback: BotErrorCode = 'internal'): BotError {
  if (error instanceof BotError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new BotError(fallback, detail, { cause: error });
}
