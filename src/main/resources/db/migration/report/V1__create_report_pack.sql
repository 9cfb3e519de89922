-- A report pack (报表包): a site's reports of a month or a quarter as one workbook, generated
-- on schedule (the manuals archive a month on the 25th–30th) and kept for download.
create table report_pack (
    id           bigint generated always as identity primary key,
    site_id      bigint      not null,
    kind         text        not null check (kind in ('MONTHLY', 'QUARTERLY')),
    period_from  date        not null,
    period_to    date        not null,
    file_name    text        not null,
    content      bytea       not null,
    generated_at timestamptz not null,
    unique (site_id, kind, period_from)
);
