package no.ks.led.foundation.download;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A file the API hands out: saved under its name (never shown inline), never kept by a shared cache, never
 * sniffed into another type. The one way every service answers with a file.
 */
public final class Download {

    private Download() {
    }

    /** The response carrying the file. */
    public static Response of(byte[] body, String mediaType, String fileName) {
        return Response.ok(body, mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * {@code attachment} with the name twice (RFC 6266): {@code filename} in plain ASCII for old clients (letters
     * such as å written without their marks, anything else an underscore) and {@code filename*} in UTF-8 with the
     * name as it is.
     */
    static String contentDisposition(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('æ', 'a').replace('Æ', 'A').replace('ø', 'o').replace('Ø', 'O')
                .replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
