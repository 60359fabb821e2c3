package no.ks.led.surveys.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import no.ks.led.surveys.Instrument;

/**
 * The SQL of the national instrument's versions ({@code instrument_version} and its scale labels,
 * sections and items): published versions, and KS's draft while it is written.
 */
@ApplicationScoped
public class InstrumentRepository {

    private static final Map<String, Class<?>> TEXTS = Map.of("nb", String.class, "nn", String.class, "en", String.class,
            "da", String.class);

    @Inject
    EntityManager entityManager;

    /** A version's name and publication time (null for a draft). */
    public record Head(String name, Instant publishedAt) {
    }

    /** A section's code and title, in the instrument's order. */
    public record SectionTitle(String code, Instrument.Texts title) {
    }

    /** An item and the code of the section it belongs to, in the instrument's order. */
    public record SectionItem(String sectionCode, Instrument.Item item) {
    }

    /** The published versions' numbers, oldest first. */
    public List<Integer> publishedVersions() {
        return versions("published_at IS NOT NULL");
    }

    /** A version's name and publication time, if it is published. */
    public Optional<Head> publishedHead(int version) {
        return head(version).filter(h -> h.publishedAt() != null);
    }

    /** A version's name and publication time, published or a draft. */
    public Optional<Head> head(int version) {
        return Rows.select(entityManager, "SELECT name, published_at FROM instrument_version WHERE version = ?1",
                Map.of("name", String.class, "published_at", Instant.class))
                .setParameter(1, version).getResultStream()
                .map(t -> new Head(t.get("name", String.class), t.get("published_at", Instant.class)))
                .findFirst();
    }

    /** A draft's name, its row locked until the transaction ends, so edits of one draft queue; empty for a published or missing version. */
    public Optional<String> lockDraft(int version) {
        return Rows.select(entityManager,
                "SELECT name FROM instrument_version WHERE version = ?1 AND published_at IS NULL FOR UPDATE",
                Map.of("name", String.class))
                .setParameter(1, version).getResultStream().map(t -> t.get("name", String.class)).findFirst();
    }

    /** The versions being written (not published), oldest first. */
    public List<Integer> draftVersions() {
        return versions("published_at IS NULL");
    }

    @SuppressWarnings("unchecked")
    private List<Integer> versions(String publication) {
        List<Number> versions = entityManager.createNativeQuery(
                "SELECT version FROM instrument_version WHERE " + publication + " ORDER BY version").getResultList();
        return versions.stream().map(Number::intValue).toList();
    }

    /**
     * Starts a draft numbered after every version there is, unless a draft exists (one is written at a time, so
     * each version's predecessor is the one before it); empty when one does. Serialised by a transaction-scoped
     * advisory lock, so two requests never both start one.
     */
    public Optional<Integer> startDraft(String name) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('instrument_draft', 0))")
                .getSingleResult();
        if (!draftVersions().isEmpty()) {
            return Optional.empty();
        }
        int version = ((Number) entityManager.createNativeQuery("SELECT coalesce(max(version), 0) + 1 FROM instrument_version")
                .getSingleResult()).intValue();
        entityManager.createNativeQuery("INSERT INTO instrument_version (version, name) VALUES (?1, ?2)")
                .setParameter(1, version).setParameter(2, name).executeUpdate();
        return Optional.of(version);
    }

    /** Replaces a draft's name and every part of it (the triggers refuse this for a published version). */
    public void replaceDraft(Instrument draft) {
        int version = draft.version();
        entityManager.createNativeQuery("UPDATE instrument_version SET name = ?2 WHERE version = ?1")
                .setParameter(1, version).setParameter(2, draft.name()).executeUpdate();
        for (String table : List.of("instrument_item", "instrument_section", "instrument_scale_label")) {
            entityManager.createNativeQuery("DELETE FROM " + table + " WHERE version = ?1").setParameter(1, version)
                    .executeUpdate();
        }
        for (Instrument.ScaleLabel label : draft.scale()) {
            entityManager.createNativeQuery("""
                    INSERT INTO instrument_scale_label (version, value, label_nb, label_nn, label_en, label_da)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, version).setParameter(2, label.value()).setParameter(3, label.label().nb())
                    .setParameter(4, label.label().nn()).setParameter(5, label.label().en()).setParameter(6, label.label().da())
                    .executeUpdate();
        }
        int sectionPosition = 0;
        int itemPosition = 0;
        for (Instrument.Section section : draft.sections()) {
            entityManager.createNativeQuery("""
                    INSERT INTO instrument_section (version, code, position, title_nb, title_nn, title_en, title_da)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, version).setParameter(2, section.code()).setParameter(3, ++sectionPosition)
                    .setParameter(4, section.title().nb()).setParameter(5, section.title().nn())
                    .setParameter(6, section.title().en()).setParameter(7, section.title().da()).executeUpdate();
            for (Instrument.Item item : section.items()) {
                Optional<Instrument.Texts> team = Optional.ofNullable(item.team());
                entityManager.createNativeQuery("""
                        INSERT INTO instrument_item (version, code, section_code, position, kind, text_nb, text_nn, text_en,
                            text_da, continues_code, team_nb, team_nn, team_en, team_da)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                        .setParameter(1, version).setParameter(2, item.code()).setParameter(3, section.code())
                        .setParameter(4, ++itemPosition).setParameter(5, item.kind())
                        .setParameter(6, item.text().nb()).setParameter(7, item.text().nn())
                        .setParameter(8, item.text().en()).setParameter(9, item.text().da())
                        .setParameter(10, item.continues())
                        .setParameter(11, team.map(Instrument.Texts::nb).orElse(null))
                        .setParameter(12, team.map(Instrument.Texts::nn).orElse(null))
                        .setParameter(13, team.map(Instrument.Texts::en).orElse(null))
                        .setParameter(14, team.map(Instrument.Texts::da).orElse(null))
                        .executeUpdate();
            }
        }
    }

    /** Publishes a draft; from now on the triggers freeze it. False when it is not a draft. */
    public boolean publish(int version) {
        return entityManager.createNativeQuery(
                "UPDATE instrument_version SET published_at = now() WHERE version = ?1 AND published_at IS NULL")
                .setParameter(1, version).executeUpdate() == 1;
    }

    /** Deletes a draft and its parts. False when it is not a draft. */
    public boolean deleteDraft(int version) {
        if (lockDraft(version).isEmpty()) {
            return false;
        }
        for (String table : List.of("instrument_item", "instrument_section", "instrument_scale_label", "instrument_version")) {
            entityManager.createNativeQuery("DELETE FROM " + table + " WHERE version = ?1").setParameter(1, version)
                    .executeUpdate();
        }
        return true;
    }

    /** The version's scale labels: 1 to 5, then dont-know. */
    public List<Instrument.ScaleLabel> scale(int version) {
        return Rows.select(entityManager, """
                SELECT value, label_nb AS nb, label_nn AS nn, label_en AS en, label_da AS da
                FROM instrument_scale_label WHERE version = ?1
                ORDER BY CASE value WHEN 'dont-know' THEN 9 ELSE value::integer END""", with("value"))
                .setParameter(1, version).getResultStream()
                .map(t -> new Instrument.ScaleLabel(t.get("value", String.class), texts(t)))
                .toList();
    }

    /** The version's sections in order. */
    public List<SectionTitle> sections(int version) {
        return Rows.select(entityManager, """
                SELECT code, title_nb AS nb, title_nn AS nn, title_en AS en, title_da AS da
                FROM instrument_section WHERE version = ?1 ORDER BY position""", with("code"))
                .setParameter(1, version).getResultStream()
                .map(t -> new SectionTitle(t.get("code", String.class), texts(t)))
                .toList();
    }

    /** The version's items in order, each with its section's code. */
    public List<SectionItem> items(int version) {
        return Rows.select(entityManager, """
                SELECT section_code, code, kind, text_nb AS nb, text_nn AS nn, text_en AS en, text_da AS da, continues_code,
                       team_nb, team_nn, team_en, team_da
                FROM instrument_item WHERE version = ?1 ORDER BY position""",
                with("section_code", "code", "kind", "continues_code", "team_nb", "team_nn", "team_en", "team_da"))
                .setParameter(1, version).getResultStream()
                .map(t -> new SectionItem(t.get("section_code", String.class), new Instrument.Item(t.get("code", String.class),
                        t.get("kind", String.class), texts(t), t.get("continues_code", String.class), teamTexts(t))))
                .toList();
    }

    /** The texts of a row whose four languages are the columns {@code nb}, {@code nn}, {@code en}, {@code da}. */
    static Instrument.Texts texts(Tuple row) {
        return new Instrument.Texts(row.get("nb", String.class), row.get("nn", String.class), row.get("en", String.class),
                row.get("da", String.class));
    }

    /** The team's voice of an item row, null where the version has none (version 1). */
    private static Instrument.Texts teamTexts(Tuple row) {
        String nb = row.get("team_nb", String.class);
        return nb == null ? null : new Instrument.Texts(nb, row.get("team_nn", String.class), row.get("team_en", String.class),
                row.get("team_da", String.class));
    }

    /** The four language columns and these text columns. */
    static Map<String, Class<?>> with(String... columns) {
        Map<String, Class<?>> all = new HashMap<>(TEXTS);
        for (String column : columns) {
            all.put(column, String.class);
        }
        return all;
    }
}
