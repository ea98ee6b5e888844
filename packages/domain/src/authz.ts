/**
 * Authorisation as a pure function. A role grants, per resource and action, a record scope:
 * "all" records, the actor's "team" (and own), or only records the actor "own"s.
 */
export const resources = [
  'accounts',
  'contacts',
  'relationships',
  'custom_fields',
  'users',
  'teams',
  'roles',
  'api_keys',
  'audit',
  'interactions',
  'tasks',
  'notes',
  'outcomes',
  'emails',
  'products',
  'orders',
  'invoices',
  'warranties',
  'value',
  'surveys',
  'leads',
  'lead_forms',
  'pipelines',
  'deals',
  'quotes',
  'cases',
  'queues',
  'sla_policies',
  'routing_rules',
] as const;
export type Resource = (typeof resources)[number];

export const actions = ['read', 'create', 'update', 'delete', 'export', 'merge'] as const;
export type Action = (typeof actions)[number];

export const scopes = ['all', 'team', 'own'] as const;
export type Scope = (typeof scopes)[number];

export type Permissions = Partial<Record<Resource, Partial<Record<Action, Scope>>>>;

export type Actor = {
  kind: 'user' | 'api_key' | 'system';
  userId: string | null;
  teamId: string | null;
  name: string;
  role: string;
  permissions: Permissions;
  /** For API keys: what the key may do on top of its user's role. */
  keyScopes?: readonly ('read' | 'write')[];
  apiKeyId?: string;
};

/** The owner and team of a record, as far as authorisation cares. */
export type Owned = { ownerId?: string | null; teamId?: string | null };

const readActions: ReadonlySet<Action> = new Set(['read', 'export']);

/** The scope the actor holds for an action on a resource, or null when denied. */
export function scopeOf(actor: Actor, action: Action, resource: Resource): Scope | null {
  if (actor.kind === 'system') return 'all';
  if (actor.kind === 'api_key') {
    const needed = readActions.has(action) ? 'read' : 'write';
    if (!actor.keyScopes?.includes(needed)) return null;
  }
  return actor.permissions[resource]?.[action] ?? null;
}

/**
 * May the actor do `action` on `resource`? Without a record this answers "on some records at
 * all" (lists apply the scope as a filter); with one it checks the record's owner and team.
 */
export function can(actor: Actor, action: Action, resource: Resource, record?: Owned): boolean {
  const scope = scopeOf(actor, action, resource);
  if (!scope) return false;
  if (!record) return true;
  return inScope(actor, scope, record);
}

export function inScope(actor: Actor, scope: Scope, record: Owned): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'team':
      return (
        (record.ownerId != null && record.ownerId === actor.userId) ||
        (record.teamId != null && record.teamId === actor.teamId)
      );
    case 'own':
      return record.ownerId != null && record.ownerId === actor.userId;
  }
}

const everything = (scope: Scope) =>
  Object.fromEntries(actions.map((a) => [a, scope])) as Record<Action, Scope>;
const readAll = { read: 'all' } as const;
/** Everyone may read the user list and edit their own profile and password. */
const ownProfile = { read: 'all', update: 'own' } as const;

/** The four built-in roles. Admins may add roles with their own permission maps. */
export const builtinRoles: Record<string, { name: string; description: string; permissions: Permissions }> = {
  admin: {
    name: 'Administrator',
    description: 'Everything, including users, roles and settings.',
    permissions: Object.fromEntries(resources.map((r) => [r, everything('all')])) as Permissions,
  },
  manager: {
    name: 'Manager',
    description: 'All customer records; reads users and settings.',
    permissions: {
      accounts: everything('all'),
      contacts: everything('all'),
      relationships: everything('all'),
      interactions: everything('all'),
      tasks: everything('all'),
      notes: everything('all'),
      emails: everything('all'),
      products: everything('all'),
      orders: everything('all'),
      invoices: everything('all'),
      warranties: everything('all'),
      // Managers read value and may start a recompute; the settings are the admin's.
      value: { read: 'all', create: 'all', export: 'all' },
      surveys: everything('all'),
      leads: everything('all'),
      deals: everything('all'),
      quotes: everything('all'),
      cases: everything('all'),
      // Sales and service set-up (forms, pipelines, queues, SLAs, routing) is the admin's.
      lead_forms: readAll,
      pipelines: readAll,
      queues: readAll,
      sla_policies: readAll,
      routing_rules: readAll,
      outcomes: readAll,
      custom_fields: readAll,
      users: ownProfile,
      teams: readAll,
      roles: readAll,
      audit: readAll,
      api_keys: { read: 'own', create: 'own', delete: 'own' },
    },
  },
  agent: {
    name: 'Agent',
    description: 'Reads all customers, changes those of their team, deletes their own.',
    permissions: {
      accounts: { read: 'all', create: 'own', update: 'team', delete: 'own', merge: 'team' },
      contacts: { read: 'all', create: 'own', update: 'team', delete: 'own', merge: 'team' },
      relationships: { read: 'all', create: 'team', update: 'team', delete: 'team' },
      interactions: { read: 'all', create: 'own', update: 'own', delete: 'own' },
      tasks: { read: 'all', create: 'team', update: 'team', delete: 'own' },
      notes: { read: 'all', create: 'own', update: 'own', delete: 'own' },
      emails: { read: 'all', create: 'own', update: 'team' },
      products: readAll,
      orders: { read: 'all', create: 'own', update: 'team' },
      invoices: readAll,
      warranties: { read: 'all', create: 'all' },
      value: readAll,
      surveys: { read: 'all', create: 'own', update: 'own', delete: 'own' },
      leads: { read: 'all', create: 'own', update: 'team', delete: 'own' },
      deals: { read: 'all', create: 'own', update: 'team', delete: 'own' },
      quotes: { read: 'all', create: 'own', update: 'team', delete: 'own' },
      cases: { read: 'all', create: 'own', update: 'team', delete: 'own' },
      lead_forms: readAll,
      pipelines: readAll,
      queues: readAll,
      sla_policies: readAll,
      routing_rules: readAll,
      outcomes: readAll,
      custom_fields: readAll,
      users: ownProfile,
      teams: readAll,
      roles: readAll,
      audit: readAll,
      api_keys: { read: 'own', create: 'own', delete: 'own' },
    },
  },
  read_only: {
    name: 'Read only',
    description: 'Reads customers and settings; changes nothing.',
    permissions: {
      accounts: readAll,
      contacts: readAll,
      relationships: readAll,
      interactions: readAll,
      tasks: readAll,
      notes: readAll,
      emails: readAll,
      products: readAll,
      orders: readAll,
      invoices: readAll,
      warranties: readAll,
      value: readAll,
      surveys: readAll,
      leads: readAll,
      lead_forms: readAll,
      pipelines: readAll,
      deals: readAll,
      quotes: readAll,
      cases: readAll,
      queues: readAll,
      sla_policies: readAll,
      routing_rules: readAll,
      outcomes: readAll,
      custom_fields: readAll,
      users: ownProfile,
      teams: readAll,
      roles: readAll,
      audit: readAll,
    },
  },
};
