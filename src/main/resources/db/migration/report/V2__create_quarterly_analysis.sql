-- The quarterly complaint analysis (季度投诉分析报告) of a site: written by quality staff,
-- submitted, approved by an executive, who may return it to draft with a note (退回).
-- At approval the computed sections are frozen into snapshot, which no later data changes.
create table quarterly_analysis (
    id                  bigint generated always as identity primary key,
    site_id             bigint      not null,
    year                int         not null check (year between 2000 and 2100),
    quarter             int         not null check (quarter between 1 and 4),
    state               text        not null check (state in ('DRAFT', 'SUBMITTED', 'APPROVED')),
    analysis            text        not null default '',
    corrective_measures text        not null default '',
    preventive_measures text        not null default '',
    drafted_by          bigint      not null,
    drafted_by_name     text        not null,
    drafted_at          timestamptz not null,
    submitted_by        bigint,
    submitted_by_name   text,
    submitted_at        timestamptz,
    approved_by         bigint,
    approved_by_name    text,
    approved_at         timestamptz,
    return_note         text,
    snapshot            jsonb,
    changed_at          timestamptz not null,
    version             int         not null default 0,
    unique (site_id, year, quarter),
    check ((state = 'APPROVED') = (snapshot is not null))
);
