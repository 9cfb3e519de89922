-- Staff performance counts the jobs a site's technicians completed in a period; without
-- this index the completion date is filtered over every request the site ever had.
create index service_request_site_completed_idx on service_request (site_id, completed_at)
    where completed_at is not null;
