-- Customers a model run could not score (their prediction could not be computed): kept with each run.
ALTER TABLE value_model_runs ADD COLUMN unscored_customers integer NOT NULL DEFAULT 0;
