-- Trends over instrument versions: an item of a newer version names the item of the previous version
-- (version - 1) that it continues, so rounds on different versions compare item by item. Version 1 items
-- continue nothing; a new statement continues nothing either. Like every other part of a version, this
-- is written before the version is published and frozen with it by the triggers of V2 (adding the column
-- fires no row trigger and changes no published row).
ALTER TABLE instrument_item
    ADD COLUMN continues_code text,
    -- one item of the previous version is continued by at most one item of the next
    ADD CONSTRAINT instrument_item_continues_once UNIQUE (version, continues_code);

-- The continued item must exist in the previous version and be of the same kind.
CREATE FUNCTION instrument_item_continuation_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.continues_code IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM instrument_item
            WHERE version = NEW.version - 1 AND code = NEW.continues_code AND kind = NEW.kind) THEN
        RAISE EXCEPTION 'item % of version % continues %, which is no % item of version %', NEW.code, NEW.version,
            NEW.continues_code, NEW.kind, NEW.version - 1
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER instrument_item_continues BEFORE INSERT OR UPDATE ON instrument_item
    FOR EACH ROW EXECUTE FUNCTION instrument_item_continuation_exists();
