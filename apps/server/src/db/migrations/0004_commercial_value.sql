-- Commercial data (products, orders with lines, invoices, payments, warranties) and customer
-- value (model runs, per-customer scores, lifecycle history). Money is integer minor units.

ALTER TABLE contacts ADD COLUMN credit_score integer CHECK (credit_score IS NULL OR credit_score BETWEEN 0 AND 1000);
ALTER TABLE accounts ADD COLUMN credit_score integer CHECK (credit_score IS NULL OR credit_score BETWEEN 0 AND 1000);

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sku text NOT NULL,
  name text NOT NULL,
  category text,
  description text NOT NULL DEFAULT '',
  price bigint NOT NULL DEFAULT 0 CHECK (price >= 0),
  currency text NOT NULL,
  margin_percent numeric(6, 2) CHECK (margin_percent IS NULL OR margin_percent BETWEEN -100 AND 100),
  active boolean NOT NULL DEFAULT true,
  external_id text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX products_sku_key ON products (lower(sku));
CREATE UNIQUE INDEX products_external_id_key ON products (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX products_name_idx ON products (name, id);
CREATE INDEX products_category_idx ON products (category, id);
CREATE INDEX products_created_idx ON products (created_at, id);

CREATE SEQUENCE order_number_seq;
CREATE SEQUENCE invoice_number_seq;

CREATE TABLE orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL,
  external_id text,
  contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'confirmed'
    CHECK (status IN ('draft', 'confirmed', 'fulfilled', 'cancelled', 'returned')),
  ordered_at timestamptz(3) NOT NULL,
  delivery_status text NOT NULL DEFAULT 'not_shipped'
    CHECK (delivery_status IN ('not_shipped', 'preparing', 'shipped', 'in_transit', 'delivered', 'failed', 'returned')),
  estimated_delivery date,
  delivered_at timestamptz(3),
  channel text,
  currency text NOT NULL,
  exchange_rate numeric(18, 8) NOT NULL DEFAULT 1 CHECK (exchange_rate > 0),
  total bigint NOT NULL DEFAULT 0,          -- net of line discounts, order currency
  total_base bigint NOT NULL DEFAULT 0,     -- total in the company currency (total × exchange_rate)
  notes text NOT NULL DEFAULT '',
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (contact_id IS NOT NULL OR account_id IS NOT NULL OR status = 'draft')
);
CREATE UNIQUE INDEX orders_number_key ON orders (number);
CREATE UNIQUE INDEX orders_external_id_key ON orders (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX orders_contact_idx ON orders (contact_id, ordered_at DESC, id DESC);
CREATE INDEX orders_account_idx ON orders (account_id, ordered_at DESC, id DESC);
CREATE INDEX orders_ordered_idx ON orders (ordered_at, id);
CREATE INDEX orders_open_delivery_idx ON orders (contact_id) WHERE delivery_status NOT IN ('delivered', 'returned') AND status NOT IN ('cancelled', 'returned', 'draft');

CREATE TABLE order_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position integer NOT NULL,
  product_id uuid REFERENCES products (id) ON DELETE SET NULL,
  sku text,
  description text NOT NULL DEFAULT '',
  category text,
  quantity numeric(14, 3) NOT NULL CHECK (quantity > 0),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  discount_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
  line_total bigint NOT NULL,
  UNIQUE (order_id, position)
);
CREATE INDEX order_lines_product_idx ON order_lines (product_id);

CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL,
  external_id text,
  order_id uuid REFERENCES orders (id) ON DELETE SET NULL,
  contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  currency text NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  paid_amount bigint NOT NULL DEFAULT 0,
  issued_on date NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'paid', 'void')),
  paid_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (due_on >= issued_on)
);
CREATE UNIQUE INDEX invoices_number_key ON invoices (number);
CREATE UNIQUE INDEX invoices_external_id_key ON invoices (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX invoices_contact_idx ON invoices (contact_id, issued_on DESC, id DESC);
CREATE INDEX invoices_account_idx ON invoices (account_id, issued_on DESC, id DESC);
CREATE INDEX invoices_order_idx ON invoices (order_id);
CREATE INDEX invoices_issued_idx ON invoices (issued_on, id);
CREATE INDEX invoices_open_due_idx ON invoices (due_on) WHERE status = 'open';

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  external_id text,
  amount bigint NOT NULL CHECK (amount > 0),
  paid_at timestamptz(3) NOT NULL,
  method text NOT NULL DEFAULT 'bank_transfer',
  reference text,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX payments_invoice_idx ON payments (invoice_id, paid_at);
CREATE UNIQUE INDEX payments_external_id_key ON payments (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE warranties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text,
  product_id uuid REFERENCES products (id) ON DELETE SET NULL,
  contact_id uuid REFERENCES contacts (id) ON DELETE SET NULL,
  account_id uuid REFERENCES accounts (id) ON DELETE SET NULL,
  order_id uuid REFERENCES orders (id) ON DELETE SET NULL,
  serial_number text,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  terms text NOT NULL DEFAULT '',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_on >= starts_on),
  CHECK (contact_id IS NOT NULL OR account_id IS NOT NULL)
);
CREATE UNIQUE INDEX warranties_external_id_key ON warranties (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX warranties_contact_idx ON warranties (contact_id, ends_on DESC);
CREATE INDEX warranties_account_idx ON warranties (account_id, ends_on DESC);
CREATE INDEX warranties_created_idx ON warranties (created_at, id);

-- One row per fit-and-score of a customer population (contacts or accounts).
CREATE TABLE value_model_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_type text NOT NULL CHECK (customer_type IN ('contact', 'account')),
  model text NOT NULL CHECK (model IN ('bgnbd', 'pnbd')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  trigger text NOT NULL DEFAULT 'manual',
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  as_of date NOT NULL,
  unit text NOT NULL DEFAULT 'week',
  horizon_months integer NOT NULL DEFAULT 12,
  monthly_discount double precision NOT NULL DEFAULT 0.01,
  holdout_days integer,
  params jsonb,
  standard_errors jsonb,
  log_likelihood double precision,
  spend jsonb,
  holdout jsonb,
  customers integer,
  repeat_customers integer,
  order_count integer,
  total_clv double precision,
  segments jsonb,                          -- tier CLV thresholds and RFM quintile breaks, for rescoring
  warnings jsonb NOT NULL DEFAULT '[]',
  timings jsonb NOT NULL DEFAULT '{}',
  error text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  started_at timestamptz(3),
  finished_at timestamptz(3)
);
CREATE INDEX value_model_runs_type_idx ON value_model_runs (customer_type, created_at DESC, id DESC);

-- The latest scores of each customer with purchases (contacts and accounts alike).
CREATE TABLE customer_values (
  customer_type text NOT NULL CHECK (customer_type IN ('contact', 'account')),
  customer_id uuid NOT NULL,
  model_run_id uuid REFERENCES value_model_runs (id) ON DELETE SET NULL,
  first_purchase_on date NOT NULL,
  last_purchase_on date NOT NULL,
  purchases integer NOT NULL,               -- purchase days
  frequency integer NOT NULL,               -- repeat purchase days (x)
  recency_days double precision NOT NULL,   -- t_x in days
  age_days double precision NOT NULL,       -- T in days
  monetary double precision NOT NULL,       -- mean repeat spend, minor units
  historical_value bigint NOT NULL,         -- all purchases, minor units
  p_alive double precision,
  expected_purchases double precision,
  expected_spend double precision,
  clv double precision,
  rfm_r smallint,
  rfm_f smallint,
  rfm_m smallint,
  rfm_score text,
  tier text,
  lifecycle_state text NOT NULL,
  lifecycle_since date NOT NULL,
  acquisition_channel text,
  first_category text,
  scored_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_type, customer_id)
);
-- Lists sort by CLV, highest first (NULLS LAST, the id breaking ties), overall and within a tier.
CREATE INDEX customer_values_clv_idx ON customer_values (customer_type, clv DESC NULLS LAST, customer_id DESC);
CREATE INDEX customer_values_tier_idx ON customer_values (customer_type, tier, clv DESC NULLS LAST, customer_id DESC);

-- Effective-dated lifecycle states: [valid_from, valid_to).
CREATE TABLE lifecycle_history (
  customer_type text NOT NULL CHECK (customer_type IN ('contact', 'account')),
  customer_id uuid NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  state text NOT NULL,
  PRIMARY KEY (customer_type, customer_id, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX lifecycle_history_open_idx ON lifecycle_history (customer_type, customer_id) WHERE valid_to IS NULL;
