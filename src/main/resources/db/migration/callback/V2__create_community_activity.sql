-- Community activities (社区活动): the participating households, and a seeded share of them
-- (at least 10 %) called back afterwards; the manual asks for satisfaction of at least 80 %.
create table activity (
    id         bigint generated always as identity primary key,
    site_id    bigint       not null,
    name       text         not null,
    held_on    date         not null,
    share      numeric(5, 2) not null,
    seed       bigint       not null,
    created_by bigint       not null,
    created_at timestamptz  not null
);
create index activity_site_idx on activity (site_id, held_on desc, id desc);

-- state of a sampled participant's callback: OPEN, COMPLETED (reached), UNREACHABLE.
create table activity_participant (
    activity_id     bigint      not null references activity (id),
    household_id    bigint      not null,
    household_name  text        not null,
    room_code       text        not null,
    sampled         boolean     not null,
    state           text        not null default 'OPEN',
    failed_attempts int         not null default 0,
    satisfaction    text,
    comment         text,
    called_by_name  text,
    called_at       timestamptz,
    version         int         not null default 0,
    primary key (activity_id, household_id)
);
