/**
 * A lexical index saved to a file and loaded back instead of analysing every procedure again at
 * start-up (`npm run catalog:index` writes the one shipped beside the national catalog). It is
 * used only when it matches exactly: the same indexed text of the same procedures in the same
 * order (the `inputs` fingerprint, which covers the learned `asked` phrasings) and the same
 * analysis code and vocabulary (the `code` fingerprint). Anything else — missing, corrupt,
 * stale — gives a reason and the caller builds the index as before.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Procedure } from '../../knowledge/schema.ts';
import { AcronymTable } from './acronyms.ts';
import { Bm25Index, type Bm25Data } from './bm25-index.ts';
import { LEXICAL_FIELDS, learnedPhrasings, procedureFields, type PhrasingsOf } from './fields.ts';
import { DEFAULT_LEXICAL_TUNING, LexicalScorer, type LexicalTuning } from './lexical-scorer.ts';

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** Bumped when the file layout or its encoding changes (this module is not in the code fingerprint). */
export const PREBUILT_FORMAT = 1;
export const PREBUILT_LEXICAL_FILE = 'lexical-index.bin.gz';

/** The modules whose code decides what the index holds (not how it scores); their relative imports are followed. */
const CODE_ROOTS = ['bm25-index.ts', 'acronyms.ts', 'fields.ts'].map((file) => path.join(import.meta.dirname, file));
/** Data the analysis reads by path rather than by import. */
const VOCABULARY_DIR = path.resolve(import.meta.dirname, '../../knowledge/language/vocabulary');

/**
 * The fingerprint of the indexing code: every module reached from CODE_ROOTS by relative
 * value imports, the vocabulary files, and the Unicode version (normalisation, \p{L}).
 */
export function codeFingerprint(): string {
  const hash = createHash('sha256').update(`format ${PREBUILT_FORMAT}\nunicode ${process.versions.unicode}\n`);
  const seen = new Set<string>();
  const pending = [...CODE_ROOTS];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm)) pending.push(path.resolve(path.dirname(file), match[1]!));
  }
  const root = path.resolve(import.meta.dirname, '../..');
  const files = [...seen, ...readdirSync(VOCABULARY_DIR).filter((name) => name.endsWith('.json')).map((name) => path.join(VOCABULARY_DIR, name))].sort();
  for (const file of files) hash.update(`${path.relative(root, file)}\n`).update(readFileSync(file)).update('\n');
  return hash.digest('hex');
}

/** The fingerprint of what the index reads: every indexed field of every procedure, in order. */
export function inputsFingerprint(procedures: readonly Procedure[], phrasingsOf: PhrasingsOf = learnedPhrasings): string {
  const hash = createHash('sha256').update(`${procedures.length}\n`);
  for (const procedure of procedures) {
    const fields = procedureFields(procedure, phrasingsOf);
    for (const field of LEXICAL_FIELDS) hash.update(fields[field]).update('\u0000');
    // Name terms read the name and the aliases one by one (the aliases field joins them).
    hash.update(JSON.stringify([procedure.name, procedure.aliases])).update('\u0001');
  }
  return hash.digest('hex');
}

const SECTIONS = ['terms', 'df', 'start', 'docs', 'fields', 'counts', 'lengths', 'nameStart', 'nameIds'] as const;
type SectionName = (typeof SECTIONS)[number];

const HeaderSchema = z.object({
  format: z.literal(PREBUILT_FORMAT),
  code: z.string(),
  inputs: z.string(),
  docs: z.number().int().nonnegative(),
  fieldCount: z.number().int().positive(),
  /** Terms with postings; name-only terms follow them in the terms section. */
  postingTerms: z.number().int().nonnegative(),
  acronyms: z.array(z.tuple([z.string(), z.string()])),
  sections: z.array(z.object({ name: z.enum(SECTIONS), width: z.union([z.literal(1), z.literal(2), z.literal(4)]), count: z.number().int().nonnegative() })),
});
type Header = z.infer<typeof HeaderSchema>;

/** Unsigned integers in the narrowest little-endian width that holds them. */
function pack(values: ArrayLike<number>): { width: 1 | 2 | 4; bytes: Buffer } {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const array = width === 1 ? Uint8Array.from(values) : width === 2 ? Uint16Array.from(values) : Uint32Array.from(values);
  return { width, bytes: Buffer.from(array.buffer, array.byteOffset, array.byteLength) };
}

function unpack(bytes: Buffer, width: 1 | 2 | 4, count: number): Uint32Array {
  const copy = new Uint8Array(count * width);
  copy.set(bytes.subarray(0, count * width));
  return Uint32Array.from(width === 1 ? copy : width === 2 ? new Uint16Array(copy.buffer) : new Uint32Array(copy.buffer));
}

/** The scorer's index as a file: gzip of [header length (u32 LE)][header JSON][sections]. */
export function encodePrebuiltLexical(scorer: LexicalScorer, fingerprints: { code: string; inputs: string }): Buffer {
  const gz = gzipSync(payloadOf(scorer, fingerprints), { level: 9 });
  gz.writeUInt32LE(0, 4); // no mtime: the same index always gives the same bytes
  return gz;
}

/** Writes the index of `procedures` (with `phrasingsOf`, default the shipped ones) held by `scorer` to `file` (compressed off the event loop). */
export async function savePrebuiltLexical(file: string, scorer: LexicalScorer, procedures: readonly Procedure[], phrasingsOf?: PhrasingsOf): Promise<number> {
  const gz = await gzipAsync(payloadOf(scorer, { code: codeFingerprint(), inputs: inputsFingerprint(procedures, phrasingsOf) }));
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside, then renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}-${randomUUID()}.partial`;
  await writeFile(partial, gz);
  await rename(partial, file);
  return gz.length;
}

function payloadOf(scorer: LexicalScorer, fingerprints: { code: string; inputs: string }): Buffer {
  const data = scorer.index.data;
  const ids = new Map<string, number>();
  for (const [t, term] of data.terms.entries()) ids.set(term, t);
  const allTerms = [...data.terms];
  const nameIds: number[] = [];
  const nameStart = [0];
  for (const terms of data.nameTerms) {
    for (const term of terms) {
      let id = ids.get(term);
      if (id === undefined) ids.set(term, (id = allTerms.push(term) - 1));
      nameIds.push(id);
    }
    nameStart.push(nameIds.length);
  }
  if (allTerms.some((term) => term.includes('\n'))) throw new Error('an indexed term holds a line break');
  // Each term's documents as gaps from the previous posting (0 for the same document's next field): smaller, and gzip likes them.
  const gaps = new Uint32Array(data.docs.length);
  for (let t = 0; t < data.terms.length; t++) {
    let previous = 0;
    for (let i = data.start[t]!; i < data.start[t + 1]!; i++) {
      gaps[i] = data.docs[i]! - previous;
      previous = data.docs[i]!;
    }
  }
  const values: Record<Exclude<SectionName, 'terms'>, ArrayLike<number>> = {
    df: data.df, start: data.start, docs: gaps, fields: data.fields, counts: data.counts, lengths: data.lengths, nameStart, nameIds,
  };
  const parts: Buffer[] = [];
  const sections: Header['sections'] = [];
  const termBytes = Buffer.from(allTerms.join('\n'), 'utf8');
  sections.push({ name: 'terms', width: 1, count: termBytes.length });
  parts.push(termBytes);
  for (const name of SECTIONS.slice(1) as Exclude<SectionName, 'terms'>[]) {
    const { width, bytes } = pack(values[name]);
    sections.push({ name, width, count: values[name].length });
    parts.push(bytes);
  }
  const header: Header = {
    format: PREBUILT_FORMAT,
    ...fingerprints,
    docs: scorer.index.size,
    fieldCount: LEXICAL_FIELDS.length,
    postingTerms: data.terms.length,
    acronyms: scorer.acronyms.entries(),
    sections,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  return Buffer.concat([length, headerBytes, ...parts]);
}

export type PrebuiltLoad = { scorer: LexicalScorer } | { reason: string };

export interface PrebuiltLoadOptions {
  tuning?: LexicalTuning;
  phrasingsOf?: PhrasingsOf;
  /** Computed once by the caller when it checks several files; default computed here. */
  code?: string;
}

/** Why the file's data is not a consistent index of `docs` documents, or undefined when it is. */
function checkData(data: Bm25Data, docs: number, fieldCount: number, termCount: number): string | undefined {
  const { start, docs: postingDocs, fields, df, lengths, nameTerms } = data;
  if (start.length !== data.terms.length + 1 || df.length !== data.terms.length) return 'term tables of unequal length';
  if (start[data.terms.length] !== postingDocs.length || fields.length !== postingDocs.length || data.counts.length !== postingDocs.length) return 'posting tables of unequal length';
  for (let t = 0; t < data.terms.length; t++) if (start[t]! > start[t + 1]!) return `postings of term ${t} out of order`;
  for (let i = 0; i < postingDocs.length; i++) if (postingDocs[i]! >= docs || fields[i]! >= fieldCount) return `posting ${i} outside the index`;
  if (lengths.length !== docs * fieldCount || nameTerms.length !== docs) return 'document tables of the wrong length';
  return termCount < data.terms.length ? 'fewer terms than postings' : undefined;
}

/** Loads the prebuilt index in `file` for `procedures`, or says why it cannot be used. */
export async function loadPrebuiltLexical(file: string, procedures: readonly Procedure[], options: PrebuiltLoadOptions = {}): Promise<PrebuiltLoad> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    return { reason: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  let bytes: Buffer;
  let header: Header;
  try {
    bytes = await gunzipAsync(raw);
    const length = bytes.readUInt32LE(0);
    const parsed = HeaderSchema.safeParse(JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')));
    if (!parsed.success) return { reason: `corrupt ${file}: header ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` };
    header = parsed.data;
    bytes = bytes.subarray(4 + length);
  } catch (error) {
    return { reason: `corrupt ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (header.fieldCount !== LEXICAL_FIELDS.length) return { reason: `stale ${file}: ${header.fieldCount} fields, the index now has ${LEXICAL_FIELDS.length}` };
  if (header.code !== (options.code ?? codeFingerprint())) return { reason: `stale ${file}: the indexing code or vocabulary changed since it was built (npm run catalog:index)` };
  if (header.docs !== procedures.length) return { reason: `stale ${file}: built for ${header.docs} procedures, the catalog has ${procedures.length}` };
  if (header.inputs !== inputsFingerprint(procedures, options.phrasingsOf)) return { reason: `stale ${file}: built for other procedures or phrasings than the catalog's (npm run catalog:index)` };

  const section: Partial<Record<SectionName, Uint32Array>> = {};
  let termText = '';
  let at = 0;
  for (const { name, width, count } of header.sections) {
    const size = count * width;
    if (at + size > bytes.length) return { reason: `corrupt ${file}: section ${name} runs past the end` };
    if (name === 'terms') termText = bytes.subarray(at, at + size).toString('utf8');
    else section[name] = unpack(bytes.subarray(at), width, count);
    at += size;
  }
  if (at !== bytes.length) return { reason: `corrupt ${file}: ${bytes.length - at} bytes after the last section` };
  const { df, start, docs: gaps, fields, counts, lengths, nameStart, nameIds } = section;
  if (!df || !start || !gaps || !fields || !counts || !lengths || !nameStart || !nameIds) return { reason: `corrupt ${file}: a section is missing` };
  const allTerms = termText === '' ? [] : termText.split('\n');
  const docs = gaps;
  for (let t = 0; t + 1 < start.length; t++) {
    let previous = 0;
    for (let i = start[t]!; i < start[t + 1]! && i < docs.length; i++) previous = docs[i] = previous + gaps[i]!;
  }
  const nameTerms: string[][] = [];
  for (let doc = 0; doc + 1 < nameStart.length; doc++) {
    const terms: string[] = [];
    for (let i = nameStart[doc]!; i < nameStart[doc + 1]!; i++) {
      const term = allTerms[nameIds[i]!];
      if (term === undefined) return { reason: `corrupt ${file}: name term ${nameIds[i]} is not in the term table` };
      terms.push(term);
    }
    nameTerms.push(terms);
  }
  const data: Bm25Data = { terms: allTerms.slice(0, header.postingTerms), df, start, docs, fields: Uint8Array.from(fields), counts, lengths, nameTerms };
  const problem = checkData(data, header.docs, header.fieldCount, allTerms.length);
  if (problem) return { reason: `corrupt ${file}: ${problem}` };
  const bm25 = new Bm25Index(procedures, options.phrasingsOf ? { phrasingsOf: options.phrasingsOf } : {}, data);
  const acronyms = new AcronymTable(procedures, header.acronyms);
  return { scorer: new LexicalScorer(procedures, options.tuning ?? { ...DEFAULT_LEXICAL_TUNING }, bm25, acronyms) };
}

/** Builds the index of `procedures` (with the learned phrasings) and encodes it as a file. */
export function prebuildLexical(procedures: readonly Procedure[]): { bytes: Buffer; scorer: LexicalScorer } {
  const scorer = new LexicalScorer(procedures);
  return { scorer, bytes: encodePrebuiltLexical(scorer, { code: codeFingerprint(), inputs: inputsFingerprint(procedures) }) };
}
