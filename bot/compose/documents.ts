/** "Cần giấy tờ gì?" — the documents, grouped as the source groups them, with counts and forms. */
import type { Procedure, RequiredDocument } from '../../knowledge/schema.ts';
import { textReply, type Reply } from '../replies.ts';
import { whereToCheck, withCitation } from './answer.ts';
import { quoteName, sentence } from './format.ts';

/** "1 bản chính và 1 bản sao" */
export function countPhrase(doc: RequiredDocument): string {
  const parts: string[] = [];
  if (doc.originals > 0) parts.push(`${doc.originals} bản chính`);
  if (doc.copies > 0) parts.push(`${doc.copies} bản sao`);
  return parts.join(' và ');
}

export function documentLine(doc: RequiredDocument): string {
  let line = doc.name.trim();
  if (doc.form && !line.toLowerCase().includes(doc.form.toLowerCase())) line += ` (mẫu: ${doc.form})`;
  const count = countPhrase(doc);
  if (count) line += `: ${count}`;
  line = sentence(line);
  if (doc.condition) line += ` ${sentence(doc.condition)}`;
  return line;
}

export function composeDocuments(procedure: Procedure): Reply[] {
  const name = quoteName(procedure.name);
  if (procedure.documents.length === 0) {
    return [
      textReply(
        withCitation(
          `Dạ, dữ liệu thủ tục ${name} hiện chưa ghi thành phần hồ sơ. Bạn xem thêm tại ${whereToCheck(procedure)} hoặc hỏi nơi tiếp nhận hồ sơ ạ.`,
          procedure,
        ),
      ),
    ];
  }
  const groups = new Map<string, RequiredDocument[]>();
  for (const doc of procedure.documents) {
    const key = doc.group?.trim() ?? '';
    groups.set(key, [...(groups.get(key) ?? []), doc]);
  }
  const sections: string[] = [];
  for (const [group, docs] of groups) {
    const lines = docs.map((doc, i) => `${i + 1}. ${documentLine(doc)}`).join('\n');
    sections.push(group ? `${group}:\n${lines}` : lines);
  }
  const body = `Dạ, hồ sơ thủ tục ${name} gồm:\n${sections.join('\n\n')}`;
  return [textReply(withCitation(body, procedure))];
}
