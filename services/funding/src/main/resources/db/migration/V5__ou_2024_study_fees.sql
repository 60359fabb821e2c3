-- OU 2024, version 2: version 1's rules and study fees counted up to 10,000 kr per person per semester (1 January to
-- 30 June, 1 July to 31 December). Version 1 stays frozen, so no amount already computed under it changes.
INSERT INTO funding_policy (policy_id, version, name, country, rules, published_at, published_by) VALUES
('ou-2024', 2, 'OU 2024', 'NO', '{"method": "share-of-costs", "feeCapPerSpeakerDayOre": 1800000, "sharePercent": 70,
  "shareFromDays": 2, "participantFeeCapOre": 3500000, "studyFeeCapPerSemesterOre": 1000000, "approvalBeforeEvent": true,
  "oneRunningLargeGrant": true, "largeProgrammeFromDays": 5, "excludedOrganisationNumbers": ["958935420"]}',
  '2026-12-03T00:00:00Z', 'platform');
