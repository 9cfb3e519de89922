create table category (
    id        bigint generated always as identity primary key,
    type      text    not null check (type in ('INQUIRY', 'REPAIR', 'COMPLAINT', 'SUGGESTION', 'PRAISE', 'PAID_SERVICE', 'HELP')),
    parent_id bigint references category (id),
    name      text    not null,
    position  int     not null default 0,
    active    boolean not null default true
);
create unique index category_name_unique on category (type, coalesce(parent_id, 0), name);

-- The last request number handed out per site and day; its row lock serialises intake
-- of one site, and it rolls back with a failed intake, so numbers have no gaps.
create table request_number (
    site_id bigint not null,
    day     date   not null,
    last    int    not null,
    primary key (site_id, day)
);

create table service_request (
    id              bigint generated always as identity primary key,
    site_id         bigint      not null,
    number          text        not null,
    type            text        not null,
    category_id     bigint references category (id),
    channel         text        not null check (channel in ('PHONE', 'VISIT', 'LETTER', 'ONLINE', 'EMAIL', 'PATROL',
                                                            'HQ_FORWARDED', 'LEADER_INSTRUCTED')),
    priority        text        not null check (priority in ('NORMAL', 'URGENT')),
    major           boolean     not null default false,
    status          text        not null,
    household_id    bigint,
    contact_name    text,
    contact_phone   text,
    anonymous       boolean     not null default false,
    room_id         bigint,
    public_area_id  bigint,
    place           text        not null default '',
    description     text        not null,
    resolution      text,
    owner_id        bigint      not null,
    registered_at   timestamptz not null,
    closed_at       timestamptz,
    version         int         not null default 0,
    constraint service_request_number_unique unique (number),
    constraint service_request_place check (room_id is null or public_area_id is null)
);
create index service_request_site_status_idx on service_request (site_id, status, id);
create index service_request_owner_status_idx on service_request (owner_id, status, id);
create index service_request_household_idx on service_request (household_id, registered_at desc) where household_id is not null;
create index service_request_room_idx on service_request (room_id, registered_at desc) where room_id is not null;

-- Everything that happened to a request: who, when, from which state to which, why.
create table request_history (
    id          bigint generated always as identity primary key,
    request_id  bigint      not null references service_request (id),
    occurred_at timestamptz not null,
    actor_id    bigint      not null,
    actor_name  text        not null,
    action      text        not null,
    from_status text,
    to_status   text,
    note        text        not null default ''
);
create index request_history_request_idx on request_history (request_id, id);

-- A retried POST with the same Idempotency-Key returns the first request.
create table idempotency_key (
    account_id bigint      not null,
    key        text        not null,
    request_id bigint references service_request (id),
    created_at timestamptz not null default now(),
    primary key (account_id, key)
);
