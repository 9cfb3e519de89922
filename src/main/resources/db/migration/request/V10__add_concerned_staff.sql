-- The staff member a praise (被表扬员工) or a complaint (被投诉员工) is about, named at
-- intake: their account id, like owner_id and assignee_id, so that the staff figures of
-- all three group on one key. Staff performance counts them per staff member over a
-- period; the request search lists one person's.
alter table service_request add column concerned_staff_id bigint;
create index service_request_concerned_idx on service_request (concerned_staff_id, registered_at)
    where concerned_staff_id is not null;
