/**
 * npm run import:dossiers -- <file.csv|file.jsonl>
 * Bulk-loads dossiers into the built-in store (PGlite under DATA_DIR, or DATABASE_URL) and prints
 * the report. Subscribers of a dossier whose status changed get the message in their
 * conversation (and live, through Redis, when REDIS_URL is set).
 * Exit codes: 0 all records imported, 1 some rejected (see the report), 2 bad input file.
 */
import { createProgress, readableInputPath } from './cli-support.ts';
import { loadConfig, redisPrefix } from '../config.ts';
import { createDossierNotifier } from '../bot/dossiers/dossier-notifier.ts';
import { createSqlDossierSubscriptions } from '../adapters/sql/sql-dossier-subscription-store.ts';
import { createMemoryEventHub } from '../bot/events/event-hub.ts';
import { createSqlConversationStore } from '../adapters/sql/sql-conversation-store.ts';
import { openDb } from '../adapters/sql/db/open-db.ts';
import { DossierFileError } from '../knowledge/dossiers/dossier-file.ts';
import { createSqlDossierStore } from '../adapters/sql/sql-dossier-store.ts';
import { createRedisEventHub } from '../adapters/redis/redis-event-hub.ts';
import { formatDossierImportReport, importDossierFile } from '../bot/dossiers/dossier-import.ts';

async function main(argv: string[]): Promise<number> {
  const inputPath = await readableInputPath(argv, 'npm run import:dossiers -- <tệp .csv | .jsonl>');
  if (!inputPath) return 2;
  const config = loadConfig();
  const db = await openDb(config);
  const events = config.redisUrl ? await createRedisEventHub(config.redisUrl, redisPrefix(config)) : createMemoryEventHub();
  const progress = createProgress();
  try {
    let started = false;
    const report = await importDossierFile(inputPath, {
      store: createSqlDossierStore(db),
      notifier: createDossierNotifier({ subscriptions: createSqlDossierSubscriptions(db), store: createSqlConversationStore(db), events }),
      onProgress(done, total) {
        if (!started) progress.start('Ghi CSDL / upsert', total);
        started = true;
        progress.update(done);
      },
    });
    progress.stop();
    console.log(formatDossierImportReport(report));
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await events.close().catch(() => undefined);
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DossierFileError) {
      console.error(`${error.vietnamese}\n${error.message}`);
      process.exit(2);
    }
    console.error('Nhập hồ sơ thất bại / dossier import failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
