package no.ks.led.surveys.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.repository.InstrumentRepository;

/**
 * The versions of the national instrument, read from the database; published ones are kept once read (they never
 * change), KS's draft is read afresh.
 */
@ApplicationScoped
public class InstrumentCatalogue {

    @Inject
    InstrumentRepository repository;

    private final Map<Integer, Instrument> published = new ConcurrentHashMap<>();

    /** The published versions, oldest first. */
    @Transactional
    public List<Instrument> listPublished() {
        return repository.publishedVersions().stream().map(v -> published(v).orElseThrow()).toList();
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

    /** A version, published or KS's draft (a draft is read afresh each time: it changes). */
    @Transactional
    public Optional<Instrument> any(int version) {
        Optional<Instrument> published = published(version);
        return published.isPresent() ? published : load(version, repository.head(version));
    }

    /** The versions KS is writing, oldest first. */
    @Transactional
    public List<Instrument> drafts() {
        return repository.draftVersions().stream().flatMap(v -> load(v, repository.head(v)).stream())
                .filter(i -> i.publishedAt() == null).toList();
    }

    private Optional<Instrument> load(int version) {
        return load(version, repository.publishedHead(version));
    }

    private Optional<Instrument> load(int version, Optional<InstrumentRepository.Head> head) {
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Instrument.Item>> items = new LinkedHashMap<>();
        List<InstrumentRepository.SectionTitle> sections = repository.sections(version);
        sections.forEach(s -> items.put(s.code(), new ArrayList<>()));
        repository.items(version).forEach(i -> items.get(i.sectionCode()).add(i.item()));
        List<Instrument.Section> sectionList = sections.stream()
                .map(s -> new Instrument.Section(s.code(), s.title(), List.copyOf(items.get(s.code())))).toList();
        return Optional.of(new Instrument(version, head.get().name(), head.get().publishedAt(), repository.scale(version),
                sectionList));
    }
}
