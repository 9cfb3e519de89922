-- Who handled the request called back, kept with the rest of its snapshot: its owner
-- (首问责任人) and the person who did the work, so that satisfaction can be counted per
-- staff member with callback_figures_idx, without a join to another module's tables.
alter table callback
    add column request_owner_id    bigint,
    add column request_assignee_id bigint;
