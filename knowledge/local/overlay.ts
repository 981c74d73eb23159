/**
 * The local overlay: what the province running the assistant enters on top of a national or
 * curated record, one entry per procedure and channel (`*` = every channel). A field left out
 * keeps the national value; every message a province officer may see is Vietnamese.
 */
import { z } from 'zod';
import { isWebUrl } from '../web-url.ts';
import { ProcedureCodeSchema } from '../schema.ts';

export const OVERLAY_CHANNELS = ['truc_tiep', 'truc_tuyen', 'buu_chinh', '*'] as const;
export const OverlayChannelSchema = z.enum(OVERLAY_CHANNELS, { error: 'kênh phải là truc_tiep, truc_tuyen, buu_chinh hoặc *' });
export type OverlayChannel = z.infer<typeof OverlayChannelSchema>;

const text = (max: number, what: string) =>
  z.string({ error: `${what} phải là chữ` }).trim().min(1, `${what} không được để trống`).max(max, `${what} dài quá ${max} ký tự`);

/** The values a province may set; a missing key keeps the national value. */
export const OverlayFieldsSchema = z
  .object({
    /** The local fee in đồng (0 = không thu). */
    feeVnd: z
      .number({ error: 'lệ phí phải là số nguyên (đồng)' })
      .int('lệ phí phải là số nguyên (đồng), không có phần lẻ')
      .nonnegative('lệ phí không được âm')
      .max(1_000_000_000_000, 'lệ phí quá lớn')
      .optional(),
    /** "Lệ phí", "Phí thẩm định" … — which fee line the figure replaces. */
    feeLabel: text(120, 'tên khoản thu').optional(),
    /** The HĐND resolution number and date the figure comes from. */
    feeBasis: text(300, 'căn cứ mức thu').optional(),
    processingDays: z
      .number({ error: 'thời hạn phải là số ngày làm việc' })
      .int('thời hạn phải là số nguyên ngày làm việc')
      .positive('thời hạn phải lớn hơn 0')
      .max(3650, 'thời hạn quá dài')
      .optional(),
    address: text(500, 'địa chỉ').optional(),
    hours: text(300, 'giờ làm việc').optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+().\-\s/;,]{3,60}$/u, 'số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . - / ; ,')
      .optional(),
    onlineUrl: z
      .string()
      .trim()
      .max(500, 'đường dẫn dài quá 500 ký tự')
      .refine(isWebUrl, 'đường dẫn phải bắt đầu bằng http:// hoặc https://')
      .optional(),
    note: text(1000, 'ghi chú').optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.feeVnd !== undefined && f.feeBasis === undefined)
      ctx.addIssue({ code: 'custom', path: ['feeBasis'], message: 'có mức lệ phí thì phải ghi căn cứ (số, ngày nghị quyết HĐND)' });
    if (f.feeVnd === undefined && (f.feeBasis !== undefined || f.feeLabel !== undefined))
      ctx.addIssue({ code: 'custom', path: ['feeVnd'], message: 'có căn cứ hoặc tên khoản thu thì phải ghi mức lệ phí' });
  });
export type OverlayFields = z.infer<typeof OverlayFieldsSchema>;

/** `*` as a code: a commune's row that holds for every commune-level procedure (levels include `xa`). */
export const EVERY_COMMUNE_PROCEDURE = '*';

export const OverlayKeySchema = z.object({
  code: z.union([ProcedureCodeSchema, z.literal(EVERY_COMMUNE_PROCEDURE)]),
  channel: OverlayChannelSchema,
  /** The xã/phường whose one-stop shop the row describes; absent = the procedure's own row. */
  commune: z.string().min(1).optional(),
});
export type OverlayKey = z.infer<typeof OverlayKeySchema>;

/** The only values a commune's row may set: its one-stop shop. */
export const COMMUNE_FIELDS = ['address', 'hours', 'phone'] as const satisfies ReadonlyArray<keyof OverlayFields>;

const COMMUNE_KINDS = ['xa', 'phuong', 'thi tran', 'dac khu'] as const;

/**
 * A commune's name as entered: spaces collapsed, NFC, starting with its kind ("Xã", "Phường",
 * "Thị trấn", "Đặc khu") so a citizen's "xa tan thanh" finds it; null with the reason otherwise.
 */
export function checkCommuneName(raw: string): { name: string } | { error: string } {
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name.length > 100) return { error: 'tên xã/phường dài quá 100 ký tự' };
  const folded = name.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
  const kind = COMMUNE_KINDS.find((k) => folded.startsWith(`${k} `));
  if (!kind || folded.length <= kind.length + 1 || !/^[\p{L}\p{N} .'\-–]+$/u.test(name))
    return { error: 'tên xã/phường phải bắt đầu bằng Xã, Phường, Thị trấn hoặc Đặc khu rồi đến tên, ví dụ Phường Bến Nghé' };
  return { name };
}

/** One published overlay entry: the current local values for one procedure and channel. */
export interface OverlayEntry extends OverlayKey {
  fields: OverlayFields;
  version: number;
  /** When this value was published. */
  at: Date;
}

/** One commune's one-stop shop for a procedure, as answers give it. */
export interface CommuneOffice {
  commune: string;
  address?: string;
  hours?: string;
  phone?: string;
}

/** The fields' names as the import template and the console spell them. */
export const FIELD_COLUMNS: Record<keyof OverlayFields, string> = {
  feeVnd: 'fee_vnd',
  feeLabel: 'fee_label',
  feeBasis: 'fee_basis',
  processingDays: 'processing_days',
  address: 'address',
  hours: 'hours',
  phone: 'phone',
  onlineUrl: 'online_url',
  note: 'note',
};

/** True when an entry sets nothing (it is then the same as no entry). */
export function isEmptyFields(fields: OverlayFields): boolean {
  return Object.values(fields).every((value) => value === undefined);
}
