-- Articles and service guides (办事指南). search holds the bigram terms computed in Java
-- (title and tags weighted A, text and materials B); rows written here have none until
-- the application indexes them at start.
create table article (
    id         bigint generated always as identity primary key,
    kind       text        not null check (kind in ('ARTICLE', 'GUIDE')),
    title      text        not null check (length(title) between 1 and 100),
    category   text        not null,
    tags       text[]      not null default '{}',
    site_id    bigint,
    state      text        not null check (state in ('DRAFT', 'PUBLISHED')),
    body       text        not null default '',
    materials  text[]      not null default '{}',
    version    int         not null default 1,
    updated_at timestamptz not null default now(),
    updated_by text        not null default 'Kefu',
    search     tsvector
);
create index article_search on article using gin (search) where state = 'PUBLISHED';
create index article_updated on article (updated_at desc, id desc);

create table article_version (
    article_id bigint      not null references article (id) on delete cascade,
    version    int         not null,
    title      text        not null,
    state      text        not null,
    body       text        not null,
    materials  text[]      not null,
    saved_at   timestamptz not null,
    saved_by   text        not null,
    primary key (article_id, version)
);
