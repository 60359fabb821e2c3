-- Costs the fund never refunds (venue hire, participants' board and lodging, materials, substitutes, salaries, travel
-- time), entered by the owner for an activity or a programme's year: in the budget as the owner's own cost.
CREATE TABLE budget_cost (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    activity_id  uuid,
    programme_id uuid,
    year         integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    kind         text        NOT NULL CHECK (kind IN ('venue-hire', 'board-and-lodging', 'materials', 'substitutes',
                                                      'salaries', 'travel-time')),
    description  text        NOT NULL,
    amount_ore   bigint      NOT NULL CHECK (amount_ore >= 0),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    CHECK ((activity_id IS NULL) <> (programme_id IS NULL))
);

CREATE INDEX budget_cost_tenant_year ON budget_cost (tenant_id, year);
