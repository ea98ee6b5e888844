import { type Action, type Actor, can, type Owned, type Resource } from '@relata/domain';
import { AppError, forbidden, notFound } from '../../http/errors.ts';

/** Throws 404 for a missing record and 403 when the actor may not act on it. */
export function authorize<T extends object>(
  actor: Actor,
  action: Action,
  resource: Resource,
  record: T | undefined,
  what: string,
): T {
  if (!record) throw notFound(what);
  if (!can(actor, action, resource, record as Owned)) throw forbidden();
  return record;
}

export function requireCan(actor: Actor, action: Action, resource: Resource, record?: Owned): void {
  if (!can(actor, action, resource, record)) throw forbidden();
}

export function checkVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'precondition_failed',
      `The record is at version ${current}, not ${expected}; reload it`,
    );
  }
}
