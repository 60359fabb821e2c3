package no.ks.led.organisations;

import no.ks.led.foundation.access.Country;

/** What kind of school owner a tenant is. */
public enum TenantKind {
    KOMMUNE("kommune", Country.NO),
    FYLKESKOMMUNE("fylkeskommune", Country.NO),
    DANSK_KOMMUNE("dansk-kommune", Country.DK);

    private final String code;
    private final Country country;

    TenantKind(String code, Country country) {
        this.code = code;
        this.country = country;
    }

    public String code() {
        return code;
    }

    /** The country every owner of this kind belongs to. */
    public Country country() {
        return country;
    }

    /** The kind with this code, if there is one. */
    public static java.util.Optional<TenantKind> fromCode(String code) {
        return java.util.Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
