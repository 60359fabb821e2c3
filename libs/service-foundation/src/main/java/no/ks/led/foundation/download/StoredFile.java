package no.ks.led.foundation.download;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.MappedSuperclass;
import no.ks.led.foundation.access.TenantScopedEntity;

/**
 * A file a tenant's people uploaded, kept in the service's own database: its name, size, content (read only when
 * asked for, never by a list) and when it came. The columns {@code file_name}, {@code size_bytes}, {@code content}
 * and {@code uploaded_at} of every table of uploaded files.
 */
@MappedSuperclass
public abstract class StoredFile extends TenantScopedEntity {

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
