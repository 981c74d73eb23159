/**
 * Splits a procedure into the passages the dense index embeds, one section at a time:
 * name (+ aliases), documents, channels (how/where to submit, time, fee), steps, conditions,
 * result. Every chunk keeps the procedure code so a hit cites its procedure, and starts with
 * the procedure name so a question that mixes name and detail ("lệ phí cấp hộ chiếu") lands on
 * the right section of the right procedure. Long sections are cut at item boundaries into
 * windows of at most `maxSyllables`.
 */
import {
  CHANNEL_LABELS,
  TIME_UNIT_LABELS,
  type Fee,
  type Procedure,
  type ProcessingTime,
  type RequiredDocument,
  type SubmissionChannel,
} from '../knowledge/schema.ts';

export const CHUNK_SECTIONS = ['name', 'documents', 'channels', 'steps', 'conditions', 'result'] as const;
export type ChunkSection = (typeof CHUNK_SECTIONS)[number];

/** Bump when chunk text changes, so the index rebuilds every procedure. */
export const CHUNKER_VERSION = 1;

export interface Chunk {
  /** `<code>#<section>` or `<code>#<section>.<n>` for the n-th window of a long section. */
  id: string;
  code: string;
  section: ChunkSection;
  text: string;
}

export interface ChunkOptions {
  /** Longest window, in syllables (words separated by spaces), before a section is cut. */
  maxSyllables?: number;
}

const HEADINGS: Record<ChunkSection, string> = {
  name: 'Thủ tục',
  documents: 'Thành phần hồ sơ',
  channels: 'Cách thức thực hiện, thời hạn giải quyết, phí, lệ phí, nơi nộp',
  steps: 'Trình tự thực hiện',
  conditions: 'Yêu cầu, điều kiện',
  result: 'Kết quả',
};

function formatAmount(vnd: number): string {
  return `${vnd.toLocaleString('de-DE')} đồng`;
}

function describeFee(fee: Fee): string {
  const amount =
    fee.kind === 'fixed' && fee.amountVnd !== null
      ? fee.amountVnd === 0
        ? 'miễn phí'
        : formatAmount(fee.amountVnd)
      : fee.kind === 'free'
        ? 'miễn phí'
        : fee.kind === 'set_by_province'
          ? 'do Hội đồng nhân dân tỉnh quy định'
          : 'chưa có thông tin';
  const exemptions = fee.exemptions.length > 0 ? ` miễn cho: ${fee.exemptions.join('; ')}` : '';
  return [`${fee.label}: ${amount}`, fee.note, exemptions].filter(Boolean).join(' ');
}

function describeTime(time: ProcessingTime | null): string {
  if (!time) return '';
  const amount = time.unit === 'same_day' ? TIME_UNIT_LABELS.same_day : `${time.value} ${TIME_UNIT_LABELS[time.unit]}`;
  return `thời hạn ${amount}${time.note ? ` ${time.note}` : ''}`;
}

function describeChannel(channel: SubmissionChannel): string {
  const fees = channel.fees.map(describeFee).join('; ');
  return [`Nộp ${CHANNEL_LABELS[channel.method].toLowerCase()}`, describeTime(channel.time), fees, channel.note]
    .filter(Boolean)
    .join(', ');
}

function describeDocument(document: RequiredDocument): string {
  const counts = [
    document.originals > 0 ? `${document.originals} bản chính` : '',
    document.copies > 0 ? `${document.copies} bản sao` : '',
  ].filter(Boolean);
  return [
    document.group ? `${document.group}:` : '',
    document.name,
    document.form ? `(mẫu ${document.form})` : '',
    counts.join(', '),
    document.condition ? `— ${document.condition}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The items of each section, before windowing. */
function sectionItems(procedure: Procedure): Record<ChunkSection, string[]> {
  return {
    name: [procedure.name, ...procedure.aliases],
    documents: procedure.documents.map(describeDocument),
    channels: [
      ...procedure.channels.map(describeChannel),
      ...(procedure.submitAt.length > 0 ? [`Nơi nộp: ${procedure.submitAt.join('; ')}`] : []),
      ...(procedure.competentAgency ? [`Cơ quan có thẩm quyền: ${procedure.competentAgency}`] : []),
      ...(procedure.implementingAgencies.length > 0
        ? [`Cơ quan thực hiện: ${procedure.implementingAgencies.join('; ')}`]
        : []),
      ...(procedure.subjects.length > 0 ? [`Đối tượng thực hiện: ${procedure.subjects.join('; ')}`] : []),
    ],
    steps: procedure.steps,
    conditions: procedure.conditions,
    result: procedure.result,
  };
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Cuts one over-long item at sentence ends, then at word boundaries. */
function splitItem(item: string, maxSyllables: number): string[] {
  if (wordCount(item) <= maxSyllables) return [item];
  const pieces: string[] = [];
  let current: string[] = [];
  for (const word of item.split(/\s+/).filter(Boolean)) {
    current.push(word);
    const sentenceEnd = /[.;:!?]$/.test(word) && current.length >= maxSyllables * 0.6;
    if (current.length >= maxSyllables || sentenceEnd) {
      pieces.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) pieces.push(current.join(' '));
  return pieces;
}

/** Packs items into windows of at most `maxSyllables` words. */
function windows(items: string[], maxSyllables: number): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const piece of items.flatMap((item) => splitItem(item.trim(), maxSyllables))) {
    if (!piece) continue;
    const length = wordCount(piece);
    if (size > 0 && size + length > maxSyllables) {
      out.push(current.join('\n'));
      current = [];
      size = 0;
    }
    current.push(piece);
    size += length;
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

export function chunkProcedure(procedure: Procedure, options: ChunkOptions = {}): Chunk[] {
  const maxSyllables = options.maxSyllables ?? 160;
  const items = sectionItems(procedure);
  const chunks: Chunk[] = [];
  for (const section of CHUNK_SECTIONS) {
    if (section === 'name') {
      chunks.push({
        id: `${procedure.code}#name`,
        code: procedure.code,
        section,
        text: [procedure.name, ...procedure.aliases].join('\n'),
      });
      continue;
    }
    const parts = windows(items[section], maxSyllables);
    parts.forEach((part, index) => {
      chunks.push({
        id: parts.length === 1 ? `${procedure.code}#${section}` : `${procedure.code}#${section}.${index + 1}`,
        code: procedure.code,
        section,
        text: `${procedure.name}\n${HEADINGS[section]}:\n${part}`,
      });
    });
  }
  return chunks;
}
