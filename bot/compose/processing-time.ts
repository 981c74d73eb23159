/** "Bao lâu thì có?" — the processing time per submission channel, with its unit and note. */
import { CHANNEL_LABELS, type Procedure, type SubmissionChannel } from '../../knowledge/schema.ts';
import { textReply, type Reply } from '../replies.ts';
import { whereToCheck, withCitation } from './answer.ts';
import { bullets, commonSentences, formatDuration, mentions, quoteName, sentence } from './format.ts';

interface TimeGroup {
  duration: string;
  note: string;
  channels: SubmissionChannel[];
}

export function groupTimes(procedure: Procedure): TimeGroup[] {
  const groups = new Map<string, TimeGroup>();
  for (const channel of procedure.channels) {
    if (!channel.time) continue;
    const duration = formatDuration(channel.time);
    const note = channel.time.note?.trim() ?? '';
    const key = `${duration}|${note}`;
    const group = groups.get(key);
    if (group) group.channels.push(channel);
    else groups.set(key, { duration, note, channels: [channel] });
  }
  return [...groups.values()];
}

/** Short form for overviews: "8 ngày làm việc" or "trong ngày / 3 ngày làm việc". */
export function timeBrief(procedure: Procedure): string | null {
  const durations = [...new Set(groupTimes(procedure).map((g) => g.duration))];
  return durations.length ? durations.join(' / ') : null;
}

/** "có thời hạn giải quyết 8 ngày làm việc" / "được giải quyết trong ngày". */
function durationPhrase(duration: string): string {
  return duration === 'trong ngày' ? 'được giải quyết trong ngày' : `có thời hạn giải quyết ${duration}`;
}

function noTimeGiven(procedure: Procedure): string {
  const name = quoteName(procedure.name);
  const ask = `Bạn hỏi nơi tiếp nhận hồ sơ (thời hạn ghi trên giấy hẹn trả kết quả) hoặc xem ${whereToCheck(procedure)} ạ.`;
  // No time given, but a channel's note may still say something about it.
  const said = procedure.channels
    .filter((c) => c.note && mentions(c.note, 'ngày', 'thời hạn'))
    .map((c) => `${CHANNEL_LABELS[c.method]}: ${sentence(c.note!)}`);
  return said.length
    ? `Dạ, dữ liệu thủ tục ${name} chưa ghi thời hạn giải quyết cụ thể; ghi chú của nguồn:\n${bullets(said)}\n${ask}`
    : `Dạ, dữ liệu thủ tục ${name} chưa ghi thời hạn giải quyết. ${ask}`;
}

export function composeProcessingTime(procedure: Procedure): Reply[] {
  const name = quoteName(procedure.name);
  const groups = groupTimes(procedure);
  if (groups.length === 0) return [textReply(withCitation(noTimeGiven(procedure), procedure))];

  const durations = new Set(groups.map((g) => g.duration));
  let body: string;
  if (groups.length === 1) {
    const only = groups[0]!;
    body = `Dạ, thủ tục ${name} ${durationPhrase(only.duration)}${only.note ? `. ${sentence(only.note)}` : '.'}`;
  } else {
    // A caveat repeated for every channel is said once, after the list.
    const { common, rest } = commonSentences(groups.map((g) => g.note));
    const lines = groups.map((g, i) => {
      const labels = g.channels.map((c) => CHANNEL_LABELS[c.method]).join(', ');
      const note = rest[i] ?? '';
      return `${labels}: ${g.duration}${note ? ` — ${sentence(note)}` : '.'}`;
    });
    const lead =
      durations.size === 1
        ? `Dạ, thủ tục ${name} ${durationPhrase([...durations][0]!)}:`
        : `Dạ, thời hạn giải quyết thủ tục ${name}:`;
    body = `${lead}\n${bullets(lines)}`;
    if (common.length) body += `\n${common.join(' ')}`;
  }
  const timeNotes = procedure.notes.filter((note) => mentions(note, 'thời hạn', 'ngày làm việc'));
  if (timeNotes.length) body += `\n\nLưu ý: ${timeNotes.map(sentence).join(' ')}`;
  return [textReply(withCitation(body, procedure))];
}
