/**
 * Opt-in notifications: when the one-stop system reports a new status, every conversation
 * subscribed to the dossier gets a message — stored in the conversation first (so a citizen
 * who is offline sees it on return, and the web chat's event stream replays it after a
 * reconnect), then published on the EventHub to whatever channel is listening.
 */
import type { Dossier } from '../../knowledge/dossiers/dossier.ts';
import type { WorkingCalendar } from '../../knowledge/dossiers/working-days.ts';
import type { BotLogger } from '../deps.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import { composeStatusChangeNotice } from '../compose/dossier.ts';
import type { DossierSubscriptions } from './dossier-activity.ts';
import { toPublicStatus } from './public-status.ts';

export interface DossierNotifierDeps {
  subscriptions: DossierSubscriptions;
  store: ConversationStore;
  events: EventHub;
  calendar?: WorkingCalendar;
  log?: BotLogger;
  now?: () => Date;
}

export interface DossierNotifier {
  /** Tells every subscriber of the dossier its new status; returns how many were told. */
  statusChanged(dossier: Dossier): Promise<number>;
}

export function createDossierNotifier(deps: DossierNotifierDeps): DossierNotifier {
  const now = deps.now ?? (() => new Date());
  return {
    async statusChanged(dossier) {
      const subscribers = await deps.subscriptions.subscribers(dossier.code);
      if (subscribers.length === 0) return 0;
      const status = toPublicStatus(dossier, now(), deps.calendar);
      const text = composeStatusChangeNotice(status);
      let told = 0;
      for (const { conversationId } of subscribers) {
        try {
          const [stored] = await deps.store.append(conversationId, [
            { author: 'system', text, payload: { dossier: { code: dossier.code, status: dossier.status } }, intent: 'status' },
          ]);
          if (!stored) continue;
          await deps.events.publish({
            conversationId,
            type: 'status',
            from: 'system',
            text,
            messageId: stored.id,
            data: { dossierCode: dossier.code, status: dossier.status },
            at: stored.createdAt,
          });
          told += 1;
        } catch (error) {
          // One conversation failing (deleted meanwhile) must not stop the others.
          deps.log?.warn({ err: error, conversationId }, 'dossier notification failed');
        }
      }
      return told;
    },
  };
}
