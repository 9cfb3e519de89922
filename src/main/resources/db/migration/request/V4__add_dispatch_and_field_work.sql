alter table service_request
    add column department_id          bigint,
    add column assignee_id            bigint,
    add column appointment            timestamptz,
    add column dispatched_at          timestamptz,
    add column accepted_at            timestamptz,
    add column arrived_at             timestamptz,
    add column completed_at           timestamptz,
    add column resolved_at            timestamptz,
    add column paused_reason          text,
    add column findings               text,
    add column work_result            text,
    add column confirmed_by           text,
    add column complaint_valid        boolean,
    add column responsible_department bigint,
    add column cause                  text,
    add column corrective_action      text,
    add column suggestion_adopted     boolean,
    add column reply                  text,
    add column reopen_count           int not null default 0;

create index service_request_assignee_status_idx on service_request (assignee_id, status, appointment)
    where assignee_id is not null;
