/** Reads a national export and converts every record: procedures to store plus the import report. */
import type { Procedure } from '../schema.ts';
import { createReportBuilder, type ImportReport } from './import-report.ts';
import { readRawRecords } from './read-records.ts';
import { todayIso, toProcedure } from './to-procedure.ts';

export interface LoadOptions {
  today?: string;
  /** Called after each record is converted (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

export interface LoadResult {
  procedures: Procedure[];
  report: ImportReport;
}

export async function loadNationalProcedures(inputPath: string, options: LoadOptions = {}): Promise<LoadResult> {
  const today = options.today ?? todayIso();
  const { records, malformed } = await readRawRecords(inputPath);
  const builder = createReportBuilder();
  for (const problem of malformed) builder.addMalformed(problem);
  // The last record of a code wins, as upsert would do anyway.
  const byCode = new Map<string, Procedure>();
  records.forEach((entry, i) => {
    const result = toProcedure(entry.record, { today });
    builder.add(result, entry.source);
    if (result.procedure) byCode.set(result.procedure.code, result.procedure);
    options.onProgress?.(i + 1, records.length);
  });
  return { procedures: [...byCode.values()], report: builder.finish() };
}
