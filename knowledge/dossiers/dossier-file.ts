/**
 * Bulk dossier files for `npm run import:dossiers`: CSV (header row; RFC 4180 quoting) or JSONL
 * (one JSON object per line). Each record is validated like a push to the integration API;
 * bad records are reported by line and field, never silently dropped.
 *
 * CSV columns: code, procedureCode, procedureName, receivedAt, dueAt, status, step, agency, note,
 * applicantName, applicantPhone (also accepted: applicant.name, applicant.phone).
 * JSONL: {"code": "…", …the body of PUT /api/integration/dossiers/:code…}.
 */
import { parseDossierCode, DOSSIER_CODE_EXAMPLE } from './dossier-code.ts';
import { DossierInputError, parseDossierInput, toDossier, type Dossier } from './dossier.ts';

export interface FileRecordError {
  line: number;
  field: string;
  reason: string;
}

export interface ParsedDossierFile {
  dossiers: Array<{ line: number; dossier: Dossier }>;
  errors: FileRecordError[];
}

export class DossierFileError extends Error {
  constructor(
    message: string,
    readonly vietnamese: string,
  ) {
    super(message);
    this.name = 'DossierFileError';
  }
}

/** RFC 4180 rows with the line each starts on (quoted fields may span lines). */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i] as string;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i += 1;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
  if (quoted) throw new DossierFileError(`unterminated quoted field starting on line ${rowLine}`, `Tệp CSV lỗi: trường trong ngoặc kép chưa đóng (dòng ${rowLine}).`);
  return rows;
}

const HEADER_ALIASES: Record<string, string> = { 'applicant.name': 'applicantName', 'applicant.phone': 'applicantPhone' };

function csvRecords(text: string): Array<{ line: number; record: Record<string, unknown> }> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const columns = header.cells.map((c) => HEADER_ALIASES[c.trim()] ?? c.trim());
  for (const required of ['code', 'procedureCode', 'receivedAt', 'dueAt', 'status', 'applicantName', 'applicantPhone']) {
    if (!columns.includes(required)) {
      throw new DossierFileError(`CSV header lacks column "${required}"`, `Tệp CSV thiếu cột "${required}" ở dòng tiêu đề.`);
    }
  }
  return rows.map(({ line, cells }) => {
    const flat: Record<string, string> = {};
    for (const [i, column] of columns.entries()) flat[column] = (cells[i] ?? '').trim();
    const { applicantName, applicantPhone, ...rest } = flat;
    const record: Record<string, unknown> = { applicant: { name: applicantName, phone: applicantPhone } };
    for (const [key, value] of Object.entries(rest)) if (value !== '') record[key] = value;
    return { line, record };
  });
}

function jsonlRecords(text: string): Array<{ line: number; record: unknown }> {
  const out: Array<{ line: number; record: unknown }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      out.push({ line: i + 1, record: JSON.parse(raw) });
    } catch {
      out.push({ line: i + 1, record: Symbol.for('invalid-json') });
    }
  });
  return out;
}

/** Parses and validates a whole file; `format` from the file name (.csv or .jsonl). */
export function parseDossierFile(text: string, format: 'csv' | 'jsonl', now = new Date()): ParsedDossierFile {
  const records = format === 'csv' ? csvRecords(text) : jsonlRecords(text);
  const result: ParsedDossierFile = { dossiers: [], errors: [] };
  const seen = new Map<string, number>();
  for (const { line, record } of records) {
    if (typeof record === 'symbol') {
      result.errors.push({ line, field: 'json', reason: 'dòng không phải JSON hợp lệ' });
      continue;
    }
    const rawCode = (record as { code?: unknown } | null)?.code;
    const code = typeof rawCode === 'string' ? parseDossierCode(rawCode) : null;
    if (!code) {
      result.errors.push({ line, field: 'code', reason: `mã hồ sơ phải có dạng ${DOSSIER_CODE_EXAMPLE}` });
      continue;
    }
    try {
      const dossier = toDossier(code, parseDossierInput(record, now), now);
      const earlier = seen.get(code);
      if (earlier !== undefined) result.dossiers.splice(earlier, 1, { line, dossier }); // the later line wins
      else {
        seen.set(code, result.dossiers.length);
        result.dossiers.push({ line, dossier });
      }
    } catch (error) {
      if (!(error instanceof DossierInputError)) throw error;
      result.errors.push({ line, field: error.field, reason: error.reason });
    }
  }
  return result;
}

export function fileFormat(path: string): 'csv' | 'jsonl' | null {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return null;
}
