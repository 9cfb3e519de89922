-- Reports count the requests a site registered in a period (a day to two years). Without
-- this index PostgreSQL reads every request the site ever had through
-- service_request_site_status_idx (22,430 at the busiest generated site) and filters on
-- the date; with it, a quarter of that site is about 1,900 index entries. It also serves
-- a report's drill-down lists, which pick the same rows.
create index service_request_site_registered_idx on service_request (site_id, registered_at);

-- Repeat complaints look for an earlier complaint about the same public area; household
-- and room have their indexes already (service_request_household_idx, _room_idx).
create index service_request_public_area_idx on service_request (public_area_id, registered_at desc)
    where public_area_id is not null;
