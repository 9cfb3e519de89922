-- A staff member on leave (休假) has their new work routed to their backup colleague (A/B岗).
alter table staff_member add column on_leave boolean not null default false;
