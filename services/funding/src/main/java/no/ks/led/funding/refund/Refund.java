package no.ks.led.funding.refund;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A refund computed under one policy version, with every line explained. Pure: the same rules and basis always
 * give the same refund, and no refund exceeds the actual costs or any cap of the rules.
 */
public record Refund(long costOre, long countedOre, long refundOre, List<Line> lines) {

    /** Computes the refund of the basis under the rules. */
    public static Refund under(PolicyRules rules, Basis basis) {
        List<Line> lines = new ArrayList<>();
        vatLines(basis, lines);
        switch (rules.method()) {
            case PolicyRules.SPEAKER_CAPS -> speakerCaps(rules, basis, lines);
            case PolicyRules.SHARE_OF_COSTS -> shareOfCosts(rules, basis, lines);
            case PolicyRules.PER_PERSON -> perPerson(rules, basis, lines);
            default -> noFund(basis, lines);
        }
        for (Basis.OtherCost cost : basis.otherCosts()) {
            lines.add(new Line("other-cost", null, cost.description() == null || cost.description().isBlank() ? cost.kind()
                    : cost.description(), cost.amountOre(), 0, 0, "not-eligible",
                    "Not eligible (" + cost.kind() + "): the fund never refunds it, the owner pays"));
        }
        return of(lines);
    }

    /** The same refund with the lines of these days refunded nothing (held before the approval). */
    public Refund withoutDays(List<LocalDate> days, String explanation) {
        if (days.isEmpty()) {
            return this;
        }
        List<Line> kept = new ArrayList<>();
        for (Line line : lines) {
            if (line.date() != null && days.contains(line.date()) && line.refundOre() > 0) {
                kept.add(new Line(line.kind(), line.date(), line.name(), line.costOre(), line.countedOre(), 0,
                        "held-before-approval", explanation));
            } else {
                kept.add(line);
            }
        }
        return of(kept);
    }

    /** The refund, at most this amount (the approved grant): the lines are lowered from the last. */
    public Refund atMost(long limitOre, String explanation) {
        if (refundOre <= limitOre) {
            return this;
        }
        List<Line> kept = new ArrayList<>(lines);
        long excess = refundOre - limitOre;
        for (int i = kept.size() - 1; i >= 0 && excess > 0; i--) {
            Line line = kept.get(i);
            long cut = Math.min(excess, line.refundOre());
            if (cut > 0) {
                kept.set(i, new Line(line.kind(), line.date(), line.name(), line.costOre(), line.countedOre(),
                        line.refundOre() - cut, "approved-amount", explanation));
                excess -= cut;
            }
        }
        return of(kept);
    }

    /**
     * What the fund pays of this refund under an approval decided on {@code decidedOn}: nothing for the days held
     * before it when the rules require approval first, and at most the approved amount.
     */
    public Refund asApproved(PolicyRules rules, LocalDate decidedOn, long approvedOre) {
        Refund approved = this;
        if (rules.requiresApprovalBeforeEvent() && decidedOn != null) {
            approved = withoutDays(heldBefore(decidedOn), "Held before the approval on " + decidedOn + ": not refunded");
        }
        return approved.atMost(approvedOre, "At most the approved amount");
    }

    /** The days of these lines before the day, in order. */
    public List<LocalDate> heldBefore(LocalDate day) {
        return lines.stream().map(Line::date).filter(d -> d != null && d.isBefore(day)).distinct().sorted().toList();
    }

    /** The refund these already computed lines add up to (an application's or a claim's, as stored). */
    public static Refund of(List<Line> lines) {
        long cost = 0;
        long counted = 0;
        long refund = 0;
        for (Line line : lines) {
            if (!line.kind().equals("share") && !line.kind().equals("day-cap")) {
                cost += line.costOre();
                counted += line.countedOre();
            }
            refund += line.refundOre();
        }
        return new Refund(cost, counted, refund, List.copyOf(lines));
    }

    private static void vatLines(Basis basis, List<Line> lines) {
        for (Basis.Day day : basis.days()) {
            for (Basis.SpeakerCost speaker : day.speakers()) {
                if (speaker.vatOre() > 0) {
                    lines.add(new Line("vat", day.date(), speaker.name(), speaker.vatOre(), 0, 0, "no-vat",
                            "VAT is never refunded"));
                }
            }
        }
    }

    /**
     * Led 2018: each day the speakers, most expensive first, take the caps, largest first (so the refund is the
     * largest any assignment gives), each refunded at most their cost; beyond the caps a speaker gets nothing;
     * a day never above the day's cap.
     */
    private static void speakerCaps(PolicyRules rules, Basis basis, List<Line> lines) {
        List<Long> caps = rules.speakerCapsOre().stream().sorted(Comparator.reverseOrder()).toList();
        for (Basis.Day day : basis.days()) {
            List<Basis.SpeakerCost> speakers = day.speakers().stream()
                    .sorted(Comparator.comparingLong(Basis.SpeakerCost::costOre).reversed()).toList();
            int first = lines.size();
            long dayTotal = 0;
            for (int i = 0; i < speakers.size(); i++) {
                Basis.SpeakerCost speaker = speakers.get(i);
                if (i >= caps.size()) {
                    lines.add(new Line("speaker", day.date(), speaker.name(), speaker.costOre(), 0, 0, "over-caps",
                            "Only " + caps.size() + " speakers a day are refunded"));
                    continue;
                }
                long cap = caps.get(i);
                long refund = Math.min(speaker.costOre(), cap);
                dayTotal += refund;
                lines.add(new Line("speaker", day.date(), speaker.name(), speaker.costOre(), refund, refund,
                        "cap-" + (i + 1), "Place " + (i + 1) + ": at most " + Money.kroner(cap) + " per person per day"
                                + (refund < cap ? ", refunded the actual cost" : "")));
            }
            long over = dayTotal - rules.dayCapOre();
            // lower the day's lines from the cheapest up until the day is within its cap
            for (int i = lines.size() - 1; i >= first && over > 0; i--) {
                Line line = lines.get(i);
                long cut = Math.min(over, line.refundOre());
                if (cut > 0) {
                    lines.set(i, new Line(line.kind(), line.date(), line.name(), line.costOre(), line.countedOre(),
                            line.refundOre() - cut, "day-cap", "At most " + Money.kroner(rules.dayCapOre()) + " a day in all"));
                    over -= cut;
                }
            }
        }
    }

    /**
     * OU 2024: each speaker's fee counts up to the cap per day, travel and accommodation as they are; over several
     * days the refund is the share of what counts; each participant's fee counts up to its cap.
     */
    private static void shareOfCosts(PolicyRules rules, Basis basis, List<Line> lines) {
        int percent = basis.dayCount() >= rules.shareFromDays() ? rules.sharePercent() : 100;
        String shareRule = percent == 100 ? "single-day" : "share";
        List<Integer> speakerLines = new ArrayList<>();
        long counted = 0;
        for (Basis.Day day : basis.days()) {
            for (Basis.SpeakerCost speaker : day.speakers()) {
                long fee = Math.min(speaker.feeOre(), rules.feeCapPerSpeakerDayOre());
                String explanation = speaker.feeOre() > fee
                        ? "Fee counted up to " + Money.kroner(rules.feeCapPerSpeakerDayOre()) + " per speaker per day"
                        : "Fee counted in full";
                speakerLines.add(lines.size());
                lines.add(new Line("speaker", day.date(), speaker.name(), speaker.feeOre(), fee, 0,
                        speaker.feeOre() > fee ? "fee-cap" : "fee", explanation));
                counted += fee;
                if (speaker.travelOre() > 0) {
                    speakerLines.add(lines.size());
                    lines.add(new Line("travel", day.date(), speaker.name(), speaker.travelOre(), speaker.travelOre(), 0,
                            "travel", "Actual travel and accommodation"));
                    counted += speaker.travelOre();
                }
            }
        }
        long total = counted * percent / 100;
        long given = 0;
        for (int at : speakerLines) {
            given += lines.get(at).countedOre() * percent / 100;
        }
        // the lines' rounded-down shares add up to at most the total's; the øre left go one each to lines that
        // lost a fraction, so the lines add up to the total and none exceeds what it counts
        long left = total - given;
        for (int at : speakerLines) {
            Line line = lines.get(at);
            long refund = line.countedOre() * percent / 100;
            if (left > 0 && line.countedOre() * percent % 100 != 0) {
                refund++;
                left--;
            }
            lines.set(at, new Line(line.kind(), line.date(), line.name(), line.costOre(), line.countedOre(), refund,
                    line.rule(), line.explanation() + (percent == 100 ? "" : "; " + percent + " % refunded")));
        }
        if (!speakerLines.isEmpty()) {
            lines.add(new Line("share", null, null, counted, counted, 0, shareRule, percent == 100
                    ? "A single gathering: what counts is refunded in full (" + Money.kroner(total) + ")"
                    : percent + " % of " + Money.kroner(counted) + " over " + basis.dayCount() + " days = " + Money.kroner(total)));
        }
        int n = 0;
        for (Basis.ParticipantFee fee : basis.participantFees()) {
            n++;
            long refund = Math.min(fee.feeOre(), rules.participantFeeCapOre());
            lines.add(new Line("participant-fee", fee.date(), name(fee, n), fee.feeOre(), refund, refund,
                    refund < fee.feeOre() ? "participant-fee-cap" : "participant-fee",
                    refund < fee.feeOre() ? "Counted up to " + Money.kroner(rules.participantFeeCapOre()) + " per person"
                            : "Counted in full"));
        }
        studyFees(rules, basis, lines);
    }

    /**
     * Study fees: each person's fees of one semester count, in the order given, up to the cap per person per
     * semester, and are refunded in full as they count (the share applies to speakers' costs only).
     */
    private static void studyFees(PolicyRules rules, Basis basis, List<Line> lines) {
        if (basis.studyFees().isEmpty()) {
            return;
        }
        long cap = rules.studyFeeCapPerSemesterOre();
        Map<String, Long> used = new HashMap<>();
        int n = 0;
        for (Basis.StudyFee fee : basis.studyFees()) {
            n++;
            String person = fee.person() != null ? fee.person() : "Participant " + n;
            String key = (fee.person() != null ? "p:" + fee.person() : "n:" + n) + "|" + fee.semesterStart();
            long before = used.getOrDefault(key, 0L);
            long refund = Math.max(0, Math.min(fee.feeOre(), cap - before));
            used.put(key, before + refund);
            boolean capped = refund < fee.feeOre();
            lines.add(new Line("study-fee", fee.semesterStart(), person, fee.feeOre(), refund, refund,
                    capped ? "study-fee-cap" : "study-fee",
                    (capped ? "Counted up to " + Money.kroner(cap) + " per person per semester"
                            : "Counted in full, within " + Money.kroner(cap) + " per person per semester")
                            + " (" + fee.semester() + ")"
                            + (before > 0 ? "; " + Money.kroner(before) + " counted already in the semester" : "")));
        }
    }

    /**
     * Den Kommunale Kompetencefond: per person the share of the fee, at most the cap within a rolling period;
     * what the same person was refunded within the period before the course counts against the cap.
     */
    private static void perPerson(PolicyRules rules, Basis basis, List<Line> lines) {
        for (Basis.Day day : basis.days()) {
            for (Basis.SpeakerCost speaker : day.speakers()) {
                lines.add(new Line("speaker", day.date(), speaker.name(), speaker.costOre(), 0, 0, "not-eligible",
                        "The fund pays per participant, not for speakers"));
            }
        }
        List<Basis.ParticipantFee> fees = new ArrayList<>(basis.participantFees());
        Map<String, List<long[]>> granted = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < fees.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> fees.get(i).date(), Comparator.nullsFirst(Comparator.naturalOrder())));
        Line[] byPlace = new Line[fees.size()];
        for (int i : order) {
            Basis.ParticipantFee fee = fees.get(i);
            long share = fee.feeOre() * rules.sharePercent() / 100;
            long used = 0;
            List<long[]> earlier = fee.person() == null ? List.of()
                    : granted.computeIfAbsent(fee.person(), p -> new ArrayList<>());
            if (fee.date() != null) {
                long from = fee.date().minusMonths(rules.periodMonths()).toEpochDay();
                for (long[] grant : earlier) {
                    if (grant[0] > from) {
                        used += grant[1];
                    }
                }
            }
            long refund = Math.max(0, Math.min(share, rules.perPersonCapOre() - used));
            if (fee.person() != null && fee.date() != null) {
                earlier.add(new long[] {fee.date().toEpochDay(), refund});
            }
            String explanation = rules.sharePercent() + " % of the fee, at most " + Money.kroner(rules.perPersonCapOre())
                    + " per person per " + rules.periodMonths() + " months"
                    + (used > 0 ? " (" + Money.kroner(used) + " refunded already in the period)" : "");
            byPlace[i] = new Line("participant-fee", fee.date(), name(fee, i + 1), fee.feeOre(), fee.feeOre(), refund,
                    refund < share ? "per-person-cap" : "per-person", explanation);
        }
        lines.addAll(List.of(byPlace));
    }

    private static void noFund(Basis basis, List<Line> lines) {
        for (Basis.Day day : basis.days()) {
            for (Basis.SpeakerCost speaker : day.speakers()) {
                lines.add(new Line("speaker", day.date(), speaker.name(), speaker.costOre(), 0, 0, "no-fund",
                        "No fund: the owner pays"));
            }
        }
        int n = 0;
        for (Basis.ParticipantFee fee : basis.participantFees()) {
            lines.add(new Line("participant-fee", fee.date(), name(fee, ++n), fee.feeOre(), 0, 0, "no-fund",
                    "No fund: the owner pays"));
        }
        n = 0;
        for (Basis.StudyFee fee : basis.studyFees()) {
            n++;
            lines.add(new Line("study-fee", fee.semesterStart(), fee.person() != null ? fee.person() : "Participant " + n,
                    fee.feeOre(), 0, 0, "no-fund", "No fund: the owner pays"));
        }
    }

    private static String name(Basis.ParticipantFee fee, int place) {
        return fee.person() != null ? fee.person() : "Participant " + place;
    }
}
