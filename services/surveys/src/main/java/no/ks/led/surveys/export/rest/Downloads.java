package no.ks.led.surveys.export.rest;

import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.download.Download;

/** Responses for the exports: an attachment (the foundation's {@link Download}), and a chart shown inline. */
final class Downloads {

    private Downloads() {
    }

    static Response attachment(byte[] body, String mediaType, String fileName) {
        return Download.of(body, mediaType, fileName);
    }

    static Response chart(String svg) {
        return Response.ok(svg, no.ks.led.surveys.export.ResultCharts.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build();
    }

    static String fileName(UUID roundId, UUID schoolId, String extension) {
        return "resultater-" + roundId + (schoolId == null ? "" : "-skole-" + schoolId) + "." + extension;
    }
}
