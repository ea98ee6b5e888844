-- Email, attachments and calendar: a team on emails for team-scoped authorisation,
-- and the indexes their lists use.

ALTER TABLE emails ADD COLUMN team_id uuid REFERENCES teams (id) ON DELETE SET NULL;
CREATE INDEX emails_created_idx ON emails (created_at, id);
CREATE INDEX emails_user_idx ON emails (user_id, created_at DESC);
