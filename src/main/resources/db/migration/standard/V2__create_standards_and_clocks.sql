-- Service standards (服务标准): ordered rules matching requests; the first that matches
-- gives the request its clocks. A site's own rules come before the company's.
create table service_standard (
    id           bigserial primary key,
    site_id      bigint,
    position     int     not null,
    name         text    not null check (length(name) between 1 and 100),
    types        text[],
    category_ids bigint[],
    priorities   text[],
    channels     text[],
    major        boolean,
    active       boolean not null default true,
    version      int     not null default 0
);
create index service_standard_order_idx on service_standard (site_id, position);

create table clock_rule (
    id                bigserial primary key,
    standard_id       bigint  not null references service_standard (id) on delete cascade,
    position          int     not null,
    kind              text    not null,
    start_trigger     text    not null,
    stop_triggers     text[]  not null check (cardinality(stop_triggers) > 0),
    pause_on_hold     boolean not null default false,
    target_amount     bigint  not null check (target_amount > 0),
    target_unit       text    not null,
    until_appointment boolean not null default false,
    calendar_id       bigint,
    warn_percent      int     not null default 80 check (warn_percent between 1 and 100),
    longest_wait_days int check (longest_wait_days > 0),
    notify_on_start   text[]  not null default '{}',
    warn_to           text[]  not null default '{}',
    breach_to         text[]  not null default '{}',
    retired           boolean not null default false
);
create unique index clock_rule_position_idx on clock_rule (standard_id, position) where not retired;

-- Further steps of the escalation ladder, after the breach.
create table escalation_step (
    clock_rule_id bigint not null references clock_rule (id) on delete cascade,
    position      int    not null,
    after_minutes int    not null check (after_minutes > 0),
    notify        text[] not null check (cardinality(notify) > 0),
    primary key (clock_rule_id, position)
);

-- What the clocks need to know of a request, kept from its events.
create table request_standard (
    request_id   bigint primary key,
    site_id      bigint not null,
    number       text   not null,
    standard_id  bigint references service_standard (id) on delete set null,
    owner_id     bigint not null,
    assignee_id  bigint,
    appointment  timestamptz,
    completed_at timestamptz
);

create table request_clock (
    id                bigserial primary key,
    request_id        bigint not null references request_standard (request_id),
    site_id           bigint not null,
    clock_rule_id     bigint not null references clock_rule (id),
    kind              text   not null,
    state             text   not null,
    started_at        timestamptz,
    waiting_until     timestamptz,
    warn_at           timestamptz,
    due_at            timestamptz,
    paused_at         timestamptz,
    paused_ms         bigint not null default 0,
    stopped_at        timestamptz,
    fired             int    not null default 0,
    next_fire_at      timestamptz,
    created_at        timestamptz not null
);
create index request_clock_request_idx on request_clock (request_id);
create index request_clock_due_idx on request_clock (next_fire_at) where next_fire_at is not null;
create index request_clock_overdue_idx on request_clock (site_id, due_at) where state = 'BREACHED' and stopped_at is null;
create index request_clock_site_started_idx on request_clock (site_id, started_at);
create index request_clock_waiting_idx on request_clock (site_id, waiting_until) where state = 'WAITING';

-- When a standard or a calendar changes, running clocks are recomputed; each change is kept.
create table clock_change (
    id         bigserial primary key,
    clock_id   bigint      not null references request_clock (id),
    changed_at timestamptz not null,
    reason     text        not null,
    old_due_at timestamptz,
    new_due_at timestamptz
);
create index clock_change_clock_idx on clock_change (clock_id);

-- In-app notifications (the bell): warnings, breaches and escalations for the people on the ladder.
create table notification (
    id         bigserial primary key,
    account_id bigint      not null,
    request_id bigint      not null,
    clock_id   bigint references request_clock (id),
    level      text        not null,
    kind       text        not null,
    number     text        not null,
    due_at     timestamptz not null,
    created_at timestamptz not null,
    read_at    timestamptz
);
create index notification_account_idx on notification (account_id, id desc);
create index notification_unread_idx on notification (account_id) where read_at is null;
