/**
 * The bundled catalog: curated, citizen-level records of the procedures people ask about most.
 * `loadBundledCatalog()` validates every record against `ProcedureSchema` and refuses duplicates,
 * so a bad edit fails at start-up (and in test/catalog.test.ts), never in front of a citizen.
 */
import { CataloguedError, type ErrorText } from '../catalogued-error.ts';
import { ProcedureSchema, type Procedure, type ProcedureInput } from '../schema.ts';
import { anSinhProcedures } from './an-sinh.ts';
import { anToanThucPhamProcedures } from './an-toan-thuc-pham.ts';
import { canCuocProcedures } from './can-cuoc.ts';
import { cuTruProcedures } from './cu-tru.ts';
import { datDaiXayDungProcedures } from './dat-dai-xay-dung.ts';
import { doanhNghiepProcedures } from './doanh-nghiep.ts';
import { giaoThongProcedures } from './giao-thong.ts';
import { hoTichKhacProcedures } from './ho-tich-khac.ts';
import { hoTichProcedures } from './ho-tich.ts';
import { tuPhapProcedures } from './tu-phap.ts';
import { xuatNhapCanhProcedures } from './xuat-nhap-canh.ts';

/** Every bundled record as written, before validation. */
export const BUNDLED_PROCEDURE_INPUTS: readonly ProcedureInput[] = [
  ...hoTichProcedures,
  ...hoTichKhacProcedures,
  ...tuPhapProcedures,
  ...xuatNhapCanhProcedures,
  ...canCuocProcedures,
  ...cuTruProcedures,
  ...giaoThongProcedures,
  ...doanhNghiepProcedures,
  ...anToanThucPhamProcedures,
  ...datDaiXayDungProcedures,
  ...anSinhProcedures,
];

export const CATALOG_ERRORS = {
  catalog_invalid_record: {
    vi: 'Một thủ tục trong danh mục có sẵn không hợp lệ.',
    en: 'a bundled catalog record does not match ProcedureSchema',
  },
  catalog_duplicate_code: {
    vi: 'Danh mục có sẵn có hai thủ tục trùng mã.',
    en: 'two bundled catalog records share a procedure code',
  },
} as const satisfies Record<string, ErrorText>;

export type CatalogErrorCode = keyof typeof CATALOG_ERRORS;

export class CatalogError extends CataloguedError<CatalogErrorCode> {
  constructor(code: CatalogErrorCode, /** Record code and field paths. */ detail: string) {
    super('CatalogError', code, CATALOG_ERRORS[code], detail);
  }
}

/** Validates one record; the error names the record and every failing field path. */
export function parseBundledProcedure(input: ProcedureInput, index: number): Procedure {
  const parsed = ProcedureSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const label = typeof input.code === 'string' && input.code ? input.code : `#${index}`;
  const issues = parsed.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(record)'}: ${issue.message}`)
    .join('; ');
  throw new CatalogError('catalog_invalid_record', `record ${label} — ${issues}`);
}

/** Validates a list of records and rejects duplicate codes. */
export function validateCatalog(inputs: readonly ProcedureInput[]): Procedure[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const procedure = parseBundledProcedure(input, index);
    if (seen.has(procedure.code)) {
      throw new CatalogError('catalog_duplicate_code', `code ${procedure.code} appears more than once`);
    }
    seen.add(procedure.code);
    return procedure;
  });
}

/** The bundled catalog, validated. Throws `CatalogError` naming the record and field on failure. */
export function loadBundledCatalog(): Procedure[] {
  return validateCatalog(BUNDLED_PROCEDURE_INPUTS);
}
