/**
 * Parse rates of one import and the list of what could not be parsed.
 *
 * A channel row's time (fee) counts as parsed when its cell was understood: a value was read,
 * or the portal itself states there is no information ("Không có thông tin", "Không quy định").
 * The stricter "known" rates count only rows with a concrete time / a fee kind of
 * fixed, free or set_by_province.
 */
import type { FeeStatus } from './parse-fees.ts';
import type { TimeStatus } from './parse-channels.ts';
import type { ImportIssue, ToProcedureResult } from './to-procedure.ts';
import { sourceLabel, type MalformedInput, type RecordSource } from './read-records.ts';

export interface ImportReport {
  records: number;
  imported: number;
  rejected: { source: string; code: string; reasons: string[] }[];
  malformed: { source: string; message: string }[];
  channelRows: number;
  timeStatus: Record<TimeStatus, number>;
  feeStatus: Record<FeeStatus, number>;
  /** Rates in 0..1. */
  rates: {
    timeParsed: number;
    timeKnown: number;
    feeParsed: number;
    feeKnown: number;
    timeAndFeeParsed: number;
    withDocuments: number;
    withLegalBasis: number;
  };
  /** Records whose field could not be (fully) parsed. */
  issues: ImportIssue[];
  duplicates: string[];
}

export interface ReportBuilder {
  add(result: ToProcedureResult, source: RecordSource): void;
  addMalformed(problem: MalformedInput): void;
  finish(): ImportReport;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function createReportBuilder(): ReportBuilder {
  let records = 0;
  let imported = 0;
  let withDocuments = 0;
  let withLegalBasis = 0;
  let rows = 0;
  let timeParsed = 0;
  let timeKnown = 0;
  let feeParsed = 0;
  let feeKnown = 0;
  let both = 0;
  const timeStatus: Record<TimeStatus, number> = { parsed: 0, unit_inferred: 0, from_description: 0, absent: 0, unparsed: 0 };
  const feeStatus: Record<FeeStatus, number> = { parsed: 0, absent: 0, unparsed: 0 };
  const rejected: ImportReport['rejected'] = [];
  const malformed: ImportReport['malformed'] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];

  return {
    add(result, source) {
      records += 1;
      issues.push(...result.issues);
      if (!result.procedure) {
        rejected.push({
          source: sourceLabel(source),
          code: result.issues[0]?.code ?? '?',
          reasons: result.issues.map((i) => `${i.field}: ${i.message}`),
        });
        return;
      }
      imported += 1;
      const { procedure, stats } = result;
      if (seen.has(procedure.code)) duplicates.push(procedure.code);
      seen.add(procedure.code);
      if (stats.documents > 0) withDocuments += 1;
      if (stats.legalBasis > 0) withLegalBasis += 1;
      stats.channelRows.forEach((row, i) => {
        rows += 1;
        timeStatus[row.timeStatus] += 1;
        feeStatus[row.feeStatus] += 1;
        const timeOk = row.timeStatus !== 'unparsed';
        const feeOk = row.feeStatus !== 'unparsed';
        if (timeOk) timeParsed += 1;
        if (feeOk) feeParsed += 1;
        if (timeOk && feeOk) both += 1;
        const channel = procedure.channels[i];
        if (channel?.time) timeKnown += 1;
        if (channel?.fees.some((f) => f.kind !== 'unspecified')) feeKnown += 1;
      });
    },
    addMalformed(problem) {
      malformed.push({ source: sourceLabel(problem.source), message: problem.message });
    },
    finish() {
      return {
        records,
        imported,
        rejected,
        malformed,
        channelRows: rows,
        timeStatus,
        feeStatus,
        rates: {
          timeParsed: ratio(timeParsed, rows),
          timeKnown: ratio(timeKnown, rows),
          feeParsed: ratio(feeParsed, rows),
          feeKnown: ratio(feeKnown, rows),
          timeAndFeeParsed: ratio(both, rows),
          withDocuments: ratio(withDocuments, imported),
          withLegalBasis: ratio(withLegalBasis, imported),
        },
        issues,
        duplicates,
      };
    },
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Plain-text report; `maxIssues` limits the list of unparsed fields (the counts are always complete). */
export function formatReport(report: ImportReport, maxIssues = 30): string {
  const r = report.rates;
  const t = report.timeStatus;
  const f = report.feeStatus;
  const byField = new Map<string, number>();
  for (const issue of report.issues) byField.set(issue.field, (byField.get(issue.field) ?? 0) + 1);
  const lines = [
    `Nhập thủ tục quốc gia / national import: ${report.imported}/${report.records} bản ghi nhập được / records imported`,
    `  Dòng JSON hỏng / malformed input: ${report.malformed.length}; bị loại / rejected: ${report.rejected.length}; mã trùng / duplicate codes: ${report.duplicates.length}`,
    `Hình thức nộp / channel rows: ${report.channelRows}`,
    `  thời gian đọc được / time parsed:        ${percent(r.timeParsed)} (có số cụ thể / concrete: ${percent(r.timeKnown)})`,
    `    parsed ${t.parsed}, unit inferred ${t.unit_inferred}, from description ${t.from_description}, portal says none ${t.absent}, unparsed ${t.unparsed}`,
    `  phí đọc được / fee parsed:               ${percent(r.feeParsed)} (fixed/free/HĐND: ${percent(r.feeKnown)})`,
    `    parsed ${f.parsed}, portal says none ${f.absent}, unparsed ${f.unparsed}`,
    `  cả thời gian và phí / time and fee:      ${percent(r.timeAndFeeParsed)}`,
    `Thành phần hồ sơ tách được / documents split: ${percent(r.withDocuments)}`,
    `Căn cứ pháp lý / legal basis:                ${percent(r.withLegalBasis)}`,
    `Vấn đề theo trường / issues by field: ${[...byField].map(([field, n]) => `${field} ${n}`).join(', ') || 'none'}`,
  ];
  const listed = [
    ...report.malformed.map((m) => `  ${m.source}: ${m.message}`),
    ...report.rejected.map((x) => `  ${x.source} (${x.code}) bị loại / rejected: ${x.reasons.join('; ')}`),
    ...report.issues.map((i) => `  ${i.code} ${i.field}: ${i.message}`),
  ];
  if (listed.length) {
    lines.push(`Chưa đọc được / not parsed (${listed.length}):`, ...listed.slice(0, maxIssues));
    if (listed.length > maxIssues) lines.push(`  … và ${listed.length - maxIssues} mục khác / more`);
  }
  return lines.join('\n');
}
