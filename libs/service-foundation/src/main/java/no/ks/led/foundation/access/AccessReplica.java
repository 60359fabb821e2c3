package no.ks.led.foundation.access;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.BasicTypeReference;
import org.hibernate.type.StandardBasicTypes;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.events.organisations.TenantOnboardedV2;
import no.ks.led.foundation.jdbc.Jdbc;

/**
 * This service's copy of who may act where: memberships, engagements and tenant status from the
 * organisations service's events, in this service's own database. Answers access questions with no
 * call to another service.
 *
 * <p>Every change is idempotent and order-tolerant on its own, so a redelivered, replayed or
 * out-of-order event changes nothing: a start fills in its row (insert, or complete a tombstone) but
 * never clears an end; an end is recorded once, as a tombstone if its start has not arrived yet; an
 * erasure is remembered, so a membership of the person that arrives after it starts ended.
 */
@ApplicationScoped
public class AccessReplica implements AccessChanges {

    @Inject
    EntityManager entityManager;

    @Inject
    Jdbc jdbc;

    /**
     * What the person may do in the tenant today, the day in the tenant's own zone ({@link TenantZones}): the
     * tenant's status and zone and the person's memberships in one statement, through {@link Jdbc} since every
     * request of a member asks it; the tenant's engagements in a second only when the person is a consultant.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Grant grantFor(UUID personId, String tenantId) {
        GrantRows rows = grantRows(personId, tenantId);
        return grant(personId, tenantId, rows, LocalDate.now(TenantZones.parse(rows.timeZone())));
    }

    /** What the person may do in the tenant on the given day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Grant grantFor(UUID personId, String tenantId, LocalDate today) {
        return grant(personId, tenantId, grantRows(personId, tenantId), today);
    }

    /** The tenant's status and zone, and the person's memberships if it is active. */
    private record GrantRows(boolean active, String timeZone, List<Grant.MembershipRow> memberships) {
    }

    private record GrantRow(boolean active, String timeZone, Grant.MembershipRow membership) {
    }

    private GrantRows grantRows(UUID personId, String tenantId) {
        List<GrantRow> rows = jdbc.list("""
                SELECT o.active, o.time_zone, m.organisation_id, m.role, m.school_id, m.starts_on, m.ends_on,
                       m.ended_at IS NOT NULL
                FROM (SELECT CAST(? AS text) AS id) t
                    LEFT JOIN access_organisation o ON o.id = t.id
                    LEFT JOIN access_membership m ON o.active AND m.person_id = ? AND m.role IS NOT NULL""",
                row -> new GrantRow(row.getBoolean(1), row.getString(2), row.getString(3) == null ? null
                        : new Grant.MembershipRow(row.getString(3), personId, row.getString(4), row.getObject(5, UUID.class),
                                row.getObject(6, LocalDate.class), row.getObject(7, LocalDate.class), row.getBoolean(8))),
                tenantId, personId);
        GrantRow first = rows.get(0);
        return new GrantRows(first.active(), first.timeZone(),
                rows.stream().map(GrantRow::membership).filter(Objects::nonNull).toList());
    }

    private Grant grant(UUID personId, String tenantId, GrantRows rows, LocalDate today) {
        if (!rows.active()) {
            return new Grant(tenantId, personId, Map.of());
        }
        List<Grant.EngagementRow> engagements = rows.memberships().stream().anyMatch(m -> "consultant".equals(m.role()))
                ? engagements(tenantId) : List.of();
        return Grant.decide(tenantId, personId, true, rows.memberships(), engagements, today);
    }

    /** Whether every one of these memberships has reached the replica (for tests and readiness). */
    @Transactional
    public boolean holdsMemberships(Collection<UUID> membershipIds) {
        Number n = (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM access_membership WHERE membership_id = ANY(?1) AND role IS NOT NULL")
                .setParameter(1, membershipIds.toArray(new UUID[0])).getSingleResult();
        return n.longValue() == membershipIds.size();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void tenantOnboarded(TenantOnboarded event) {
        tenantOnboarded(TenantOnboardedV2.from(event));
    }

    /** Records the tenant, its time zone and its country; both versions of one onboarding write the same. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void tenantOnboarded(TenantOnboardedV2 event) {
        entityManager.createNativeQuery("""
                INSERT INTO access_organisation (id, active, time_zone, country) VALUES (?1, true, ?2, ?3)
                ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone, country = excluded.country""")
                .setParameter(1, event.tenantId())
                .setParameter(2, typed(StandardBasicTypes.STRING, event.timeZone()))
                .setParameter(3, Country.fromCode(event.country()).orElse(Country.ofTenantKind(event.kind())).name())
                .executeUpdate();
    }

    /**
     * The tenant's country; {@link Country#NO}, the platform's default as {@link TenantZones} has one, for a
     * tenant the replica does not know.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Country countryOf(String tenantId) {
        Object country = single(entityManager.createNativeQuery(
                "SELECT country FROM access_organisation WHERE id = ?1").setParameter(1, tenantId).getResultList());
        return Country.fromCode((String) country).orElse(Country.NO);
    }

    /**
     * Which of the slugs name an active tenant (a school owner, never a consultancy), with its country; a slug the
     * replica does not know, or a deactivated tenant, is left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Country> activeTenants(Collection<String> tenantIds) {
        Map<String, Country> tenants = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return tenants;
        }
        List<?> rows = entityManager.createNativeQuery("SELECT id, country FROM access_organisation "
                + "WHERE active AND country IS NOT NULL AND id IN (:ids)").setParameter("ids", tenantIds).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Country.fromCode((String) columns[1]).ifPresent(country -> tenants.put((String) columns[0], country));
        }
        return tenants;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void tenantDeactivated(TenantDeactivated event) {
        entityManager.createNativeQuery("""
                INSERT INTO access_organisation (id, active) VALUES (?1, false)
                ON CONFLICT (id) DO UPDATE SET active = false, updated_at = now()""")
                .setParameter(1, event.tenantId()).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void membershipGranted(MembershipGranted event) {
        entityManager.createNativeQuery("""
                INSERT INTO access_membership (membership_id, organisation_id, person_id, role, school_id, starts_on, ends_on,
                    ended_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT erased_at FROM access_erased_person WHERE person_id = ?3))
                ON CONFLICT (membership_id) DO UPDATE SET organisation_id = excluded.organisation_id,
                    person_id = excluded.person_id, role = excluded.role, school_id = excluded.school_id,
                    starts_on = excluded.starts_on, ends_on = excluded.ends_on
                WHERE access_membership.role IS NULL""")
                .setParameter(1, event.membershipId())
                .setParameter(2, event.tenantId())
                .setParameter(3, event.personId())
                .setParameter(4, event.role())
                .setParameter(5, typed(StandardBasicTypes.UUID, event.schoolId()))
                .setParameter(6, event.startsOn())
                .setParameter(7, typed(StandardBasicTypes.LOCAL_DATE, event.endsOn()))
                .executeUpdate();
        if ("consultant".equals(event.role())) {
            // a consultancy is an organisation that is always active
            entityManager.createNativeQuery("""
                    INSERT INTO access_organisation (id, active) VALUES (?1, true) ON CONFLICT (id) DO NOTHING""")
                    .setParameter(1, event.tenantId()).executeUpdate();
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void membershipEnded(MembershipEnded event) {
        entityManager.createNativeQuery("""
                INSERT INTO access_membership (membership_id, organisation_id, person_id, ended_at)
                VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (membership_id) DO UPDATE SET ended_at = excluded.ended_at
                WHERE access_membership.ended_at IS NULL""")
                .setParameter(1, event.membershipId())
                .setParameter(2, event.tenantId())
                .setParameter(3, event.personId())
                .setParameter(4, event.endedAt())
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void engagementStarted(EngagementStarted event) {
        entityManager.createNativeQuery("""
                INSERT INTO access_engagement (engagement_id, tenant_id, consultancy_id, consultant_person_id,
                    school_ids, starts_on, ends_on)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (engagement_id) DO UPDATE SET tenant_id = excluded.tenant_id,
                    consultancy_id = excluded.consultancy_id, consultant_person_id = excluded.consultant_person_id,
                    school_ids = excluded.school_ids, starts_on = excluded.starts_on, ends_on = excluded.ends_on
                WHERE access_engagement.consultancy_id IS NULL""")
                .setParameter(1, event.engagementId())
                .setParameter(2, event.tenantId())
                .setParameter(3, event.consultancyId())
                .setParameter(4, typed(StandardBasicTypes.UUID, event.consultantPersonId()))
                .setParameter(5, event.schoolIds().toArray(new UUID[0]))
                .setParameter(6, event.startsOn())
                .setParameter(7, typed(StandardBasicTypes.LOCAL_DATE, event.endsOn()))
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void engagementEnded(EngagementEnded event) {
        entityManager.createNativeQuery("""
                INSERT INTO access_engagement (engagement_id, tenant_id, ended_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (engagement_id) DO UPDATE SET ended_at = excluded.ended_at
                WHERE access_engagement.ended_at IS NULL""")
                .setParameter(1, event.engagementId())
                .setParameter(2, event.tenantId())
                .setParameter(3, event.endedAt())
                .executeUpdate();
    }

    /** An erased person keeps no access anywhere. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void personErased(PersonErased event) {
        entityManager.createNativeQuery("""
                INSERT INTO access_erased_person (person_id, erased_at) VALUES (?1, ?2) ON CONFLICT (person_id) DO NOTHING""")
                .setParameter(1, event.personId())
                .setParameter(2, event.erasedAt())
                .executeUpdate();
        entityManager.createNativeQuery("""
                UPDATE access_membership SET ended_at = ?2 WHERE person_id = ?1 AND ended_at IS NULL""")
                .setParameter(1, event.personId())
                .setParameter(2, event.erasedAt())
                .executeUpdate();
    }

    private List<Grant.EngagementRow> engagements(String tenantId) {
        return jdbc.list("""
                SELECT consultancy_id, consultant_person_id, school_ids, starts_on, ends_on, ended_at IS NOT NULL
                FROM access_engagement WHERE tenant_id = ? AND ended_at IS NULL""",
                row -> new Grant.EngagementRow(tenantId, row.getString(1), row.getObject(2, UUID.class),
                        uuids(row.getArray(3)), row.getObject(4, LocalDate.class), row.getObject(5, LocalDate.class),
                        row.getBoolean(6)),
                tenantId);
    }

    private static List<UUID> uuids(Object value) {
        if (value instanceof UUID[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
        }
        if (value instanceof java.sql.Array array) {
            try {
                return uuids(array.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.of();
    }

    private static Object single(List<?> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A nullable value bound with its type, so PostgreSQL sees {@code uuid} or {@code date} even for null. */
    private static <T> TypedParameterValue<T> typed(BasicTypeReference<T> type, T value) {
        return new TypedParameterValue<>(type, value);
    }
}
