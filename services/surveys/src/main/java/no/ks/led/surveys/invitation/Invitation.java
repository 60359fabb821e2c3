package no.ks.led.surveys.invitation;

/**
 * An e-mail to a round's respondent, kept in the {@code invitation} table: written in the transaction that
 * opens the round (kind {@link #INVITATION}) or queues reminders ({@link #REMINDER}), delivered later by
 * {@link no.ks.led.surveys.invitation.service.InvitationSender}.
 */
public final class Invitation {

    public static final String INVITATION = "invitation";
    public static final String REMINDER = "reminder";

    /** No address is known for the person yet; becomes {@link #PENDING} when one is learnt. */
    public static final String PENDING_ADDRESS = "pending-address";
    /** Due for delivery (again, after a failure, at {@code next_attempt_at}). */
    public static final String PENDING = "pending";
    /** The SMTP server accepted it. */
    public static final String SENT = "sent";

    private Invitation() {
    }
}
