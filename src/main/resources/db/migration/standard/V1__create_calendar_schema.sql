-- Business calendars (工作日历): weekly hours in versions by the date they take effect,
-- the national holiday schedule, each calendar's own exceptions, and which site uses
-- which calendar (sites without one use the default).
create table business_calendar (
    id                        bigint generated always as identity primary key,
    name                      text     not null unique check (length(name) between 1 and 30),
    always_open               boolean  not null default false,
    follows_national_holidays boolean  not null default true,
    makeup_weekday            smallint not null default 1 check (makeup_weekday between 1 and 7),
    is_default                boolean  not null default false,
    version                   int      not null default 0
);
create unique index business_calendar_one_default on business_calendar (is_default) where is_default;

create table hours_version (
    id             bigint generated always as identity primary key,
    calendar_id    bigint      not null references business_calendar (id),
    effective_from date        not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    unique (calendar_id, effective_from)
);

-- minutes from midnight; 1440 ends a period at midnight
create table working_period (
    version_id   bigint   not null references hours_version (id) on delete cascade,
    weekday      smallint not null check (weekday between 1 and 7),
    start_minute smallint not null check (start_minute between 0 and 1439),
    end_minute   smallint not null check (end_minute between 1 and 1440 and end_minute > start_minute)
);
create index working_period_version_idx on working_period (version_id);

create table national_exception (
    day  date primary key,
    kind text not null check (kind in ('HOLIDAY', 'MAKEUP_WORKDAY')),
    name text not null
);

create table calendar_exception (
    calendar_id bigint not null references business_calendar (id),
    day         date   not null,
    kind        text   not null check (kind in ('HOLIDAY', 'MAKEUP_WORKDAY')),
    name        text   not null,
    primary key (calendar_id, day)
);

create table site_calendar (
    site_id     bigint primary key,
    calendar_id bigint not null references business_calendar (id)
);
create index site_calendar_calendar_idx on site_calendar (calendar_id);

insert into business_calendar (name, always_open, follows_national_holidays, is_default)
values ('标准工作日历', false, true, true), ('24小时', true, false, false);

insert into hours_version (calendar_id, effective_from, created_at, created_by)
select id, date '2000-01-01', now(), 'Kefu' from business_calendar where name = '标准工作日历';

insert into working_period (version_id, weekday, start_minute, end_minute)
select v.id, d.weekday, p.start_minute, p.end_minute
from hours_version v
cross join generate_series(1, 5) as d(weekday)
cross join (values (510, 720), (810, 1050)) as p(start_minute, end_minute);

-- 雨天: recorded per site and date by duty staff; a wrong entry is removed, not deleted
create table rainy_day (
    id               bigint generated always as identity primary key,
    site_id          bigint      not null,
    day              date        not null,
    recorded_by      bigint      not null,
    recorded_by_name text        not null,
    recorded_at      timestamptz not null,
    removed_by       bigint,
    removed_by_name  text,
    removed_at       timestamptz
);
create unique index rainy_day_site_day_idx on rainy_day (site_id, day) where removed_at is null;
create index rainy_day_site_recent_idx on rainy_day (site_id, day desc);
