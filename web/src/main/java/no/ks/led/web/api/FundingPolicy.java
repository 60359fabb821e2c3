package no.ks.led.web.api;

import io.quarkus.qute.TemplateData;

/** A published version of a funding policy (Led 2018, OU 2024, the Danish Kompetencefond, none). */
@TemplateData
public record FundingPolicy(String policy, int version, String name, String country) {
}
