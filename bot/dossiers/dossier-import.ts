/**
 * Bulk load of dossiers (the core of `npm run import:dossiers`): parse and validate a CSV or
 * JSONL file, upsert every valid record exactly as a push to the integration API would (history
 * kept, subscribers told of new statuses), and report what happened line by line.
 */
import { readFile } from 'node:fs/promises';
import type { DossierNotifier } from './dossier-notifier.ts';
import { DossierFileError, fileFormat, parseDossierFile, type FileRecordError } from '../../knowledge/dossiers/dossier-file.ts';
import type { DossierStore } from '../../knowledge/dossiers/dossier-store.ts';

export interface DossierImportReport {
  file: string;
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  statusChanges: number;
  notified: number;
  errors: FileRecordError[];
}

export async function importDossierFile(
  path: string,
  deps: { store: DossierStore; notifier?: DossierNotifier; onProgress?: (done: number, total: number) => void },
): Promise<DossierImportReport> {
  const format = fileFormat(path);
  if (!format) throw new DossierFileError(`unsupported file type: ${path}`, `Chỉ nhận tệp .csv hoặc .jsonl: ${path}`);
  const parsed = parseDossierFile(await readFile(path, 'utf8'), format);
  const report: DossierImportReport = {
    file: path,
    records: parsed.dossiers.length + parsed.errors.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    statusChanges: 0,
    notified: 0,
    errors: parsed.errors,
  };
  let done = 0;
  for (const { dossier } of parsed.dossiers) {
    const pushed = await deps.store.upsert(dossier);
    report[pushed.result] += 1;
    if (pushed.statusChanged) {
      report.statusChanges += 1;
      if (deps.notifier) report.notified += await deps.notifier.statusChanged(pushed.dossier);
    }
    deps.onProgress?.((done += 1), parsed.dossiers.length);
  }
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

export function formatDossierImportReport(report: DossierImportReport): string {
  const lines = [
    `Nhập hồ sơ / dossier import: ${report.file}`,
    `  bản ghi / records: ${report.records}`,
    `  thêm mới / created: ${report.created}, cập nhật / updated: ${report.updated}, không đổi / unchanged: ${report.unchanged}`,
    `  đổi trạng thái / status changes: ${report.statusChanges}, đã gửi thông báo / notifications sent: ${report.notified}`,
    `  bị từ chối / rejected: ${report.errors.length}`,
  ];
  for (const error of report.errors.slice(0, 50)) lines.push(`    dòng / line ${error.line}: ${error.field} — ${error.reason}`);
  if (report.errors.length > 50) lines.push(`    … và ${report.errors.length - 50} lỗi khác / and ${report.errors.length - 50} more`);
  return lines.join('\n');
}
