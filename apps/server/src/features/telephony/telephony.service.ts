/**
 * Inbound-call events from a telephony system: log the call as an interaction (once per call
 * id) and pop the caller's card on the answering agent's screen.
 */
import { type Actor, normalisePhone, type TelephonyEvent } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import type { CustomerViewService } from '../customer-view/customer-view.service.ts';
import type { EventBus } from '../events/event-bus.ts';
import { findByExternalRef, updateInteraction } from '../interactions/interactions.repository.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { findUserByEmail } from '../users/users.repository.ts';

export function createTelephonyService(deps: {
  db: Db;
  clock: () => Date;
  interactions: InteractionService;
  customerView: CustomerViewService;
  events: EventBus;
  defaultPhoneCountry?: string | undefined;
}) {
  const { db } = deps;
  return {
    async handle(actor: Actor, e: TelephonyEvent) {
      if (actor.kind !== 'api_key') throw new AppError('forbidden', 'Telephony events come from an API key');
      const caller = normalisePhone(e.callerNumber, deps.defaultPhoneCountry ?? null) ?? e.callerNumber;
      const cards = await deps.customerView.lookup(actor, { phone: caller }).catch(() => []);
      const agent = e.agent ? await findUserByEmail(db, e.agent) : undefined;
      const at = e.occurredAt ? new Date(e.occurredAt) : deps.clock();
      const contactCard = cards.find((c) => c.type === 'contact');
      return db.transaction(async (tx) => {
        let interaction = await findByExternalRef(tx, 'phone', e.callId);
        if (!interaction && contactCard) {
          const created = await deps.interactions.createInTx(
            tx,
            actor,
            {
              channel: 'phone',
              direction: e.direction,
              status: 'done',
              occurredAt: at.toISOString(),
              subject: `${e.direction === 'inbound' ? 'Inbound call from' : 'Call to'} ${caller}`,
              notes: '',
              contactId: contactCard.id,
              participants: [],
              ...(e.durationSeconds !== undefined ? { durationSeconds: e.durationSeconds } : {}),
            },
            { externalRef: e.callId, ownerId: agent?.id ?? actor.userId },
          );
          interaction = created.row;
        } else if (interaction && e.durationSeconds !== undefined) {
          interaction = await updateInteraction(tx, interaction.id, {
            durationSeconds: e.durationSeconds,
            updatedAt: deps.clock(),
            version: interaction.version + 1,
          });
        }
        const popTo = agent?.id ?? null;
        if (popTo && e.event === 'call.ringing') {
          await deps.events.publish(tx, {
            type: 'screen_pop',
            userId: popTo,
            data: {
              callId: e.callId,
              callerNumber: caller,
              calledNumber: e.calledNumber ?? null,
              interactionId: interaction?.id ?? null,
              cards,
            },
          });
        }
        return {
          interactionId: interaction?.id ?? null,
          logged: Boolean(interaction),
          cards,
          poppedTo: popTo,
        };
      });
    },
  };
}
export type TelephonyService = ReturnType<typeof createTelephonyService>;
