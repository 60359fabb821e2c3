package no.ks.led.surveys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The Danish texts of the instrument's version 2 ({@link DemoInstrument#FILE}) are Danish, not Norwegian concepts
 * translated (issue 17): every section and item has one, the owner is the kommune, never a "skoleejer", the levels
 * are Denmark's, and the themes of seed 004's competence goals are there.
 */
class DanishInstrumentTextsTest {

    @Test
    void everyTextHasADanishVersionWithDenmarksOwnerAndLevels() {
        List<String> danish = danishTexts(DemoInstrument.content());
        assertTrue(danish.size() > 60, "sections, items and their team versions: " + danish.size());
        for (String text : danish) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String norwegian : List.of("skoleejer", "skoleeier", "rektor", "ledergruppe", "kommunalsjef")) {
                assertFalse(lower.contains(norwegian), norwegian + " in: " + text);
            }
        }
        String all = String.join("\n", danish).toLowerCase(Locale.ROOT);
        for (String theme : List.of("kommunen", "forvaltningen", "skoleleder", "afdelingsledere", "ledelsesteamet",
                "professionelle læringsfællesskaber", "data om elevernes læring og trivsel", "fra min egen leder")) {
            assertTrue(all.contains(theme), theme);
        }
    }

    private static List<String> danishTexts(JsonNode instrument) {
        List<String> texts = new ArrayList<>();
        for (JsonNode section : instrument.get("sections")) {
            texts.add(da(section.get("title")));
            for (JsonNode item : section.get("items")) {
                texts.add(da(item.get("text")));
                if (item.hasNonNull("team")) {
                    texts.add(da(item.get("team")));
                }
            }
        }
        return texts;
    }

    private static String da(JsonNode texts) {
        assertTrue(texts.hasNonNull("da") && !texts.get("da").asText().isBlank(), "no Danish text: " + texts);
        return texts.get("da").asText();
    }
}
