/**
 * The printed report of `npm run eval:faq-chat`: rates as written and unaccented (strict and
 * counting near-duplicates), the risk–coverage of the reply confidence, and the failures grouped
 * by cause with a few examples each. Pure: records in, text out.
 */
import {
  CAUSE_LABELS,
  CAUSES,
  quantile,
  rates,
  riskCoverage,
  type Cause,
  type Judgement,
  type Played,
  type Rates,
} from './faq-chat-score.ts';

export const FORMS = ['written', 'unaccented'] as const;
export type Form = (typeof FORMS)[number];
const FORM_LABELS: Record<Form, string> = { written: 'as written', unaccented: 'unaccented' };

/** One question played in one form: what was sent, what came back, how it was judged. */
export interface FaqChatRecord {
  index: number;
  form: Form;
  question: string;
  /** The text sent (the question, or the question with its diacritics stripped). */
  sent: string;
  acceptable: string[];
  /** False when `acceptable` is empty: left out of the rates. */
  scored: boolean;
  strict: Judgement;
  /** The same reply judged with every near-duplicate of an acceptable code accepted too. */
  grouped: Judgement;
  intent: string;
  procedure: { code: string; name: string } | null;
  confidence: number;
  handoff: boolean;
  /** The reply texts joined (clipped). */
  reply: string;
  /** GET /api/procedures/search?limit=5 for the same text: codes, best first. */
  searchTop: string[];
  searchTop1Acceptable: boolean;
}

const pct = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');
const clip = (text: string, length = 100) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

function played(records: readonly FaqChatRecord[], form: Form, which: 'strict' | 'grouped'): Played[] {
  return records.filter((r) => r.form === form && r.scored).map((r) => ({ judgement: r[which], confidence: r.confidence }));
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function rateRows(byForm: Record<Form, Rates>): string[][] {
  const row = (label: string, value: (r: Rates) => number) => [label, ...FORMS.flatMap((f) => [pct(value(byForm[f]), byForm[f].scored), String(value(byForm[f]))])];
  return [
    row('right', (r) => r.right),
    row('  answered directly and right', (r) => r.answeredRight),
    row('  clarified, right among options', (r) => r.clarifiedRight),
    row('wrong (committed, not acceptable)', (r) => r.wrong),
    row('unhelpful', (r) => r.unhelpful),
    row('clarification share (any verdict)', (r) => r.clarifications),
    row('committed a procedure (any verdict)', (r) => r.commits),
  ];
}

export function formatRates(records: readonly FaqChatRecord[]): string {
  const header = ['', ...FORMS.flatMap((f) => [FORM_LABELS[f], 'n'])];
  const strict = Object.fromEntries(FORMS.map((f) => [f, rates(played(records, f, 'strict'))])) as Record<Form, Rates>;
  const grouped = Object.fromEntries(FORMS.map((f) => [f, rates(played(records, f, 'grouped'))])) as Record<Form, Rates>;
  const excluded = records.filter((r) => r.form === 'written' && !r.scored);
  const searchRow = [
    'reference: search API top-1 acceptable',
    ...FORMS.flatMap((f) => {
      const hits = records.filter((r) => r.form === f && r.scored && r.searchTop1Acceptable).length;
      return [pct(hits, strict[f].scored), String(hits)];
    }),
  ];
  return [
    `Strict (the committed / offered code itself must be acceptable) — the headline; ${strict.written.scored} questions scored, ${excluded.length} without an acceptable code left out:`,
    table(header, [...rateRows(strict), searchRow]),
    '',
    'Grouped (a near-duplicate of an acceptable code — same procedure at another level/agency — counts too):',
    table(header, rateRows(grouped).slice(0, 5)),
  ].join('\n');
}

export function formatRiskCoverage(records: readonly FaqChatRecord[]): string {
  const byForm = FORMS.map((f) => {
    const ofForm = played(records, f, 'strict');
    return { scored: ofForm.length, rows: riskCoverage(ofForm) };
  });
  const rows = byForm[0]!.rows.map((first, i) => [
    first.threshold.toFixed(2),
    ...byForm.flatMap(({ scored, rows: ofForm }) => {
      const r = ofForm[i]!;
      return [pct(r.answered, scored), pct(r.answeredRight, scored), pct(r.answeredWrong, r.answered)];
    }),
  ]);
  const header = ['t', ...FORMS.flatMap((f) => [`${FORM_LABELS[f]}: answered`, 'right', 'wrong/answered'])];
  const quantiles = FORMS.map((f) => {
    const commits = played(records, f, 'strict').filter((p) => p.judgement.committed !== null);
    const of = (verdict: string) => commits.filter((p) => p.judgement.verdict === verdict).map((p) => p.confidence);
    const q = (values: number[]) => (values.length ? [0.1, 0.25, 0.5, 0.75].map((x) => quantile(values, x).toFixed(2)).join(' / ') : '—');
    return `  ${FORM_LABELS[f]}: right commits ${q(of('right'))}; wrong commits ${q(of('wrong'))}`;
  });
  return [
    'Risk–coverage of the reply confidence: had the bot committed only when confidence ≥ t (answered and right as shares of all scored questions; wrong as a share of the answers kept):',
    table(header, rows),
    'Confidence of commits, quantiles 10% / 25% / 50% / 75%:',
    ...quantiles,
  ].join('\n');
}

function describeGot(record: FaqChatRecord): string {
  if (record.procedure) return `committed ${record.procedure.code} "${clip(record.procedure.name, 60)}" (conf ${record.confidence.toFixed(2)})`;
  if (record.strict.picks.length) return `options ${record.strict.picks.join(', ')}`;
  return `intent ${record.intent}: "${clip(record.reply, 60)}"`;
}

function example(record: FaqChatRecord): string {
  const search = record.searchTop[0] ? `search top-1 ${record.searchTop[0]}${record.searchTop1Acceptable ? ' ✓' : ''}` : 'search: nothing';
  return `    - [${record.form === 'written' ? 'W' : 'U'}#${record.index + 1}] "${clip(record.sent)}"\n      acceptable ${record.acceptable.join(', ')} → ${describeGot(record)}; ${search}`;
}

const FAILURE_CAUSES = CAUSES.filter((cause) => cause !== 'answered' && cause !== 'clarified');

/** Failures by cause (strict): counts per form, how many the search API's top-1 had right, examples. */
export function formatFailures(records: readonly FaqChatRecord[], examplesPerCause = 3): string {
  const scored = records.filter((r) => r.scored);
  const failed = scored.filter((r) => r.strict.verdict !== 'right');
  const count = (form: Form, cause: Cause, extra: (r: FaqChatRecord) => boolean = () => true) =>
    failed.filter((r) => r.form === form && r.strict.cause === cause && extra(r)).length;
  const present = FAILURE_CAUSES.filter((cause) => FORMS.some((f) => count(f, cause) > 0));
  const rows = present.map((cause) => [
    cause,
    ...FORMS.flatMap((f) => [String(count(f, cause)), String(count(f, cause, (r) => r.searchTop1Acceptable))]),
  ]);
  const lines = [
    'Failures by cause (strict). "search✓" = GET /api/procedures/search had an acceptable code at rank 1 for the same text:',
    table(['cause', ...FORMS.flatMap((f) => [FORM_LABELS[f], 'search✓'])], rows),
  ];
  for (const cause of present) {
    lines.push('', `${cause} — ${CAUSE_LABELS[cause]}:`);
    const written = failed.filter((r) => r.form === 'written' && r.strict.cause === cause);
    const writtenIds = new Set(written.map((r) => r.index));
    const unaccentedOnly = failed.filter((r) => r.form === 'unaccented' && r.strict.cause === cause && !writtenIds.has(r.index));
    for (const record of [...written.slice(0, examplesPerCause), ...unaccentedOnly.slice(0, Math.max(1, examplesPerCause - 1))]) lines.push(example(record));
  }
  const missed = failed.filter((r) => r.searchTop1Acceptable);
  lines.push('', 'Search top-1 was acceptable but the chat did not answer it (by cause):');
  for (const form of FORMS) {
    const ofForm = missed.filter((r) => r.form === form);
    const byCause = present.map((cause) => [cause, ofForm.filter((r) => r.strict.cause === cause).length] as const).filter(([, n]) => n > 0);
    lines.push(`  ${FORM_LABELS[form]}: ${ofForm.length} of ${scored.filter((r) => r.form === form).length} — ${byCause.map(([c, n]) => `${c} ${n}`).join(', ')}`);
  }
  for (const record of missed.filter((r) => r.form === 'written').slice(0, examplesPerCause + 2)) lines.push(example(record));
  const excluded = records.filter((r) => !r.scored);
  if (excluded.length) {
    lines.push('', `Questions without an acceptable code (not scored), what the chat did:`);
    for (const record of excluded) lines.push(`    - [${record.form === 'written' ? 'W' : 'U'}#${record.index + 1}] "${clip(record.sent, 80)}" → ${describeGot(record)}`);
  }
  return lines.join('\n');
}

/** The closing lines: the headline figures of both forms, one line each. */
export function formatHeadline(records: readonly FaqChatRecord[]): string {
  return FORMS.map((form) => {
    const strict = rates(played(records, form, 'strict'));
    const grouped = rates(played(records, form, 'grouped'));
    return (
      `faq-chat ${FORM_LABELS[form].padEnd(10)}: right ${pct(strict.right, strict.scored)} (answered ${pct(strict.answeredRight, strict.scored)}, clarified ${pct(strict.clarifiedRight, strict.scored)})` +
      `, wrong ${pct(strict.wrong, strict.scored)}, unhelpful ${pct(strict.unhelpful, strict.scored)}, clarification share ${pct(strict.clarifications, strict.scored)}` +
      ` | grouped right ${pct(grouped.right, grouped.scored)} wrong ${pct(grouped.wrong, grouped.scored)} — n=${strict.scored}`
    );
  }).join('\n');
}
