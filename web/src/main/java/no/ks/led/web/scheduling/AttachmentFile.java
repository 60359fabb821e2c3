package no.ks.led.web.scheduling;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media type a file is sent to the API as, from the end of its name (what a browser says of a file's type varies
 * between systems); the API then checks that the content is what the name says.
 */
final class AttachmentFile {

    /** The largest file the API takes. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg");

    private AttachmentFile() {
    }

    /** The media type for the file's name; empty for a name the API takes no file under. */
    static Optional<String> mediaType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
