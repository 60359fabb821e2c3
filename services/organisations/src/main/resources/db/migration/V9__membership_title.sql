-- A person's own job title (inspektør, avdelingsleder, skoledistriktsleder, ...) beside the platform role the
-- membership grants; null when none was given.
ALTER TABLE membership ADD COLUMN title text;
