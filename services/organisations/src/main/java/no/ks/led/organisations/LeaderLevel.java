package no.ks.led.organisations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import no.ks.led.foundation.access.TenantRole;

/**
 * The five leader levels of a Danish owner (Ledere af ledere 2.0), each mapped onto the platform's access role
 * that means the same: the skolechef leads the owner's schools as a Norwegian owner's executive does; the
 * kommunal konsulent runs the programme day to day as a Led coordinator; a skoledistriktsleder heads every
 * school of a district (a principal at each); a skoleleder heads one school (a Norwegian rektor, not a middle
 * leader); an afdelingsleder is a middle leader at one school. The level itself is kept as the membership's title.
 */
public enum LeaderLevel {
    SKOLECHEF("skolechef", TenantRole.OWNER_EXECUTIVE),
    KOMMUNAL_KONSULENT("kommunal konsulent", TenantRole.COORDINATOR),
    SKOLEDISTRIKTSLEDER("skoledistriktsleder", TenantRole.PRINCIPAL),
    SKOLELEDER("skoleleder", TenantRole.PRINCIPAL),
    AFDELINGSLEDER("afdelingsleder", TenantRole.SCHOOL_LEADER);

    private final String title;
    private final TenantRole role;

    LeaderLevel(String title, TenantRole role) {
        this.title = title;
        this.role = role;
    }

    /** The level's Danish name, kept as the membership's title. */
    public String title() {
        return title;
    }

    /** The platform's access role the level holds. */
    public TenantRole role() {
        return role;
    }

    /** The level a written title names (any case, surrounding spaces ignored), if it names one. */
    public static Optional<LeaderLevel> fromTitle(String written) {
        String title = written == null ? "" : written.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.title.equals(title)).findFirst();
    }
}
