package no.ks.led.surveys.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.surveys.Instrument;

/** The published versions of the national instrument, read from the database and kept once read (they never change). */
@ApplicationScoped
public class InstrumentCatalogue {

    @Inject
    EntityManager entityManager;

    private final Map<Integer, Instrument> published = new ConcurrentHashMap<>();

    /** The published versions, oldest first. */
    @Transactional
    public List<Instrument> listPublished() {
        @SuppressWarnings("unchecked")
        List<Number> versions = entityManager.createNativeQuery(
                "SELECT version FROM instrument_version WHERE published_at IS NOT NULL ORDER BY version").getResultList();
        return versions.stream().map(v -> published(v.intValue()).orElseThrow()).toList();
    }

    /** The newest published version. */
    @Transactional
    public Optional<Instrument> latest() {
        List<Instrument> all = listPublished();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** A published version; a version still being written is not there. */
    @Transactional
    public Optional<Instrument> published(int version) {
        Instrument cached = published.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Instrument> loaded = load(version);
        loaded.ifPresent(i -> published.put(version, i));
        return loaded;
    }

    @SuppressWarnings("unchecked")
    private Optional<Instrument> load(int version) {
        List<Object[]> head = entityManager.createNativeQuery(
                "SELECT name, published_at FROM instrument_version WHERE version = ?1 AND published_at IS NOT NULL")
                .setParameter(1, version).getResultList();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> labels = entityManager.createNativeQuery("""
                SELECT value, label_nb, label_nn, label_en, label_da FROM instrument_scale_label WHERE version = ?1
                ORDER BY CASE value WHEN 'dont-know' THEN 9 ELSE value::integer END""")
                .setParameter(1, version).getResultList();
        List<Instrument.ScaleLabel> scale = labels.stream()
                .map(r -> new Instrument.ScaleLabel((String) r[0], texts(r, 1))).toList();

        Map<String, Instrument.Texts> titles = new LinkedHashMap<>();
        List<Object[]> sections = entityManager.createNativeQuery("""
                SELECT code, title_nb, title_nn, title_en, title_da FROM instrument_section WHERE version = ?1
                ORDER BY position""").setParameter(1, version).getResultList();
        Map<String, List<Instrument.Item>> items = new LinkedHashMap<>();
        for (Object[] s : sections) {
            titles.put((String) s[0], texts(s, 1));
            items.put((String) s[0], new ArrayList<>());
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT section_code, code, kind, text_nb, text_nn, text_en, text_da, continues_code FROM instrument_item
                WHERE version = ?1 ORDER BY position""").setParameter(1, version).getResultList();
        for (Object[] r : rows) {
            items.get((String) r[0]).add(new Instrument.Item((String) r[1], (String) r[2], texts(r, 3), (String) r[7]));
        }
        List<Instrument.Section> sectionList = titles.entrySet().stream()
                .map(e -> new Instrument.Section(e.getKey(), e.getValue(), List.copyOf(items.get(e.getKey())))).toList();
        Object[] h = head.get(0);
        return Optional.of(new Instrument(version, (String) h[0], instant(h[1]), scale, sectionList));
    }

    private static Instrument.Texts texts(Object[] row, int from) {
        return new Instrument.Texts((String) row[from], (String) row[from + 1], (String) row[from + 2], (String) row[from + 3]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
