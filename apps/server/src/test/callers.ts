/** The callers of an authorisation matrix: an owner, their teammate, another team, lower roles, keys, nobody. */
import type { Client, TestApp } from './app.ts';

export const everyone = Object.freeze([
  'owner',
  'sameTeam',
  'otherTeam',
  'readOnly',
  'manager',
  'admin',
  'keyRead',
  'keyWrite',
  'anonymous',
] as const);
export type Who = (typeof everyone)[number];
export type Callers = Record<Who, Client>;

/** An agent owner in team A, a teammate, an agent in team B, read-only, a manager, keys of the owner. */
export async function matrixCallers(t: TestApp): Promise<Callers> {
  const teamA = await t.team('Team A');
  const teamB = await t.team('Team B');
  const owner = await t.userClient('agent', teamA, 'Owner');
  return {
    owner,
    sameTeam: await t.userClient('agent', teamA),
    otherTeam: await t.userClient('agent', teamB),
    readOnly: await t.userClient('read_only', teamA),
    manager: await t.userClient('manager', teamB),
    admin: t.admin,
    keyRead: await t.apiKeyClient(owner, ['read']),
    keyWrite: await t.apiKeyClient(owner, ['read', 'write']),
    anonymous: t.anonymous,
  };
}
