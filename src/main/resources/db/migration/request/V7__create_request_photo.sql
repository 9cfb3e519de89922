-- Photos taken with a request, kept in PostgreSQL so that every instance serves them.
-- content_type is what the bytes are (checked by their magic number), not what the
-- browser claimed.
create table request_photo (
    id           bigint generated always as identity primary key,
    request_id   bigint      not null references service_request (id),
    filename     text        not null,
    content_type text        not null check (content_type in ('image/jpeg', 'image/png')),
    size         int         not null check (size > 0),
    content      bytea       not null,
    uploaded_at  timestamptz not null
);
create index request_photo_request_idx on request_photo (request_id, id);
