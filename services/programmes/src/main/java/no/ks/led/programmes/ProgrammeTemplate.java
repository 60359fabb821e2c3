package no.ks.led.programmes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One published version of a KS programme template ({@code led-skole}, {@code ledere-af-ledere-2},
 * {@code imtec-led}, ...): KS's data, never a tenant's. A published version is frozen; a change is a new
 * version.
 */
@Entity
@Immutable
@Table(name = "programme_template")
public class ProgrammeTemplate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "template_id", nullable = false)
    public String templateId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String name;

    /** The language of the template's texts ({@code nb}, {@code da}, ...). */
    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Framework framework;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    /** The newest version of every template, by template id. */
    public static List<ProgrammeTemplate> latestVersions() {
        return find("from ProgrammeTemplate p where p.version ="
                + " (select max(t.version) from ProgrammeTemplate t where t.templateId = p.templateId) order by p.templateId")
                .list();
    }

    /** The newest version of a template. */
    public static Optional<ProgrammeTemplate> latest(String templateId) {
        return find("templateId = ?1 order by version desc", templateId).firstResultOptional();
    }

    /** One version of a template. */
    public static Optional<ProgrammeTemplate> version(String templateId, int version) {
        return find("templateId = ?1 and version = ?2", templateId, version).firstResultOptional();
    }

    /** Every version of a template, oldest first. */
    public static List<ProgrammeTemplate> versions(String templateId) {
        return find("templateId = ?1 order by version", templateId).list();
    }
}
