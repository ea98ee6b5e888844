-- Sales: pipelines with ordered stages, lost reasons, deals with product lines and a stage
-- history, per-stage totals for the board, quotes with versions; deals on interactions and tasks.
-- Money is integer minor units; *_base columns are in the company currency.

CREATE TABLE pipelines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX pipelines_name_key ON pipelines (lower(name));
CREATE UNIQUE INDEX pipelines_default_key ON pipelines (is_default) WHERE is_default;

CREATE TABLE pipeline_stages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pipeline_id uuid NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won', 'lost')),
  probability smallint NOT NULL CHECK (probability BETWEEN 0 AND 100),
  position integer NOT NULL,
  UNIQUE (pipeline_id, id)
);
CREATE INDEX pipeline_stages_pipeline_idx ON pipeline_stages (pipeline_id, position);

CREATE TABLE lost_reasons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  label text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX lost_reasons_label_key ON lost_reasons (lower(label));

CREATE TABLE deals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  pipeline_id uuid NOT NULL REFERENCES pipelines (id),
  stage_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  rank double precision NOT NULL DEFAULT 0,          -- card order within the stage's column
  amount bigint NOT NULL DEFAULT 0 CHECK (amount >= 0),
  currency text NOT NULL,
  exchange_rate numeric(18, 8) NOT NULL DEFAULT 1 CHECK (exchange_rate > 0),
  amount_base bigint NOT NULL DEFAULT 0,             -- amount × exchange_rate, company currency
  expected_close_date date,
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  lost_reason_id uuid REFERENCES lost_reasons (id) ON DELETE SET NULL,
  lost_note text,
  stage_entered_at timestamptz(3) NOT NULL DEFAULT now(),
  won_at timestamptz(3),
  lost_at timestamptz(3),
  source text,
  notes text NOT NULL DEFAULT '',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  -- A deal's stage belongs to its pipeline; a stage that holds deals cannot be deleted.
  FOREIGN KEY (pipeline_id, stage_id) REFERENCES pipeline_stages (pipeline_id, id)
);
-- Board columns: the first cards of every stage, keyset-paged by rank.
CREATE INDEX deals_board_idx ON deals (stage_id, rank, id);
-- Boards filtered to an owner or a team (and their sums) without touching other deals.
CREATE INDEX deals_owner_board_idx ON deals (owner_id, stage_id, rank, id) INCLUDE (amount_base);
CREATE INDEX deals_team_board_idx ON deals (team_id, stage_id, rank, id) INCLUDE (amount_base);
-- The forecast reads open deals by expected close month.
CREATE INDEX deals_forecast_idx ON deals (expected_close_date) INCLUDE (owner_id, stage_id, pipeline_id, amount_base)
  WHERE status = 'open';
CREATE INDEX deals_created_idx ON deals (created_at, id);
CREATE INDEX deals_updated_idx ON deals (updated_at, id);
CREATE INDEX deals_amount_idx ON deals (amount_base, id);
CREATE INDEX deals_expected_close_idx ON deals (expected_close_date, id);
CREATE INDEX deals_contact_idx ON deals (contact_id, status) WHERE contact_id IS NOT NULL;
CREATE INDEX deals_account_idx ON deals (account_id, status) WHERE account_id IS NOT NULL;
CREATE INDEX deals_name_trgm_idx ON deals USING gin (name gin_trgm_ops);

CREATE TABLE deal_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  deal_id uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  position integer NOT NULL,
  product_id uuid REFERENCES products (id) ON DELETE SET NULL,
  sku text,
  description text NOT NULL DEFAULT '',
  category text,
  quantity numeric(14, 3) NOT NULL CHECK (quantity > 0),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  discount_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
  line_total bigint NOT NULL,
  UNIQUE (deal_id, position)
);
CREATE INDEX deal_lines_product_idx ON deal_lines (product_id);

-- Every stage a deal entered, with who moved it; stage names are kept for removed stages.
CREATE TABLE deal_stage_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  deal_id uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
  from_stage_id uuid REFERENCES pipeline_stages (id) ON DELETE SET NULL,
  to_stage_id uuid REFERENCES pipeline_stages (id) ON DELETE SET NULL,
  from_stage_name text,
  to_stage_name text NOT NULL,
  moved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  moved_at timestamptz(3) NOT NULL DEFAULT now(),
  seconds_in_from bigint
);
CREATE INDEX deal_stage_history_deal_idx ON deal_stage_history (deal_id, moved_at, id);

-- Count and amount of the deals in each stage, kept by statement triggers on deals so that the
-- board's column headers cost one row per stage at any number of deals. One ordered upsert per
-- statement takes the row locks in stage order, so concurrent moves cannot deadlock.
CREATE TABLE deal_stage_totals (
  stage_id uuid PRIMARY KEY REFERENCES pipeline_stages (id) ON DELETE CASCADE,
  deals bigint NOT NULL DEFAULT 0,
  amount_base bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION deal_stage_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO deal_stage_totals (stage_id, deals, amount_base)
      SELECT stage_id, count(*), sum(amount_base) FROM deal_rows_new GROUP BY stage_id ORDER BY stage_id
      ON CONFLICT (stage_id) DO UPDATE SET deals = deal_stage_totals.deals + EXCLUDED.deals,
        amount_base = deal_stage_totals.amount_base + EXCLUDED.amount_base;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO deal_stage_totals (stage_id, deals, amount_base)
      SELECT stage_id, -count(*), -sum(amount_base) FROM deal_rows_old GROUP BY stage_id ORDER BY stage_id
      ON CONFLICT (stage_id) DO UPDATE SET deals = deal_stage_totals.deals + EXCLUDED.deals,
        amount_base = deal_stage_totals.amount_base + EXCLUDED.amount_base;
  ELSE
    INSERT INTO deal_stage_totals (stage_id, deals, amount_base)
      SELECT stage_id, sum(n), sum(amount) FROM (
        SELECT stage_id, 1 AS n, amount_base AS amount FROM deal_rows_new
        UNION ALL SELECT stage_id, -1, -amount_base FROM deal_rows_old
      ) d GROUP BY stage_id HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY stage_id
      ON CONFLICT (stage_id) DO UPDATE SET deals = deal_stage_totals.deals + EXCLUDED.deals,
        amount_base = deal_stage_totals.amount_base + EXCLUDED.amount_base;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER deals_stage_totals_insert AFTER INSERT ON deals
  REFERENCING NEW TABLE AS deal_rows_new FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_apply();
CREATE TRIGGER deals_stage_totals_update AFTER UPDATE ON deals
  REFERENCING OLD TABLE AS deal_rows_old NEW TABLE AS deal_rows_new
  FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_apply();
CREATE TRIGGER deals_stage_totals_delete AFTER DELETE ON deals
  REFERENCING OLD TABLE AS deal_rows_old FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_apply();

CREATE SEQUENCE quote_number_seq;

CREATE TABLE quotes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL,
  revision integer NOT NULL DEFAULT 1,
  deal_id uuid REFERENCES deals (id) ON DELETE SET NULL,
  contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired')),
  currency text NOT NULL,
  tax_rate numeric(5, 2) NOT NULL DEFAULT 0 CHECK (tax_rate BETWEEN 0 AND 100),
  valid_until date,
  notes text NOT NULL DEFAULT '',
  gross bigint NOT NULL DEFAULT 0,
  discount bigint NOT NULL DEFAULT 0,
  subtotal bigint NOT NULL DEFAULT 0,
  tax bigint NOT NULL DEFAULT 0,
  total bigint NOT NULL DEFAULT 0,
  order_id uuid REFERENCES orders (id) ON DELETE SET NULL,
  sent_at timestamptz(3),
  decided_at timestamptz(3),
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX quotes_number_key ON quotes (number);
CREATE INDEX quotes_deal_idx ON quotes (deal_id, created_at DESC) WHERE deal_id IS NOT NULL;
CREATE INDEX quotes_contact_idx ON quotes (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX quotes_account_idx ON quotes (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX quotes_created_idx ON quotes (created_at, id);

CREATE TABLE quote_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  quote_id uuid NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  position integer NOT NULL,
  product_id uuid REFERENCES products (id) ON DELETE SET NULL,
  sku text,
  description text NOT NULL DEFAULT '',
  quantity numeric(14, 3) NOT NULL CHECK (quantity > 0),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  discount_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
  tax_rate numeric(5, 2) CHECK (tax_rate IS NULL OR tax_rate BETWEEN 0 AND 100),
  net bigint NOT NULL,
  UNIQUE (quote_id, position)
);

-- Earlier versions of a quote as they were sent, kept readable (and printable) after an edit.
CREATE TABLE quote_revisions (
  quote_id uuid NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  revision integer NOT NULL,
  status text NOT NULL,
  snapshot jsonb NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (quote_id, revision)
);

-- Calls, meetings and callbacks on a deal.
ALTER TABLE interactions ADD COLUMN deal_id uuid REFERENCES deals (id) ON DELETE SET NULL;
CREATE INDEX interactions_deal_idx ON interactions (deal_id, occurred_at DESC, id DESC) WHERE deal_id IS NOT NULL;
ALTER TABLE tasks ADD COLUMN deal_id uuid REFERENCES deals (id) ON DELETE SET NULL;
CREATE INDEX tasks_deal_idx ON tasks (deal_id, status) WHERE deal_id IS NOT NULL;

-- The pipeline every installation starts with, and the usual reasons to lose a deal.
WITH p AS (
  INSERT INTO pipelines (name, position, is_default) VALUES ('Sales', 0, true) RETURNING id
), s AS (
  INSERT INTO pipeline_stages (pipeline_id, name, kind, probability, position)
  SELECT p.id, v.name, v.kind, v.probability, v.position FROM p, (VALUES
    ('Qualification', 'open', 10, 1),
    ('Needs analysis', 'open', 25, 2),
    ('Proposal', 'open', 50, 3),
    ('Negotiation', 'open', 75, 4),
    ('Won', 'won', 100, 5),
    ('Lost', 'lost', 0, 6)
  ) AS v (name, kind, probability, position)
  RETURNING id
)
INSERT INTO deal_stage_totals (stage_id) SELECT id FROM s;

INSERT INTO lost_reasons (label, position) VALUES
  ('Price', 1), ('Competitor', 2), ('No budget', 3), ('No decision', 4), ('Timing', 5), ('Other', 6);
