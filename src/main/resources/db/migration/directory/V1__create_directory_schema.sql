create extension if not exists pg_trgm with schema public;

create table site (
    id         bigint generated always as identity primary key,
    code       text        not null,
    name       text        not null,
    kind       text        not null check (kind in ('RESIDENTIAL', 'OFFICE')),
    address    text        not null default '',
    created_at timestamptz not null default now(),
    version    int         not null default 0,
    constraint site_code_unique unique (code)
);

create table building (
    id         bigint generated always as identity primary key,
    site_id    bigint not null references site (id),
    code       text   not null,
    name       text   not null,
    version    int    not null default 0,
    constraint building_code_unique unique (site_id, code)
);

create table room (
    id          bigint generated always as identity primary key,
    site_id     bigint not null references site (id),
    building_id bigint not null references building (id),
    code        text   not null,
    entrance    int    not null,
    floor       int    not null,
    number      int    not null,
    area        numeric(10, 2),
    version     int    not null default 0,
    constraint room_code_unique unique (site_id, code)
);
create index room_building_idx on room (building_id, entrance, floor, number);
create index room_code_idx on room (code text_pattern_ops);

create table public_area (
    id      bigint generated always as identity primary key,
    site_id bigint not null references site (id),
    name    text   not null,
    kind    text   not null,
    version int    not null default 0,
    constraint public_area_name_unique unique (site_id, name)
);

create table household (
    id           bigint generated always as identity primary key,
    site_id      bigint      not null references site (id),
    name         text        not null,
    state        text        not null check (state in ('OCCUPIED', 'VACANT', 'RENOVATING')),
    move_in_date date,
    note         text        not null default '',
    created_at   timestamptz not null default now(),
    version      int         not null default 0
);
create index household_site_idx on household (site_id, id);

create table household_room (
    household_id bigint not null references household (id) on delete cascade,
    room_id      bigint not null references room (id),
    primary key (household_id, room_id),
    constraint household_room_room_unique unique (room_id)
);

create table person (
    id           bigint generated always as identity primary key,
    household_id bigint not null references household (id) on delete cascade,
    site_id      bigint not null references site (id),
    name         text   not null,
    role         text   not null check (role in ('OWNER', 'FAMILY', 'TENANT', 'SHOP_TENANT')),
    phone        text,
    phone_last4  text generated always as (right(regexp_replace(phone, '\D', '', 'g'), 4)) stored,
    id_number    text,
    version      int    not null default 0
);
create index person_household_idx on person (household_id);
create index person_phone_idx on person (phone);
create index person_phone_last4_idx on person (phone_last4);
create index person_name_idx on person (name text_pattern_ops);
create index household_name_idx on household (name text_pattern_ops);

create table archive_document (
    household_id bigint      not null references household (id) on delete cascade,
    kind         text        not null,
    on_file      boolean     not null default false,
    note         text        not null default '',
    updated_at   timestamptz not null default now(),
    primary key (household_id, kind)
);

create table archive_attachment (
    id           bigint generated always as identity primary key,
    household_id bigint      not null references household (id) on delete cascade,
    kind         text        not null,
    filename     text        not null,
    content_type text        not null,
    size         bigint      not null,
    content      bytea       not null,
    uploaded_at  timestamptz not null default now(),
    uploaded_by  text        not null
);
create index archive_attachment_household_idx on archive_attachment (household_id, kind);

create table department (
    id      bigint generated always as identity primary key,
    code    text not null,
    name    text not null,
    kind    text not null check (kind in ('CUSTOMER_SERVICE', 'ENGINEERING', 'SECURITY', 'CLEANING', 'GREENING',
                                          'FINANCE', 'QUALITY', 'CONTRACTOR')),
    version int  not null default 0,
    constraint department_code_unique unique (code)
);

create table staff_member (
    id            bigint generated always as identity primary key,
    account_id    bigint not null,
    staff_number  text   not null,
    name          text   not null,
    department_id bigint references department (id),
    phone         text,
    backup_id     bigint references staff_member (id),
    version       int    not null default 0,
    constraint staff_number_unique unique (staff_number),
    constraint staff_account_unique unique (account_id)
);

-- Every view of a household's personal data by staff (who, when, which household).
create table personal_data_view (
    id           bigint generated always as identity primary key,
    household_id bigint      not null,
    account_id   bigint      not null,
    viewed_at    timestamptz not null default now()
);
create index personal_data_view_household_idx on personal_data_view (household_id, viewed_at);
