package no.ks.led.scheduling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files an activity takes as agenda or material: PDF, the Office formats (Word, PowerPoint, Excel) and photos.
 * Each is recognised by its content, so a file is never stored under a type it is not; the name must end as the
 * type's names do.
 */
public enum AttachmentType {

    PDF("application/pdf", List.of(".pdf"), null),
    WORD("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of(".docx"), "word/"),
    POWERPOINT("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of(".pptx"), "ppt/"),
    EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of(".xlsx"), "xl/"),
    PNG("image/png", List.of(".png"), null),
    JPEG("image/jpeg", List.of(".jpg", ".jpeg"), null);

    /** How many entries of an Office file are read to find its parts: they come first in every file Office writes. */
    private static final int OFFICE_ENTRIES_READ = 64;

    private final String mediaType;
    private final List<String> extensions;
    /** The folder an Office file of this type keeps its document in; null for the other types. */
    private final String officeFolder;

    AttachmentType(String mediaType, List<String> extensions, String officeFolder) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.officeFolder = officeFolder;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type of a Content-Type header (parameters such as a charset ignored); empty for a type not taken. */
    public static Optional<AttachmentType> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
    }

    /** Every media type taken, for the error that names them. */
    public static List<String> mediaTypes() {
        return Arrays.stream(values()).map(AttachmentType::mediaType).toList();
    }

    public boolean namesMatch(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(lower::endsWith);
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Whether the content is a file of this type (its signature, and for Office files the parts inside). */
    public boolean recognises(byte[] content) {
        return switch (this) {
            case PDF -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case PNG -> startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case JPEG -> startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case WORD, POWERPOINT, EXCEL -> isOfficeFile(content);
        };
    }

    private boolean isOfficeFile(byte[] content) {
        if (!startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return false;
        }
        boolean contentTypes = false;
        boolean document = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            for (int read = 0; read < OFFICE_ENTRIES_READ && (entry = zip.getNextEntry()) != null; read++) {
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                document |= entry.getName().startsWith(officeFolder);
                if (contentTypes && document) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        return content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }
}
