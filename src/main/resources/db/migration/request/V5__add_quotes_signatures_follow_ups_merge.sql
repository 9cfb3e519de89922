-- A quote for paid work (报价): its lines, in yuan, exact.
create table quote_line (
    id          bigint generated always as identity primary key,
    request_id  bigint         not null references service_request (id),
    position    int            not null,
    item        text           not null,
    quantity    numeric(10, 2) not null check (quantity > 0),
    unit_price  numeric(12, 2) not null check (unit_price >= 0),
    unique (request_id, position)
);

alter table service_request
    add column quote_accepted_by text,
    add column quote_accepted_at timestamptz,
    add column materials         text,
    add column fee_collected     numeric(12, 2),
    add column parent_id         bigint references service_request (id);
create index service_request_parent_idx on service_request (parent_id) where parent_id is not null;

-- The customer's signature on completion (签字确认), drawn on the technician's screen.
create table signature (
    request_id bigint primary key references service_request (id),
    image      bytea       not null,
    signed_by  text        not null,
    signed_at  timestamptz not null
);

-- Daily follow-up (每日跟踪) of work that takes more than a day.
create table follow_up_note (
    id          bigint generated always as identity primary key,
    request_id  bigint      not null references service_request (id),
    written_at  timestamptz not null,
    author_id   bigint      not null,
    author_name text        not null,
    text        text        not null
);
create index follow_up_note_request_idx on follow_up_note (request_id, written_at desc);
