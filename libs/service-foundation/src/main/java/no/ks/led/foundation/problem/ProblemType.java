package no.ks.led.foundation.problem;

/** The stable problem types every Led API answers with; clients may switch on {@link #uri()}. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "The request could not be read"),
    VALIDATION_FAILED(400, "validation-failed", "The request has invalid fields"),
    UNAUTHORIZED(401, "unauthorized", "A valid access token is required"),
    FORBIDDEN(403, "forbidden", "Your role does not allow this"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    /** A 409 with no more specific cause below (e.g. one the framework raises). */
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    // organisations
    ORGANISATION_SLUG_TAKEN(409, "organisation-slug-taken", "Another tenant or consultancy has this slug"),
    ROLE_ALREADY_HELD(409, "role-already-held", "The person already has this role there"),
    LAST_OWN_EXECUTIVE_ROLE(409, "last-own-executive-role", "You cannot end your own last owner-executive role"),
    IDENTITY_SYNC_TASK_DONE(409, "identity-sync-task-done", "The identity sync task is done already"),
    // surveys
    SURVEY_ROUND_NOT_OPEN_YET(409, "survey-round-not-open-yet", "The survey round has not opened yet"),
    SURVEY_ROUND_CLOSED(409, "survey-round-closed", "The survey round is closed"),
    NO_DRAFT_TO_SUBMIT(409, "no-draft-to-submit", "There is no saved draft to submit"),
    NOT_A_RESPONDENT(403, "not-a-respondent", "You are not a respondent of this survey round"),
    REMINDERS_ALREADY_SENT_TODAY(409, "reminders-already-sent-today", "Reminders were already sent today"),
    // programmes
    TEMPLATE_VERSION_ALREADY_FOLLOWED(409, "template-version-already-followed",
            "The programme follows this template version or a later one already"),
    PROPOSAL_ALREADY_DECIDED(409, "proposal-already-decided", "The proposal was accepted or rejected already"),
    // funding
    FUNDING_STATUS_CONFLICT(409, "funding-status-conflict", "The application or claim is not in a status that allows this"),
    CLAIM_BEFORE_LAST_ACTIVITY(409, "claim-before-last-activity", "A claim can be sent only after the last activity is held"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The Idempotency-Key was already used for another request"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests, try again later"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "The service is unavailable, try again later"),
    BAD_GATEWAY(502, "bad-gateway", "An upstream service did not answer"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    // scheduling
    SPEAKER_BUSY(409, "speaker-busy", "The speaker is busy at that time"),
    ROOM_BUSY(409, "room-busy", "The room is taken at that time"),
    ACTIVITY_NOT_SCHEDULED(409, "activity-not-scheduled", "The activity is proposed or cancelled, not scheduled"),
    SIGN_UP_CLOSED(409, "sign-up-closed", "Sign-up for the activity is closed"),
    ALREADY_SIGNED_UP(409, "already-signed-up", "You are signed up for the activity already"),
    // surveys: closing a round early
    SURVEY_ROUND_OPENED_TODAY(409, "survey-round-opened-today",
            "A survey round can be closed early from the day after it opened"),
    // scheduling: the evaluation after each gathering
    EVALUATION_NOT_OPEN(409, "evaluation-not-open", "The evaluation opens when the activity has ended"),
    NOT_AN_ATTENDEE(403, "not-an-attendee", "Only those who attended the activity answer its evaluation"),
    ALREADY_EVALUATED(409, "already-evaluated", "You have answered this evaluation already"),
    // surveys: KS writes instrument versions through the API
    INSTRUMENT_VERSION_PUBLISHED(409, "instrument-version-published", "The instrument version is published and cannot change"),
    INSTRUMENT_DRAFT_EXISTS(409, "instrument-draft-exists", "Another instrument version is being written");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A stable, non-dereferenceable URI naming the type. */
    public String uri() {
        return "urn:no:ks:led:problem:" + slug;
    }

    /** The type used for an HTTP status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION_FAILED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
