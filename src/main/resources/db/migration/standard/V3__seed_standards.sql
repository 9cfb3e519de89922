-- Completion clocks wait while the work is on hold (waiting on the customer or on parts).
-- The manuals' service standards (PRODUCT.md), for every site; administrators change them
-- per site and type. First match wins, in this order.
insert into service_standard (id, position, name, types, category_ids, priorities, channels, major) values
    (1, 10, '重大投诉', '{COMPLAINT}', null, null, null, true),
    (2, 20, '公司转发、领导批示的投诉（72小时答复）', '{COMPLAINT}', null, null, '{HQ_FORWARDED,LEADER_INSTRUCTED}', null),
    (3, 30, '投诉', '{COMPLAINT}', null, null, null, null),
    (4, 40, '渗漏水报修（雨后回访）', '{REPAIR}',
        (select array_agg(id) from request.category where type = 'REPAIR' and name = '渗漏水' and parent_id is null),
        null, null, null),
    (5, 50, '急修', '{REPAIR,PAID_SERVICE}', null, '{URGENT}', null, null),
    (6, 60, '日常报修、特约服务', '{REPAIR,PAID_SERVICE}', null, null, null, null),
    (7, 70, '建议', '{SUGGESTION}', null, null, null, null),
    (8, 80, '来访未能当场处理', null, null, null, '{VISIT}', null),
    (9, 90, '其他工单', null, null, null, null, null);
select setval('service_standard_id_seq', 9);

insert into clock_rule (standard_id, position, kind, start_trigger, stop_triggers, pause_on_hold, target_amount,
                        target_unit, until_appointment, warn_percent, longest_wait_days, notify_on_start, warn_to, breach_to) values
    -- 重大投诉: the site manager is told at once; handled within a working day; called back within 3 days.
    (1, 1, 'COMPLETION', 'REGISTERED', '{RESOLVED}', true, 1, 'BUSINESS_DAYS', false, 50, null,
        '{SITE_MANAGER,SUPERVISOR}', '{OWNER,SITE_MANAGER}', '{SITE_MANAGER,EXECUTIVE}'),
    (1, 2, 'DAILY_FOLLOW_UP', 'DISPATCHED', '{FOLLOWED_UP,COMPLETED,RESOLVED}', false, 1, 'BUSINESS_DAYS', false, 80, null,
        '{}', '{ASSIGNEE}', '{OWNER,SITE_MANAGER}'),
    (1, 3, 'CALLBACK', 'RESOLVED', '{CLOSED}', false, 3, 'BUSINESS_DAYS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR,SITE_MANAGER}'),
    -- 质量投诉热线 / 公司转发: a reply within 72 hours.
    (2, 1, 'COMPLETION', 'REGISTERED', '{RESOLVED}', true, 72, 'CALENDAR_HOURS', false, 80, null,
        '{SUPERVISOR}', '{OWNER}', '{SUPERVISOR,SITE_MANAGER}'),
    (2, 2, 'CALLBACK', 'RESOLVED', '{CLOSED}', false, 3, 'BUSINESS_DAYS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    -- 投诉: handled at once, otherwise by an agreed time; callback within 3 days of resolution.
    (3, 1, 'COMPLETION', 'REGISTERED', '{RESOLVED}', true, 1, 'BUSINESS_DAYS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    (3, 2, 'DAILY_FOLLOW_UP', 'DISPATCHED', '{FOLLOWED_UP,COMPLETED,RESOLVED}', false, 1, 'BUSINESS_DAYS', false, 80, null,
        '{}', '{ASSIGNEE}', '{OWNER}'),
    (3, 3, 'CALLBACK', 'RESOLVED', '{CLOSED}', false, 3, 'BUSINESS_DAYS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    -- 渗漏水: called back after the first rainy day following the repair (at the latest 30 days after it).
    (4, 1, 'DISPATCH', 'REGISTERED', '{DISPATCHED}', false, 2, 'BUSINESS_HOURS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    (4, 2, 'ARRIVAL', 'DISPATCHED', '{ARRIVED}', false, 1, 'BUSINESS_DAYS', true, 80, null, '{}', '{ASSIGNEE}', '{OWNER,SUPERVISOR}'),
    (4, 3, 'REPORT_BACK', 'DISPATCHED', '{PAUSED,FOLLOWED_UP,COMPLETED}', false, 4, 'BUSINESS_HOURS', false, 80, null,
        '{}', '{ASSIGNEE}', '{OWNER}'),
    (4, 4, 'DAILY_FOLLOW_UP', 'DISPATCHED', '{FOLLOWED_UP,COMPLETED,RESOLVED}', false, 1, 'BUSINESS_DAYS', false, 80, null,
        '{}', '{ASSIGNEE}', '{OWNER}'),
    (4, 5, 'CALLBACK', 'FIRST_RAINY_DAY', '{CLOSED}', false, 1, 'BUSINESS_DAYS', false, 80, 30, '{}', '{OWNER}', '{SUPERVISOR}'),
    -- 急修: dispatched within 15 minutes and on site within 30, day and night; callback within 24 hours of completion.
    (5, 1, 'DISPATCH', 'REGISTERED', '{DISPATCHED}', false, 15, 'CALENDAR_MINUTES', false, 60, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    (5, 2, 'ARRIVAL', 'DISPATCHED', '{ARRIVED}', false, 30, 'CALENDAR_MINUTES', false, 60, null, '{}', '{ASSIGNEE}', '{OWNER,SUPERVISOR}'),
    (5, 3, 'REPORT_BACK', 'DISPATCHED', '{PAUSED,FOLLOWED_UP,COMPLETED}', false, 4, 'CALENDAR_HOURS', false, 80, null,
        '{}', '{ASSIGNEE}', '{OWNER,SUPERVISOR}'),
    (5, 4, 'CALLBACK', 'COMPLETED', '{CLOSED}', false, 24, 'CALENDAR_HOURS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    -- 日常报修: on site at the agreed time; reported back within 4 hours (4小时复命); daily follow-up;
    -- callback within 48 hours of completion.
    (6, 1, 'DISPATCH', 'REGISTERED', '{DISPATCHED}', false, 2, 'BUSINESS_HOURS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    (6, 2, 'ARRIVAL', 'DISPATCHED', '{ARRIVED}', false, 1, 'BUSINESS_DAYS', true, 80, null, '{}', '{ASSIGNEE}', '{OWNER}'),
    (6, 3, 'REPORT_BACK', 'DISPATCHED', '{PAUSED,FOLLOWED_UP,COMPLETED}', false, 4, 'BUSINESS_HOURS', false, 80, null,
        '{}', '{ASSIGNEE}', '{OWNER}'),
    (6, 4, 'DAILY_FOLLOW_UP', 'DISPATCHED', '{FOLLOWED_UP,COMPLETED,RESOLVED}', false, 1, 'BUSINESS_DAYS', false, 80, null,
        '{}', '{ASSIGNEE}', '{OWNER}'),
    (6, 5, 'CALLBACK', 'COMPLETED', '{CLOSED}', false, 48, 'CALENDAR_HOURS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    -- 建议: answered within 3 days, adopted or not, with reasons and thanks.
    (7, 1, 'SUGGESTION_REPLY', 'REGISTERED', '{RESOLVED}', false, 3, 'BUSINESS_DAYS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    -- 来访: what cannot be handled at once is reported to the department head the same day.
    (8, 1, 'REPORT_BACK', 'REGISTERED', '{RESOLVED}', false, 4, 'BUSINESS_HOURS', false, 50, null, '{}', '{OWNER}', '{SUPERVISOR}'),
    (9, 1, 'COMPLETION', 'REGISTERED', '{RESOLVED}', true, 3, 'BUSINESS_DAYS', false, 80, null, '{}', '{OWNER}', '{SUPERVISOR}');

-- Further steps: an overdue major complaint goes up to the executives, a 72-hour reply to the site manager's manager.
insert into escalation_step (clock_rule_id, position, after_minutes, notify)
select id, 1, 240, '{EXECUTIVE}'::text[] from clock_rule where standard_id = 1 and kind = 'COMPLETION'
union all
select id, 1, 1440, '{EXECUTIVE}'::text[] from clock_rule where standard_id = 2 and kind = 'COMPLETION'
union all
select id, 1, 480, '{SITE_MANAGER}'::text[] from clock_rule where standard_id = 3 and kind = 'COMPLETION';
