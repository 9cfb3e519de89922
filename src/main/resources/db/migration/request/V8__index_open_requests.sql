-- The queues list open requests only, and open requests are a small, recent part of a
-- site's history (about 1 % after three years). Indexes on the open ones alone keep a
-- queue page as cheap as the open work, however many requests a site has closed: the
-- index of (site_id, status, id) must read every request the site ever had to find the
-- open ones, because "status not in (…)" cannot be one of its index conditions.
-- The predicate is written exactly as the queries write it, so that the planner can
-- prove it from their WHERE clause, in custom and in generic plans.

-- OPEN and MAJOR of the user's sites (and the cursor: id below the last one seen).
create index service_request_open_site_idx on service_request (site_id, id)
    where status not in ('RESOLVED', 'CLOSED');

-- OPEN by urgency (major complaints, then urgent work, the longest waiting first) over
-- many sites, as the head office sees it: read in the order shown, so that a page stops
-- after its rows instead of sorting every open request of the company. The expression is
-- the one ServiceRequestQueries sorts by, so that the planner can match it.
create index service_request_open_urgency_idx on service_request
    ((case when major then 0 when priority = 'URGENT' then 1 else 2 end), id)
    where status not in ('RESOLVED', 'CLOSED');

-- MINE: the open requests an agent owns (首问责任).
create index service_request_open_owner_idx on service_request (owner_id, id)
    where status not in ('RESOLVED', 'CLOSED');

-- JOBS and its count: a technician's open jobs, in the order the job list shows them.
create index service_request_open_assignee_idx on service_request (assignee_id, appointment, id desc)
    where status not in ('RESOLVED', 'CLOSED') and assignee_id is not null;

-- The indexes of every request an owner or an assignee ever had served only MINE, my jobs
-- and the count of my jobs, whose predicates the open indexes above cover; no other query
-- filters on owner_id or assignee_id. On a million requests neither was used once while
-- the pages were read and requests taken (pg_stat_user_indexes, see BENCHMARKS.md).
drop index service_request_owner_status_idx;
drop index service_request_assignee_status_idx;
