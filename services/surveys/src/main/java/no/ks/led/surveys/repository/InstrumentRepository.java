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
 * sections and items); only published versions are read.
 */
@ApplicationScoped
public class InstrumentRepository {

    private static final Map<String, Class<?>> TEXTS = Map.of("nb", String.class, "nn", String.class, "en", String.class,
            "da", String.class);

    @Inject
    EntityManager entityManager;

    /** A published version's name and publication time. */
    public record Head(String name, Instant publishedAt) {
    }

    /** A section's code and title, in the instrument's order. */
    public record SectionTitle(String code, Instrument.Texts title) {
    }

    /** An item and the code of the section it belongs to, in the instrument's order. */
    public record SectionItem(String sectionCode, Instrument.Item item) {
    }

    /** The published versions' numbers, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Integer> publishedVersions() {
        List<Number> versions = entityManager.createNativeQuery(
                "SELECT version FROM instrument_version WHERE published_at IS NOT NULL ORDER BY version").getResultList();
        return versions.stream().map(Number::intValue).toList();
    }

    /** A version's name and publication time, if it is published. */
    public Optional<Head> publishedHead(int version) {
        return Rows.select(entityManager,
                "SELECT name, published_at FROM instrument_version WHERE version = ?1 AND published_at IS NOT NULL",
                Map.of("name", String.class, "published_at", Instant.class))
                .setParameter(1, version).getResultStream()
                .map(t -> new Head(t.get("name", String.class), t.get("published_at", Instant.class)))
                .findFirst();
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
                SELECT section_code, code, kind, text_nb AS nb, text_nn AS nn, text_en AS en, text_da AS da, continues_code
                FROM instrument_item WHERE version = ?1 ORDER BY position""",
                with("section_code", "code", "kind", "continues_code"))
                .setParameter(1, version).getResultStream()
                .map(t -> new SectionItem(t.get("section_code", String.class), new Instrument.Item(t.get("code", String.class),
                        t.get("kind", String.class), texts(t), t.get("continues_code", String.class))))
                .toList();
    }

    /** The texts of a row whose four languages are the columns {@code nb}, {@code nn}, {@code en}, {@code da}. */
    static Instrument.Texts texts(Tuple row) {
        return new Instrument.Texts(row.get("nb", String.class), row.get("nn", String.class), row.get("en", String.class),
                row.get("da", String.class));
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
