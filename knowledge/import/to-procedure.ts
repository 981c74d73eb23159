/**
 * One raw national record → a validated Procedure plus the issues met on the way.
 * A field that cannot be parsed is reported (record code + field name) and left at its
 * default; the record is only refused when its code or name is invalid.
 */
import { ProcedureSchema, type Procedure, type ProcedureInput } from '../schema.ts';
import type { FeeStatus } from './parse-fees.ts';
import { parseChannels, type TimeStatus } from './parse-channels.ts';
import { parseDocuments } from './parse-documents.ts';
import { parseLegalBasis } from './parse-legal-basis.ts';
import {
  isEmptyValue,
  parseAddresses,
  parseConditions,
  parseLevels,
  parseRelated,
  parseResults,
  parseSteps,
  splitList,
} from './parse-misc.ts';
import { RawRecordSchema, type RawRecord } from './raw-record.ts';
import { isWebUrl } from '../web-url.ts';

export interface ImportIssue {
  code: string;
  field: string;
  message: string;
}

export interface RecordStats {
  channelRows: { timeStatus: TimeStatus; feeStatus: FeeStatus }[];
  documents: number;
  legalBasis: number;
}

export interface ToProcedureResult {
  procedure: Procedure | null;
  issues: ImportIssue[];
  stats: RecordStats;
}

export interface ToProcedureOptions {
  /** ISO date used for lastUpdated and to tell stale fee rates; defaults to today. */
  today?: string;
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** "áp dụng đến hết ngày 31/12/2023" in a note, when that day is before `today`. */
function expiredUntil(note: string, today: string): string | null {
  const match = /đến (?:hết )?(?:ngày )?(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(note);
  if (!match) return null;
  const iso = `${match[3]}-${(match[2] ?? '').padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  return iso < today ? `${match[1]}/${match[2]}/${match[3]}` : null;
}

const isUrl = isWebUrl;

export function toProcedure(input: unknown, options: ToProcedureOptions = {}): ToProcedureResult {
  const today = options.today ?? todayIso();
  const stats: RecordStats = { channelRows: [], documents: 0, legalBasis: 0 };
  const parsedRaw = RawRecordSchema.safeParse(input);
  if (!parsedRaw.success) {
    return { procedure: null, issues: [{ code: '?', field: '(record)', message: 'bản ghi không phải đối tượng JSON hợp lệ / not a record object' }], stats };
  }
  const raw: RawRecord = parsedRaw.data;
  const code = raw.ma_thu_tuc.trim();
  const issues: ImportIssue[] = [];
  const report = (field: string, message: string) => issues.push({ code: code || '?', field, message });
  const notes: string[] = [];
  const note = (text: string) => {
    if (!notes.includes(text)) notes.push(text);
  };

  // Levels ("Cơ quan khác" alone has no level in our schema: keep it as a note, assume the central level).
  const { levels, others } = parseLevels(raw.cap_thuc_hien);
  if (others.length) note(`Cấp thực hiện theo Cổng Dịch vụ công: ${raw.cap_thuc_hien.trim()}`);
  if (levels.length === 0) {
    levels.push('bo');
    report('cap_thuc_hien', `không xác định được cấp thực hiện từ "${raw.cap_thuc_hien}"; tạm ghi cấp bộ`);
  }

  // Channels.
  const channels = parseChannels(raw.cach_thuc_thuc_hien);
  if (channels.leftover) report('cach_thuc_thuc_hien', `phần không thuộc hình thức nộp nào: "${channels.leftover.slice(0, 120)}"`);
  if (channels.rows.length === 0 && !isEmptyValue(raw.cach_thuc_thuc_hien.replace(/^Hình thức nộpThời gianPhí, lệ phíMô tả/u, ''))) {
    report('cach_thuc_thuc_hien', 'không tách được hình thức nộp nào');
  }
  for (const row of channels.rows) {
    stats.channelRows.push({ timeStatus: row.timeStatus, feeStatus: row.feeStatus });
    for (const problem of row.problems) report('cach_thuc_thuc_hien', `${row.channel.method}: ${problem}`);
    for (const fee of row.channel.fees) {
      if (fee.kind === 'set_by_province') note('Mức phí, lệ phí do Hội đồng nhân dân tỉnh quyết định — kiểm tra tại địa phương nơi nộp hồ sơ.');
      const until = fee.note ? expiredUntil(fee.note, today) : null;
      if (until) note(`Ghi chú phí có mức "áp dụng đến ${until}" (đã qua) — kiểm tra mức phí hiện hành.`);
    }
  }

  // Documents.
  const documents = parseDocuments(raw.thanh_phan_ho_so);
  stats.documents = documents.documents.length;
  if (documents.documents.length === 0 && !isEmptyValue(raw.thanh_phan_ho_so)) {
    report('thanh_phan_ho_so', 'không tách được giấy tờ nào');
  }
  if (documents.leftover) report('thanh_phan_ho_so', `đoạn cuối không có số lượng: "${documents.leftover.slice(0, 120)}"`);

  // Legal basis.
  const legal = parseLegalBasis(raw.can_cu_phap_ly);
  stats.legalBasis = legal.items.length;
  if (legal.leftover) report('can_cu_phap_ly', `văn bản không có số hiệu: "${legal.leftover.slice(0, 120)}"`);

  const related = parseRelated(raw.thu_tuc_lien_quan);
  for (const name of related.names) note(`Thủ tục liên quan: ${name}`);
  if (!isEmptyValue(raw.co_quan_duoc_uy_quyen)) note(`Cơ quan được ủy quyền: ${raw.co_quan_duoc_uy_quyen.trim()}`);
  if (!isEmptyValue(raw.co_quan_phoi_hop)) note(`Cơ quan phối hợp: ${raw.co_quan_phoi_hop.trim()}`);
  if (!isEmptyValue(raw.so_quyet_dinh)) note(`Quyết định công bố: ${raw.so_quyet_dinh.trim()}`);

  if (raw.linh_vuc.trim() === '') report('linh_vuc', 'thiếu lĩnh vực; ghi "Khác"');
  const sourceUrl = raw.detail_url.trim();
  if (sourceUrl && !isUrl(sourceUrl)) report('detail_url', `địa chỉ không hợp lệ: "${sourceUrl}"`);

  const candidate: ProcedureInput = {
    code,
    name: nameWithoutOwnCode(raw.ten_thu_tuc, code),
    levels,
    sector: raw.linh_vuc.trim() || 'Khác',
    competentAgency: isEmptyValue(raw.co_quan_co_tham_quyen) ? '' : raw.co_quan_co_tham_quyen.trim(),
    implementingAgencies: splitList(raw.co_quan_thuc_hien),
    submitAt: parseAddresses(raw.dia_chi_tiep_nhan),
    subjects: splitList(raw.doi_tuong_thuc_hien),
    channels: channels.rows.map((row) => row.channel),
    documents: documents.documents,
    steps: parseSteps(raw.trinh_tu_thuc_hien),
    conditions: parseConditions(raw.yeu_cau_dieu_kien),
    result: parseResults(raw.ket_qua_xu_ly),
    legalBasis: legal.items,
    related: related.codes.filter((c) => c !== code),
    ...(sourceUrl && isUrl(sourceUrl) ? { sourceUrl } : {}),
    lastUpdated: today,
    origin: 'national',
    notes,
  };
  return { procedure: validate(candidate, code, report), issues, stats };
}

const REQUIRED: (keyof ProcedureInput)[] = ['code', 'name', 'lastUpdated', 'origin'];

/** Validates; a failing optional field is reported and reset to its default, then validation is retried. */
function validate(candidate: ProcedureInput, code: string, report: (field: string, message: string) => void): Procedure | null {
  const working: Record<string, unknown> = { ...candidate };
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const parsed = ProcedureSchema.safeParse(working);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '(record)');
      report(field, `không hợp lệ (${issue.path.join('.')}): ${issue.message}`);
      if (REQUIRED.includes(field as keyof ProcedureInput) || field === '(record)') return null;
      const [, index, part] = issue.path;
      const channels = working.channels;
      if (field === 'channels' && part === 'time' && typeof index === 'number' && Array.isArray(channels)) {
        channels[index] = { ...channels[index], time: null };
      } else if (field === 'levels') working.levels = ['bo'];
      else if (field === 'sector') working.sector = 'Khác';
      else delete working[field];
    }
  }
  report('(record)', `không hợp lệ sau nhiều lần sửa: ${code}`);
  return null;
}

/** Some records write their own code into the name ("Cấp giấy phép môi trường (cấp Tỉnh) ( 1.010727 )"): it is not part of it. */
export function nameWithoutOwnCode(name: string, code: string): string {
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return name.replace(new RegExp(`\\s*\\(\\s*${escaped}\\s*\\)`, 'g'), '').trim() || name.trim();
}
