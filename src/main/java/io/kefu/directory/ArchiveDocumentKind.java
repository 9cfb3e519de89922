package io.kefu.directory;

/** The documents a household's archive (一户一档) should hold, in the order of the checklist. */
public enum ArchiveDocumentKind {
	/** 业主临时规约 */
	TEMPORARY_COVENANT,
	/** 装修管理协议 */
	RENOVATION_AGREEMENT,
	/** 收楼手续书 */
	HANDOVER_FORM,
	/** 代办服务委托书 */
	AGENCY_MANDATE,
	/** 保管钥匙委托书 */
	KEY_CUSTODY_MANDATE,
	/** 房屋验收表 */
	ACCEPTANCE_FORM,
	/** 钥匙签收表 */
	KEY_RECEIPT,
	/** 业户信息表 */
	HOUSEHOLD_INFORMATION,
	/** 身份证明 */
	IDENTITY_PROOF,
	/** 权籍资料 */
	TITLE_DOCUMENTS
}
