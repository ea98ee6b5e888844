-- Foundation: users, teams, roles, sessions, API keys, accounts, contacts,
-- relationships, custom fields, audit log, idempotency and login throttling.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE roles (
  key text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  permissions jsonb NOT NULL,
  builtin boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX teams_name_key ON teams (lower(name));

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL REFERENCES roles (key),
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  language text NOT NULL DEFAULT 'en',
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  last_login_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_team_idx ON users (team_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,             -- sha256 of the cookie token
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  user_agent text NOT NULL DEFAULT '',
  ip text NOT NULL DEFAULT '',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  prefix text NOT NULL,
  key_hash text NOT NULL,          -- sha256 of the secret; the secret is shown once
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scopes text[] NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3),
  last_used_at timestamptz(3),
  revoked_at timestamptz(3),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX api_keys_key_hash_key ON api_keys (key_hash);
CREATE INDEX api_keys_user_idx ON api_keys (user_id);

CREATE TABLE custom_field_defs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity text NOT NULL CHECK (entity IN ('contact', 'account')),
  key text NOT NULL,
  label text NOT NULL,
  type text NOT NULL,
  options jsonb NOT NULL DEFAULT '[]',
  required boolean NOT NULL DEFAULT false,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX custom_field_defs_entity_key_key ON custom_field_defs (entity, key);

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  domain text,
  type text NOT NULL DEFAULT 'customer',
  industry text,
  size text,
  address jsonb,
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  custom jsonb NOT NULL DEFAULT '{}',
  search_text text NOT NULL DEFAULT '',
  name_key text NOT NULL DEFAULT '',   -- name without legal form, for duplicate detection
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX accounts_name_key_idx ON accounts (name_key);
CREATE INDEX accounts_name_idx ON accounts (name, id);
CREATE INDEX accounts_created_idx ON accounts (created_at, id);
CREATE INDEX accounts_updated_idx ON accounts (updated_at, id);
CREATE INDEX accounts_domain_idx ON accounts (lower(domain));
CREATE INDEX accounts_owner_idx ON accounts (owner_id);
CREATE INDEX accounts_team_idx ON accounts (team_id);
CREATE INDEX accounts_custom_idx ON accounts USING gin (custom jsonb_path_ops);
CREATE INDEX accounts_search_trgm_idx ON accounts USING gin (search_text gin_trgm_ops);

CREATE TABLE contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  name text GENERATED ALWAYS AS (btrim(first_name || ' ' || last_name)) STORED,
  job_title text,
  emails jsonb NOT NULL DEFAULT '[]',
  phones jsonb NOT NULL DEFAULT '[]',
  primary_email text,              -- lower-cased, for sort, filter and lookup
  primary_phone text,              -- E.164
  email_keys text[] NOT NULL DEFAULT '{}',
  phone_keys text[] NOT NULL DEFAULT '{}',
  address jsonb,
  language text,
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  custom jsonb NOT NULL DEFAULT '{}',
  search_text text NOT NULL DEFAULT '',
  name_key text NOT NULL DEFAULT '',   -- folded full name, for duplicate detection
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX contacts_name_key_idx ON contacts (name_key) WHERE name_key <> '';
CREATE INDEX contacts_name_idx ON contacts (name, id);
CREATE INDEX contacts_last_name_idx ON contacts (last_name, id);
CREATE INDEX contacts_first_name_idx ON contacts (first_name, id);
CREATE INDEX contacts_created_idx ON contacts (created_at, id);
CREATE INDEX contacts_updated_idx ON contacts (updated_at, id);
CREATE INDEX contacts_primary_email_idx ON contacts (primary_email, id);
CREATE INDEX contacts_email_keys_idx ON contacts USING gin (email_keys);
CREATE INDEX contacts_phone_keys_idx ON contacts USING gin (phone_keys);
CREATE INDEX contacts_owner_idx ON contacts (owner_id, id);
CREATE INDEX contacts_team_idx ON contacts (team_id, id);
CREATE INDEX contacts_custom_idx ON contacts USING gin (custom jsonb_path_ops);
CREATE INDEX contacts_search_trgm_idx ON contacts USING gin (search_text gin_trgm_ops);

CREATE TABLE relationship_types (
  key text PRIMARY KEY,
  name text NOT NULL,
  inverse_name text NOT NULL,
  from_type text NOT NULL CHECK (from_type IN ('contact', 'account')),
  to_type text NOT NULL CHECK (to_type IN ('contact', 'account')),
  builtin boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
INSERT INTO relationship_types (key, name, inverse_name, from_type, to_type, builtin) VALUES
  ('works_at', 'works at', 'employs', 'contact', 'account', true),
  ('subsidiary_of', 'subsidiary of', 'parent of', 'account', 'account', true),
  ('partner_of', 'partner of', 'partner of', 'account', 'account', true),
  ('referred_by', 'referred by', 'referred', 'contact', 'contact', true),
  ('household', 'same household as', 'same household as', 'contact', 'contact', true);

CREATE TABLE relationships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL REFERENCES relationship_types (key),
  from_type text NOT NULL CHECK (from_type IN ('contact', 'account')),
  from_id uuid NOT NULL,
  to_type text NOT NULL CHECK (to_type IN ('contact', 'account')),
  to_id uuid NOT NULL,
  since date,
  until date,
  notes text NOT NULL DEFAULT '',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (until IS NULL OR since IS NULL OR until >= since),
  CHECK (NOT (from_type = to_type AND from_id = to_id))
);
CREATE INDEX relationships_from_idx ON relationships (from_id, type);
CREATE INDEX relationships_to_idx ON relationships (to_id, type);
CREATE INDEX relationships_created_idx ON relationships (created_at, id);

CREATE TABLE audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  at timestamptz(3) NOT NULL DEFAULT now(),
  actor_type text NOT NULL,        -- user, api_key, system
  actor_id uuid,
  actor_name text NOT NULL DEFAULT '',
  action text NOT NULL,            -- create, update, delete, merge, login, logout, ...
  record_type text NOT NULL,
  record_id uuid,
  changes jsonb NOT NULL DEFAULT '{}',
  meta jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_record_idx ON audit_log (record_id, at DESC, id DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);

CREATE TABLE idempotency_keys (
  actor_key text NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  body_hash text NOT NULL,
  status_code integer NOT NULL,
  response jsonb,
  headers jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_key, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

CREATE TABLE login_attempts (
  key text PRIMARY KEY,            -- 'email:<address>' or 'ip:<address>'
  failures integer NOT NULL DEFAULT 0,
  window_start timestamptz(3) NOT NULL DEFAULT now(),
  locked_until timestamptz(3)
);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
