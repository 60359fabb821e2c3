-- What the scheduling service made of each planned activity (led.scheduling.events): the activity it became,
-- its time once scheduled and after each rescheduling (the highest sequence wins), and its cancellation.
ALTER TABLE planned_activity
    ADD COLUMN scheduled_activity_id uuid UNIQUE,
    ADD COLUMN scheduled_starts_at   timestamptz,
    ADD COLUMN scheduled_ends_at     timestamptz,
    ADD COLUMN scheduled_sequence    integer,
    ADD COLUMN cancelled_at          timestamptz;
