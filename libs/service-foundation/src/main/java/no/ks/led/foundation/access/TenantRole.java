package no.ks.led.foundation.access;

/** The roles a person can hold in a tenant, as named in tokens and memberships. */
public enum TenantRole {
    OWNER_EXECUTIVE("owner-executive"),
    COORDINATOR("coordinator"),
    PRINCIPAL("principal"),
    SCHOOL_LEADER("school-leader"),
    CONSULTANT("consultant");

    private final String roleName;

    TenantRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }
}
