/** The frame every procedure answer shares: "Dạ, …" body, then the citation. */
import type { Procedure } from '../../knowledge/schema.ts';
import { citation, type CitationFocus } from './citation.ts';

export function withCitation(body: string, procedure: Procedure, focus: CitationFocus = 'general'): string {
  return `${body.trim()}\n\n${citation(procedure, focus)}`;
}

/** Where to read the full record: its source page, else the national portal. */
export function whereToCheck(procedure: Procedure): string {
  return procedure.sourceUrl
    ? `trang thủ tục trên Cổng Dịch vụ công quốc gia (${procedure.sourceUrl})`
    : 'Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn)';
}
