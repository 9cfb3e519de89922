-- The counts the queue tabs show, kept by the database itself on every insert, update
-- and delete of a request, so that no page recounts the whole table. owner_id 0 holds
-- the site's totals; other rows hold each owner's (首问责任人) own.
create table queue_count (
    site_id  bigint  not null,
    owner_id bigint  not null,
    status   text    not null,
    major    boolean not null,
    count    int     not null,
    primary key (site_id, owner_id, status, major)
);

create function bump_queue_count(p_site bigint, p_owner bigint, p_status text, p_major boolean, p_delta int)
returns void language sql as $$
    insert into request.queue_count (site_id, owner_id, status, major, count)
    values (p_site, 0, p_status, p_major, p_delta), (p_site, p_owner, p_status, p_major, p_delta)
    on conflict (site_id, owner_id, status, major) do update set count = queue_count.count + excluded.count;
$$;

create function track_queue_count() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform request.bump_queue_count(old.site_id, old.owner_id, old.status, old.major, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform request.bump_queue_count(new.site_id, new.owner_id, new.status, new.major, 1);
    end if;
    return null;
end;
$$;

create trigger service_request_queue_count
    after insert or delete or update of site_id, owner_id, status, major on service_request
    for each row execute function track_queue_count();
