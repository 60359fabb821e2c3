package no.ks.led.surveys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import no.ks.led.foundation.access.Country;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.repository.SurveyRoundRepository.LocalItem;
import org.junit.jupiter.api.Test;

/** A local item's texts in every language, never null: what the owner left out is the tenant's own language's text. */
class RoundQuestionsTest {

    @Test
    void aDanishItemInDanishOnlyIsDanishInEveryLanguage() {
        Instrument.Texts texts = RoundQuestions.texts(new LocalItem("local-1", 1, "scale", null, null, null, "Vi deler viden."),
                Country.DK);
        assertEquals(new Instrument.Texts("Vi deler viden.", "Vi deler viden.", "Vi deler viden.", "Vi deler viden."), texts);
    }

    @Test
    void aDanishTenantsMissingLanguagesFallBackToDanishBeforeBokmal() {
        Instrument.Texts texts = RoundQuestions.texts(new LocalItem("local-1", 1, "text", "Bokmål", null, "English", "Dansk"),
                Country.DK);
        assertEquals(new Instrument.Texts("Bokmål", "Dansk", "English", "Dansk"), texts);
    }

    @Test
    void aNorwegianTenantsMissingLanguagesFallBackToBokmal() {
        Instrument.Texts texts = RoundQuestions.texts(new LocalItem("local-1", 1, "scale", "Bokmål", null, null, "Dansk"),
                Country.NO);
        assertEquals(new Instrument.Texts("Bokmål", "Bokmål", "Bokmål", "Dansk"), texts);
    }

    @Test
    void anItemWithoutTheTenantsLanguageShowsTheFirstTextItHas() {
        Instrument.Texts texts = RoundQuestions.texts(new LocalItem("local-1", 1, "scale", null, null, "Only English", null),
                Country.NO);
        assertEquals(new Instrument.Texts("Only English", "Only English", "Only English", "Only English"), texts);
    }
}
