/** ConversationDossiers on every Db implementation: what a conversation looked up, latest first, with the stored state. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlConversationDossiers } from '../../adapters/sql/sql-conversation-dossier-store.ts';
import { createSqlDossierAuditLog } from '../../adapters/sql/sql-dossier-audit-store.ts';
import { createSqlDossierStore } from '../../adapters/sql/sql-dossier-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';
import { sampleDossier } from '../support/dossier.ts';

describe.each(DB_FACTORIES)('ConversationDossiers conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('each code once, latest lookup first, unknown codes without details, other conversations apart', async () => {
    const audit = createSqlDossierAuditLog(database.db);
    await createSqlDossierStore(database.db).upsert(sampleDossier('000.00.19.H53-250303-0009'));
    const entry = (code: string, minute: number, conversationId = 'c-looked') => ({
      at: new Date(Date.UTC(2025, 2, 3, 1, minute)),
      action: 'lookup' as const,
      outcome: 'found' as const,
      code,
      conversationId,
      channel: 'webchat',
    });
    await audit.record(entry('000.00.19.H53-250303-0009', 1));
    await audit.record(entry('000.00.19.H53-250303-0404', 2));
    await audit.record(entry('000.00.19.H53-250303-0009', 3));
    await audit.record(entry('000.00.19.H53-250303-0777', 4, 'c-other'));
    const recent = await createSqlConversationDossiers(database.db).recent('c-looked');
    expect(recent).toEqual([
      { code: '000.00.19.H53-250303-0009', procedureName: 'Đăng ký khai sinh', status: 'processing', dueAt: '2025-03-07T10:00:00.000Z' },
      { code: '000.00.19.H53-250303-0404', procedureName: null, status: null, dueAt: null },
    ]);
  });
});
