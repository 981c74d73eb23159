/**
 * Reads raw national records from: a folder of .json files (each an object or an array), a JSON
 * array file, a JSONL file, or a gzip-compressed JSONL file (.jsonl.gz / .json.gz).
 * A line (or file) that is not valid JSON is reported with its position — never dropped silently.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

export interface RecordSource {
  file: string;
  /** 1-based line number (JSONL). */
  line?: number;
  /** 0-based position in a JSON array. */
  index?: number;
}

export interface RawRecordEntry {
  record: unknown;
  source: RecordSource;
}

export interface MalformedInput {
  source: RecordSource;
  message: string;
}

export interface ReadResult {
  records: RawRecordEntry[];
  malformed: MalformedInput[];
}

export type ImportInputErrorCode = 'input_missing' | 'input_unreadable';

/** The input path cannot be used at all. Carries a citizen-readable Vietnamese message and an English one. */
export class ImportInputError extends Error {
  constructor(
    readonly code: ImportInputErrorCode,
    readonly inputPath: string,
    readonly vietnamese: string,
    english: string,
  ) {
    super(english);
    this.name = 'ImportInputError';
  }
}

export function describeSource(source: RecordSource): string {
  if (source.line !== undefined) return `${source.file}:${source.line}`;
  if (source.index !== undefined) return `${source.file}[${source.index}]`;
  return source.file;
}

export function sourceLabel(source: RecordSource): string {
  return describeSource({ ...source, file: path.basename(source.file) });
}

async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  const data = file.endsWith('.gz') ? await gunzipAsync(bytes) : bytes;
  return data.toString('utf8').replace(/^\uFEFF/u, '');
}

/**
 * Every string of a record in composed form (NFC): some records spell "môi trường" with combining
 * marks, which would neither match a citizen's words nor compare equal to the same name typed.
 */
function composed(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(composed);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, composed(item)]));
  return value;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parses the text of one file into records, whatever its layout. */
export function parseRecordsText(text: string, file: string, into: ReadResult): void {
  const trimmed = text.trim();
  if (trimmed === '') return;
  if (trimmed.startsWith('[')) {
    try {
      const items: unknown = JSON.parse(trimmed);
      if (!Array.isArray(items)) throw new Error('not an array');
      for (const [index, record] of items.entries()) into.records.push({ record: composed(record), source: { file, index } });
    } catch (error) {
      into.malformed.push({ source: { file }, message: `JSON array không hợp lệ / invalid JSON array: ${errorMessage(error)}` });
    }
    return;
  }
  // A whole file holding one (possibly pretty-printed) object.
  if (trimmed.startsWith('{') && !/\}\s*\n\s*\{/u.test(trimmed)) {
    try {
      into.records.push({ record: composed(JSON.parse(trimmed)), source: { file } });
      return;
    } catch {
      // fall through to line-by-line reading, which reports the bad lines
    }
  }
  const lines = text.split(/\r?\n/u);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      into.records.push({ record: composed(JSON.parse(line)), source: { file, line: i + 1 } });
    } catch (error) {
      into.malformed.push({ source: { file, line: i + 1 }, message: `dòng JSON không hợp lệ / malformed JSON line: ${errorMessage(error)}` });
    }
  });
}

const RECORD_FILE = /\.(?:json|jsonl|ndjson)(?:\.gz)?$/iu;

export async function readRawRecords(inputPath: string): Promise<ReadResult> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(inputPath);
  } catch {
    throw new ImportInputError(
      'input_missing',
      inputPath,
      `Không tìm thấy tệp dữ liệu: ${inputPath}`,
      `Input file not found: ${inputPath}`,
    );
  }
  const result: ReadResult = { records: [], malformed: [] };
  try {
    if (info.isDirectory()) {
      const names = (await readdir(inputPath)).filter((name) => RECORD_FILE.test(name)).sort();
      for (const name of names) {
        const file = path.join(inputPath, name);
        parseRecordsText(await readText(file), file, result);
      }
    } else {
      parseRecordsText(await readText(inputPath), inputPath, result);
    }
  } catch (error) {
    throw new ImportInputError(
      'input_unreadable',
      inputPath,
      `Không đọc được tệp dữ liệu ${inputPath}: ${errorMessage(error)}`,
      `Cannot read input ${inputPath}: ${errorMessage(error)}`,
    );
  }
  return result;
}
