package no.ks.led.surveys.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import no.ks.led.surveys.invitation.ContactAddress;
import no.ks.led.surveys.service.NewRound;

/** A coordinator's request to open a round for chosen schools. */
public record NewSurveyRound(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
        @NotNull(message = "must be individual or team") @Pattern(regexp = "individual|team", message = "must be individual or team") String mode,
        @NotNull(message = "is required") LocalDate opensOn,
        @NotNull(message = "is required") LocalDate closesOn,
        @NotEmpty(message = "must name at least one school") @Size(max = 1000, message = "must name at most 1000 schools") List<@NotNull(message = "must be a school id") UUID> schoolIds,
        @Min(value = 3, message = "must be at least 3") @Max(value = 100, message = "must be at most 100") Integer minGroupSize,
        @Positive(message = "must be a published version") Integer instrumentVersion,
        @Min(value = 1, message = "must be 1 to 10 years") @Max(value = 10, message = "must be 1 to 10 years") Integer retentionYears,
        @Size(max = 30, message = "must be at most 30 items") List<@NotNull(message = "must be an item") @Valid LocalItem> localItems,
        @Size(max = 5000, message = "must name at most 5000 contacts") List<@NotNull(message = "must be a contact") @Valid Contact> contacts) {

    /** The command this request asks the service to carry out. */
    NewRound toCommand() {
        return new NewRound(title, mode, opensOn, closesOn, schoolIds, minGroupSize, instrumentVersion, retentionYears,
                localItems == null ? null
                        : localItems.stream().map(i -> new NewRound.LocalItem(i.kind(), i.nb(), i.nn(), i.en(), i.da())).toList(),
                contacts == null ? null : contacts.stream().map(c -> new ContactAddress(c.personId(), c.email())).toList());
    }

    /**
     * An item the tenant adds to this round only: a statement on the scale, or a free-text question. Its text in the
     * tenant's own language is required (bokmål in Norway, Danish in Denmark; checked by {@code RoundOpening}), the
     * others are optional.
     */
    public record LocalItem(
            @NotNull(message = "must be scale or text") @Pattern(regexp = "scale|text", message = "must be scale or text") String kind,
            @Size(max = 500, message = "must be at most 500 characters") String nb,
            @Size(max = 500, message = "must be at most 500 characters") String nn,
            @Size(max = 500, message = "must be at most 500 characters") String en,
            @Size(max = 500, message = "must be at most 500 characters") String da) {
    }

    /**
     * A respondent's e-mail address for the invitation, as the coordinator sees it in the organisations
     * service ({@code GET /api/tenants/{t}/people}); this service has no address book of its own.
     */
    public record Contact(
            @NotNull(message = "is required") UUID personId,
            @NotBlank(message = "must not be blank") @Email(message = "must be an e-mail address") @Size(max = 254, message = "must be at most 254 characters") String email) {
    }
}
