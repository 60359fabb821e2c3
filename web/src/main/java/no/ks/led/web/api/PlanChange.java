package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;

/** One change to a plan, as the API takes it ({@code POST .../plan/changes}, a proposal): an entry or a measure. */
@TemplateData
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanChange(Entry entry, Measure measure) {

    /** A written entry of a phase; its kind says which phase. */
    @TemplateData
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String kind, UUID schoolId, String text) {

        public String kindKey() {
            return "plan.kind." + kind;
        }
    }

    /** A measure with the person responsible and its due date. */
    @TemplateData
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Measure(String title, String responsible, LocalDate dueOn, UUID schoolId) {
    }

    /** What the change says, in one line. */
    public String text() {
        return entry != null ? entry.text() : measure != null ? measure.title() : "";
    }
}
