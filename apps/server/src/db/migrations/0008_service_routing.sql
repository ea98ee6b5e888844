-- Service desk (queues, business calendars, SLA policies, cases, disputes) and the routing engine
-- (ordered rules, the decisions they made, round-robin turns).

CREATE TABLE queues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  escalation_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX queues_name_key ON queues (lower(name));

CREATE TABLE business_calendars (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  timezone text NOT NULL,
  hours jsonb NOT NULL,
  holidays jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE sla_policies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  tiers text[] NOT NULL DEFAULT '{}',
  calendar_id uuid REFERENCES business_calendars (id) ON DELETE RESTRICT,
  targets jsonb NOT NULL,
  warn_at_percent smallint NOT NULL DEFAULT 75 CHECK (warn_at_percent BETWEEN 1 AND 99),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

CREATE SEQUENCE case_number_seq;
CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL,
  subject text NOT NULL,
  description text NOT NULL DEFAULT '',
  channel text NOT NULL,
  type text,
  queue_id uuid REFERENCES queues (id) ON DELETE SET NULL,
  priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  priority_rank smallint GENERATED ALWAYS AS (
    CASE priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END
  ) STORED,
  status text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'solved', 'closed')),
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  order_id uuid REFERENCES orders (id) ON DELETE SET NULL,
  tags text[] NOT NULL DEFAULT '{}',
  sla_policy_id uuid REFERENCES sla_policies (id) ON DELETE SET NULL,
  first_response_due_at timestamptz(3),
  first_response_warn_at timestamptz(3),
  resolution_due_at timestamptz(3),
  resolution_warn_at timestamptz(3),
  first_responded_at timestamptz(3),
  resolved_at timestamptz(3),
  closed_at timestamptz(3),
  -- Waiting on the customer (status pending) stops the resolution clock; the business minutes
  -- spent waiting move its due time.
  pending_since timestamptz(3),
  paused_minutes double precision NOT NULL DEFAULT 0,
  first_response_warned_at timestamptz(3),
  resolution_warned_at timestamptz(3),
  first_response_breached_at timestamptz(3),
  resolution_breached_at timestamptz(3),
  escalation_level smallint NOT NULL DEFAULT 0,
  csat_invitation_id uuid,
  -- The next deadline the case must meet: first response until responded, then resolution.
  next_due_at timestamptz(3) GENERATED ALWAYS AS (
    CASE
      WHEN status IN ('solved', 'closed') THEN NULL
      WHEN first_responded_at IS NULL AND first_response_due_at IS NOT NULL THEN first_response_due_at
      WHEN pending_since IS NULL THEN resolution_due_at
    END
  ) STORED,
  search_text text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX cases_number_key ON cases (number);
-- The queue view: open cases of a queue by the deadline they must meet next.
CREATE INDEX cases_queue_due_idx ON cases (queue_id, next_due_at, id) WHERE status IN ('new', 'open', 'pending');
CREATE INDEX cases_open_due_idx ON cases (next_due_at, id) WHERE status IN ('new', 'open', 'pending');
CREATE INDEX cases_assignee_idx ON cases (assignee_id, next_due_at, id) WHERE status IN ('new', 'open', 'pending');
CREATE INDEX cases_created_idx ON cases (created_at, id);
CREATE INDEX cases_contact_idx ON cases (contact_id, created_at) WHERE contact_id IS NOT NULL;
CREATE INDEX cases_account_idx ON cases (account_id, created_at) WHERE account_id IS NOT NULL;
CREATE INDEX cases_order_idx ON cases (order_id) WHERE order_id IS NOT NULL;
-- The escalation job: clocks that reach their warning or due time.
CREATE INDEX cases_first_response_clock_idx ON cases (first_response_warn_at)
  WHERE first_responded_at IS NULL AND first_response_breached_at IS NULL AND status IN ('new', 'open', 'pending');
CREATE INDEX cases_resolution_clock_idx ON cases (resolution_warn_at)
  WHERE resolved_at IS NULL AND resolution_breached_at IS NULL AND pending_since IS NULL AND status IN ('new', 'open', 'pending');
CREATE INDEX cases_search_idx ON cases USING gin (search_text gin_trgm_ops);

CREATE TABLE disputes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid REFERENCES cases (id) ON DELETE CASCADE,
  interaction_id uuid REFERENCES interactions (id) ON DELETE CASCADE,
  contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  reasons jsonb NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'investigating', 'resolved', 'rejected')),
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  resolution text NOT NULL DEFAULT '',
  opened_at timestamptz(3) NOT NULL,
  resolved_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (case_id IS NOT NULL OR interaction_id IS NOT NULL)
);
CREATE UNIQUE INDEX disputes_case_key ON disputes (case_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX disputes_interaction_key ON disputes (interaction_id) WHERE interaction_id IS NOT NULL;
CREATE INDEX disputes_status_idx ON disputes (status, opened_at, id);
CREATE INDEX disputes_contact_idx ON disputes (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX disputes_account_idx ON disputes (account_id) WHERE account_id IS NOT NULL;

ALTER TABLE interactions ADD COLUMN case_id uuid REFERENCES cases (id) ON DELETE SET NULL;
CREATE INDEX interactions_case_idx ON interactions (case_id, occurred_at) WHERE case_id IS NOT NULL;
ALTER TABLE tasks ADD COLUMN case_id uuid REFERENCES cases (id) ON DELETE SET NULL;
CREATE INDEX tasks_case_idx ON tasks (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE routing_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  kinds text[] NOT NULL DEFAULT '{}',
  match text NOT NULL DEFAULT 'all' CHECK (match IN ('all', 'any')),
  conditions jsonb NOT NULL DEFAULT '[]',
  actions jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX routing_rules_position_idx ON routing_rules (position, created_at);

-- What routing decided for a case, lead or interaction, and why (kept when the rule changes).
CREATE TABLE routing_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type text NOT NULL CHECK (subject_type IN ('case', 'lead', 'interaction')),
  subject_id uuid NOT NULL,
  rule_id uuid,
  rule_name text,
  reason text NOT NULL,
  matched jsonb NOT NULL DEFAULT '[]',
  actions jsonb NOT NULL DEFAULT '{}',
  assignee_id uuid,
  queue_id uuid,
  decided_at timestamptz(3) NOT NULL
);
CREATE INDEX routing_decisions_subject_idx ON routing_decisions (subject_type, subject_id, decided_at DESC);

-- Whose turn it is next in a team's round robin.
CREATE TABLE routing_round_robin (
  team_id uuid PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  last_user_id uuid,
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

-- A working week and the policies most service desks start from (business minutes).
INSERT INTO business_calendars (id, name, timezone, hours, holidays) VALUES
  ('5e1a0000-0000-4000-8000-000000000001', 'Office hours', 'Europe/Stockholm',
   '{"mon":[["08:00","17:00"]],"tue":[["08:00","17:00"]],"wed":[["08:00","17:00"]],"thu":[["08:00","17:00"]],"fri":[["08:00","17:00"]],"sat":[],"sun":[]}',
   '[]');
INSERT INTO sla_policies (name, position, tiers, calendar_id, targets) VALUES
  ('Key accounts', 10, '{A}', '5e1a0000-0000-4000-8000-000000000001',
   '{"urgent":{"firstResponseMinutes":15,"resolutionMinutes":240},"high":{"firstResponseMinutes":60,"resolutionMinutes":540},"normal":{"firstResponseMinutes":120,"resolutionMinutes":1080},"low":{"firstResponseMinutes":480,"resolutionMinutes":2700}}'),
  ('Standard', 20, '{}', '5e1a0000-0000-4000-8000-000000000001',
   '{"urgent":{"firstResponseMinutes":60,"resolutionMinutes":540},"high":{"firstResponseMinutes":240,"resolutionMinutes":1620},"normal":{"firstResponseMinutes":540,"resolutionMinutes":2700},"low":{"firstResponseMinutes":1080,"resolutionMinutes":5400}}');
INSERT INTO queues (name, description) VALUES
  ('General support', 'Every request that no rule sends elsewhere');
