-- A school of a Danish tenant has its institution number (six digits) instead of an organisation number, and
-- one of the Danish kinds; a Norwegian school keeps its organisation number.
ALTER TABLE school
    ALTER COLUMN org_number TYPE text,
    ALTER COLUMN org_number DROP NOT NULL,
    ADD COLUMN institution_number text,
    ADD CONSTRAINT school_institution_number UNIQUE (institution_number),
    ADD CONSTRAINT school_one_number CHECK ((org_number IS NULL) <> (institution_number IS NULL)),
    DROP CONSTRAINT school_kind_check,
    ADD CONSTRAINT school_kind_check CHECK (kind IN ('grunnskole', 'videregaende', 'folkeskole', 'specialskole',
        'ungdomsskole', '10-klassecenter'));
