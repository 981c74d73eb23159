/**
 * The Procedure schema: what a citizen asks about an administrative procedure (thủ tục hành chính).
 * Every fact the assistant says comes from a record that validates against this schema.
 */
import { z } from 'zod';

/** Administrative level that carries the procedure out. */
export const LevelSchema = z.enum(['bo', 'tinh', 'huyen', 'xa']);
export type Level = z.infer<typeof LevelSchema>;

export const LEVEL_LABELS: Record<Level, string> = {
  bo: 'Cấp bộ',
  tinh: 'Cấp tỉnh',
  huyen: 'Cấp huyện',
  xa: 'Cấp xã',
};

/** How a dossier may be submitted. */
export const ChannelMethodSchema = z.enum(['truc_tiep', 'truc_tuyen', 'buu_chinh']);
export type ChannelMethod = z.infer<typeof ChannelMethodSchema>;

export const CHANNEL_LABELS: Record<ChannelMethod, string> = {
  truc_tiep: 'Trực tiếp',
  truc_tuyen: 'Trực tuyến',
  buu_chinh: 'Dịch vụ bưu chính',
};

export const TimeUnitSchema = z.enum(['working_days', 'days', 'hours', 'months', 'same_day']);
export type TimeUnit = z.infer<typeof TimeUnitSchema>;

export const TIME_UNIT_LABELS: Record<TimeUnit, string> = {
  working_days: 'ngày làm việc',
  days: 'ngày',
  hours: 'giờ',
  months: 'tháng',
  same_day: 'trong ngày',
};

/** Processing time of one channel. `value` is null only for `same_day`. */
export const ProcessingTimeSchema = z
  .object({
    value: z.number().positive().nullable(),
    unit: TimeUnitSchema,
    /** Extra words from the source ("kể từ ngày nhận đủ hồ sơ hợp lệ", "trường hợp cần xác minh: …"). */
    note: z.string().optional(),
  })
  .refine((t) => (t.unit === 'same_day') === (t.value === null), {
    message: 'value must be null exactly when unit is same_day',
  });
export type ProcessingTime = z.infer<typeof ProcessingTimeSchema>;

/**
 * One fee line. `kind`:
 * - `fixed`: `amountVnd` is the amount in đồng;
 * - `free`: no fee (miễn phí / miễn lệ phí / không thu);
 * - `set_by_province`: the provincial council (HĐND tỉnh) sets it — say so, never guess a figure;
 * - `unspecified`: the source gives no usable figure — say where to check.
 */
export const FeeSchema = z
  .object({
    kind: z.enum(['fixed', 'free', 'set_by_province', 'unspecified']),
    /** "Lệ phí", "Phí", "Lệ phí cấp hộ chiếu" … */
    label: z.string().min(1),
    amountVnd: z.number().int().nonnegative().nullable(),
    /** Conditions and notes kept verbatim from the source (stale rates, cases, who pays). */
    note: z.string().optional(),
    /** Who is exempt (miễn) — plain phrases. */
    exemptions: z.array(z.string()).default([]),
    /** Where a local figure comes from (the HĐND resolution number and date); set only by the local overlay. */
    basis: z.string().min(1).optional(),
  })
  .refine((f) => (f.kind === 'fixed') === (f.amountVnd !== null), {
    message: 'amountVnd must be set exactly when kind is fixed',
  });
export type Fee = z.infer<typeof FeeSchema>;

export const SubmissionChannelSchema = z.object({
  method: ChannelMethodSchema,
  /** null when the source gives no usable time. */
  time: ProcessingTimeSchema.nullable(),
  fees: z.array(FeeSchema),
  note: z.string().optional(),
});
export type SubmissionChannel = z.infer<typeof SubmissionChannelSchema>;

export const RequiredDocumentSchema = z.object({
  name: z.string().min(1),
  /** Form code or form name (mẫu đơn, tờ khai), e.g. "TK01". */
  form: z.string().optional(),
  originals: z.number().int().nonnegative().default(0),
  copies: z.number().int().nonnegative().default(0),
  /** When this document is needed ("trường hợp …"). */
  condition: z.string().optional(),
  /** Group heading when the source groups documents ("Giấy tờ phải xuất trình"). */
  group: z.string().optional(),
});
export type RequiredDocument = z.infer<typeof RequiredDocumentSchema>;

export const LegalBasisSchema = z.object({
  title: z.string().min(1),
  /** Document number, e.g. "60/2014/QH13", "123/2015/NĐ-CP"; empty string when unknown. */
  number: z.string(),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const OnlineLevelSchema = z.enum(['toan_trinh', 'mot_phan', 'none']);
export type OnlineLevel = z.infer<typeof OnlineLevelSchema>;

export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  toan_trinh: 'Dịch vụ công trực tuyến toàn trình',
  mot_phan: 'Dịch vụ công trực tuyến một phần',
  none: 'Chưa có dịch vụ công trực tuyến',
};

/** Procedure codes look like "1.001456" or "2.000986"; bundled records may add a suffix. */
export const ProcedureCodeSchema = z.string().regex(/^[0-9]+\.[0-9]{6}(?:[.-][A-Za-z0-9]+)?$/, {
  message: 'mã thủ tục phải có dạng 1.001456',
});

/** One place to submit that the province entered: for one channel or every one (`*`). */
export const LocalPlaceSchema = z.object({
  channel: z.enum(['truc_tiep', 'truc_tuyen', 'buu_chinh', '*']),
  address: z.string().min(1).optional(),
  hours: z.string().min(1).optional(),
  phone: z.string().min(1).optional(),
});
export type LocalPlace = z.infer<typeof LocalPlaceSchema>;

/**
 * What the province running the assistant added on top of the national record (the local
 * overlay, knowledge/local/): set only by applyOverlay, so answers can say which facts are local.
 */
export const LocalFactsSchema = z.object({
  /** Who published it ("UBND tỉnh …" from LOCAL_PROVINCE_NAME, or "địa phương"). */
  source: z.string().min(1),
  /** ISO date of the latest published local change applied. */
  updatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  places: z.array(LocalPlaceSchema).default([]),
  /** The province's portal page for this procedure (http/https only). */
  onlineUrl: z.string().url().optional(),
  notes: z.array(z.string()).default([]),
  /** Channels whose processing time is the province's figure. */
  localTimes: z.array(ChannelMethodSchema).default([]),
});
export type LocalFacts = z.infer<typeof LocalFactsSchema>;

export const ProcedureSchema = z.object({
  code: ProcedureCodeSchema,
  name: z.string().min(3),
  /** How citizens say it: "làm hộ chiếu", "sổ đỏ", "bằng lái". */
  aliases: z.array(z.string()).default([]),
  levels: z.array(LevelSchema).min(1),
  sector: z.string().min(1),
  /** Cơ quan có thẩm quyền. */
  competentAgency: z.string().default(''),
  /** Cơ quan thực hiện. */
  implementingAgencies: z.array(z.string()).default([]),
  /** Where to submit (địa chỉ tiếp nhận / nơi nộp). */
  submitAt: z.array(z.string()).default([]),
  /** Đối tượng thực hiện. */
  subjects: z.array(z.string()).default([]),
  channels: z.array(SubmissionChannelSchema).default([]),
  documents: z.array(RequiredDocumentSchema).default([]),
  steps: z.array(z.string()).default([]),
  conditions: z.array(z.string()).default([]),
  result: z.array(z.string()).default([]),
  legalBasis: z.array(LegalBasisSchema).default([]),
  onlineLevel: OnlineLevelSchema.optional(),
  /** Codes of related procedures. */
  related: z.array(z.string()).default([]),
  sourceUrl: z.string().url().optional(),
  /** ISO date (YYYY-MM-DD) of the facts. */
  lastUpdated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Where the record came from (`local`: a procedure only the province has, added by its supervisors). */
  origin: z.enum(['bundled', 'national', 'local']),
  /** Caveats the assistant should pass on ("mức phí do HĐND tỉnh quy định — kiểm tra tại …"). */
  notes: z.array(z.string()).default([]),
  /** Facts the province added (local overlay); absent on national and curated records. */
  local: LocalFactsSchema.optional(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;
export type ProcedureInput = z.input<typeof ProcedureSchema>;
