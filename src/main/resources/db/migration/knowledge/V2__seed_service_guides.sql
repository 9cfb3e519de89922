-- Kefu's default service guides (办事指南): tell the customer every material at once.
insert into article (kind, title, category, tags, state, body, materials) values
('GUIDE', '入住办理', 'PROCEDURE', '{入住,收楼}', 'PUBLISHED',
 '业主收楼入住请到客服中心办理，核对身份后签署入住文件、领取钥匙并登记水电表底数。',
 '{业主身份证原件及复印件,购房合同或不动产权证书,入住通知书,委托他人办理的须带委托书及受托人身份证}'),
('GUIDE', '装修申请', 'PROCEDURE', '{装修,施工,押金}', 'PUBLISHED',
 '装修前须到客服中心申请，审核图纸后办理施工人员出入证，缴纳装修押金后方可施工。',
 '{装修申请表,装修施工图纸,施工单位营业执照及资质复印件,施工人员身份证复印件及照片,业主身份证复印件}'),
('GUIDE', '钥匙托管', 'PROCEDURE', '{钥匙,托管}', 'PUBLISHED',
 '业主可将房屋钥匙交客服中心封存托管，领取时须本人或持委托书的受托人办理。',
 '{业主身份证原件,钥匙托管登记表,委托领取的须带委托书及受托人身份证}'),
('GUIDE', '物业费缴纳', 'FEES', '{缴费,物业费,发票}', 'PUBLISHED',
 '物业服务费可在客服中心现场缴纳，也可线上缴纳；需要发票的请提供开票信息。',
 '{房号,缴费通知单（如有）,开票单位名称及税号（需要发票时）}'),
('GUIDE', '物品放行', 'PROCEDURE', '{放行,搬家,物品}', 'PUBLISHED',
 '搬出大件物品须由业主到客服中心开具放行条，保安凭放行条核对后放行。',
 '{业主身份证或租户备案证明,物品清单,租户搬出的须有业主书面同意}'),
('GUIDE', '证明开具', 'PROCEDURE', '{证明,居住证明}', 'PUBLISHED',
 '居住证明、缴费证明等由客服中心核对档案后开具，一般一个工作日内可领取。',
 '{申请人身份证原件,房屋产权证明或租赁合同,证明用途说明}');

insert into article_version (article_id, version, title, state, body, materials, saved_at, saved_by)
select id, version, title, state, body, materials, updated_at, updated_by from article;
