import type { AccountType, Address, EmailEntry, PhoneEntry, RecordType } from '@relata/domain';
import type { ContactNps, NpsTally } from '../nps/nps-api.ts';
import type { ListValue } from '../value/value-api.ts';

/** Records as the API presents them (docs/api-contract.md). */
export type Contact = {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  jobTitle: string | null;
  emails: EmailEntry[];
  phones: PhoneEntry[];
  address: Address | null;
  language: string | null;
  ownerId: string | null;
  teamId: string | null;
  custom: Record<string, unknown>;
  /** 0–1000, from the ERP or set by hand. */
  creditScore: number | null;
  /** Profile fields the customer chose not to give (`phones`, `custom.income`…); they stay empty. */
  withheldFields: string[];
  /** The latest NPS answer; promoters are shown as "advocates". */
  nps: ContactNps | null;
  /** When the person's data was erased: the record is an anonymous shell that takes no new data. */
  erasedAt: string | null;
  /** On list items, for users who may read customer value. */
  value?: ListValue;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type Account = {
  id: string;
  name: string;
  domain: string | null;
  type: AccountType;
  industry: string | null;
  size: string | null;
  address: Address | null;
  ownerId: string | null;
  teamId: string | null;
  custom: Record<string, unknown>;
  /** 0–1000, from the ERP or set by hand. */
  creditScore: number | null;
  /** Over its contacts' latest NPS answers. */
  nps: NpsTally;
  /** On list items, for users who may read customer value. */
  value?: ListValue;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type RecordOf<T extends RecordType> = T extends 'contact' ? Contact : Account;
export type AnyRecord = Contact | Account;

export type DuplicateReason = 'email' | 'phone' | 'name' | 'domain';
export type Duplicate<T> = { record: T; reasons: DuplicateReason[] };

export const collectionOf = (type: RecordType) => (type === 'contact' ? 'contacts' : 'accounts');

export function primaryEmail(c: Pick<Contact, 'emails'>): string | null {
  return (c.emails.find((e) => e.primary) ?? c.emails[0])?.address ?? null;
}

export function primaryPhone(c: Pick<Contact, 'phones'>): string | null {
  return (c.phones.find((p) => p.primary) ?? c.phones[0])?.number ?? null;
}
