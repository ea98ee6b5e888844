-- Interactions with outcomes, tasks and callbacks, notes, attachments, email, calendar feeds.

CREATE TABLE outcomes (
  key text PRIMARY KEY,
  label text NOT NULL,
  channels text[] NOT NULL DEFAULT '{}',      -- empty: every channel
  creates_callback boolean NOT NULL DEFAULT false,
  sentiment text NOT NULL DEFAULT 'neutral' CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  builtin boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
INSERT INTO outcomes (key, label, channels, creates_callback, sentiment, position, builtin) VALUES
  ('reached', 'Reached', '{}', false, 'neutral', 10, true),
  ('no_answer', 'No answer', '{phone,ivr,sms,chat}', false, 'neutral', 20, true),
  ('left_message', 'Left a message', '{phone}', false, 'neutral', 30, true),
  ('interested', 'Interested', '{}', false, 'positive', 40, true),
  ('not_interested', 'Not interested', '{}', false, 'negative', 50, true),
  ('meeting_booked', 'Meeting booked', '{}', false, 'positive', 60, true),
  ('order_placed', 'Order placed', '{}', false, 'positive', 70, true),
  ('complaint', 'Complaint', '{}', false, 'negative', 80, true),
  ('callback_requested', 'Callback requested', '{}', true, 'neutral', 90, true),
  ('resolved', 'Resolved', '{}', false, 'positive', 100, true),
  ('sent', 'Sent', '{email,letter,sms,fax,social}', false, 'neutral', 110, true),
  ('replied', 'Replied', '{email,chat,social,sms}', false, 'positive', 120, true),
  ('bounced', 'Bounced', '{email,letter}', false, 'negative', 130, true);

ALTER TABLE users ADD COLUMN calendar_token text;
CREATE UNIQUE INDEX users_calendar_token_key ON users (calendar_token);

CREATE TABLE interactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  initiative text NOT NULL CHECK (initiative IN ('customer', 'company')),
  status text NOT NULL DEFAULT 'done' CHECK (status IN ('planned', 'done', 'cancelled')),
  occurred_at timestamptz(3) NOT NULL,
  ends_at timestamptz(3),
  duration_seconds integer CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
  subject text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',          -- sanitised HTML
  location text,
  contact_id uuid REFERENCES contacts (id) ON DELETE CASCADE,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  outcome text REFERENCES outcomes (key),
  outcome_note text,
  cost bigint CHECK (cost IS NULL OR cost >= 0),   -- minor units of the company currency
  callback_at timestamptz(3),
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  email_id uuid,
  external_ref text,                       -- e.g. the telephony call id
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX interactions_contact_idx ON interactions (contact_id, occurred_at DESC, id DESC);
CREATE INDEX interactions_account_idx ON interactions (account_id, occurred_at DESC, id DESC);
CREATE INDEX interactions_occurred_idx ON interactions (occurred_at, id);
CREATE INDEX interactions_owner_idx ON interactions (owner_id, occurred_at DESC);
CREATE INDEX interactions_planned_idx ON interactions (owner_id, occurred_at) WHERE status = 'planned';
CREATE INDEX interactions_search_trgm_idx ON interactions USING gin (search_text gin_trgm_ops);
CREATE UNIQUE INDEX interactions_external_ref_key ON interactions (channel, external_ref) WHERE external_ref IS NOT NULL;

CREATE TABLE interaction_participants (
  interaction_id uuid NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
  participant_type text NOT NULL CHECK (participant_type IN ('user', 'contact')),
  participant_id uuid NOT NULL,
  PRIMARY KEY (interaction_id, participant_type, participant_id)
);
CREATE INDEX interaction_participants_participant_idx ON interaction_participants (participant_id);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  type text NOT NULL DEFAULT 'task',
  notes text NOT NULL DEFAULT '',
  due_at timestamptz(3),
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  contact_id uuid REFERENCES contacts (id) ON DELETE CASCADE,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  interaction_id uuid REFERENCES interactions (id) ON DELETE SET NULL,
  reminder_at timestamptz(3),
  reminded_at timestamptz(3),
  completed_at timestamptz(3),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX tasks_assignee_idx ON tasks (assignee_id, status, due_at, id);
CREATE INDEX tasks_contact_idx ON tasks (contact_id, status);
CREATE INDEX tasks_account_idx ON tasks (account_id, status);
CREATE INDEX tasks_due_idx ON tasks (due_at, id) WHERE status = 'open';
CREATE INDEX tasks_reminder_idx ON tasks (reminder_at) WHERE status = 'open' AND reminded_at IS NULL;
CREATE INDEX tasks_created_idx ON tasks (created_at, id);

CREATE TABLE notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_type text NOT NULL CHECK (record_type IN ('contact', 'account', 'interaction', 'task')),
  record_id uuid NOT NULL,
  body text NOT NULL,                       -- sanitised HTML
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX notes_record_idx ON notes (record_id, created_at DESC, id DESC);

CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_type text NOT NULL CHECK (record_type IN ('contact', 'account', 'interaction', 'task', 'email')),
  record_id uuid NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX attachments_record_idx ON attachments (record_id, created_at DESC);

CREATE TABLE emails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'received', 'unmatched')),
  message_id text NOT NULL,
  in_reply_to text,
  "references" text[] NOT NULL DEFAULT '{}',
  thread_id uuid NOT NULL,
  from_address text NOT NULL,
  to_addresses text[] NOT NULL DEFAULT '{}',
  cc_addresses text[] NOT NULL DEFAULT '{}',
  subject text NOT NULL DEFAULT '',
  text_body text NOT NULL DEFAULT '',
  html_body text NOT NULL DEFAULT '',       -- sanitised
  contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  interaction_id uuid REFERENCES interactions (id) ON DELETE SET NULL,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz(3),
  received_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX emails_message_id_key ON emails (message_id, direction);
CREATE INDEX emails_thread_idx ON emails (thread_id, created_at);
CREATE INDEX emails_contact_idx ON emails (contact_id, created_at DESC);
CREATE INDEX emails_unmatched_idx ON emails (created_at DESC, id DESC) WHERE status = 'unmatched';
