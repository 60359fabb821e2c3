package no.ks.led.organisations;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A consultancy (e.g. a firm of process leaders): an organisation like a tenant, with its own slug,
 * whose consultants reach client tenants only through engagements.
 */
@Entity
@Table(name = "consultancy")
public class Consultancy extends PanacheEntityBase {

    @Id
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(name = "org_number", nullable = false)
    public String orgNumber;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static PanacheQuery<Consultancy> findAllBySlug() {
        return find("order by slug");
    }
}
