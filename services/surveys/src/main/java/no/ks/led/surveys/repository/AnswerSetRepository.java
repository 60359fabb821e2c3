package no.ks.led.surveys.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.jdbc.Jdbc;
import no.ks.led.surveys.Answer;
import no.ks.led.surveys.RespondentLevel;

/**
 * The SQL of answer sets ({@code answer_set}) and their answers ({@code answer}), a draft and a submitted
 * stage each. An answer set is found by its owner's keyed tag and names no one. The writes of saving and submitting
 * answers go through {@link Jdbc}; reads through native queries.
 */
@ApplicationScoped
public class AnswerSetRepository {

    /** The stage of a saved, not yet submitted answer. */
    public static final String DRAFT = "draft";
    /** The stage of a submitted answer. */
    public static final String SUBMITTED = "submitted";

    @Inject
    EntityManager entityManager;

    @Inject
    Jdbc jdbc;

    /** A free-text answer submitted at a school. */
    public record SubmittedText(UUID schoolId, String item, String text) {
    }

    /**
     * An answer set held (its row locked) for the rest of the transaction: whether this transaction created it, and
     * whether it had been submitted before, with which level ({@code unknown} if none). A new set has no answers to
     * replace.
     */
    public record Held(UUID id, boolean created, boolean submitted, String level) {
    }

    /**
     * The tag's answer set in the round, created if missing, held. The no-op update on a conflict returns the
     * existing row and locks it, so two team members creating it at once get the same set. A row this statement
     * inserted has no {@code xmax}; the row the update locked carries this transaction's id there.
     */
    public Held createIfMissing(String tenantId, UUID roundId, UUID schoolId, String ownerTag) {
        return jdbc.single("""
                INSERT INTO answer_set (id, tenant_id, round_id, school_id, owner_tag) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (round_id, owner_tag) DO UPDATE SET owner_tag = excluded.owner_tag
                RETURNING id, xmax = 0, submitted, coalesce(respondent_level, 'unknown')""", AnswerSetRepository::held,
                UUID.randomUUID(), tenantId, roundId, schoolId, ownerTag);
    }

    /** The tag's answer set in the round, held. */
    public Optional<Held> hold(UUID roundId, String ownerTag) {
        return jdbc.optional("""
                SELECT id, false, submitted, coalesce(respondent_level, 'unknown') FROM answer_set
                WHERE round_id = ? AND owner_tag = ? FOR UPDATE""", AnswerSetRepository::held, roundId, ownerTag);
    }

    private static Held held(ResultSet row) throws SQLException {
        return new Held(row.getObject(1, UUID.class), row.getBoolean(2), row.getBoolean(3), row.getString(4));
    }

    /** The id of the tag's answer set in the round. */
    @SuppressWarnings("unchecked")
    public Optional<UUID> find(UUID roundId, String ownerTag) {
        List<UUID> ids = entityManager.createNativeQuery("SELECT id FROM answer_set WHERE round_id = ?1 AND owner_tag = ?2")
                .setParameter(1, roundId).setParameter(2, ownerTag).getResultList();
        return ids.stream().findFirst();
    }

    /**
     * Replaces the held set's draft with these answers: a delete (unless the set is new), then one insert of them all
     * (the columns as arrays).
     */
    public void replaceDraft(Held set, List<Answer> answers) {
        UUID answerSetId = set.id();
        if (!set.created()) {
            jdbc.update("DELETE FROM answer WHERE answer_set_id = ? AND stage = 'draft'", answerSetId);
        }
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
        jdbc.update("""
                INSERT INTO answer (answer_set_id, stage, item_code, value, dont_know, text)
                SELECT ?, 'draft', a.item, a.value, a.dont_know, a.text
                FROM unnest(?, ?, ?, ?) AS a (item, value, dont_know, text)""",
                answerSetId, new Jdbc.ArrayOf("text", items), new Jdbc.ArrayOf("smallint", values),
                new Jdbc.ArrayOf("boolean", dontKnow), new Jdbc.ArrayOf("text", texts));
    }

    /** How many answers the set's draft holds. */
    public long draftSize(UUID answerSetId) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM answer WHERE answer_set_id = ?1 AND stage = 'draft'")
                .setParameter(1, answerSetId).getSingleResult()).longValue();
    }

    /**
     * Makes the held set's draft its submitted answers (replacing those submitted before, if it was) and marks the
     * set submitted, with the level of the person who submitted it. The draft stays as it is.
     */
    public void submitDraft(Held set, RespondentLevel level) {
        UUID answerSetId = set.id();
        if (set.submitted()) {
            jdbc.update("DELETE FROM answer WHERE answer_set_id = ? AND stage = 'submitted'", answerSetId);
        }
        jdbc.update("""
                INSERT INTO answer (answer_set_id, stage, item_code, value, dont_know, text)
                SELECT answer_set_id, 'submitted', item_code, value, dont_know, text FROM answer
                WHERE answer_set_id = ? AND stage = 'draft'""", answerSetId);
        jdbc.update("UPDATE answer_set SET submitted = true, respondent_level = ? WHERE id = ?",
                level == RespondentLevel.UNKNOWN ? null : level.code(), answerSetId);
    }

    /** The set's answers of a stage ({@link #DRAFT} or {@link #SUBMITTED}), by item code. */
    public List<Answer> answers(UUID answerSetId, String stage) {
        return Rows.select(entityManager, """
                SELECT item_code, value, dont_know, text FROM answer WHERE answer_set_id = ?1 AND stage = ?2
                ORDER BY item_code""", Map.of("item_code", String.class, "value", Integer.class, "dont_know", Boolean.class,
                        "text", String.class))
                .setParameter(1, answerSetId).setParameter(2, stage).getResultStream()
                .map(t -> new Answer(t.get("item_code", String.class), t.get("value", Integer.class),
                        t.get("dont_know", Boolean.class), t.get("text", String.class)))
                .toList();
    }

    /** A submitted answer set as its owner knows it: at which school and level ({@code unknown} when none), which items. */
    public record OwnSet(UUID schoolId, String level, Set<String> items) {
    }

    /** The tag's answer set in the round, if it has been submitted. */
    public Optional<OwnSet> submittedSet(UUID roundId, String ownerTag) {
        return Rows.select(entityManager, """
                SELECT school_id, coalesce(respondent_level, 'unknown') AS level FROM answer_set
                WHERE round_id = ?1 AND owner_tag = ?2 AND submitted""",
                Map.of("school_id", UUID.class, "level", String.class))
                .setParameter(1, roundId).setParameter(2, ownerTag).getResultStream().findFirst()
                .map(t -> new OwnSet(t.get("school_id", UUID.class), t.get("level", String.class),
                        submittedItems(roundId, ownerTag, t.get("school_id", UUID.class))));
    }

    /** The items of the tag's submitted answer set at the school (none if it has not submitted there). */
    @SuppressWarnings("unchecked")
    public Set<String> submittedItems(UUID roundId, String ownerTag, UUID schoolId) {
        List<String> items = entityManager.createNativeQuery("""
                SELECT a.item_code FROM answer a JOIN answer_set s ON s.id = a.answer_set_id
                WHERE s.round_id = ?1 AND s.owner_tag = ?2 AND s.school_id = ?3 AND s.submitted AND a.stage = 'submitted'""")
                .setParameter(1, roundId).setParameter(2, ownerTag).setParameter(3, schoolId)
                .getResultList();
        return Set.copyOf(items);
    }

    /** The round's submitted answers to these (free-text) items, by school; no person in them. */
    public List<SubmittedText> submittedTexts(UUID roundId, String[] items) {
        return Rows.select(entityManager, """
                SELECT s.school_id, a.item_code, a.text
                FROM answer_set s JOIN answer a ON a.answer_set_id = s.id AND a.stage = 'submitted'
                WHERE s.round_id = ?1 AND s.submitted AND a.item_code = ANY(?2) AND a.text IS NOT NULL""",
                Map.of("school_id", UUID.class, "item_code", String.class, "text", String.class))
                .setParameter(1, roundId).setParameter(2, items).getResultStream()
                .map(t -> new SubmittedText(t.get("school_id", UUID.class), t.get("item_code", String.class),
                        t.get("text", String.class)))
                .toList();
    }

    /** Deletes a round's answer sets and, with them, every answer (drafts, submitted, free text); the tallies stay. */
    public int deleteRound(UUID roundId) {
        return entityManager.createNativeQuery("DELETE FROM answer_set WHERE round_id = ?1").setParameter(1, roundId)
                .executeUpdate();
    }
}
