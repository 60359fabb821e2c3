package no.ks.led.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every text of the user interface, one file per language ({@code texts/messages_<code>.properties},
 * UTF-8). Bokmål is complete by rule (a test checks every language has every key); a key missing in
 * another language falls back to bokmål rather than showing the key.
 */
@ApplicationScoped
public class Messages {

    static final String FILES = "texts/messages_%s.properties";

    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

    public Messages() {
        for (Language language : Language.values()) {
            texts.put(language, load(language));
        }
    }

    /** The text of a key in a language, with {@code {0}}, {@code {1}} ... replaced by the arguments. */
    public String text(Language language, String key, Object... arguments) {
        String text = texts.get(language).getProperty(key);
        if (text == null) {
            text = texts.get(Language.NB).getProperty(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("No text for key " + key);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** Whether the key has a text (used for texts chosen at run time, such as a problem type's). */
    public boolean has(String key) {
        return texts.get(Language.NB).containsKey(key);
    }

    static Properties load(Language language) {
        String file = String.format(FILES, language.code());
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + file);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
