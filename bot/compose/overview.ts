/**
 * A procedure named with no facet: a short summary card (level, sector, agency, channels,
 * time, fee, result) and quick replies for the facets.
 */
import { LEVEL_LABELS, type Procedure } from '../../knowledge/schema.ts';
import { isWebUrl } from '../../knowledge/web-url.ts';
import { cardReply, PAYLOAD, type CardFact, type QuickReply, type Reply } from '../replies.ts';
import { withCitation } from './answer.ts';
import { feeBrief, groupFees } from './fee.ts';
import { leviesOfName } from '../../knowledge/language/levies.ts';
import { bullets, channelList, clip, quoteName } from './format.ts';
import { canSubmitOnline } from './how-to.ts';
import { timeBrief } from './processing-time.ts';

/**
 * The facets as quick replies: documents, fee, time, where; the conditions when the record states
 * some (a channel showing fewer buttons lists the rest as text).
 */
export function facetQuickReplies(procedure: Procedure): QuickReply[] {
  return [
    { label: 'Giấy tờ cần nộp', payload: PAYLOAD.ask('documents', procedure.code) },
    { label: 'Lệ phí', payload: PAYLOAD.ask('fee', procedure.code) },
    { label: 'Thời gian giải quyết', payload: PAYLOAD.ask('processing_time', procedure.code) },
    { label: 'Nộp ở đâu, nộp thế nào', payload: PAYLOAD.ask('how_to', procedure.code) },
    ...(procedure.conditions.length > 0 ? [{ label: 'Điều kiện', payload: PAYLOAD.ask('conditions', procedure.code) }] : []),
  ];
}

export function levelLabel(procedure: Procedure): string {
  return procedure.levels.map((l) => LEVEL_LABELS[l]).join(', ');
}

function feeSummary(procedure: Procedure): string | null {
  const fees = groupFees(procedure)[0]?.fees ?? [];
  if (fees.length === 0) return null;
  if (fees.every((f) => f.kind === 'free')) {
    // "Miễn phí" beside "Khai lệ phí trước bạ" is the procedure's fee, not the charge it declares.
    const levies = leviesOfName(procedure.name);
    return levies.length > 0 ? `${feeBrief(fees[0]!)} (phí làm thủ tục; không phải ${levies.join(', ')})` : feeBrief(fees[0]!);
  }
  const main = fees.slice(0, 2).map((f) => `${feeBrief(f)} (${clip(f.label, 60)})`);
  return main.join('; ') + (fees.length > 2 ? '; …' : '');
}

export function overviewFacts(procedure: Procedure): CardFact[] {
  const facts: CardFact[] = [];
  const agency = procedure.implementingAgencies[0] ?? procedure.competentAgency;
  if (agency) facts.push({ label: 'Cơ quan thực hiện', value: agency });
  const methods = procedure.channels.map((c) => c.method);
  if (methods.length) facts.push({ label: 'Cách nộp', value: channelList(methods) });
  facts.push({ label: 'Nộp trực tuyến', value: canSubmitOnline(procedure) ? (procedure.onlineLevel === 'toan_trinh' ? 'Được (toàn trình)' : procedure.onlineLevel === 'mot_phan' ? 'Được (một phần)' : 'Được') : 'Chưa' });
  const time = timeBrief(procedure);
  if (time) facts.push({ label: 'Thời hạn giải quyết', value: time });
  const fee = feeSummary(procedure);
  if (fee) facts.push({ label: 'Phí, lệ phí', value: fee });
  if (procedure.result.length) facts.push({ label: 'Kết quả', value: clip(procedure.result[0]!, 120) });
  return facts;
}

export function composeOverview(procedure: Procedure): Reply[] {
  const level = levelLabel(procedure);
  const facts = overviewFacts(procedure);
  const body =
    `Dạ, thủ tục ${quoteName(procedure.name)} (${level}, lĩnh vực ${procedure.sector}):\n` +
    bullets(facts.map((f) => `${f.label}: ${f.value}`)) +
    '\n\nBạn muốn biết thêm về giấy tờ cần nộp, lệ phí, thời gian giải quyết hay nơi nộp ạ?';
  return [
    cardReply(
      withCitation(body, procedure),
      {
        code: procedure.code,
        name: procedure.name,
        level,
        sector: procedure.sector,
        facts,
        ...(procedure.sourceUrl && isWebUrl(procedure.sourceUrl) ? { url: procedure.sourceUrl } : {}),
      },
      facetQuickReplies(procedure),
    ),
  ];
}
