package no.ks.led.web.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages of the user interface, bokmål first: the order of the language switcher. */
public enum Language {
    NB("nb", "Norsk (bokmål)"),
    NN("nn", "Norsk (nynorsk)"),
    EN("en", "English"),
    DA("da", "Dansk");

    private final String code;
    private final String ownName;

    Language(String code, String ownName) {
        this.code = code;
        this.ownName = ownName;
    }

    /** The language tag used in URLs, cookies, {@code lang} attributes and the message files. */
    public String code() {
        return code;
    }

    /** The language's name in itself, as the switcher shows it. */
    public String ownName() {
        return ownName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /** The language a tenant's people see until they choose one: Danish for a Danish tenant, else bokmål. */
    public static Language defaultFor(String tenantLanguage) {
        return of(tenantLanguage).orElse(NB);
    }
}
