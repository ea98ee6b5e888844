-- Facts read on the contact page (newest first, keyset pages), survey name and description per
-- language, and one nps.detractor event per response and score.

CREATE INDEX facts_contact_time_idx ON facts (contact_id, recorded_at DESC, id DESC);

-- Translations by language, like a question's `texts`: { "sv": "…", "nb": "…" }.
ALTER TABLE surveys ADD COLUMN names jsonb NOT NULL DEFAULT '{}';
ALTER TABLE surveys ADD COLUMN descriptions jsonb NOT NULL DEFAULT '{}';

-- Editing a response to the same detractor score again raises no second event.
CREATE UNIQUE INDEX domain_events_nps_detractor_once
  ON domain_events ((data->>'responseId'), (data->>'score'))
  WHERE type = 'nps.detractor';
