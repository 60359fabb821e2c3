-- The first skeleton's gatherings, never written since activities came (V2): a programme's activities are
-- activity rows with its programme_id, listed at /api/tenants/{t}/programmes/{programmeId}/activities.
DROP TABLE gathering;
