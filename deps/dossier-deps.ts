/**
 * Wires dossiers from the config: the built-in store (seeded with the DEMO dossiers while it
 * holds no real one), the external lookup API when DOSSIER_API_URL is set (asked for codes the
 * built-in store does not hold), and the desk the bot talks to.
 */
import type { Config } from '../config.ts';
import type { BotLogger, DossierLookup } from '../bot/deps.ts';
import { createDossierLookupService } from '../bot/dossiers/dossier-lookup-service.ts';
import { createSqlDossierAuditLog } from '../adapters/sql/sql-dossier-audit-store.ts';
import { createSqlDossierSubscriptions } from '../adapters/sql/sql-dossier-subscription-store.ts';
import type { Db } from '../adapters/sql/db/db.ts';
import { seedDemoDossiers } from '../knowledge/dossiers/demo-dossiers.ts';
import { chainDossierSources, type DossierSource } from '../knowledge/dossiers/dossier-source.ts';
import { createSqlDossierStore } from '../adapters/sql/sql-dossier-store.ts';
import type { DossierAppDeps } from '../channels/api/integration-routes.ts';
import { createHttpDossierSource } from '../adapters/dossier-api/http-dossier-source.ts';

type DossierConfig = Pick<Config, 'integrationToken' | 'dossierApiUrl' | 'dossierApiToken' | 'dossierApiTimeoutMs' | 'dossierDemo'>;

/** For createApp: the store the integration API writes to. */
export function dossierAppDeps(config: DossierConfig, db: Db): DossierAppDeps {
  return {
    store: createSqlDossierStore(db),
    subscriptions: createSqlDossierSubscriptions(db),
    ...(config.integrationToken ? { integrationToken: config.integrationToken } : {}),
  };
}

/** For the bot: seeds the demo dossiers if due, then builds the desk over the configured sources. */
export async function startDossierLookup(config: DossierConfig, db: Db, log?: BotLogger & { info(o: object, m: string): void }): Promise<DossierLookup> {
  const store = createSqlDossierStore(db);
  const demoCodes = config.dossierDemo ? await seedDemoDossiers(store) : [];
  const sources: DossierSource[] = [store];
  if (config.dossierApiUrl) {
    sources.push(
      createHttpDossierSource({
        baseUrl: config.dossierApiUrl,
        timeoutMs: config.dossierApiTimeoutMs,
        ...(config.dossierApiToken ? { token: config.dossierApiToken } : {}),
      }),
    );
  }
  log?.info({ demoDossiers: demoCodes.length, externalApi: Boolean(config.dossierApiUrl) }, 'dossier lookup ready');
  return createDossierLookupService({
    source: chainDossierSources(sources),
    audit: createSqlDossierAuditLog(db),
    subscriptions: createSqlDossierSubscriptions(db),
    demoCodes,
    ...(log ? { log } : {}),
  });
}
