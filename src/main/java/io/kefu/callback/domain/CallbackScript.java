package io.kefu.callback.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import io.kefu.callback.CallbackSummary;
import io.kefu.script.FilledPhrase;
import io.kefu.script.PhraseManagement;
import io.kefu.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * The words an agent reads out on a callback: the callback opening (回访开场) from the
 * phrase library, filled in for the agent, the customer and the request, then what was
 * done and the satisfaction question. Without an opening in the library for the site, a
 * built-in one stands in.
 */
@Component
public class CallbackScript {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

	private final PhraseManagement phrases;

	CallbackScript(PhraseManagement phrases) {
		this.phrases = phrases;
	}

	public String forCall(CurrentUser agent, String siteName, CallbackSummary callback, ZoneId zone) {
		String requester = callback.requester() == null ? "" : callback.requester();
		List<FilledPhrase> opening = phrases.callbackOpening(agent, callback.siteId(), requester, callback.number());
		String greeting = opening.isEmpty()
				? "您好" + requester + "！我是" + siteName + "客服中心客服专员" + agent.displayName() + "，工号" + agent.username() + "。"
				: opening.stream().map(FilledPhrase::text).collect(Collectors.joining(""));
		return greeting + "您" + DAY.format(callback.resolvedAt().atZone(zone)) + "办结的"
				+ (callback.categoryName() == null ? "" : callback.categoryName()) + "工单（单号 " + callback.number()
				+ "）已经处理完毕" + (callback.result() == null ? "" : "：" + callback.result()) + "。"
				+ "您对这次的处理满意吗？是非常满意、满意、一般、不满意，还是非常不满意？"
				+ "您还有什么意见或建议吗？感谢您对我们工作的支持，再见！";
	}
}
