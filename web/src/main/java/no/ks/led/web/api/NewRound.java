package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A round the coordinator opens: its schools, days, k, the years its answers are kept and the tenant's own items,
 * each with its text in the tenant's own language (bokmål in Norway, Danish in Denmark; the API's fallback for the
 * other languages).
 */
public record NewRound(String title, String mode, LocalDate opensOn, LocalDate closesOn, List<UUID> schoolIds,
        Integer minGroupSize, Integer retentionYears, List<LocalItem> localItems) {

    /** An item of this round only: {@code scale} (a statement) or {@code text} (a free-text question). */
    public record LocalItem(String kind, String nb, String da) {

        /** The item with its text in the tenant's language. */
        public static LocalItem inOwnLanguage(String kind, String text, boolean danish) {
            return danish ? new LocalItem(kind, null, text) : new LocalItem(kind, text, null);
        }
    }
}
