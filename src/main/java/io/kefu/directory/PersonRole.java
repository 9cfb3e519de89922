package io.kefu.directory;

/** 业主, 家庭成员, 租户, 商户. */
public enum PersonRole {
	OWNER, FAMILY, TENANT, SHOP_TENANT
}
