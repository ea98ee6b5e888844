import {
  type Actor,
  type ConsentChannel,
  type ConsentUpdate,
  consentChannels,
  type FieldError,
  mayContact,
} from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { getContact } from '../contacts/contacts.repository.ts';
import { authorize, requireCan } from '../shared/guards.ts';
import { signToken, verifyToken } from '../shared/signing.ts';
import * as repo from './consent.repository.ts';

export function presentConsent(r: repo.ConsentRow | repo.ConsentHistoryRow) {
  return {
    purpose: r.purpose,
    channel: r.channel,
    status: r.status,
    source: r.source,
    evidence: r.evidence,
    recordedAt: r.recordedAt.toISOString(),
    recordedBy: r.recordedBy,
  };
}

const UNSUBSCRIBE_DAYS = 365 * 2;

export function createConsentService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;

  /** Every purpose × channel, `unknown` where nothing was recorded. */
  async function matrix(ex: Executor, contactId: string) {
    const [rows, purposes] = await Promise.all([repo.consentsOf(ex, contactId), repo.listPurposes(ex)]);
    return purposes.flatMap((p) =>
      consentChannels.map((channel) => {
        const r = rows.find((x) => x.purpose === p.key && x.channel === channel);
        return r
          ? presentConsent(r)
          : {
              purpose: p.key,
              channel,
              status: 'unknown' as const,
              source: '',
              evidence: '',
              recordedAt: null,
              recordedBy: null,
            };
      }),
    );
  }

  /** Records consent changes in the caller's transaction (also used by the public pages). */
  async function recordInTx(tx: Executor, actor: Actor, contactId: string, input: ConsentUpdate) {
    const known = await repo.purposeExists(tx, [...new Set(input.consents.map((c) => c.purpose))]);
    const errors: FieldError[] = input.consents.flatMap((c, i) =>
      known.has(c.purpose)
        ? []
        : [{ field: `consents.${i}.purpose`, code: 'not_found', message: 'no such purpose' }],
    );
    if (errors.length) throw invalid(errors);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const c of input.consents) {
      const before = await repo.currentConsent(tx, contactId, c.purpose, c.channel);
      if (
        before &&
        before.status === c.status &&
        before.source === c.source &&
        before.evidence === c.evidence
      )
        continue;
      await repo.recordConsent(tx, {
        contactId,
        purpose: c.purpose,
        channel: c.channel,
        status: c.status,
        source: c.source,
        evidence: c.evidence,
        recordedAt: c.recordedAt ? new Date(c.recordedAt) : deps.clock(),
        recordedBy: actor.kind === 'user' ? actor.userId : null,
      });
      changes[`${c.purpose}.${c.channel}`] = { from: before?.status ?? 'unknown', to: c.status };
    }
    if (Object.keys(changes).length)
      await insertAudit(tx, auditEntry(actor, 'update', 'consent', contactId, changes));
  }

  return {
    recordInTx,
    async get(actor: Actor, contactId: string) {
      authorize(actor, 'read', 'contacts', await getContact(db, contactId), 'Contact');
      return matrix(db, contactId);
    },
    async update(actor: Actor, contactId: string, input: ConsentUpdate) {
      return db.transaction(async (tx) => {
        authorize(actor, 'update', 'contacts', await getContact(tx, contactId, true), 'Contact');
        await recordInTx(tx, actor, contactId, input);
        return matrix(tx, contactId);
      });
    },
    async history(actor: Actor, contactId: string) {
      authorize(actor, 'read', 'contacts', await getContact(db, contactId), 'Contact');
      return { data: (await repo.historyOf(db, contactId)).map(presentConsent), nextCursor: null };
    },
    async purposes(actor: Actor) {
      requireCan(actor, 'read', 'contacts');
      return (await repo.listPurposes(db)).map((p) => ({ key: p.key, label: p.label, builtin: p.builtin }));
    },
    async addPurpose(actor: Actor, input: { key: string; label: string }) {
      requireCan(actor, 'update', 'custom_fields');
      return db.transaction(async (tx) => {
        const row = await repo.insertPurpose(tx, input.key, input.label);
        if (!row)
          throw new AppError('conflict', 'A purpose with this key exists', {
            errors: [{ field: 'key', code: 'duplicate', message: 'is taken' }],
          });
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'consent_purpose', null, { key: { from: null, to: input.key } }),
        );
        return { key: row.key, label: row.label, builtin: row.builtin };
      });
    },
    /** The decision every sender asks for: may we reach this contact for this purpose on this channel? */
    async check(ex: Executor, contactId: string, purpose: string, channel: ConsentChannel) {
      const rows = await repo.consentsOf(ex, contactId);
      return mayContact({ consents: rows }, purpose, channel);
    },
    /** A one-click unsubscribe link for a contact, purpose and channel (in outbound emails). */
    async unsubscribeToken(ex: Executor, contactId: string, purpose: string, channel: ConsentChannel) {
      const e = Math.floor(deps.clock().getTime() / 1000) + UNSUBSCRIBE_DAYS * 86_400;
      return signToken(ex, { k: 'unsubscribe', i: contactId, e, p: purpose, c: channel });
    },
    /** The public unsubscribe: records a denial with the link as evidence. */
    async unsubscribe(token: string) {
      return db.transaction(async (tx) => {
        const v = await verifyToken(tx, token, 'unsubscribe', deps.clock());
        if (!v.ok)
          throw new AppError('not_found', v.reason === 'expired' ? 'This link has expired' : 'Unknown link');
        const contact = await getContact(tx, v.payload.i);
        if (!contact) throw new AppError('not_found', 'Unknown link');
        const purpose = String(v.payload.p);
        const channel = String(v.payload.c) as ConsentChannel;
        await recordInTx(tx, unsubscribeActor, contact.id, {
          consents: [
            {
              purpose,
              channel,
              status: 'denied',
              source: 'unsubscribe_link',
              evidence: 'One-click unsubscribe link',
            },
          ],
        });
        return { purpose, channel };
      });
    },
  };
}
export type ConsentService = ReturnType<typeof createConsentService>;

const unsubscribeActor: Actor = {
  kind: 'system',
  userId: null,
  teamId: null,
  name: 'Unsubscribe link',
  role: 'system',
  permissions: {},
};
