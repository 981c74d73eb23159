/**
 * Wiring for the officer console from the config: accounts, the handoff desk (office hours,
 * claim timeout), the first supervisor (OFFICER_BOOTSTRAP_USER / _PASSWORD) and the sweeper
 * that turns unclaimed waiting tickets into tickets answered later.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { EventHub } from '../bot/events/event-hub.ts';
import { createHandoffDesk, type HandoffDesk } from '../bot/handoff/handoff-desk.ts';
import { createSqlHandoffRecords } from '../adapters/sql/sql-handoff-record-store.ts';
import type { HandoffRecords } from '../bot/handoff/handoff-record-store.ts';
import { parseOfficeHours } from '../bot/handoff/office-hours.ts';
import type { TicketStore } from '../bot/handoff/ticket-store.ts';
import type { ConversationStore } from '../bot/conversation/conversation-store.ts';
import type { Db } from '../adapters/sql/db/db.ts';
import { createSqlConversationDossiers } from '../adapters/sql/sql-conversation-dossier-store.ts';
import type { ConversationDossiers } from '../bot/dossiers/conversation-dossiers.ts';
import { createOfficerAccounts, type OfficerAccounts } from '../adapters/sql/sql-officer-store.ts';
import { createLoginLimits, type LoginLimits } from '../adapters/sql/sql-login-limit-store.ts';

export interface OfficerAppDeps {
  accounts: OfficerAccounts;
  loginLimits: LoginLimits;
  records: HandoffRecords;
  desk: HandoffDesk;
  /** The dossiers each conversation looked up (the officer's context). */
  dossiersLookedUp: ConversationDossiers;
}

export interface OfficerSetupInput {
  db: Db;
  config: Pick<Config, 'officeHours' | 'handoffClaimTimeoutMinutes'>;
  store: ConversationStore;
  tickets: TicketStore;
  events: EventHub;
  log?: Logger;
  now?: () => Date;
}

export function createOfficerDeps(input: OfficerSetupInput): OfficerAppDeps {
  const accounts = createOfficerAccounts(input.db);
  const records = createSqlHandoffRecords(input.db);
  const desk = createHandoffDesk({
    store: input.store,
    tickets: input.tickets,
    records,
    events: input.events,
    officers: accounts,
    officeHours: parseOfficeHours(input.config.officeHours),
    claimTimeoutMinutes: input.config.handoffClaimTimeoutMinutes,
    ...(input.now ? { now: input.now } : {}),
    ...(input.log ? { log: input.log } : {}),
  });
  return { accounts, loginLimits: createLoginLimits(input.db), records, desk, dossiersLookedUp: createSqlConversationDossiers(input.db) };
}

/** Creates the first supervisor if the configured username does not exist yet (safe on every start, on every instance). */
export async function bootstrapSupervisor(
  accounts: OfficerAccounts,
  config: Pick<Config, 'officerBootstrapUser' | 'officerBootstrapPassword'>,
  log?: Logger,
): Promise<void> {
  if (!config.officerBootstrapUser || !config.officerBootstrapPassword) return;
  const created = await accounts.create({
    username: config.officerBootstrapUser,
    password: config.officerBootstrapPassword,
    displayName: 'Giám sát viên',
    role: 'supervisor',
  });
  if (created) log?.info({ officerId: created.id }, 'first supervisor account created');
}

/** Checks the queue for tickets past the claim timeout every `intervalMs`; returns the stop function. */
export function startClaimSweeper(desk: HandoffDesk, intervalMs: number, log?: Logger): () => void {
  const timer = setInterval(() => {
    desk.expireStale().catch((error: unknown) => log?.warn({ err: error }, 'handoff sweep failed'));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
