/**
 * An officer's live stream lives no longer than the session (issue 13, finding 9): logout or
 * expiry ends it before the next ticket reaches it, and expired sessions are purged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESK_CHANNEL } from '../../../bot/handoff/handoff-desk.ts';
import { call, login, openEventStream } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const PASSWORD = 'mat-khau-rat-dai-1';

describe('officer event stream and the session', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ warm: false });
    for (const username of ['hotich1', 'hotich2']) {
      await app.deps.officer.accounts.create({ username, password: PASSWORD, role: 'officer', sectors: ['Hộ tịch'] });
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const newTicket = (conversationId: string) =>
    app.deps.events.publish({
      conversationId: DESK_CHANNEL, type: 'handoff', from: 'system', text: 'opened',
      data: { ticketId: `t-${conversationId}`, conversationId, sector: 'Hộ tịch' }, at: new Date().toISOString(),
    });

  test('after logout the stream ends and the next ticket (with its conversation id) never reaches it', async () => {
    const officer = await login(app.url, 'hotich1', PASSWORD);
    const stream = openEventStream(`${app.url}/api/officer/events`, officer.auth);
    await stream.opened;
    await newTicket('conv-truoc');
    await stream.next((e) => e.conversationId === 'conv-truoc');

    expect((await call(`${app.url}/api/officer/logout`, 'POST', undefined, officer.auth)).status).toBe(200);
    await newTicket('conv-sau');
    expect(await stream.ended).toBe('server');
    expect(stream.received.map((e) => e.conversationId)).not.toContain('conv-sau');
  });

  test('an expired session ends the stream the same way', async () => {
    const officer = await login(app.url, 'hotich2', PASSWORD);
    const stream = openEventStream(`${app.url}/api/officer/events`, officer.auth);
    await stream.opened;
    await app.deps.db.query(`UPDATE officer_sessions SET expires_at = now() - interval '1 minute'`);
    await newTicket('conv-het-han');
    expect(await stream.ended).toBe('server');
    expect(stream.received.map((e) => e.conversationId)).not.toContain('conv-het-han');
  });

  test('expired sessions are purged from the database', async () => {
    await login(app.url, 'hotich1', PASSWORD);
    await app.deps.db.query(`UPDATE officer_sessions SET expires_at = now() - interval '1 minute'`);
    await app.deps.officer.accounts.purgeExpiredSessions();
    const { rows } = await app.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM officer_sessions');
    expect(rows[0]!.n).toBe(0);
  });
});
