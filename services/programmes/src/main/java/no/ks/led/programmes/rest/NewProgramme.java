package no.ks.led.programmes.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of a request to create a programme, from a template ({@code led-skole}, ...) or without one. */
public record NewProgramme(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Pattern(regexp = NationalTemplateResource.TEMPLATE_ID, message = "must be a template's id") String templateId) {
}
