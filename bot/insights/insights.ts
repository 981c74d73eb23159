/**
 * The supervisors' picture of a date range, from the stored history (an InsightStore): activity
 * per day and channel, what was asked, what the assistant could not answer (grouped by the
 * question's normalised wording), handoffs, officer wait and first response, satisfaction and
 * dossier lookups. Pure: the store counts, this module shapes, fills and rates.
 */
import { foldedKey, syllables } from '../../knowledge/language/normalize.ts';
import { maskPersonalData } from '../../knowledge/personal-data.ts';
import type { AnswerOutcome } from './answer-outcome.ts';
import type { DurationSummary, InsightRange, InsightStore, WeakAnswer } from './insight-store.ts';

/** An answer below this confidence counts as weak (the resolver commits from about 0.5 up). */
export const LOW_CONFIDENCE = 0.5;
/** The longest range a report covers (days). */
export const MAX_RANGE_DAYS = 366;
const WEAK_ANSWER_SCAN = 5000;
const TOP_PROCEDURES = 10;
const ZONE_OFFSET = '+07:00';

/** Calendar days in Vietnam, both ends included (`YYYY-MM-DD`). */
export interface DayRange {
  from: string;
  to: string;
}

export interface UnansweredGroup {
  /** The grouping key: syllables, lowercase, without diacritics. */
  key: string;
  /** The wording citizens used most (personal numbers masked). */
  text: string;
  count: number;
  outcomes: Partial<Record<AnswerOutcome, number>>;
  /** 👎 given to answers of this question. */
  disliked: number;
  /** The procedure the bot answered with, when it answered one (the most frequent). */
  procedureCode: string | null;
  procedureName: string | null;
  comments: string[];
  lastAt: string;
}

export interface InsightsReport {
  range: DayRange;
  channels: string[];
  days: Array<{ day: string; conversations: Record<string, number>; questions: Record<string, number>; lookups: number; lookupsFound: number }>;
  totals: { conversations: number; questions: number; unanswered: number; dossierLookups: number };
  topProcedures: Array<{ code: string; name: string | null; questions: number }>;
  intents: Array<{ intent: string; questions: number }>;
  outcomes: Array<{ outcome: string; questions: number }>;
  unanswered: UnansweredGroup[];
  handoff: { conversations: number; handedOff: number; rate: number | null; tickets: number };
  officerWait: DurationSummary;
  firstResponse: DurationSummary;
  satisfaction: {
    up: number;
    down: number;
    /** 👍 share of the answers rated. */
    feedbackRate: number | null;
    ratings: number;
    ratingAverage: number | null;
    /** Share of handoff ratings of 4 or 5. */
    ratingRate: number | null;
    /** 👍 and ratings of 4–5 over every feedback and rating given. */
    overallRate: number | null;
  };
}

export class InsightRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InsightRangeError';
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** Vietnamese midnight starting a `YYYY-MM-DD` calendar day; InsightRangeError for anything else (2026-02-30 too). */
export function startOfDay(day: string): Date {
  const start = new Date(`${day}T00:00:00${ZONE_OFFSET}`);
  if (!DAY.test(day) || Number.isNaN(start.getTime()) || new Date(start.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) !== day) {
    throw new InsightRangeError('dates must be calendar days, YYYY-MM-DD');
  }
  return start;
}

/** The instants a day range covers in Vietnam; throws InsightRangeError for a bad or too long range. */
export function rangeOfDays(range: DayRange): InsightRange {
  const from = startOfDay(range.from);
  const last = startOfDay(range.to);
  if (last < from) throw new InsightRangeError('the range ends before it starts');
  if ((last.getTime() - from.getTime()) / MS_PER_DAY + 1 > MAX_RANGE_DAYS) throw new InsightRangeError(`at most ${MAX_RANGE_DAYS} days`);
  return { from, to: new Date(last.getTime() + MS_PER_DAY) };
}

/** Every day of the range, in order. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  const { from, to } = rangeOfDays(range);
  for (let t = from.getTime(); t < to.getTime(); t += MS_PER_DAY) {
    days.push(new Date(t + 7 * 3_600_000).toISOString().slice(0, 10));
  }
  return days;
}

/** The grouping key of a question: its syllables, lowercase, diacritics folded. */
export function questionKey(text: string): string {
  return syllables(foldedKey(text)).join(' ');
}

/** Sums counts per key; most first, then by key. */
function countBy<T extends { count: number }>(rows: T[], keyOf: (row: T) => string): Array<{ key: string; count: number }> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(keyOf(row), (sums.get(keyOf(row)) ?? 0) + row.count);
  return [...sums.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

function mostFrequent(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Weak answers grouped by the question's normalised wording, most frequent first. */
export function groupUnanswered(answers: WeakAnswer[], nameOf: (code: string) => string | null = () => null): UnansweredGroup[] {
  const groups = new Map<string, WeakAnswer[]>();
  for (const answer of answers) {
    const key = questionKey(answer.question);
    if (!key) continue;
    groups.set(key, [...(groups.get(key) ?? []), answer]);
  }
  return [...groups.entries()]
    .map(([key, items]): UnansweredGroup => {
      const outcomes: Partial<Record<AnswerOutcome, number>> = {};
      for (const item of items) outcomes[item.outcome] = (outcomes[item.outcome] ?? 0) + 1;
      const procedureCode = mostFrequent(items.map((i) => i.procedureCode));
      return {
        key,
        text: maskPersonalData(mostFrequent(items.map((i) => i.question.trim().replace(/\s+/g, ' '))) ?? key),
        count: items.length,
        outcomes,
        disliked: items.filter((i) => i.rating === 'down').length,
        procedureCode,
        procedureName: procedureCode ? nameOf(procedureCode) : null,
        comments: [...new Set(items.map((i) => i.comment).filter((c): c is string => Boolean(c)))].map(maskPersonalData),
        lastAt: items.map((i) => i.at).sort().at(-1) ?? '',
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.key.localeCompare(b.key));
}

export async function buildInsights(
  store: InsightStore,
  range: DayRange,
  nameOf: (code: string) => string | null = () => null,
): Promise<InsightsReport> {
  const instants = rangeOfDays(range);
  const [conversations, turns, weak, handoffs, officerWait, firstResponse, satisfaction, lookups] = await Promise.all([
    store.conversationsByDay(instants),
    store.turnCounts(instants),
    store.weakAnswers(instants, { lowConfidence: LOW_CONFIDENCE, limit: WEAK_ANSWER_SCAN }),
    store.handoffs(instants),
    store.officerWait(instants),
    store.firstResponse(instants),
    store.satisfaction(instants),
    store.dossierLookups(instants),
  ]);
  const questions = countBy(turns, (t) => `${t.day}\u0000${t.channel}`).map(({ key, count }) => {
    const [day = '', channel = ''] = key.split('\u0000');
    return { day, channel, count };
  });
  const procedures = countBy(turns.filter((t) => t.procedureCode), (t) => t.procedureCode as string).slice(0, TOP_PROCEDURES);
  const intents = countBy(turns.filter((t) => t.intent), (t) => t.intent as string);
  const outcomes = countBy(turns, (t) => t.outcome);
  const channels = [...new Set([...conversations, ...questions].map((r) => r.channel))].sort();
  const days = daysOf(range).map((day) => {
    const empty = () => Object.fromEntries(channels.map((c) => [c, 0])) as Record<string, number>;
    const lookup = lookups.find((l) => l.day === day);
    return { day, conversations: empty(), questions: empty(), lookups: lookup?.lookups ?? 0, lookupsFound: lookup?.found ?? 0 };
  });
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const row of conversations) {
    const d = byDay.get(row.day);
    if (d) d.conversations[row.channel] = row.count;
  }
  for (const row of questions) {
    const d = byDay.get(row.day);
    if (d) d.questions[row.channel] = row.count;
  }
  const sum = (rows: Array<{ count: number }>) => rows.reduce((total, r) => total + r.count, 0);
  const unanswered = groupUnanswered(weak, nameOf);
  const rated = satisfaction.up + satisfaction.down;
  return {
    range,
    channels,
    days,
    totals: {
      conversations: sum(conversations),
      questions: sum(questions),
      unanswered: outcomes.filter((o) => ['not_found', 'out_of_scope', 'error'].includes(o.key)).reduce((t, o) => t + o.count, 0),
      dossierLookups: lookups.reduce((t, l) => t + l.lookups, 0),
    },
    topProcedures: procedures.map((p) => ({ code: p.key, name: nameOf(p.key), questions: p.count })),
    intents: intents.map((i) => ({ intent: i.key, questions: i.count })),
    outcomes: outcomes.map((o) => ({ outcome: o.key, questions: o.count })),
    unanswered,
    handoff: { ...handoffs, rate: ratio(handoffs.handedOff, handoffs.conversations) },
    officerWait,
    firstResponse,
    satisfaction: {
      up: satisfaction.up,
      down: satisfaction.down,
      feedbackRate: ratio(satisfaction.up, rated),
      ratings: satisfaction.ratings,
      ratingAverage: satisfaction.ratings > 0 ? Math.round((satisfaction.ratingSum / satisfaction.ratings) * 100) / 100 : null,
      ratingRate: ratio(satisfaction.satisfiedRatings, satisfaction.ratings),
      overallRate: ratio(satisfaction.up + satisfaction.satisfiedRatings, rated + satisfaction.ratings),
    },
  };
}

const CSV_OUTCOME_LABELS: Record<AnswerOutcome, string> = {
  answered: 'trả lời (độ tin cậy thấp)',
  clarify: 'hỏi lại',
  not_found: 'không tìm thấy',
  out_of_scope: 'ngoài phạm vi',
  error: 'lỗi',
  other: 'khác',
};

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: quote it away.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The unanswered groups as CSV (UTF-8 with a BOM so spreadsheet programs read the accents). */
export function unansweredCsv(groups: UnansweredGroup[]): string {
  // khoa_tu_dien is the question as a key of knowledge/language/vocabulary/citizen-phrases.json.
  const header = ['cau_hoi', 'khoa_tu_dien', 'so_lan', 'ket_qua', 'khong_hai_long', 'ma_thu_tuc', 'ten_thu_tuc', 'gop_y', 'lan_cuoi'];
  const lines = groups.map((g) =>
    [
      g.text,
      g.key,
      g.count,
      Object.entries(g.outcomes)
        .map(([outcome, n]) => `${CSV_OUTCOME_LABELS[outcome as AnswerOutcome]}: ${n}`)
        .join('; '),
      g.disliked,
      g.procedureCode,
      g.procedureName,
      g.comments.join(' | '),
      g.lastAt,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
