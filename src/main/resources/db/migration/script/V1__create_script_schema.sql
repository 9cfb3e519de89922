-- Standard phrases (话术) per scene, for the company (site_id null) or a site, for every
-- request type (request_type null) or one. search holds the bigram terms computed in Java;
-- rows written here have none until the application indexes them at start.
create table phrase (
    id           bigint generated always as identity primary key,
    scene        text        not null,
    position     int         not null default 0,
    text         text        not null check (length(text) between 1 and 500),
    site_id      bigint,
    request_type text,
    search       tsvector,
    version      int         not null default 0,
    updated_at   timestamptz not null default now(),
    updated_by   text        not null default 'Kefu'
);
create index phrase_scene on phrase (scene, position);
create index phrase_search on phrase using gin (search);

create table forbidden_phrase (
    id         bigint generated always as identity primary key,
    phrase     text        not null unique check (length(phrase) between 1 and 20),
    standalone boolean     not null default false,
    suggestion text        not null check (length(suggestion) between 1 and 200),
    allowed    text[]      not null default '{}',
    created_at timestamptz not null default now(),
    created_by text        not null default 'Kefu'
);

-- a text sent to a customer although it has forbidden phrases, and why
create table forbidden_override (
    id             bigint generated always as identity primary key,
    account_id     bigint      not null,
    agent_username text        not null,
    agent_name     text        not null,
    context        text        not null,
    reference      text,
    phrases        text[]      not null,
    text           text        not null,
    reason         text        not null check (length(reason) between 1 and 200),
    occurred_at    timestamptz not null
);
create index forbidden_override_time on forbidden_override (occurred_at desc);
