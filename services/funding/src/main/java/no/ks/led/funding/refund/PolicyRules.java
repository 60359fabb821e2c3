package no.ks.led.funding.refund;

import java.util.ArrayList;
import java.util.List;

import no.ks.led.funding.numbers.OrganisationNumber;

/**
 * The rules of one funding policy version, as KS publishes them: which method computes the refund and its
 * amounts (whole øre). Fields a method does not use are null. A published version is never changed.
 *
 * @param method how the refund is computed: {@code speaker-caps} (Led 2018), {@code share-of-costs} (OU 2024),
 *        {@code per-person} (Den Kommunale Kompetencefond), {@code none} (no fund: budget only).
 * @param speakerCapsOre the most per speaker per day, by place (Led 2018: 16,000, 16,000, 8,000, 8,000 kr).
 * @param dayCapOre the most per day in all (Led 2018: 48,000 kr).
 * @param feeCapPerSpeakerDayOre the most of one speaker's fee counted per day (OU 2024: 18,000 kr).
 * @param sharePercent the share of the counted costs refunded (OU 2024: 70; per person: 80).
 * @param shareFromDays the share applies to programmes over at least this many days (OU 2024: 2); fewer days are
 *        refunded in full up to the caps.
 * @param participantFeeCapOre the most of one participant's fee counted (OU 2024: 35,000 kr).
 * @param perPersonCapOre the most refunded per person within {@code periodMonths} (Kompetencefond: 30,000).
 * @param periodMonths the rolling period of the per-person cap (12).
 * @param approvalBeforeEvent whether an activity held before the approval is refunded nothing.
 * @param oneRunningLargeGrant whether an owner may hold only one running grant for a large programme at a time.
 * @param largeProgrammeFromDays an application over at least this many days is a large programme.
 * @param excludedOrganisationNumbers school owners the fund does not cover (Oslo kommune, 958935420).
 * @param studyFeeCapPerSemesterOre the most of one person's study fees counted per semester, 1 January to 30 June
 *        or 1 July to 31 December (OU 2024 from version 2: 10,000 kr); null when the version has no rule for them.
 */
public record PolicyRules(String method, List<Long> speakerCapsOre, Long dayCapOre, Long feeCapPerSpeakerDayOre,
        Integer sharePercent, Integer shareFromDays, Long participantFeeCapOre, Long perPersonCapOre,
        Integer periodMonths, Boolean approvalBeforeEvent, Boolean oneRunningLargeGrant, Integer largeProgrammeFromDays,
        List<String> excludedOrganisationNumbers, Long studyFeeCapPerSemesterOre) {

    /** Rules without a study-fee cap (every version published before study fees were computed). */
    public PolicyRules(String method, List<Long> speakerCapsOre, Long dayCapOre, Long feeCapPerSpeakerDayOre,
            Integer sharePercent, Integer shareFromDays, Long participantFeeCapOre, Long perPersonCapOre,
            Integer periodMonths, Boolean approvalBeforeEvent, Boolean oneRunningLargeGrant, Integer largeProgrammeFromDays,
            List<String> excludedOrganisationNumbers) {
        this(method, speakerCapsOre, dayCapOre, feeCapPerSpeakerDayOre, sharePercent, shareFromDays, participantFeeCapOre,
                perPersonCapOre, periodMonths, approvalBeforeEvent, oneRunningLargeGrant, largeProgrammeFromDays,
                excludedOrganisationNumbers, null);
    }

    public static final String SPEAKER_CAPS = "speaker-caps";
    public static final String SHARE_OF_COSTS = "share-of-costs";
    public static final String PER_PERSON = "per-person";
    public static final String NONE = "none";
    public static final List<String> METHODS = List.of(SPEAKER_CAPS, SHARE_OF_COSTS, PER_PERSON, NONE);

    /** The largest amount a policy may name: ten billion kroner, so no sum of amounts overflows. */
    public static final long MAX_AMOUNT_ORE = 1_000_000_000_000L;

    /** Whether an activity held before the application's approval is refunded nothing. */
    public boolean requiresApprovalBeforeEvent() {
        return Boolean.TRUE.equals(approvalBeforeEvent);
    }

    /** Whether an owner may hold only one running grant for a large programme. */
    public boolean allowsOneRunningLargeGrant() {
        return Boolean.TRUE.equals(oneRunningLargeGrant);
    }

    /** Whether an application over this many days is a large programme. */
    public boolean isLargeProgramme(int days) {
        return largeProgrammeFromDays != null && days >= largeProgrammeFromDays;
    }

    /** Whether the fund covers this school owner. */
    public boolean covers(String organisationNumber) {
        return organisationNumber == null || excludedOrganisationNumbers == null
                || !excludedOrganisationNumbers.contains(organisationNumber);
    }

    /**
     * What in the basis these rules cannot take, as (field, message), or null: a day named twice; participants'
     * fees under Led 2018 (it refunds speakers only); speakers under the per-person fund (it pays per participant);
     * study fees under a version without a study-fee cap.
     */
    public String[] cannotTake(Basis basis) {
        if (basis.days().stream().map(Basis.Day::date).distinct().count() < basis.days().size()) {
            return new String[] {"days.date", "names a day twice: give each day once, with all its speakers"};
        }
        if (SPEAKER_CAPS.equals(method) && !basis.participantFees().isEmpty()) {
            return new String[] {"participantFeesOre", "this policy refunds speakers and process leaders only"};
        }
        if (!basis.studyFees().isEmpty() && !NONE.equals(method)
                && (!SHARE_OF_COSTS.equals(method) || studyFeeCapPerSemesterOre == null)) {
            return new String[] {"studyFees", "this policy version has no rule for study fees"};
        }
        if (PER_PERSON.equals(method) && basis.days().stream().anyMatch(d -> !d.speakers().isEmpty())) {
            return new String[] {"days.speakers", "this policy pays per participant, not for speakers"};
        }
        return null;
    }

    /** What is wrong with these rules as a version to publish, as (field, message) pairs; empty when they are sound. */
    public List<String[]> violations() {
        List<String[]> violations = new ArrayList<>();
        if (method == null || !METHODS.contains(method)) {
            violations.add(new String[] {"rules.method", "must be one of " + METHODS});
            return violations;
        }
        switch (method) {
            case SPEAKER_CAPS -> {
                if (speakerCapsOre == null || speakerCapsOre.isEmpty() || speakerCapsOre.size() > 20) {
                    violations.add(new String[] {"rules.speakerCapsOre", "must name 1 to 20 caps"});
                } else if (speakerCapsOre.stream().anyMatch(c -> c == null || c < 0 || c > MAX_AMOUNT_ORE)) {
                    violations.add(new String[] {"rules.speakerCapsOre", "every cap must be from 0 to " + MAX_AMOUNT_ORE});
                }
                requireAmount(violations, "rules.dayCapOre", dayCapOre);
            }
            case SHARE_OF_COSTS -> {
                requireAmount(violations, "rules.feeCapPerSpeakerDayOre", feeCapPerSpeakerDayOre);
                requirePercent(violations, "rules.sharePercent", sharePercent);
                if (shareFromDays == null || shareFromDays < 1) {
                    violations.add(new String[] {"rules.shareFromDays", "is required, 1 or more"});
                }
                requireAmount(violations, "rules.participantFeeCapOre", participantFeeCapOre);
                if (studyFeeCapPerSemesterOre != null) {
                    requireAmount(violations, "rules.studyFeeCapPerSemesterOre", studyFeeCapPerSemesterOre);
                }
            }
            case PER_PERSON -> {
                requireAmount(violations, "rules.perPersonCapOre", perPersonCapOre);
                requirePercent(violations, "rules.sharePercent", sharePercent);
                if (periodMonths == null || periodMonths < 1 || periodMonths > 120) {
                    violations.add(new String[] {"rules.periodMonths", "is required, from 1 to 120"});
                }
            }
            default -> {
            }
        }
        if (largeProgrammeFromDays != null && largeProgrammeFromDays < 1) {
            violations.add(new String[] {"rules.largeProgrammeFromDays", "must be 1 or more"});
        }
        if (excludedOrganisationNumbers != null
                && excludedOrganisationNumbers.stream().anyMatch(n -> n == null || !OrganisationNumber.isValid(n))) {
            violations.add(new String[] {"rules.excludedOrganisationNumbers", "every entry must be a valid organisation number"});
        }
        return violations;
    }

    private static void requireAmount(List<String[]> violations, String field, Long amount) {
        if (amount == null || amount < 0 || amount > MAX_AMOUNT_ORE) {
            violations.add(new String[] {field, "is required, from 0 to " + MAX_AMOUNT_ORE});
        }
    }

    private static void requirePercent(List<String[]> violations, String field, Integer percent) {
        if (percent == null || percent < 0 || percent > 100) {
            violations.add(new String[] {field, "is required, from 0 to 100"});
        }
    }
}
