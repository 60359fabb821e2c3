package no.ks.led.programmes.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.Framework;
import no.ks.led.programmes.ProgrammeTemplate;

/**
 * KS's programme templates: ships the first version of the platform's templates ({@code templates/*.json}:
 * Led skole, Ledere af ledere 2.0, IMTEC LED) and publishes new versions. A published version is never
 * changed (the table's trigger refuses it too).
 */
@ApplicationScoped
public class TemplateCatalogue {

    /** The templates the platform ships, each as {@code /templates/<id>.json}. */
    public static final List<String> SHIPPED = List.of("led-skole", "ledere-af-ledere-2", "imtec-led");

    /** Who published the shipped versions. */
    static final String PLATFORM = "platform";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** The content of a template version: what KS publishes. */
    public record TemplateContent(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String name,
            @NotBlank(message = "must not be blank") @Pattern(regexp = "^(nb|nn|da|en|se)$", message = "must be nb, nn, da, en or se") String language,
            @NotBlank(message = "must not be blank") @Size(max = 5000, message = "must be at most 5000 characters") String description,
            @NotNull(message = "is required") @Valid Framework framework) {
    }

    /** A shipped template file: its id and content. */
    record Shipped(String templateId, String name, String language, String description, Framework framework) {
    }

    void shipTemplates(@Observes StartupEvent started) {
        shipMissing();
    }

    /** Inserts version 1 of each shipped template that has none yet; several replicas may do this at once. */
    @Transactional
    public void shipMissing() {
        for (String templateId : SHIPPED) {
            Shipped shipped = read(templateId);
            insert(templateId, 1, new TemplateContent(shipped.name(), shipped.language(), shipped.description(),
                    shipped.framework()), PLATFORM, true);
        }
    }

    /**
     * Publishes the next version of a template (a new template id starts at 1). A template holds the framework's
     * three questions, each once.
     */
    @Transactional
    public ProgrammeTemplate publish(String templateId, TemplateContent content, String publishedBy) {
        if (content.framework().questions().stream().map(Framework.Question::phase).distinct().count() != 3) {
            throw ProblemException.invalidField("framework.questions", "must hold each of the three questions once");
        }
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
                .setParameter(1, "programme_template\n" + templateId).getSingleResult();
        int next = ProgrammeTemplate.latest(templateId).map(t -> t.version + 1).orElse(1);
        UUID id = insert(templateId, next, content, publishedBy, false);
        return ProgrammeTemplate.findById(id);
    }

    private UUID insert(String templateId, int version, TemplateContent content, String publishedBy, boolean ifMissing) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                INSERT INTO programme_template (id, template_id, version, name, language, description, framework,
                    published_at, published_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9)""" + (ifMissing ? " ON CONFLICT DO NOTHING" : ""))
                .setParameter(1, id).setParameter(2, templateId).setParameter(3, version).setParameter(4, content.name())
                .setParameter(5, content.language()).setParameter(6, content.description())
                .setParameter(7, toJson(content.framework()))
                .setParameter(8, Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter(9, publishedBy)
                .executeUpdate();
        return id;
    }

    private Shipped read(String templateId) {
        try (InputStream in = TemplateCatalogue.class.getResourceAsStream("/templates/" + templateId + ".json")) {
            if (in == null) {
                throw new IllegalStateException("The shipped template " + templateId + " is missing");
            }
            return json.readValue(in, Shipped.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toJson(Framework framework) {
        try {
            return json.writeValueAsString(framework);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
