-- Which resolved requests are called back (回访): per type, and per category where a row says so.
create table callback_policy (
    id          bigint generated always as identity primary key,
    type        text        not null,
    category_id bigint,
    required    boolean     not null,
    updated_at  timestamptz not null default now(),
    unique nulls not distinct (type, category_id)
);

insert into callback_policy (type, required) values
    ('INQUIRY', false), ('REPAIR', true), ('COMPLAINT', true), ('SUGGESTION', false), ('PRAISE', false),
    ('PAID_SERVICE', true), ('HELP', false);

-- One callback per resolution of a request, with what the agent reads out kept from the request.
-- state: OPEN, COMPLETED (reached), UNREACHABLE, WITHDRAWN (reopened before it), MISSED (archived without it).
create table callback (
    id               bigint generated always as identity primary key,
    request_id       bigint      not null,
    site_id          bigint      not null,
    number           text        not null,
    type             text        not null,
    category_name    text,
    household_id     bigint,
    requester        text,
    phone            text,
    place            text        not null default '',
    description      text        not null default '',
    result           text,
    resolved_at      timestamptz not null,
    due_at           timestamptz,
    waiting_for_rain boolean     not null default false,
    state            text        not null default 'OPEN',
    next_try_at      timestamptz,
    method           text,
    satisfaction     text,
    comment          text,
    closed_by        bigint,
    closed_by_name   text,
    closed_at        timestamptz,
    created_at       timestamptz not null,
    version          integer     not null default 0,
    unique (request_id, resolved_at)
);

create unique index callback_open_request_idx on callback (request_id) where state = 'OPEN';
-- The queue: a site's open callbacks by due time (those waiting for rain last), keyset on (due, id).
create index callback_queue_idx on callback (site_id, (coalesce(due_at, 'infinity'::timestamptz)), id)
    where state = 'OPEN';
create index callback_figures_idx on callback (site_id, resolved_at);

create table callback_attempt (
    id           bigint generated always as identity primary key,
    callback_id  bigint      not null references callback (id),
    method       text        not null,
    result       text        not null,
    next_try_at  timestamptz,
    note         text        not null default '',
    agent_id     bigint      not null,
    agent_name   text        not null,
    attempted_at timestamptz not null
);

create index callback_attempt_callback_idx on callback_attempt (callback_id, id);
