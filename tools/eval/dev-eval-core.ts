/**
 * The dev-set evaluation, independent of transport: plays each dialog of dev.jsonl through a
 * `send(conversationId, text)` callback (HTTP for `npm run eval`, handleTurn in-process in
 * tests) and checks each turn's expectations as ../shared/eval/README.md describes:
 * - procedure: the reply's procedure.name contains one of these (case/diacritic-insensitive);
 * - intent: the reply's intent is one of these;
 * - reply_any: the reply text contains at least one of these (diacritic-insensitive);
 * - facts: the reply text contains every one of these, numbers compared with thousands
 *   separators removed ("200000" matches "200.000 đồng");
 * - none: the reply carries no procedure;
 * - handoff: the reply reports a handoff.
 * "The reply text" is the text of every reply of the turn, joined.
 */
import { z } from 'zod';
import { foldedKey } from '../../knowledge/language/normalize.ts';

export const DevTurnSchema = z.object({
  text: z.string(),
  procedure: z.array(z.string()).optional(),
  intent: z.array(z.string()).optional(),
  reply_any: z.array(z.string()).optional(),
  facts: z.array(z.string()).optional(),
  none: z.boolean().optional(),
  handoff: z.boolean().optional(),
});
export type DevTurn = z.infer<typeof DevTurnSchema>;

export const DevDialogSchema = z.object({ id: z.string(), turns: z.array(DevTurnSchema).min(1) });
export type DevDialog = z.infer<typeof DevDialogSchema>;

/** The parts of a chat response the checks read (POST /api/chat's body fits). */
export interface EvalResponse {
  replies: ReadonlyArray<{ text: string }>;
  intent: string;
  procedure: { code?: string; name: string } | null;
  /** Truthy when the turn reports a handoff (HTTP: `handoff` object; in-process: `handoffRequested`). */
  handoff: unknown;
}

/**
 * Sends one citizen message. `conversationId` is stable per dialog and fresh per run; a driver
 * whose server assigns its own ids keeps a map from this id to the server's.
 */
export type Send = (conversationId: string, text: string) => Promise<EvalResponse>;

export interface TurnFailure {
  dialogId: string;
  turn: number;
  text: string;
  problems: string[];
  got: { intent: string; procedure: string | null; handoff: boolean; reply: string };
}

export interface EvalReport {
  dialogs: number;
  turns: number;
  passedTurns: number;
  /** passedTurns / turns, 0..1. */
  passRate: number;
  passedDialogs: number;
  failures: TurnFailure[];
}

/** Parses dev.jsonl text; a bad line names its number. */
export function parseDevJsonl(text: string): DevDialog[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, index }) => {
      const parsed = DevDialogSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`dev.jsonl line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** Folded, lower-case, thousands separators between digits removed ("200.000" → "200000"). */
export function comparable(text: string): string {
  let out = foldedKey(text);
  let previous: string;
  do {
    previous = out;
    out = out.replace(/(\d)[.,](\d{3})(?!\d)/g, '$1$2');
  } while (out !== previous);
  return out;
}

export function replyText(response: EvalResponse): string {
  return response.replies.map((r) => r.text).join('\n');
}

/** The problems with one response; empty when every expectation holds. */
export function checkTurn(expected: DevTurn, response: EvalResponse): string[] {
  const problems: string[] = [];
  const text = comparable(replyText(response));
  if (expected.procedure) {
    const name = response.procedure ? comparable(response.procedure.name) : null;
    if (!name || !expected.procedure.some((p) => name.includes(comparable(p)))) {
      problems.push(`procedure: expected one of [${expected.procedure.join(', ')}], got ${response.procedure ? `"${response.procedure.name}"` : 'none'}`);
    }
  }
  if (expected.intent && !expected.intent.includes(response.intent)) {
    problems.push(`intent: expected one of [${expected.intent.join(', ')}], got "${response.intent}"`);
  }
  if (expected.reply_any && !expected.reply_any.some((needle) => text.includes(comparable(needle)))) {
    problems.push(`reply_any: none of [${expected.reply_any.join(', ')}] in the reply`);
  }
  for (const fact of expected.facts ?? []) {
    if (!text.includes(comparable(fact))) problems.push(`facts: "${fact}" not in the reply`);
  }
  if (expected.none && response.procedure) problems.push(`none: expected no procedure, got "${response.procedure.name}"`);
  if (expected.handoff && !response.handoff) problems.push('handoff: expected a handoff, got none');
  return problems;
}

export async function runDevEval(
  dialogs: readonly DevDialog[],
  send: Send,
  options: { runId?: string } = {},
): Promise<EvalReport> {
  const runId = options.runId ?? Date.now().toString(36);
  const failures: TurnFailure[] = [];
  let turns = 0;
  let passedTurns = 0;
  let passedDialogs = 0;
  for (const dialog of dialogs) {
    const conversationId = `eval-${dialog.id}-${runId}`;
    let dialogPassed = true;
    for (const [index, turn] of dialog.turns.entries()) {
      turns += 1;
      let problems: string[];
      let got: TurnFailure['got'];
      try {
        const response = await send(conversationId, turn.text);
        problems = checkTurn(turn, response);
        got = {
          intent: response.intent,
          procedure: response.procedure?.name ?? null,
          handoff: Boolean(response.handoff),
          reply: replyText(response),
        };
      } catch (error) {
        problems = [`send failed: ${error instanceof Error ? error.message : String(error)}`];
        got = { intent: '', procedure: null, handoff: false, reply: '' };
      }
      if (problems.length === 0) passedTurns += 1;
      else {
        dialogPassed = false;
        failures.push({ dialogId: dialog.id, turn: index + 1, text: turn.text, problems, got });
      }
    }
    if (dialogPassed) passedDialogs += 1;
  }
  return { dialogs: dialogs.length, turns, passedTurns, passRate: turns ? passedTurns / turns : 0, passedDialogs, failures };
}

/** Human-readable report: failures first, then the pass rate line (opening with `label`). */
export function formatReport(report: EvalReport, label = 'dev eval'): string {
  const lines: string[] = [];
  for (const failure of report.failures) {
    lines.push(`✗ ${failure.dialogId} turn ${failure.turn}: ${JSON.stringify(failure.text)}`);
    for (const problem of failure.problems) lines.push(`    ${problem}`);
    lines.push(`    got intent=${failure.got.intent} procedure=${failure.got.procedure ?? '—'} reply=${JSON.stringify(failure.got.reply.slice(0, 160))}`);
  }
  lines.push(
    `${label}: ${report.passedTurns}/${report.turns} turns passed (${(report.passRate * 100).toFixed(1)}%), ${report.passedDialogs}/${report.dialogs} dialogs`,
  );
  return lines.join('\n');
}

/**
 * Turns whose `intent` expectation names an intent outside `known` (citizen-dev may expect
 * `conditions` or `result`): how many list one, and how many list nothing else (cannot pass).
 */
export function unknownIntentTurns(dialogs: readonly DevDialog[], known: readonly string[]): { listing: number; only: number; intents: string[] } {
  const intents = new Set<string>();
  let listing = 0;
  let only = 0;
  for (const turn of dialogs.flatMap((d) => d.turns)) {
    const unknown = (turn.intent ?? []).filter((intent) => !known.includes(intent));
    for (const intent of unknown) intents.add(intent);
    if (unknown.length > 0) listing += 1;
    if (unknown.length > 0 && unknown.length === turn.intent!.length) only += 1;
  }
  return { listing, only, intents: [...intents].sort() };
}

/** One row per run: which set on which catalog, turns and dialogs passed. */
export function formatSummaryTable(rows: ReadonlyArray<{ set: string; catalog: string; report: EvalReport; note?: string }>): string {
  const pct = (part: number, whole: number) => `${whole ? ((part / whole) * 100).toFixed(1) : '0.0'}%`;
  const cells = rows.map(({ set, catalog, report, note }) => [
    set,
    catalog,
    `${report.passedTurns}/${report.turns}`,
    pct(report.passedTurns, report.turns),
    `${report.passedDialogs}/${report.dialogs}`,
    pct(report.passedDialogs, report.dialogs),
    note ?? '',
  ]);
  const header = ['set', 'catalog', 'turns', 'pass', 'dialogs', 'pass', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => ([2, 3, 4, 5].includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  ').trimEnd(), ...cells.map(line)].join('\n');
}
