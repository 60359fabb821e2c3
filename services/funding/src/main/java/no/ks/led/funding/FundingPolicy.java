package no.ks.led.funding;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.funding.refund.PolicyRules;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One published version of a funding policy ({@code led-2018}, {@code ou-2024}, {@code dk-kompetencefond},
 * {@code none}): KS's data. A published version is frozen; a change is a new version, and every amount names the
 * version it was computed under.
 */
@Entity
@Immutable
@Table(name = "funding_policy")
public class FundingPolicy extends PanacheEntityBase {

    /** A policy id and version. */
    @Embeddable
    public record Key(@Column(name = "policy_id") String policyId, @Column(name = "version") int version) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

    /** NO or DK; null when the policy serves every country. */
    public String country;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public PolicyRules rules;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    public String policyId() {
        return key.policyId();
    }

    public int version() {
        return key.version();
    }

    /** The newest version of every policy, by policy id. */
    public static List<FundingPolicy> latestVersions() {
        return find("from FundingPolicy p where p.key.version ="
                + " (select max(q.key.version) from FundingPolicy q where q.key.policyId = p.key.policyId) order by p.key.policyId")
                .list();
    }

    /** The policy's newest version. */
    public static Optional<FundingPolicy> latest(String policyId) {
        return find("key.policyId = ?1 order by key.version desc", policyId).firstResultOptional();
    }

    /** One version of the policy, as it was published. */
    public static Optional<FundingPolicy> version(String policyId, int version) {
        return findByIdOptional(new Key(policyId, version));
    }
}
