package no.ks.led.funding;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.download.StoredFile;

/** An invoice or the approval letter attached to a claim, as PDF. */
@Entity
@Table(name = "claim_attachment")
public class ClaimAttachment extends StoredFile {

    public static final String INVOICE = "invoice";
    public static final String APPROVAL_LETTER = "approval-letter";

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(nullable = false)
    public String kind;

    /** The claim's attachments, the approval letter first, then in upload order. */
    public static List<ClaimAttachment> of(UUID claimId) {
        return list("claimId = ?1 order by case when kind = 'approval-letter' then 0 else 1 end, uploadedAt, id", claimId);
    }
}
