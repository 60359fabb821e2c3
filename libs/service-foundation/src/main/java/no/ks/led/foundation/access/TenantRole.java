package no.ks.led.foundation.access;

import java.util.Arrays;
import java.util.Optional;

/** The roles a person can hold in a tenant, as named in memberships and events. */
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

    /** The role with this name, if there is one. */
    public static Optional<TenantRole> fromName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
    }
}
