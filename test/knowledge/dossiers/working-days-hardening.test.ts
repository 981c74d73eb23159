
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDossierLookupService } from '../../../bot/dossiers/dossier-lookup-service.ts';
import { createSqlDossierAuditLog } from '../../../adapters/sql/sql-dossier-audit-store.ts';
import { createSqlDossierSubscriptions } from '../../../adapters/sql/sql-dossier-subscription-store.ts';
import { analyzeMessage } from '../../../knowledge/language/message-tokens.ts';
import { createSqlConversationStore } from '../../../adapters/sql/sql-conversation-store.ts';
import holidayFile from '../../../knowledge/dossiers/vn-public-holidays.json' with { type: 'json' };
import type { Dossier } from '../../../knowledge/dossiers/dossier.ts';
import { sampleDossier } from '../../support/dossier.ts';
import { parseDossierFile } from '../../../knowledge/dossiers/dossier-file.ts';
import { createSqlDossierStore } from '../../../adapters/sql/sql-dossier-store.ts';
import {
  addWorkingDays,
  createWorkingCalendar,
  subtractWorkingDays,
  VIETNAM_CALENDAR,
  vietnamDay,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../../knowledge/dossiers/working-days.ts';
import { startTestApp } from '../../support/test-app.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';

const pglite = DB_FACTORIES.find((f) => f.name === 'pglite')!;
const DAY_MS = 86_400_000;
const TOKEN = 'test-integration-token-0123456789';

/** mulberry32: a small seeded generator, so every run checks the same ranges. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const numberOf = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** The obvious definition, one day at a time. */
function referenceBetween(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let n = numberOf(from) + 1; n <= numberOf(to); n += 1) if (calendar.isWorkingDay(dayOf(n))) count += 1;
  return count;
}

/** The same definition over day numbers straight from the holiday file — fast enough for millennia. */
function fileReferenceBetween(from: string, to: string): number {
  const holidays = new Set(holidayFile.holidays.map((h) => numberOf(h.date)));
  const swapped = new Set(holidayFile.workingWeekends.map((h) => numberOf(h.date)));
  let count = 0;
  for (let n = numberOf(from) + 1; n <= numberOf(to); n += 1) {
    const weekday = (((n + 4) % 7) + 7) % 7;
    if (swapped.has(n) || (weekday !== 0 && weekday !== 6 && !holidays.has(n))) count += 1;
  }
  return count;
}

/** A calendar that counts how many single days it was asked about. */
function countingCalendar(base: WorkingCalendar): WorkingCalendar & { asked: () => number } {
  let asked = 0;
  return {
    ...base,
    isWorkingDay(day: string) {
      asked += 1;
      return base.isWorkingDay(day);
    },
    asked: () => asked,
  };
}

/** A dense synthetic calendar: holidays on weekdays and weekends, swapped weekends, 1995–2040. */
function syntheticCalendar(seed: number): WorkingCalendar {
  const next = random(seed);
  const start = numberOf('1995-01-01');
  const span = numberOf('2040-12-31') - start;
  const holidays = new Map<string, { date: string; name: string; confirmed: boolean }>();
  const weekends = new Map<string, { date: string; name: string; confirmed: boolean }>();
  for (let i = 0; i < 1500; i += 1) {
    const date = dayOf(start + Math.floor(next() * span));
    holidays.set(date, { date, name: 'nghỉ', confirmed: true });
  }
  for (let i = 0; i < 400; i += 1) {
    const date = dayOf(start + Math.floor(next() * span));
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) weekends.set(date, { date, name: 'làm bù', confirmed: true });
  }
  return createWorkingCalendar({ holidays: [...holidays.values()], workingWeekends: [...weekends.values()] });
}

describe('working days without walking the span', () => {
  test('equal a day-by-day count on 3,000 random ranges (fixed seed), bundled and dense calendars', () => {
    const next = random(20_251_304);
    const calendars = [VIETNAM_CALENDAR, syntheticCalendar(7), syntheticCalendar(8)];
    const low = numberOf('1993-01-01');
    const high = numberOf('2042-12-31');
    for (let i = 0; i < 3000; i += 1) {
      const calendar = calendars[i % calendars.length]!;
      const from = dayOf(low + Math.floor(next() * (high - low)));
      // Mostly short spans (where the remainder days matter), some years long, some backwards.
      const length = next() < 0.6 ? Math.floor(next() * 40) - 5 : Math.floor(next() * 4000);
      const to = dayOf(numberOf(from) + length);
      expect(workingDaysBetween(from, to, calendar), `${from} → ${to}`).toBe(referenceBetween(from, to, calendar));
    }
  }, 120_000);

  test('adding and subtracting working days land where stepping day by day lands', () => {
    const next = random(42);
    const calendars = [VIETNAM_CALENDAR, syntheticCalendar(9)];
    const low = numberOf('1996-01-01');
    for (let i = 0; i < 600; i += 1) {
      const calendar = calendars[i % calendars.length]!;
      const from = dayOf(low + Math.floor(next() * 15_000));
      const n = next() < 0.5 ? Math.floor(next() * 12) : Math.floor(next() * 900);
      let forward = numberOf(from);
      for (let left = n; left > 0; ) if (calendar.isWorkingDay(dayOf((forward += 1)))) left -= 1;
      let backward = numberOf(from);
      for (let left = n; left > 0; ) if (calendar.isWorkingDay(dayOf((backward -= 1)))) left -= 1;
      expect(addWorkingDays(from, n, calendar), `${from} + ${n}`).toBe(dayOf(forward));
      expect(subtractWorkingDays(from, n, calendar), `${from} - ${n}`).toBe(dayOf(backward));
    }
  }, 120_000);
});

describe('a dossier with absurd dates that bypassed validation', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await pglite.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  const stored = (code: string, receivedAt: string, dueAt: string): Dossier => sampleDossier(code, { receivedAt, dueAt });

  test('is looked up with correct working-day numbers, asking about a bounded number of single days', async () => {
    const store = createSqlDossierStore(database.db);
    await store.upsert(stored('000.00.19.H53-250303-0991', '2025-03-03T01:00:00.000Z', '3025-12-31T16:59:59.000Z'));
    await store.upsert(stored('000.00.19.H53-250303-0992', '0999-12-25T00:00:00.000Z', '1000-01-01T00:00:00.000Z'));
    const calendar = countingCalendar(VIETNAM_CALENDAR);
    const desk = createDossierLookupService({
      source: store,
      audit: createSqlDossierAuditLog(database.db),
      subscriptions: createSqlDossierSubscriptions(database.db),
      calendar,
    });
    const at = new Date('2025-03-05T03:00:00Z');
    await createSqlConversationStore(database.db).ensure('dates-1', 'webchat');
    const asker = { conversationId: 'dates-1', channel: 'webchat', at };

    const future = await desk.lookup('000.00.19.H53-250303-0991', asker);
    expect(future).toMatchObject({ dueDate: '3025-12-31', overdueWorkingDays: 0, workingDaysLeft: fileReferenceBetween('2025-03-05', '3025-12-31') });
    const past = await desk.lookup('000.00.19.H53-250303-0992', asker);
    expect(past).toMatchObject({ dueDate: '1000-01-01', workingDaysLeft: 0, overdueWorkingDays: fileReferenceBetween('1000-01-01', '2025-03-05') });
    expect(past!.overdueWorkingDays).toBeGreaterThan(260_000);
    // The cost does not grow with the span: a handful of single days at most, not millions.
    expect(calendar.asked()).toBeLessThan(100);
  }, 120_000);

  test('the reported case, due 31/12/9999 (the old day-by-day walk never ended there), answers with the right count', () => {
    const calendar = countingCalendar(VIETNAM_CALENDAR);
    expect(workingDaysBetween('2025-03-05', '9999-12-31', calendar)).toBe(fileReferenceBetween('2025-03-05', '9999-12-31'));
    expect(addWorkingDays('9999-12-30', 1, calendar)).toBe('9999-12-31');
    expect(calendar.asked()).toBe(0);
  }, 120_000);
});

async function startIntegration(db: TestDatabase['db']) {
  return startTestApp({ db, config: { integrationToken: TOKEN }, warm: false });
}

describe('the date window of pushes and imports', () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof startIntegration>>;
  beforeAll(async () => {
    database = await pglite.create();
    server = await startIntegration(database.db);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  const thisYear = Number(vietnamDay(new Date()).slice(0, 4));
  const body = (receivedAt: string, dueAt: string) => ({
    procedureCode: '1.001193',
    receivedAt,
    dueAt,
    status: 'processing',
    applicant: { name: 'Lê Văn Công', phone: '0901234567' },
  });
  const put = (code: string, payload: unknown) =>
    fetch(`${server.url}/api/integration/dossiers/${code}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(payload),
    });

  test('the API refuses dates outside 2000 … ten years ahead, and a due date before receipt, with 400 naming the field', async () => {
    const refused: Array<[string, string, string]> = [
      ['2025-03-03T08:00:00+07:00', '9999-12-31T23:59:59+07:00', 'dueAt'],
      ['2025-03-03', '3025-01-01', 'dueAt'],
      ['2025-03-03', `${thisYear + 11}-01-01`, 'dueAt'],
      ['1999-12-31', '2025-03-07', 'receivedAt'],
      ['0001-01-01T00:00:00Z', '2025-03-07', 'receivedAt'],
      [`${thisYear + 11}-01-01`, `${thisYear + 11}-01-02`, 'receivedAt'],
      ['2025-03-07', '2025-03-03', 'dueAt'],
    ];
    let n = 0;
    for (const [receivedAt, dueAt, field] of refused) {
      const code = `000.00.19.H53-250303-07${String((n += 1)).padStart(2, '0')}`;
      const response = await put(code, body(receivedAt, dueAt));
      expect(response.status, `${receivedAt} → ${dueAt}`).toBe(400);
      const error = ((await response.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(`Trường "${field}" không hợp lệ`);
      expect(error.message).toMatch(/năm|sớm hơn/);
      expect(await createSqlDossierStore(database.db).find(code)).toBeNull();
    }
  });

  test('the edges of the window are accepted', async () => {
    expect((await put('000.00.19.H53-250303-0781', body('2000-01-01', `${thisYear + 10}-12-31T23:59:59+07:00`))).status).toBe(201);
    expect((await put('000.00.19.H53-250303-0782', body('2000-01-01T00:00:00+07:00', '2000-01-01T00:00:00+07:00'))).status).toBe(201);
  });

  test('import:dossiers reports out-of-window dates by line and field', () => {
    const lines = [
      JSON.stringify({ code: '000.00.19.H53-250303-0791', ...body('2025-03-03', '2025-03-07') }),
      JSON.stringify({ code: '000.00.19.H53-250303-0792', ...body('2025-03-03', '9999-12-31T23:59:59+07:00') }),
      JSON.stringify({ code: '000.00.19.H53-250303-0793', ...body('1900-01-01', '2025-03-07') }),
    ].join('\n');
    const parsed = parseDossierFile(lines, 'jsonl', new Date('2025-03-05T03:00:00Z'));
    expect(parsed.dossiers.map((d) => d.line)).toEqual([1]);
    expect(parsed.errors).toEqual([
      { line: 2, field: 'dueAt', reason: expect.stringMatching(/năm 2000.*năm 2035/) },
      { line: 3, field: 'receivedAt', reason: expect.stringMatching(/năm 2000.*năm 2035/) },
    ]);
    const csv = `code,procedureCode,receivedAt,dueAt,status,applicantName,applicantPhone\n000.00.19.H53-250303-0794,1.001193,2025-03-03,3025-03-07,processing,Lê Văn Công,0901234567\n`;
    expect(parseDossierFile(csv, 'csv', new Date('2025-03-05T03:00:00Z')).errors).toEqual([
      { line: 2, field: 'dueAt', reason: expect.stringMatching(/năm 2000.*năm 2035/) },
    ]);
  });
});

describe('input-sized loops on the event loop stay bounded', () => {
  test('splitting a run-together word asks the vocabulary a bounded number of times, however the word is built', () => {
    let asked = 0;
    const words = new Set(['a', 'aa', 'aaa', 'giay', 'gi', 'bao', 'nhieu']);
    const vocabulary: ReadonlySet<string> = {
      has: (word: string) => {
        asked += 1;
        return words.has(word);
      },
    } as ReadonlySet<string>;
    // Every prefix is a word and no split ever succeeds: a naive search branches at every letter.
    const analysis = analyzeMessage(`${'a'.repeat(20)}q`, vocabulary);
    expect(analysis.tokens.map((t) => t.folded)).toEqual([`${'a'.repeat(20)}q`]);
    expect(asked).toBeLessThan(20 * 20 * 4);
    asked = 0;
    analyzeMessage(`${'q'.repeat(1990)}`, vocabulary);
    expect(asked).toBeLessThan(5000);
    // Ordinary run-together words are still split.
    expect(analyzeMessage('baonhieu', vocabulary).tokens.map((t) => t.folded)).toEqual(['bao', 'nhieu']);
  });
});
