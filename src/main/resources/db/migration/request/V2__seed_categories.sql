-- The default category trees; administrators may add, rename or retire categories.
insert into category (type, name, position) values
    ('REPAIR', '水电', 1), ('REPAIR', '门窗', 2), ('REPAIR', '管道', 3), ('REPAIR', '电梯', 4),
    ('REPAIR', '公共设施', 5), ('REPAIR', '渗漏水', 6), ('REPAIR', '墙面地面', 7), ('REPAIR', '其他', 99),
    ('COMPLAINT', '服务态度', 1), ('COMPLAINT', '维修质量', 2), ('COMPLAINT', '噪音', 3), ('COMPLAINT', '卫生', 4),
    ('COMPLAINT', '停车', 5), ('COMPLAINT', '收费', 6), ('COMPLAINT', '安全', 7), ('COMPLAINT', '装修', 8),
    ('COMPLAINT', '其他', 99),
    ('INQUIRY', '收费', 1), ('INQUIRY', '办事指南', 2), ('INQUIRY', '装修', 3), ('INQUIRY', '停车', 4),
    ('INQUIRY', '其他', 99),
    ('SUGGESTION', '服务', 1), ('SUGGESTION', '设施', 2), ('SUGGESTION', '环境', 3), ('SUGGESTION', '其他', 99),
    ('PRAISE', '服务', 1), ('PRAISE', '维修', 2), ('PRAISE', '保安', 3), ('PRAISE', '保洁', 4), ('PRAISE', '其他', 99),
    ('PAID_SERVICE', '家政保洁', 1), ('PAID_SERVICE', '家电维修', 2), ('PAID_SERVICE', '管道疏通', 3),
    ('PAID_SERVICE', '搬运', 4), ('PAID_SERVICE', '其他', 99),
    ('HELP', '紧急求助', 1), ('HELP', '代办', 2), ('HELP', '其他', 99);

insert into category (type, parent_id, name, position)
select 'REPAIR', parent.id, sub.name, sub.position
from category parent, (values ('给水', 1), ('排水', 2), ('电路', 3), ('照明', 4)) as sub(name, position)
where parent.type = 'REPAIR' and parent.name = '水电' and parent.parent_id is null;
