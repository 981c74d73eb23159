/**
 * Bulk import of the local overlay from a template file: each row is the whole local entry of its
 * (procedure, channel, commune). Rows that pass are applied together in one transaction (one new version
 * each; a row equal to what is published adds nothing); rows that fail are listed with row,
 * column and what is wrong, and change nothing — so a fixed file can simply be imported again.
 */
import { isDeepStrictEqual } from 'node:util';
import { checksumOf } from '../checksum.ts';
import type { Procedure } from '../schema.ts';
import { OverlaySheetError, readOverlaySheet, type SheetFormat, type SheetIssue } from './overlay-sheet.ts';
import type { OverlayEdit, OverlayService } from './overlay-service.ts';

export interface ImportReport {
  /** Data rows read (blank lines aside). */
  rows: number;
  applied: number;
  unchanged: number;
  /** Every problem, by row then column; rows with any problem were not applied. */
  rejected: SheetIssue[];
}

export interface ImportSource {
  /** Who imports: an officer's username, or "import:<file>" for the command. */
  author: string;
  fileName: string;
}

export function formatOf(fileName: string): SheetFormat | 'json' | null {
  const lower = fileName.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : lower.endsWith('.json') ? 'json' : null;
}

/**
 * The province's own procedures from a JSON array of whole records (the Procedure schema,
 * README "Local data"): records that pass are saved together (one version each, one re-index),
 * each failing one is reported with its position (`row`: 1 = the first record) and field path.
 */
export async function importLocalProcedures(service: OverlayService, bytes: Buffer, source: ImportSource): Promise<ImportReport> {
  let records: unknown;
  try {
    records = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new OverlaySheetError('Tệp .json không đọc được (phải là một mảng JSON các thủ tục).');
  }
  if (!Array.isArray(records)) throw new OverlaySheetError('Tệp .json phải là một mảng JSON các thủ tục ([{"code": …}, …]).');
  const rejected: SheetIssue[] = [];
  const inputs: Array<{ record: Procedure; author: string; reason: string }> = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  const current = new Map(service.localProcedures().map((p) => [p.code, checksumOf(p)]));
  records.forEach((record, index) => {
    const row = index + 1;
    const checked = service.checkProcedure(record);
    if (!checked.ok) {
      rejected.push(...checked.issues.map((issue) => ({ row, ...issue })));
      return;
    }
    const earlier = seen.get(checked.procedure.code);
    if (earlier !== undefined) {
      rejected.push({ row, column: 'code', message: `trùng mã với thủ tục thứ ${earlier}` });
      return;
    }
    seen.set(checked.procedure.code, row);
    if (current.get(checked.procedure.code) === checksumOf(checked.procedure)) unchanged += 1;
    else inputs.push({ record: checked.procedure, author: source.author, reason: `Nhập từ tệp ${source.fileName}` });
  });
  if (inputs.length) await service.saveProcedures(inputs);
  return { rows: records.length, applied: inputs.length, unchanged, rejected };
}

export async function importOverlay(service: OverlayService, bytes: Buffer, format: SheetFormat, source: ImportSource): Promise<ImportReport> {
  const sheet = await readOverlaySheet(bytes, format);
  const rejected: SheetIssue[] = [...sheet.issues];
  const edits: OverlayEdit[] = [];
  let unchanged = 0;
  for (const row of sheet.rows) {
    const checked = service.check({ code: row.code, channel: row.channel, commune: row.commune, fields: row.fields });
    if (!checked.ok) {
      rejected.push(...checked.issues.map((issue) => ({ row: row.row, ...issue })));
      continue;
    }
    const current = service.current(row.code, checked.channel, checked.commune);
    if (isDeepStrictEqual(current?.fields ?? null, checked.fields)) {
      unchanged += 1;
      continue;
    }
    edits.push({ code: row.code, channel: checked.channel, commune: checked.commune, fields: checked.fields, author: source.author, reason: row.reason ?? `Nhập từ tệp ${source.fileName}` });
  }
  if (edits.length) await service.edit(edits);
  rejected.sort((a, b) => a.row - b.row);
  const badRows = new Set(sheet.issues.map((i) => i.row));
  return { rows: sheet.rows.length + badRows.size, applied: edits.length, unchanged, rejected };
}

/** The report as an operator reads it: the counts, then one line per problem (row, column, what). */
export function formatImportReport(report: ImportReport, what: 'rows' | 'records' = 'rows'): string {
  const unit = what === 'rows' ? 'dòng' : 'thủ tục';
  const lines = [`Đã đọc ${report.rows} ${unit}: áp dụng ${report.applied}, không đổi ${report.unchanged}, lỗi ${new Set(report.rejected.map((i) => i.row)).size}.`];
  for (const issue of report.rejected) lines.push(what === 'rows' ? `  Dòng ${issue.row}, cột ${issue.column}: ${issue.message}` : `  Thủ tục thứ ${issue.row}, trường ${issue.column}: ${issue.message}`);
  return lines.join('\n');
}
