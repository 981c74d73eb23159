/**
 * Personal data never reaches the logs (issue 13, findings 6 and 10): a database error on PGlite
 * whose query carried a citizen's name, phone and CCCD logs none of them, request lines carry the
 * route pattern (no conversation id), and any log line masks phones, ID numbers and name fields.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../../channels/http/logger.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const NAME = 'Nguyễn Thị Hoa';
const PHONE = '0912345678';
const CCCD = '001203004567';

function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('info', stream), text: () => lines.join('') };
}

describe('logs without personal data', () => {
  const logs = captureLogs();
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ warm: false, logger: logs.logger });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  test('a database error with the citizen’s message as a query parameter logs neither the parameters nor the row', async () => {
    await app.deps.db.exec('ALTER TABLE messages ADD CONSTRAINT tu_choi_moi_dong CHECK (false) NOT VALID');
    const text = `Tôi là ${NAME}, số điện thoại ${PHONE}, CCCD ${CCCD}`;
    const response = await fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect(response.status).toBe(500);
    await app.deps.db.exec('ALTER TABLE messages DROP CONSTRAINT tu_choi_moi_dong');
    const written = logs.text();
    expect(written).toMatch(/request failed/);
    expect(written).toMatch(/tu_choi_moi_dong/);
    for (const secret of [NAME, 'Hoa', PHONE, CCCD, '912345678', '01203004567']) expect(written).not.toContain(secret);
  });

  test('request lines log the route pattern, not the conversation id in the path', async () => {
    const conversationId = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff';
    await fetch(`${app.url}/api/chat/${conversationId}/events`);
    const written = logs.text();
    expect(written).toContain('/api/chat/:conversationId/events');
    expect(written).not.toContain(conversationId);
  });

  test('any log line masks phones (mobile, +84, landline), CCCD, CMND and name fields', () => {
    const capture = captureLogs();
    capture.logger.info(
      { applicant: { name: NAME, phone: PHONE }, callbackPhone: '+84 912 345 678', note: `gọi 024 3825 1234, CMND 123456789, CCCD ${CCCD}` },
      `khách ${PHONE} hỏi`,
    );
    const written = capture.text();
    for (const secret of [NAME, PHONE, '912 345 678', '3825 1234', '123456789', CCCD]) expect(written).not.toContain(secret);
    expect(written).toMatch(/khách ?\*\*\*78 hỏi/);
  });
});
