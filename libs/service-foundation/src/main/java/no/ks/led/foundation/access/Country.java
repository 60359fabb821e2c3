package no.ks.led.foundation.access;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The country a tenant belongs to, and whose national operator sees its figures: KS for Norway, a Danish
 * national operator (KL, or a regional partnership such as PLF Nord) for Denmark. No national view mixes two.
 */
public enum Country {
    NO(List.of(CallerToken.KS_ADMIN, CallerToken.KS_ANALYST), TenantZones.PLATFORM_DEFAULT),
    DK(List.of(CallerToken.DK_NATIONAL), ZoneId.of("Europe/Copenhagen"));

    private final List<String> nationalRoles;
    private final ZoneId zone;

    Country(List<String> nationalRoles, ZoneId zone) {
        this.nationalRoles = nationalRoles;
        this.zone = zone;
    }

    /** The country's time zone: the zone of what a national operator publishes for all its tenants. */
    public ZoneId zone() {
        return zone;
    }

    /** The realm roles that see this country's national figures. */
    public List<String> nationalRoles() {
        return nationalRoles;
    }

    /** The country of a tenant of this kind: Denmark for {@code dansk-kommune}, Norway for the Norwegian kinds. */
    public static Country ofTenantKind(String kind) {
        return "dansk-kommune".equals(kind) ? DK : NO;
    }

    /** The country with this code ({@code NO}, {@code DK}), if there is one. */
    public static Optional<Country> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
