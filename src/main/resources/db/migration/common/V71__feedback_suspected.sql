-- Ungated-demand reports that the documents module matched against every issued document and found in none:
-- likely demands that bypassed the gate. Kept apart from feedback_ungated, so that the two events may arrive in
-- either order.
create table feedback_suspected (
    report_id        bigint        primary key,
    best_containment numeric(5, 4) not null,
    flagged_at       timestamp     not null
);
