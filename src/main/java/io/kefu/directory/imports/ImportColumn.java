package io.kefu.directory.imports;

import java.util.List;

/**
 * The columns of the import template, in order. One row is one room, with the
 * household that lives in it (if any) and up to three of its people.
 */
enum ImportColumn {

	SITE("项目编码", "必填。项目的编码，如 BA01；只能导入到您负责的项目"),
	BUILDING("楼栋", "必填。楼栋编号，如 180 或 A座；不存在的楼栋会自动新建"),
	ENTRANCE("单元", "必填。单元号，1–99 的整数"),
	FLOOR("楼层", "必填。楼层，1–200 的整数"),
	ROOM("房间", "必填。该层的房间序号，1–999 的整数"),
	ROOM_CODE("房号", "选填。留空时按 楼栋#单元-楼层-房间 生成，如 180#1-12-3"),
	AREA("建筑面积", "选填。平方米，大于 0 的数字"),
	HOUSEHOLD("户名", "选填。留空则只导入空房间"),
	STATE("入住状态", "有户名时必填：入住、空置 或 装修中"),
	MOVE_IN("入住日期", "选填。格式 yyyy-MM-dd，如 2024-03-01"),
	NAME_1("姓名1", "选填。有户名时可填写最多三位人员"),
	ROLE_1("身份1", "有姓名时必填：业主、家庭成员、租户 或 商户"),
	PHONE_1("电话1", "选填。手机号 11 位，座机带区号，如 0571-88886666"),
	NAME_2("姓名2", "同姓名1"),
	ROLE_2("身份2", "同身份1"),
	PHONE_2("电话2", "同电话1"),
	NAME_3("姓名3", "同姓名1"),
	ROLE_3("身份3", "同身份1"),
	PHONE_3("电话3", "同电话1");

	/** The person columns as (name, role, phone) triples. */
	static final List<ImportColumn[]> PEOPLE = List.of(new ImportColumn[] { NAME_1, ROLE_1, PHONE_1 },
			new ImportColumn[] { NAME_2, ROLE_2, PHONE_2 }, new ImportColumn[] { NAME_3, ROLE_3, PHONE_3 });

	private final String header;

	private final String hint;

	ImportColumn(String header, String hint) {
		this.header = header;
		this.hint = hint;
	}

	/** The column's heading in the template's first row. */
	String header() {
		return header;
	}

	/** How to fill the column, for the template's instructions sheet. */
	String hint() {
		return hint;
	}

	/** The spreadsheet letter of a zero-based column index: 0 → A, 26 → AA. */
	static String letter(int index) {
		StringBuilder letters = new StringBuilder();
		for (int i = index; i >= 0; i = i / 26 - 1) {
			letters.insert(0, (char) ('A' + i % 26));
		}
		return letters.toString();
	}
}
