/**
 * Citizen-style questions generated from the catalog itself, the training signal of the domain
 * embedding model: each question names (part of) a procedure the way people write to the
 * portal — "hồ sơ {tên} gồm những gì", "{tên} nộp ở đâu", "lệ phí {tên}", a case drawn from the
 * procedure's own conditions or steps — with words dropped and, often, diacritics stripped.
 * Each question targets the chunk that answers it.
 *
 * Only catalog records are used: never the evaluation questions under ../shared/eval.
 */
import type { Chunk, ChunkSection } from '../../indexer/chunk.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { foldDiacritics } from '../../knowledge/language/normalize.ts';

export interface SyntheticQuery {
  text: string;
  /** Id of the chunk that answers it. */
  chunkId: string;
  code: string;
}

export type Random = () => number;

/** mulberry32: a small seeded generator, so training is reproducible. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** `{n}` is the procedure name (or an alias), `{s}` a subject ("tôi", "doanh nghiệp"). */
const TEMPLATES: Record<ChunkSection, readonly string[]> = {
  name: [
    '{n}', 'thủ tục {n}', 'làm {n} như thế nào', 'xin cho biết thủ tục {n}', 'ông bà cho biết thủ tục {n}',
    '{s} muốn {n} thì phải làm gì', 'thủ tục {n} được quy định như thế nào', '{n} cần làm những thủ tục gì',
    'hướng dẫn {n}', 'cho hỏi về việc {n}', 'muốn {n} cần thực hiện những thủ tục gì', '{s} có thể {n} không',
  ],
  documents: [
    'hồ sơ {n} gồm những gì', 'thành phần hồ sơ {n}', 'cần chuẩn bị những giấy tờ gì để {n}',
    '{n} cần giấy tờ gì', 'hồ sơ đề nghị {n} bao gồm những loại giấy tờ gì', 'mẫu đơn {n}',
    '{s} muốn {n} thì cần chuẩn bị hồ sơ gì', 'hồ sơ {n} gồm mấy bộ',
  ],
  channels: [
    'lệ phí {n}', '{n} mất bao lâu', 'thời hạn giải quyết {n}', '{n} nộp ở đâu', 'cơ quan nào có thẩm quyền {n}',
    'có thể nộp hồ sơ {n} trực tuyến không', '{n} phí bao nhiêu tiền', 'thời gian xem xét hồ sơ {n} là bao lâu',
    'cơ quan nào giải quyết {n}', 'nộp hồ sơ {n} qua bưu điện được không', 'quy định về thu phí lệ phí {n}',
    'đối tượng nào được {n}',
  ],
  steps: [
    'trình tự {n}', 'các bước {n}', '{n} được thực hiện như thế nào', 'quy trình {n} ra sao',
    'việc {n} được thực hiện như thế nào', 'cách thức {n}',
  ],
  conditions: [
    'điều kiện {n}', 'cần những điều kiện gì để {n}', '{s} có được {n} không', 'tiêu chuẩn để được {n}',
    'yêu cầu điều kiện {n} là gì', 'trường hợp nào được {n}', '{s} cần đáp ứng điều kiện gì để {n}',
  ],
  result: [
    'kết quả {n}', '{n} thì được cấp giấy gì', 'thời hạn của giấy {n}', 'sau khi {n} nhận được gì',
    'giấy tờ nhận được khi {n} có giá trị bao lâu',
  ],
};

const SUBJECTS = ['tôi', 'doanh nghiệp', 'công ty', 'cá nhân', 'tổ chức', 'gia đình tôi', 'công dân', 'hợp tác xã'];
const CASE_FRAMES = [
  '{c} thì có được {n} không', 'trường hợp {c} thì phải làm thủ tục gì', '{s} {c} vậy phải làm thế nào',
  '{c} có phải {n} không', 'nếu {c} thì cần làm gì', '{c}', 'quy định về {c}', '{c} như thế nào',
];

/** Drops parenthesised asides and a leading "Thủ tục", lower-cases. */
function baseName(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*thủ tục\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A variant of a name as people type it: a contiguous part, a dropped word or two. */
function nameVariant(procedure: Procedure, random: Random): string {
  const source = procedure.aliases.length > 0 && random() < 0.4 ? pick(random, procedure.aliases) : procedure.name;
  let words = (random() < 0.8 ? baseName(source) : source.toLowerCase()).split(' ').filter(Boolean);
  if (words.length > 5 && random() < 0.5) {
    const keep = Math.max(4, Math.ceil(words.length * (0.5 + random() * 0.5)));
    const start = random() < 0.6 ? 0 : Math.floor(random() * (words.length - keep + 1));
    words = words.slice(start, start + keep);
  }
  return dropWords(words, random, words.length > 4 ? 0.1 : 0).join(' ');
}

function dropWords(words: string[], random: Random, rate: number): string[] {
  const kept = words.filter(() => random() >= rate);
  return kept.length > 0 ? kept : words;
}

/** A short span of a chunk's body (below its name and heading lines): the "case" of a question. */
function contentSpan(chunk: Chunk, random: Random): string {
  const body = chunk.text.split('\n').slice(2).join(' ');
  const words = body.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < 3) return '';
  const length = Math.min(words.length, 4 + Math.floor(random() * 9));
  const start = Math.floor(random() * (words.length - length + 1));
  return dropWords(words.slice(start, start + length), random, 0.15).join(' ').toLowerCase();
}

function fill(template: string, name: string, random: Random, content = ''): string {
  return template
    .replace('{n}', name)
    .replace('{s}', pick(random, SUBJECTS))
    .replace('{c}', content)
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SyntheticQueryOptions {
  /** Questions per procedure and template section (the name section gets twice as many). */
  perSection?: number;
  /** Questions built from a span of the procedure's own text. */
  caseQueries?: number;
  /** Share of questions with diacritics stripped. */
  foldedShare?: number;
}

/** Fresh questions for one procedure; call again (another random state) for another epoch. */
export function syntheticQueries(
  procedure: Procedure,
  chunks: readonly Chunk[],
  random: Random,
  options: SyntheticQueryOptions = {},
): SyntheticQuery[] {
  const { perSection = 1, caseQueries = 3, foldedShare = 0.35 } = options;
  const bySection = new Map<ChunkSection, Chunk[]>();
  for (const chunk of chunks) bySection.set(chunk.section, [...(bySection.get(chunk.section) ?? []), chunk]);
  const nameChunk = bySection.get('name')?.[0] ?? chunks[0];
  if (!nameChunk) return [];
  const out: SyntheticQuery[] = [];
  const add = (text: string, chunk: Chunk) => {
    if (!text) return;
    out.push({ text: random() < foldedShare ? foldDiacritics(text) : text, chunkId: chunk.id, code: procedure.code });
  };
  for (const [section, templates] of Object.entries(TEMPLATES) as Array<[ChunkSection, readonly string[]]>) {
    const targets = bySection.get(section) ?? [nameChunk];
    const count = section === 'name' ? perSection * 2 : perSection;
    for (let i = 0; i < count; i++) {
      add(fill(pick(random, templates), nameVariant(procedure, random), random), pick(random, targets));
    }
  }
  const contentChunks = chunks.filter((chunk) => chunk.section !== 'name');
  for (let i = 0; i < caseQueries && contentChunks.length > 0; i++) {
    const chunk = pick(random, contentChunks);
    const span = contentSpan(chunk, random);
    if (!span) continue;
    // Half the cases also name the procedure (in part), as most real questions do.
    const name = random() < 0.5 ? nameVariant(procedure, random) : '';
    const frame = pick(random, CASE_FRAMES.filter((f) => f.includes('{n}') === Boolean(name)));
    add(fill(frame, name, random, span), chunk);
  }
  return out;
}
