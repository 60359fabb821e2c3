package no.ks.led.surveys.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.Answer;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.SurveyRound;

/**
 * A respondent's draft and submission. In an individual round the answers go to an answer set that
 * names no one (found again by {@link AnswerSetTags}); who has finished goes to the completion list,
 * a separate table the results never read. In a team round the school's leaders share one answer set.
 * A submission updates the result tallies in its own transaction ({@link ResultTallies}).
 */
@ApplicationScoped
public class Responding {

    static final int MAX_TEXT = 2000;
    private static final String DRAFT = "draft";
    private static final String SUBMITTED = "submitted";

    @Inject
    EntityManager entityManager;

    @Inject
    AnswerSetTags tags;

    @Inject
    RoundQuestions questions;

    @Inject
    ResultTallies tallies;

    @Inject
    TenantZones zones;

    /** The caller's own answers in a round: the draft, the last submitted answers and when. */
    public record MyResponse(UUID schoolId, String mode, List<Answer> draft, List<Answer> submitted, Instant submittedAt) {
    }

    /** A submission's outcome; {@code repeated} when the same Idempotency-Key had already been submitted. */
    public record Submission(MyResponse response, boolean repeated) {
    }

    @Transactional
    public MyResponse mine(SurveyRound round, UUID personId) {
        UUID school = seat(round, personId);
        return view(round, personId, school);
    }

    @Transactional
    public MyResponse saveDraft(SurveyRound round, UUID personId, List<Answer> answers) {
        UUID school = seat(round, personId);
        requireOpen(round);
        validate(questions.of(round), answers);
        String tag = tag(round, personId, school);
        entityManager.createNativeQuery("""
                INSERT INTO answer_set (id, tenant_id, round_id, school_id, owner_tag) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (round_id, owner_tag) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, round.tenantId).setParameter(3, round.id)
                .setParameter(4, school).setParameter(5, tag).executeUpdate();
        UUID set = answerSet(round, tag).orElseThrow();
        entityManager.createNativeQuery("DELETE FROM answer WHERE answer_set_id = ?1 AND stage = 'draft'")
                .setParameter(1, set).executeUpdate();
        // one statement for the whole draft (a full round is some 60 answers), the columns as arrays
        int n = answers.size();
        String[] items = new String[n];
        Short[] values = new Short[n];
        Boolean[] dontKnow = new Boolean[n];
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            Answer a = answers.get(i);
            items[i] = a.item();
            values[i] = a.value() == null ? null : a.value().shortValue();
            dontKnow[i] = a.dontKnow();
            texts[i] = a.text();
        }
        entityManager.createNativeQuery("""
                INSERT INTO answer (answer_set_id, stage, item_code, value, dont_know, text)
                SELECT ?1, 'draft', a.item, a.value, a.dont_know, a.text
                FROM unnest(?2, ?3, ?4, ?5) AS a (item, value, dont_know, text)""")
                .setParameter(1, set).setParameter(2, items).setParameter(3, values)
                .setParameter(4, dontKnow).setParameter(5, texts).executeUpdate();
        return view(round, personId, school);
    }

    @Transactional
    public Submission submit(SurveyRound round, UUID personId, String idempotencyKey) {
        UUID school = seat(round, personId);
        if (alreadySubmitted(round, personId, school, idempotencyKey)) {
            return new Submission(view(round, personId, school), true);
        }
        requireOpen(round);
        String tag = tag(round, personId, school);
        UUID set = answerSet(round, tag)
                .orElseThrow(() -> new ProblemException(ProblemType.NO_DRAFT_TO_SUBMIT, "There is no saved draft to submit"));
        Number drafts = (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM answer WHERE answer_set_id = ?1 AND stage = 'draft'")
                .setParameter(1, set).getSingleResult();
        if (drafts.longValue() == 0) {
            throw new ProblemException(ProblemType.NO_DRAFT_TO_SUBMIT, "There is no saved draft to submit");
        }
        tallies.applySubmission(round, school, set);
        entityManager.createNativeQuery("DELETE FROM answer WHERE answer_set_id = ?1 AND stage = 'submitted'")
                .setParameter(1, set).executeUpdate();
        entityManager.createNativeQuery("""
                INSERT INTO answer (answer_set_id, stage, item_code, value, dont_know, text)
                SELECT answer_set_id, 'submitted', item_code, value, dont_know, text FROM answer
                WHERE answer_set_id = ?1 AND stage = 'draft'""").setParameter(1, set).executeUpdate();
        entityManager.createNativeQuery("UPDATE answer_set SET submitted = true WHERE id = ?1")
                .setParameter(1, set).executeUpdate();
        entityManager.createNativeQuery("""
                INSERT INTO survey_completion (round_id, school_id, person_id, submitted_at, idempotency_key)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (round_id, person_id)
                DO UPDATE SET submitted_at = excluded.submitted_at, idempotency_key = excluded.idempotency_key""")
                .setParameter(1, round.id).setParameter(2, school).setParameter(3, personId)
                .setParameter(4, Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter(5, idempotencyKey)
                .executeUpdate();
        return new Submission(view(round, personId, school), false);
    }

    /** The caller's school in the round; 403 for a member of the tenant who was not asked. */
    private UUID seat(SurveyRound round, UUID personId) {
        @SuppressWarnings("unchecked")
        List<UUID> schools = entityManager.createNativeQuery(
                "SELECT school_id FROM survey_respondent WHERE round_id = ?1 AND person_id = ?2")
                .setParameter(1, round.id).setParameter(2, personId).getResultList();
        if (schools.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_A_RESPONDENT, "You are not among the respondents of this round");
        }
        return schools.get(0);
    }

    private void requireOpen(SurveyRound round) {
        LocalDate today = LocalDate.now(zones.of(round.tenantId));
        if (today.isBefore(round.opensOn)) {
            throw new ProblemException(ProblemType.SURVEY_ROUND_NOT_OPEN_YET, "The round opens on " + round.opensOn + "; answers cannot be given yet");
        }
        if (today.isAfter(round.closesOn)) {
            throw new ProblemException(ProblemType.SURVEY_ROUND_CLOSED, "The round closed on " + round.closesOn + "; answers cannot be changed");
        }
    }

    private boolean alreadySubmitted(SurveyRound round, UUID personId, UUID school, String key) {
        String sql = round.isTeam()
                ? "SELECT count(*) FROM survey_completion WHERE round_id = ?1 AND school_id = ?2 AND idempotency_key = ?3"
                : "SELECT count(*) FROM survey_completion WHERE round_id = ?1 AND person_id = ?2 AND idempotency_key = ?3";
        Number n = (Number) entityManager.createNativeQuery(sql).setParameter(1, round.id)
                .setParameter(2, round.isTeam() ? school : personId).setParameter(3, key).getSingleResult();
        return n.longValue() > 0;
    }

    private String tag(SurveyRound round, UUID personId, UUID school) {
        return round.isTeam() ? tags.ofTeam(round.id, school) : tags.ofPerson(round.id, personId);
    }

    private Optional<UUID> answerSet(SurveyRound round, String tag) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("SELECT id FROM answer_set WHERE round_id = ?1 AND owner_tag = ?2")
                .setParameter(1, round.id).setParameter(2, tag).getResultList();
        return ids.stream().findFirst();
    }

    private MyResponse view(SurveyRound round, UUID personId, UUID school) {
        Optional<UUID> set = answerSet(round, tag(round, personId, school));
        List<Answer> draft = set.map(id -> answers(id, DRAFT)).orElse(List.of());
        List<Answer> submitted = set.map(id -> answers(id, SUBMITTED)).orElse(List.of());
        String sql = round.isTeam()
                ? "SELECT max(submitted_at) FROM survey_completion WHERE round_id = ?1 AND school_id = ?2"
                : "SELECT max(submitted_at) FROM survey_completion WHERE round_id = ?1 AND person_id = ?2";
        Object at = entityManager.createNativeQuery(sql).setParameter(1, round.id)
                .setParameter(2, round.isTeam() ? school : personId).getSingleResult();
        return new MyResponse(school, round.mode, draft, submitted, instant(at));
    }

    @SuppressWarnings("unchecked")
    private List<Answer> answers(UUID set, String stage) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT item_code, value, dont_know, text FROM answer WHERE answer_set_id = ?1 AND stage = ?2
                ORDER BY item_code""").setParameter(1, set).setParameter(2, stage).getResultList();
        return rows.stream().map(r -> new Answer((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue(),
                (Boolean) r[2], (String) r[3])).toList();
    }

    /** Every answer must be to an item of the round, of the item's kind, once. */
    static void validate(Instrument questions, List<Answer> answers) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            String at = "answers[" + i + "]";
            Optional<Instrument.Item> item = questions.item(a.item());
            if (item.isEmpty()) {
                violations.add(new Problem.Violation(at + ".item", "is not an item of this round"));
                continue;
            }
            if (!seen.add(a.item())) {
                violations.add(new Problem.Violation(at + ".item", "is answered more than once"));
            }
            if (item.get().isScale()) {
                boolean hasValue = a.value() != null;
                if (a.text() != null) {
                    violations.add(new Problem.Violation(at + ".text", "must be absent for a scale item"));
                }
                if (hasValue == a.dontKnow()) {
                    violations.add(new Problem.Violation(at + ".value", "must be 1 to 5, or dontKnow must be true"));
                } else if (hasValue && (a.value() < 1 || a.value() > 5)) {
                    violations.add(new Problem.Violation(at + ".value", "must be 1 to 5"));
                }
            } else {
                if (a.value() != null || a.dontKnow()) {
                    violations.add(new Problem.Violation(at + ".value", "must be absent for a free-text item"));
                }
                if (a.text() == null || a.text().isBlank()) {
                    violations.add(new Problem.Violation(at + ".text", "must not be blank"));
                } else if (a.text().length() > MAX_TEXT) {
                    violations.add(new Problem.Violation(at + ".text", "must be at most " + MAX_TEXT + " characters"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "See the violations for each field", violations);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
