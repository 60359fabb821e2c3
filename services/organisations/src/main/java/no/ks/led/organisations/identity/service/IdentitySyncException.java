package no.ks.led.organisations.identity.service;

/** What Keycloak refused, said without personal data. */
public class IdentitySyncException extends RuntimeException {

    private final boolean permanent;

    public IdentitySyncException(String message) {
        this(message, false);
    }

    /** A permanent failure will not go away by waiting: the task is marked failed at once. */
    public IdentitySyncException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
