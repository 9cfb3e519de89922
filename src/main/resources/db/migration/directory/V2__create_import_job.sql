-- An Excel import of rooms and households: the uploaded file (kept so that any
-- instance can check or commit it), its state, its progress and its summary.
create table import_job (
    id             bigint generated always as identity primary key,
    account_id     bigint      not null,
    uploaded_by    text        not null,
    -- the uploader's sites when the file came in; only staff who see all of them see the job
    site_ids       bigint[]    not null,
    filename       text        not null,
    size           bigint      not null,
    content        bytea,
    state          text        not null check (state in ('VALIDATING', 'READY', 'INVALID', 'COMMITTING', 'DONE', 'FAILED')),
    rows_total     int,
    rows_validated int         not null default 0,
    rows_written   int         not null default 0,
    problem_count  int         not null default 0,
    buildings      int         not null default 0,
    new_buildings  int         not null default 0,
    rooms          int         not null default 0,
    households     int         not null default 0,
    people         int         not null default 0,
    error          text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    finished_at    timestamptz,
    version        int         not null default 0
);
-- .xlsx files are zip archives already: compressing them again only costs time.
alter table import_job alter column content set storage external;
create index import_job_account_idx on import_job (account_id, id desc);
create index import_job_running_idx on import_job (updated_at) where state in ('VALIDATING', 'COMMITTING');

-- What is wrong with a file, by row and column; the first few hundred of a job.
create table import_problem (
    job_id      bigint not null references import_job (id) on delete cascade,
    position    int    not null,
    row_number  int    not null,
    column_name text   not null,
    message     text   not null,
    primary key (job_id, position)
);
