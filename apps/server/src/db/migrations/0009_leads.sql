-- Leads: capture (by hand, API, web forms), duplicate matching, scoring, history and conversion.

CREATE TABLE lead_forms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The random public key in the form's address (/f/{key}).
  key text NOT NULL,
  name text NOT NULL,
  fields jsonb NOT NULL DEFAULT '[]',
  default_source text NOT NULL DEFAULT 'web_form',
  default_campaign text,
  consent_text text,
  consent_required boolean NOT NULL DEFAULT false,
  consent_purpose text NOT NULL DEFAULT 'marketing' REFERENCES consent_purposes (key),
  consent_channel text NOT NULL DEFAULT 'email' CHECK (consent_channel IN ('email', 'phone', 'sms', 'post')),
  thank_you_message text NOT NULL,
  redirect_url text,
  rate_limit_per_hour integer NOT NULL DEFAULT 60 CHECK (rate_limit_per_hour > 0),
  language text NOT NULL DEFAULT 'en',
  active boolean NOT NULL DEFAULT true,
  submissions integer NOT NULL DEFAULT 0,
  last_submission_at timestamptz(3),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX lead_forms_key_key ON lead_forms (key);
CREATE INDEX lead_forms_name_idx ON lead_forms (name, id);
CREATE INDEX lead_forms_created_idx ON lead_forms (created_at, id);

-- Fixed-window counters of public form submissions (per form, and per form and address),
-- shared by every API process.
CREATE TABLE lead_form_throttle (
  key text PRIMARY KEY,
  window_start timestamptz(3) NOT NULL,
  hits integer NOT NULL DEFAULT 0
);
CREATE INDEX lead_form_throttle_window_idx ON lead_form_throttle (window_start);

CREATE TABLE leads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  name text GENERATED ALWAYS AS (btrim(first_name || ' ' || last_name)) STORED,
  email text,                              -- lower-cased
  phone text,                              -- E.164
  company text,
  job_title text,
  country text,
  language text,
  message text,
  source text NOT NULL DEFAULT 'manual',
  campaign text,
  score integer NOT NULL DEFAULT 0,
  score_reasons jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'working', 'qualified', 'unqualified', 'converted')),
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  form_id uuid REFERENCES lead_forms (id) ON DELETE SET NULL,
  -- Found at capture: the existing contact (by email or phone), its account, an earlier lead.
  matched_contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  matched_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  duplicate_of_id uuid REFERENCES leads (id) ON DELETE SET NULL,
  -- The consent ticked on a form, until it is recorded on a contact (consent_recorded_at).
  consent jsonb,
  consent_recorded_at timestamptz(3),
  converted_at timestamptz(3),
  converted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  converted_contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  converted_account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  converted_deal_id uuid,
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX leads_created_idx ON leads (created_at, id);
CREATE INDEX leads_updated_idx ON leads (updated_at, id);
CREATE INDEX leads_score_idx ON leads (score, id);
CREATE INDEX leads_name_idx ON leads (name, id);
CREATE INDEX leads_company_idx ON leads (company, id);
CREATE INDEX leads_status_idx ON leads (status, created_at, id);
CREATE INDEX leads_source_idx ON leads (source, created_at, id);
CREATE INDEX leads_owner_idx ON leads (owner_id, id);
CREATE INDEX leads_team_idx ON leads (team_id, id);
CREATE INDEX leads_email_idx ON leads (email) WHERE email IS NOT NULL;
CREATE INDEX leads_phone_idx ON leads (phone) WHERE phone IS NOT NULL;
CREATE INDEX leads_form_idx ON leads (form_id);
CREATE INDEX leads_matched_contact_idx ON leads (matched_contact_id) WHERE matched_contact_id IS NOT NULL;
CREATE INDEX leads_converted_contact_idx ON leads (converted_contact_id) WHERE converted_contact_id IS NOT NULL;
CREATE INDEX leads_search_trgm_idx ON leads USING gin (search_text gin_trgm_ops);

-- A lead's history: form submissions, notes, interactions, emails opened and answered. On
-- conversion each entry is copied to the contact (moved_to_*) and stays readable on the lead.
CREATE TABLE lead_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  kind text NOT NULL
    CHECK (kind IN ('form_submitted', 'note', 'interaction', 'email_opened', 'email_replied')),
  channel text,
  direction text CHECK (direction IS NULL OR direction IN ('inbound', 'outbound')),
  subject text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  form_id uuid REFERENCES lead_forms (id) ON DELETE SET NULL,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_name text NOT NULL DEFAULT '',
  occurred_at timestamptz(3) NOT NULL,
  moved_to_type text CHECK (moved_to_type IS NULL OR moved_to_type IN ('interaction', 'note')),
  moved_to_id uuid,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX lead_activities_lead_idx ON lead_activities (lead_id, occurred_at DESC, id DESC);
