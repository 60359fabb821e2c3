package no.ks.led.foundation.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The country a tenant belongs to, and whose national operator sees its figures: KS for Norway, a Danish
 * national operator (KL, or a regional partnership such as PLF Nord) for Denmark. No national view mixes two.
 */
public enum Country {
    NO(List.of(CallerToken.KS_ADMIN, CallerToken.KS_ANALYST)),
    DK(List.of(CallerToken.DK_NATIONAL));

    private final List<String> nationalRoles;

    Country(List<String> nationalRoles) {
        this.nationalRoles = nationalRoles;
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
