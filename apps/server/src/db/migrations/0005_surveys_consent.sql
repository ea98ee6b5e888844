-- Surveys, facts and NPS; consent per purpose and channel, withheld fields.

CREATE TABLE consent_purposes (
  key text PRIMARY KEY,
  label text NOT NULL,
  builtin boolean NOT NULL DEFAULT false,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
INSERT INTO consent_purposes (key, label, builtin, position) VALUES
  ('marketing', 'Marketing', true, 10),
  ('profiling', 'Profiling', true, 20),
  ('surveys', 'Surveys', true, 30),
  ('third_party_sharing', 'Third-party sharing', true, 40);

-- The current state per contact × purpose × channel; every change is also in consent_history.
CREATE TABLE consents (
  contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  purpose text NOT NULL REFERENCES consent_purposes (key) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('email', 'phone', 'sms', 'post')),
  status text NOT NULL CHECK (status IN ('granted', 'denied', 'unknown')),
  source text NOT NULL,
  evidence text NOT NULL DEFAULT '',
  recorded_at timestamptz(3) NOT NULL,
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (contact_id, purpose, channel)
);
CREATE INDEX consents_purpose_idx ON consents (purpose, channel, status);

CREATE TABLE consent_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  purpose text NOT NULL,
  channel text NOT NULL,
  status text NOT NULL,
  source text NOT NULL,
  evidence text NOT NULL DEFAULT '',
  recorded_at timestamptz(3) NOT NULL,
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX consent_history_contact_idx ON consent_history (contact_id, recorded_at DESC, id DESC);

ALTER TABLE contacts ADD COLUMN withheld_fields text[] NOT NULL DEFAULT '{}';
-- Set when a person's data was erased: the anonymous shell takes no new personal data.
ALTER TABLE contacts ADD COLUMN erased_at timestamptz(3);
-- The latest NPS answer of a contact, and the roll-up over an account's contacts.
ALTER TABLE contacts ADD COLUMN nps_score smallint CHECK (nps_score IS NULL OR nps_score BETWEEN 0 AND 10);
ALTER TABLE contacts ADD COLUMN nps_category text CHECK (nps_category IS NULL OR nps_category IN ('promoter', 'passive', 'detractor'));
ALTER TABLE contacts ADD COLUMN nps_answered_at timestamptz(3);
CREATE INDEX contacts_nps_idx ON contacts (nps_category, id) WHERE nps_category IS NOT NULL;
ALTER TABLE accounts ADD COLUMN nps_promoters integer NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN nps_passives integer NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN nps_detractors integer NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN nps_score numeric(5, 1);

CREATE TABLE surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  language text NOT NULL DEFAULT 'en',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  link_days integer NOT NULL DEFAULT 30,
  current_version integer NOT NULL DEFAULT 1,
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX surveys_created_idx ON surveys (created_at, id);
CREATE INDEX surveys_name_idx ON surveys (name, id);

-- Questions are versioned: once invitations went out, a change makes a new version.
CREATE TABLE survey_versions (
  survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  version integer NOT NULL,
  questions jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (survey_id, version)
);

CREATE TABLE survey_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  version integer NOT NULL,
  contact_id uuid REFERENCES contacts (id) ON DELETE CASCADE,
  expires_at timestamptz(3) NOT NULL,
  email_id uuid,
  opened_at timestamptz(3),
  responded_at timestamptz(3),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX survey_invitations_survey_idx ON survey_invitations (survey_id, created_at DESC, id DESC);
CREATE INDEX survey_invitations_contact_idx ON survey_invitations (contact_id);

CREATE TABLE survey_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invitation_id uuid NOT NULL REFERENCES survey_invitations (id) ON DELETE CASCADE,
  survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  version integer NOT NULL,
  contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  answers jsonb NOT NULL,
  interaction_id uuid,
  submitted_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  edits integer NOT NULL DEFAULT 0,
  UNIQUE (invitation_id)
);
CREATE INDEX survey_responses_survey_idx ON survey_responses (survey_id, submitted_at DESC, id DESC);
CREATE INDEX survey_responses_contact_idx ON survey_responses (contact_id);

-- Knowledge about a customer not obtained from interactions, with its source.
CREATE TABLE facts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  key text NOT NULL,
  value jsonb NOT NULL,
  source text NOT NULL DEFAULT 'survey',
  survey_id uuid REFERENCES surveys (id) ON DELETE SET NULL,
  question_key text,
  response_id uuid REFERENCES survey_responses (id) ON DELETE SET NULL,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX facts_contact_idx ON facts (contact_id, key, recorded_at DESC);
CREATE UNIQUE INDEX facts_response_key ON facts (response_id, key) WHERE response_id IS NOT NULL;

-- Extra headers of an outgoing email (List-Unsubscribe and List-Unsubscribe-Post).
ALTER TABLE emails ADD COLUMN headers jsonb NOT NULL DEFAULT '{}';

-- Facts that other parts (processes, case creation) react to, e.g. nps.detractor.
CREATE TABLE domain_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL,
  record_type text,
  record_id uuid,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX domain_events_type_idx ON domain_events (type, created_at DESC, id DESC);
CREATE INDEX domain_events_record_idx ON domain_events (record_id);
