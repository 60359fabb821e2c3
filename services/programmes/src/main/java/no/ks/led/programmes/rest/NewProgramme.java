package no.ks.led.programmes.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of a request to create a programme. */
public record NewProgramme(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String name) {
}
