/** "Hồ sơ của tôi đến đâu rồi?" — ask for the dossier code, or report what the lookup found. */
import type { DossierStatus } from '../deps.ts';
import { DOSSIER_CODE_EXAMPLE } from '../intents/mentions.ts';
import { textReply, type Reply } from '../replies.ts';
import { NATIONAL_PORTAL_URL, sentence } from './format.ts';

const WHERE_TO_LOOK_UP = `Bạn cũng có thể tự tra cứu tại mục "Tra cứu hồ sơ" trên Cổng Dịch vụ công quốc gia ${NATIONAL_PORTAL_URL} hoặc Cổng Dịch vụ công của tỉnh, thành phố nơi nộp hồ sơ.`;

export function composeAskDossierCode(retry = false): Reply[] {
  const lead = retry ? 'Dạ, mã bạn nhắn chưa đúng định dạng mã hồ sơ. Bạn vui lòng nhắn lại mã hồ sơ' : 'Dạ, để tra cứu tình trạng hồ sơ, bạn vui lòng nhắn mã hồ sơ';
  return [
    textReply(
      `${lead} ghi trên giấy tiếp nhận hồ sơ và hẹn trả kết quả, có dạng ${DOSSIER_CODE_EXAMPLE} ạ. ${WHERE_TO_LOOK_UP}`,
    ),
  ];
}

/** No lookup service wired in yet: say where to look the code up. */
export function composeLookupElsewhere(code: string): Reply[] {
  return [
    textReply(
      `Dạ, em đã nhận mã hồ sơ ${code}. Hiện em chưa kết nối được hệ thống tra cứu hồ sơ, bạn vui lòng tra cứu tại mục "Tra cứu hồ sơ" trên Cổng Dịch vụ công quốc gia ${NATIONAL_PORTAL_URL} (hoặc Cổng Dịch vụ công của tỉnh, thành phố nơi nộp hồ sơ) bằng mã này ạ.`,
    ),
  ];
}

export function composeDossierStatus(status: DossierStatus): Reply[] {
  const lines = [`Dạ, hồ sơ ${status.code}${status.procedureName ? ` (${status.procedureName})` : ''}: ${sentence(status.status)}`];
  if (status.dueDate) lines.push(`Hẹn trả kết quả: ${status.dueDate.split('-').reverse().join('/')}.`);
  if (status.note) lines.push(sentence(status.note));
  return [textReply(lines.join('\n'))];
}

export function composeDossierNotFound(code: string): Reply[] {
  return [
    textReply(
      `Dạ, em không tìm thấy hồ sơ có mã ${code}. Bạn kiểm tra lại mã trên giấy tiếp nhận hồ sơ (dạng ${DOSSIER_CODE_EXAMPLE}) giúp em ạ. ${WHERE_TO_LOOK_UP}`,
    ),
  ];
}
