package io.kefu.callback.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.kefu.callback.CallbackSummary;
import io.kefu.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * The words an agent reads out on a callback, filled in with their name, staff number
 * (工号, what they sign in with) and the request. The phrases module will replace it.
 */
@Component
public class CallbackScript {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

	public String forCall(CurrentUser agent, String siteName, CallbackSummary callback, ZoneId zone) {
		String requester = callback.requester() == null ? "" : callback.requester();
		return "您好" + requester + "！我是" + siteName + "客服中心客服专员" + agent.displayName() + "，工号"
				+ agent.username() + "。您" + DAY.format(callback.resolvedAt().atZone(zone)) + "办结的"
				+ (callback.categoryName() == null ? "" : callback.categoryName()) + "工单（单号 " + callback.number()
				+ "）已经处理完毕" + (callback.result() == null ? "" : "：" + callback.result()) + "。"
				+ "想耽误您一分钟做个回访：您对这次的处理满意吗？是非常满意、满意、一般、不满意，还是非常不满意？"
				+ "您还有什么意见或建议吗？感谢您对我们工作的支持，再见！";
	}
}
