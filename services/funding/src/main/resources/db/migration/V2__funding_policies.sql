-- KS's funding policies: one row per published version. A published version is frozen: the trigger refuses
-- to change or delete it, so every amount can always name the rules it was computed under.
CREATE TABLE funding_policy (
    policy_id    text        NOT NULL,
    version      integer     NOT NULL CHECK (version >= 1),
    name         text        NOT NULL,
    -- the country whose owners it serves (NO, DK); null for "none", which serves every tenant
    country      text,
    rules        jsonb       NOT NULL,
    published_at timestamptz NOT NULL,
    published_by text        NOT NULL,
    PRIMARY KEY (policy_id, version)
);

CREATE FUNCTION funding_policy_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published funding policy version is frozen';
END
$$;

CREATE TRIGGER funding_policy_frozen BEFORE UPDATE OR DELETE ON funding_policy
    FOR EACH ROW EXECUTE FUNCTION funding_policy_frozen();

-- The first versions, as KS's pages state them (docs/funding.md): amounts in whole øre.
INSERT INTO funding_policy (policy_id, version, name, country, rules, published_at, published_by) VALUES
('led-2018', 1, 'Led 2018', 'NO', '{"method": "speaker-caps", "speakerCapsOre": [1600000, 1600000, 800000, 800000],
  "dayCapOre": 4800000, "approvalBeforeEvent": true, "oneRunningLargeGrant": false}', '2018-05-08T00:00:00Z', 'platform'),
('ou-2024', 1, 'OU 2024', 'NO', '{"method": "share-of-costs", "feeCapPerSpeakerDayOre": 1800000, "sharePercent": 70,
  "shareFromDays": 2, "participantFeeCapOre": 3500000, "approvalBeforeEvent": true, "oneRunningLargeGrant": true,
  "largeProgrammeFromDays": 5, "excludedOrganisationNumbers": ["958935420"]}', '2024-01-01T00:00:00Z', 'platform'),
('dk-kompetencefond', 1, 'Den Kommunale Kompetencefond', 'DK', '{"method": "per-person", "sharePercent": 80,
  "perPersonCapOre": 3000000, "periodMonths": 12, "approvalBeforeEvent": true, "oneRunningLargeGrant": false}',
  '2024-01-01T00:00:00Z', 'platform'),
('none', 1, 'No fund', NULL, '{"method": "none", "approvalBeforeEvent": false, "oneRunningLargeGrant": false}',
  '2018-01-01T00:00:00Z', 'platform');
