package no.ks.led.web.programmes;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** A kind of written entry of the plan (note, focus area, future picture, goal, theme, module), as a form offers it. */
@TemplateData
public record EntryKind(String code) {

    /** The message key of the kind's name. */
    public String key() {
        return "plan.kind." + code;
    }

    static List<EntryKind> of(List<String> codes) {
        return codes.stream().map(EntryKind::new).toList();
    }
}
