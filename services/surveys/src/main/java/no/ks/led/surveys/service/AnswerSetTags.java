package no.ks.led.surveys.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.surveys.config.SurveysConfig;

/**
 * The tags by which a respondent finds their own anonymous answer set again: a keyed HMAC-SHA256 of
 * the round and the person (team mode: of the round and the school) with the server secret
 * {@code led.surveys.answer-key}. The answer set stores only the tag, so the database alone cannot tell
 * whose answers they are; the round id in the message keeps one person's sets in different rounds apart.
 */
@ApplicationScoped
public class AnswerSetTags {

    @Inject
    SurveysConfig config;

    /** The tag of a person's own answer set in an individual round. */
    public String ofPerson(UUID roundId, UUID personId) {
        return hmac("person:" + roundId + ":" + personId);
    }

    /** The tag of a school's one agreed answer set in a team round. */
    public String ofTeam(UUID roundId, UUID schoolId) {
        return hmac("team:" + roundId + ":" + schoolId);
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.answerKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
