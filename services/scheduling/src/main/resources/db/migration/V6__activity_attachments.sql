-- An activity's agenda and materials: files its organisers upload (at most 10 MB, of a type the service checks
-- by the content, not only by the name), read by the tenant's members. They go with the activity.
CREATE TABLE activity_attachment (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    activity_id uuid        NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    kind        text        NOT NULL,
    file_name   text        NOT NULL,
    media_type  text        NOT NULL,
    size_bytes  integer     NOT NULL,
    content     bytea       NOT NULL,
    uploaded_at timestamptz NOT NULL,
    CONSTRAINT activity_attachment_kind CHECK (kind IN ('agenda', 'material')),
    CONSTRAINT activity_attachment_size CHECK (size_bytes BETWEEN 1 AND 10485760)
);

CREATE INDEX activity_attachment_activity ON activity_attachment (tenant_id, activity_id, uploaded_at, id);
