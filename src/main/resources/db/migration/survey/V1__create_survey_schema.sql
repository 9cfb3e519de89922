-- Satisfaction surveys (满意度调查): questionnaires in versions, waves per site with their
-- sample of households, the answers keyed in from signed paper forms or given online,
-- and the improvement actions (整改) that follow the results.

create table questionnaire (
    id         bigint generated always as identity primary key,
    name       text        not null check (length(name) between 1 and 100),
    created_at timestamptz not null default now(),
    version    int         not null default 0,
    constraint questionnaire_name_unique unique (name)
);

-- A wave keeps the version it used: a version used by a wave is never changed again.
create table questionnaire_version (
    id               bigint generated always as identity primary key,
    questionnaire_id bigint      not null references questionnaire (id),
    number           int         not null,
    created_at       timestamptz not null default now(),
    constraint questionnaire_version_unique unique (questionnaire_id, number)
);

create table question (
    id         bigint generated always as identity primary key,
    version_id bigint not null references questionnaire_version (id) on delete cascade,
    position   int    not null,
    section    text   not null check (length(section) between 1 and 50),
    text       text   not null check (length(text) between 1 and 200),
    kind       text   not null check (kind in ('SCALE', 'TEXT')),
    constraint question_position_unique unique (version_id, position)
);

create table wave (
    id                bigint generated always as identity primary key,
    site_id           bigint        not null,
    site_name         text          not null,
    name              text          not null check (length(name) between 1 and 50),
    version_id        bigint        not null references questionnaire_version (id),
    sample_share      numeric(5, 2) not null check (sample_share > 0 and sample_share <= 100),
    avoid_waves       int           not null check (avoid_waves >= 0),
    seed              bigint        not null,
    occupied          int           not null,
    status            text          not null check (status in ('OPEN', 'CLOSED')),
    created_at        timestamptz   not null,
    closed_at         timestamptz,
    version           int           not null default 0,
    constraint wave_name_unique unique (site_id, name)
);
create index wave_site_idx on wave (site_id, id);
create index wave_version_idx on wave (version_id);

-- A copy of where each sampled household lives, so that visit lists and results per
-- building stay as they were when the wave was drawn.
create table sample (
    wave_id         bigint not null references wave (id),
    household_id    bigint not null,
    building_id     bigint not null,
    building_name   text   not null,
    room_code       text   not null,
    household_name  text   not null,
    visitor_id      bigint,
    visitor_name    text,
    primary key (wave_id, household_id)
);
create index sample_visitor_idx on sample (wave_id, visitor_id, room_code);

create table survey_answer (
    id           bigint generated always as identity primary key,
    wave_id      bigint      not null,
    household_id bigint      not null,
    signed       boolean     not null,
    channel      text        not null check (channel in ('PAPER', 'ONLINE')),
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    constraint survey_answer_household_unique unique (wave_id, household_id),
    constraint survey_answer_sample_fk foreign key (wave_id, household_id) references sample (wave_id, household_id)
);

create table answer_item (
    answer_id   bigint not null references survey_answer (id) on delete cascade,
    question_id bigint not null references question (id),
    level       text check (level in ('VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED', 'VERY_DISSATISFIED')),
    comment     text check (length(comment) <= 500),
    primary key (answer_id, question_id),
    constraint answer_item_one_value check ((level is null) <> (comment is null))
);

create table improvement_action (
    id                bigint generated always as identity primary key,
    wave_id           bigint      not null references wave (id),
    site_id           bigint      not null,
    what              text        not null check (length(what) between 1 and 500),
    owner_id          bigint      not null,
    owner_name        text        not null,
    due_date          date        not null,
    status            text        not null check (status in ('OPEN', 'DONE', 'VERIFIED')),
    verification_note text,
    created_at        timestamptz not null,
    done_at           timestamptz,
    verified_at       timestamptz,
    verified_by       text,
    version           int         not null default 0
);
create index improvement_action_wave_idx on improvement_action (wave_id, id);
create index improvement_action_pending_idx on improvement_action (site_id, due_date) where status <> 'VERIFIED';

-- The default questionnaire, with the sections of the service manuals: the service
-- centre, repairs, security, cleaning, greening, and an overall verdict.
insert into questionnaire (name) values ('业户服务满意度调查表');
insert into questionnaire_version (questionnaire_id, number)
select id, 1 from questionnaire where name = '业户服务满意度调查表';
insert into question (version_id, position, section, text, kind)
select v.id, q.position, q.section, q.text, q.kind
from questionnaire_version v,
     (values (1, '客服', '服务中心工作人员的服务态度', 'SCALE'),
             (2, '客服', '报修、投诉的受理和反馈是否及时', 'SCALE'),
             (3, '客服', '回访是否及时、有结果', 'SCALE'),
             (4, '维修', '维修人员是否按约定时间上门', 'SCALE'),
             (5, '维修', '维修质量', 'SCALE'),
             (6, '维修', '公共设施设备（电梯、照明、门禁）的运行状况', 'SCALE'),
             (7, '保安', '门岗对来访人员和车辆的管理', 'SCALE'),
             (8, '保安', '巡逻和小区安全状况', 'SCALE'),
             (9, '保洁', '楼道、电梯轿厢的清洁', 'SCALE'),
             (10, '保洁', '垃圾清运是否及时', 'SCALE'),
             (11, '绿化', '绿化养护（修剪、浇水、病虫害防治）', 'SCALE'),
             (12, '总体', '对物业服务的总体评价', 'SCALE'),
             (13, '总体', '您的意见和建议', 'TEXT')) as q(position, section, text, kind)
where v.number = 1;
