package no.ks.led.surveys.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.led.surveys.invitation.ContactAddress;

/**
 * What a coordinator asks for when opening a round (see {@link RoundOpening}); {@code minGroupSize} and
 * {@code instrumentVersion} may be null (the national minimum, the latest version); {@code retentionYears} too
 * ({@link #DEFAULT_RETENTION_YEARS} after the round's last day).
 */
public record NewRound(String title, String mode, LocalDate opensOn, LocalDate closesOn, List<UUID> schoolIds,
        Integer minGroupSize, Integer instrumentVersion, Integer retentionYears, List<LocalItem> localItems, List<ContactAddress> contacts) {

    /** How long a round's answers are kept unless the owner chooses otherwise: five years after its last day. */
    public static final int DEFAULT_RETENTION_YEARS = 5;

    /** An item the tenant adds to this round only: a statement on the scale, or a free-text question. */
    public record LocalItem(String kind, String nb, String nn, String en, String da) {
    }
}
