-- Invitations and reminders by e-mail, written in the transaction that opens a round (or queues
-- reminders) and delivered later by a scheduled sender: an outbox, so nothing is lost while SMTP is down.

-- The addresses this service knows: given by the coordinator with a round, or taken from the email claim
-- of a respondent's own token. Pseudonymised (deleted) when the person is erased.
CREATE TABLE respondent_contact (
    person_id  uuid        PRIMARY KEY,
    email      text        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    source     text        NOT NULL CHECK (source IN ('round-request', 'token')),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invitation (
    id              uuid        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    round_id        uuid        NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    person_id       uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('invitation', 'reminder')),
    -- pending-address: no address known yet; pending: due for delivery; sent: the SMTP server accepted it
    status          text        NOT NULL CHECK (status IN ('pending-address', 'pending', 'sent')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    queued_on       date        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT invitation_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);

-- One invitation per respondent and round; at most one reminder per respondent, round and day.
CREATE UNIQUE INDEX invitation_once ON invitation (round_id, person_id) WHERE kind = 'invitation';
CREATE UNIQUE INDEX invitation_reminder_daily ON invitation (round_id, person_id, queued_on) WHERE kind = 'reminder';
CREATE INDEX invitation_due ON invitation (next_attempt_at) WHERE status = 'pending';
CREATE INDEX invitation_person ON invitation (person_id) WHERE status = 'pending-address';
