package no.ks.led.organisations;

/** What kind of school owner a tenant is. */
public enum TenantKind {
    KOMMUNE("kommune"),
    FYLKESKOMMUNE("fylkeskommune"),
    DANSK_KOMMUNE("dansk-kommune");

    private final String code;

    TenantKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
