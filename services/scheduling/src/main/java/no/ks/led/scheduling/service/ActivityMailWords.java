package no.ks.led.scheduling.service;

import no.ks.led.foundation.access.Country;

/**
 * The fixed words of the e-mails about an activity (reminders, speakers' invitations and cancellations): the
 * tenant's own language first (bokmål for a Norwegian tenant, Danish for a Danish one), then English. The
 * calendar part carries only the activity's own title and place, written by the tenant.
 */
record ActivityMailWords(String reminder, String invitation, String cancelled, String cancelledLine) {

    static ActivityMailWords of(Country country) {
        return switch (country) {
            case NO -> new ActivityMailWords("Påminnelse / Reminder: ", "Invitasjon / Invitation: ",
                    "Avlyst / Cancelled: ", "Avlyst. / Cancelled.");
            case DK -> new ActivityMailWords("Påmindelse / Reminder: ", "Invitation / Invitation: ",
                    "Aflyst / Cancelled: ", "Aflyst. / Cancelled.");
        };
    }
}
