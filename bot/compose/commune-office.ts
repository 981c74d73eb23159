/**
 * Where a commune-level procedure is done for one citizen: the one-stop shop of their xã/phường
 * as the province entered it (address, hours, phone, with the source), or the question which
 * xã/phường they live in — with the communes as quick replies when there are few.
 */
import type { CommuneOffice } from '../../knowledge/local/overlay.ts';
import type { CommuneOffices } from '../../knowledge/local/commune-offices.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { quickRepliesReply, textReply, type Reply } from '../replies.ts';
import { quoteName } from './format.ts';

/** At most this many communes are offered as buttons; with more, the citizen types theirs. */
export const MAX_COMMUNE_CHOICES = 4;

function sourceLine(offices: CommuneOffices): string {
  const [year, month, day] = offices.updatedOn.split('-');
  return `(Theo thông tin của ${offices.source}, cập nhật ${day}/${month}/${year}.)`;
}

function officeLines(office: CommuneOffice): string[] {
  return [
    office.address && `• Địa chỉ: ${office.address}`,
    office.hours && `• Giờ làm việc: ${office.hours}`,
    office.phone && `• Điện thoại: ${office.phone}`,
  ].filter((line): line is string => Boolean(line));
}

/** "Dạ, bạn ở Phường Bến Nghé: thủ tục “…” nộp trực tiếp tại bộ phận một cửa …" */
export function composeCommuneOffice(procedure: Procedure, offices: CommuneOffices, office: CommuneOffice): Reply {
  return textReply(
    [`Dạ, bạn ở ${office.commune}: thủ tục ${quoteName(procedure.name)} nộp trực tiếp tại Bộ phận một cửa của ${office.commune}.`, ...officeLines(office), sourceLine(offices)].join('\n'),
  );
}

/** The citizen's commune has no one-stop shop entered for this procedure. */
export function composeNoOfficeFor(procedure: Procedure, commune: string): Reply {
  return textReply(
    `Dạ, thủ tục ${quoteName(procedure.name)} làm tại Bộ phận một cửa của UBND xã/phường nơi bạn cư trú; em chưa có địa chỉ, giờ làm việc của ${commune} — bạn xem thông tin chung bên dưới hoặc hỏi trực tiếp UBND ${commune} ạ.`,
  );
}

/** "Bạn ở xã/phường nào?" — buttons when the communes are few, else "gõ tên". */
export function composeAskCommune(procedure: Procedure, offices: CommuneOffices): Reply {
  const lead = `Dạ, thủ tục ${quoteName(procedure.name)} làm tại Bộ phận một cửa của UBND xã/phường nơi bạn cư trú.`;
  if (offices.offices.length <= MAX_COMMUNE_CHOICES)
    return quickRepliesReply(
      `${lead} Bạn ở xã/phường nào để em cho địa chỉ, giờ làm việc và điện thoại ạ?`,
      offices.offices.map((o) => ({ label: o.commune, payload: o.commune })),
    );
  const example = offices.offices[0]!.commune;
  return textReply(`${lead} Bạn ở xã/phường nào? Bạn gõ tên xã/phường (ví dụ: ${example}) để em cho địa chỉ, giờ làm việc và điện thoại ạ.`);
}

/** The citizen named a commune the local data has no one-stop shop for. */
export function composeUnknownCommune(procedure: Procedure, typed: string, known: readonly string[]): Reply {
  const list = known.length <= 8 ? known.join(', ') : `${known.slice(0, 8).join(', ')} …`;
  return textReply(
    `Dạ, em chưa có thông tin bộ phận một cửa của “${typed}” cho thủ tục ${quoteName(procedure.name)}. Các xã/phường em có thông tin: ${list}. Nếu bạn ở một trong các xã/phường đó, bạn gõ tên; nếu không, bạn liên hệ UBND xã/phường nơi bạn cư trú ạ.`,
  );
}
