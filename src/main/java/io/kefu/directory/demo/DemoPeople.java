package io.kefu.directory.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.kefu.shared.IdNumber;

/**
 * Made-up but plausible Chinese names, mobile numbers, ID numbers and company names,
 * drawn from one seeded {@link Random} so that the demo is the same every time.
 */
final class DemoPeople {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤";

	private static final List<String> GIVEN_NAMES = List.of("伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超",
			"刚", "辉", "鹏", "华", "飞", "斌", "宇", "浩", "凯", "健", "俊", "旭", "宁", "龙", "阳", "建华", "建国", "志强",
			"志明", "俊杰", "子轩", "浩然", "宇航", "文博", "国平", "海峰", "晓东", "永刚", "芳", "娜", "敏", "静", "丽", "艳",
			"娟", "霞", "婷", "雪", "琳", "颖", "倩", "慧", "秀英", "桂英", "玉兰", "欣怡", "梓涵", "诗涵", "雨桐", "思琪",
			"晓燕", "丽华", "美玲", "红梅", "海燕", "淑珍", "佳怡", "雅婷", "晓红", "春梅");

	/** Mobile prefixes in use (the third digit included). */
	private static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "133", "134", "135", "136", "137",
			"138", "139", "147", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "177",
			"180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199");

	/** Hangzhou districts mostly, and a few places people move from. */
	private static final List<String> REGIONS = List.of("330102", "330105", "330106", "330108", "330109", "330110",
			"330302", "330602", "340104", "320106", "310115", "420106", "510107", "410105");

	private static final List<String> FIRMS = List.of("恒远", "中拓", "瑞丰", "博达", "启明", "汇通", "鼎信", "华策", "云帆",
			"嘉禾", "天衡", "润泽", "正和", "明德", "金诚", "同舟", "致远", "睿思", "立方", "星河", "远景", "青禾", "德信", "弘毅");

	private static final List<String> TRADES = List.of("网络科技", "信息技术", "贸易", "文化传媒", "建筑设计", "投资管理",
			"教育咨询", "医疗器械", "电子商务", "供应链管理", "人力资源", "广告");

	private static final List<String> SHOPS = List.of("好邻居便利店", "味道川菜馆", "绿野咖啡", "百草堂大药房", "麦香烘焙坊",
			"悦容美发", "一品小厨", "鲜果时光水果店", "老街面馆", "知味轩茶餐厅", "书香文具", "优洁干洗店", "乐活健身工作室",
			"晨光打印复印", "金桥银行自助服务点", "小满花艺");

	private final Random random;

	private final Set<String> phones = new HashSet<>();

	private final Set<String> companies = new HashSet<>();

	private int shop;

	DemoPeople(long seed) {
		this.random = new Random(seed);
	}

	String surname() {
		return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
	}

	String name() {
		return name(surname());
	}

	/** A name with the surname given, e.g. a child's. */
	String name(String surname) {
		return surname + pick(GIVEN_NAMES);
	}

	/** A valid mobile number ({@code 1[3-9]} and nine digits), never handed out twice. */
	String mobile() {
		String phone;
		do {
			phone = pick(MOBILE_PREFIXES) + String.format("%08d", random.nextInt(100_000_000));
		}
		while (!phones.add(phone));
		return phone;
	}

	/** An 18-character ID number with a correct check digit, born between the years given. */
	String idNumber(int bornFrom, int bornTo) {
		LocalDate birth = date(LocalDate.of(bornFrom, 1, 1), LocalDate.of(bornTo, 12, 31));
		String first17 = pick(REGIONS) + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
		return first17 + IdNumber.checkDigit(first17);
	}

	/** A day between the two, both included. */
	LocalDate date(LocalDate from, LocalDate to) {
		return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
	}

	String company() {
		String name;
		do {
			name = "杭州" + pick(FIRMS) + pick(TRADES) + "有限公司";
		}
		while (!companies.add(name));
		return name;
	}

	/** Shops in the order of the list, then numbered branches once it runs out. */
	String shop() {
		String name = SHOPS.get(shop % SHOPS.size());
		int round = shop++ / SHOPS.size();
		return round == 0 ? name : name + "（" + (round + 1) + "号店）";
	}

	boolean chance(double probability) {
		return random.nextDouble() < probability;
	}

	int between(int from, int to) {
		return from + random.nextInt(to - from + 1);
	}

	<T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	Random random() {
		return random;
	}
}
