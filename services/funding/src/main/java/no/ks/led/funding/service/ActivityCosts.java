package no.ks.led.funding.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.ks.led.funding.BookedSpeaker;
import no.ks.led.funding.ScheduledActivity;
import no.ks.led.funding.refund.Basis;

/**
 * The days and speakers' costs of scheduled activities, as a refund's basis. A booking's fee is for the whole
 * activity: it is spread evenly over the activity's days (the øre left over on the first day); travel is the
 * first day's. Activities on the same day share the day (Led 2018's caps are per day).
 */
final class ActivityCosts {

    private ActivityCosts() {
    }

    static Basis basis(List<ScheduledActivity> activities, ZoneId fallback) {
        Map<LocalDate, List<Basis.SpeakerCost>> byDay = new TreeMap<>();
        for (ScheduledActivity activity : activities) {
            List<LocalDate> days = activity.days(fallback);
            for (LocalDate day : days) {
                byDay.computeIfAbsent(day, d -> new ArrayList<>());
            }
            for (BookedSpeaker speaker : BookedSpeaker.of(activity.activityId)) {
                long share = speaker.feeOre / days.size();
                long rest = speaker.feeOre - share * days.size();
                for (int i = 0; i < days.size(); i++) {
                    byDay.get(days.get(i)).add(new Basis.SpeakerCost(speaker.name, share + (i == 0 ? rest : 0),
                            i == 0 ? speaker.travelOre : 0, 0));
                }
            }
        }
        List<Basis.Day> days = new ArrayList<>();
        byDay.forEach((day, speakers) -> days.add(new Basis.Day(day, speakers)));
        return new Basis(days, List.of());
    }
}
