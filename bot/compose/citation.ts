/**
 * Every answer ends with where it comes from: the legal basis and the procedure code
 * ("Căn cứ: Luật Hộ tịch 60/2014/QH13; Nghị định 123/2015/NĐ-CP · Mã thủ tục 1.001193").
 */
import type { LegalBasis, Procedure } from '../../knowledge/schema.ts';
import { clip, mentions } from './format.ts';

const DOCUMENT_TYPES = ['Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị quyết liên tịch', 'Nghị quyết', 'Nghị định', 'Thông tư liên tịch', 'Thông tư', 'Quyết định', 'Chỉ thị', 'Công văn'];

/** "Nghị định quy định chi tiết … / 123/2015/NĐ-CP" → "Nghị định 123/2015/NĐ-CP"; laws keep their name. */
export function shortLegalName(basis: LegalBasis): string {
  const title = basis.title.trim();
  const number = basis.number.trim();
  if (!number) return clip(title, 90);
  if (title.includes(number)) {
    const type = DOCUMENT_TYPES.find((t) => title.startsWith(t));
    return type && !title.startsWith('Luật') && !title.startsWith('Bộ luật') ? `${type} ${number}` : clip(title, 90);
  }
  const type = DOCUMENT_TYPES.find((t) => title.startsWith(t));
  if (type === 'Luật' || type === 'Bộ luật') return `${clip(title, 70)} ${number}`;
  return type ? `${type} ${number}` : `${clip(title, 60)} ${number}`;
}

export type CitationFocus = 'fee' | 'general';

/** The citation line; for fee answers the fee regulations come first. */
export function citation(procedure: Procedure, focus: CitationFocus = 'general', max = 3): string {
  const bases = [...procedure.legalBasis];
  if (focus === 'fee') bases.sort((a, b) => Number(mentions(b.title, 'phí')) - Number(mentions(a.title, 'phí')));
  const names = [...new Set(bases.map(shortLegalName))];
  const shown = names.slice(0, max);
  const more = names.length > shown.length ? ` và ${names.length - shown.length} văn bản khác` : '';
  const code = `Mã thủ tục ${procedure.code}${localSource(procedure)}`;
  return shown.length ? `Căn cứ: ${shown.join('; ')}${more} · ${code}` : code;
}

/** " · Thông tin của UBND tỉnh …, cập nhật 20/11/2026" when the province added local facts. */
function localSource(procedure: Procedure): string {
  if (!procedure.local) return '';
  const [year, month, day] = procedure.local.updatedOn.split('-');
  return ` · Thông tin của ${procedure.local.source}, cập nhật ${day}/${month}/${year}`;
}
