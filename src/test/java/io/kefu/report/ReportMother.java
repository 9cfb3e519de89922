package io.kefu.report;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import io.kefu.KefuApplication;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.Resolution;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A site with a month of requests whose figures are known (see {@link Month}). Requests
 * are registered and resolved through the service now, then moved into the month two
 * months back by updating their times in SQL, since the service only knows the present.
 */
@Component
class ReportMother {

	/** The month of the data: two months back, so that every request in it is over 30 days old. */
	static final YearMonth MONTH = YearMonth.now(KefuApplication.ZONE).minusMonths(2);

	private final RequestMother requests;

	private final ServiceRequestManagement management;

	private final ServiceRequestQueries queries;

	private final JdbcClient jdbc;

	ReportMother(RequestMother requests, ServiceRequestManagement management, ServiceRequestQueries queries,
			JdbcClient jdbc) {
		this.requests = requests;
		this.management = management;
		this.queries = queries;
		this.jdbc = jdbc;
	}

	/**
	 * Eight requests in {@link #MONTH} about room 180#1-1-1, all by phone but one inquiry
	 * by visit:
	 * <ul>
	 * <li>help 代办, day 3 09:00, resolved after 4 h; help, day 10 09:00, resolved after 24 h;</li>
	 * <li>complaint 噪音, day 3 10:00, resolved after 2 h, valid, engineering;</li>
	 * <li>complaint 噪音, day 10 10:00 (a repeat), resolved after 8 h, not valid, engineering;</li>
	 * <li>complaint 卫生, day 20 09:00, open;</li>
	 * <li>suggestion, day 20 09:00, replied after 1 h; suggestion, day 20, open;</li>
	 * <li>inquiry 办事指南 by visit, day 20, open;</li>
	 * </ul>
	 * and one help request registered now, open.
	 */
	Month month() {
		FieldSite site = requests.fieldSite();
		long help1 = resolved(site, RequestType.HELP, "代办", at(3, 9), 4, plain());
		long help2 = resolved(site, RequestType.HELP, "代办", at(10, 9), 24, plain());
		long complaint1 = resolved(site, RequestType.COMPLAINT, "噪音", at(3, 10), 2, complaint(true, site));
		long complaint2 = resolved(site, RequestType.COMPLAINT, "噪音", at(10, 10), 8, complaint(false, site));
		long complaint3 = registered(site, RequestType.COMPLAINT, "卫生", Channel.PHONE, at(20, 9));
		long suggestion1 = resolved(site, RequestType.SUGGESTION, "服务", at(20, 9), 1,
				new Resolution("已答复", null, null, null, null, true, "谢谢您的建议，已采纳"));
		long suggestion2 = registered(site, RequestType.SUGGESTION, "服务", Channel.PHONE, at(20, 11));
		long inquiry = registered(site, RequestType.INQUIRY, "办事指南", Channel.VISIT, at(20, 12));
		long today = register(site, RequestType.HELP, "代办", Channel.PHONE);
		return new Month(site, help1, help2, complaint1, complaint2, complaint3, suggestion1, suggestion2, inquiry, today);
	}

	long resolved(FieldSite site, RequestType type, String category, ZonedDateTime registered, int hours,
			Resolution resolution) {
		long id = register(site, type, category, Channel.PHONE);
		management.resolve(site.agent().user(), id, queries.details(site.agent().user(), id).version(), resolution);
		jdbc.sql("update request.service_request set registered_at = :registered, resolved_at = :resolved where id = :id")
			.param("registered", registered.toOffsetDateTime())
			.param("resolved", registered.plusHours(hours).toOffsetDateTime())
			.param("id", id)
			.update();
		return id;
	}

	long registered(FieldSite site, RequestType type, String category, Channel channel, ZonedDateTime at) {
		long id = register(site, type, category, channel);
		jdbc.sql("update request.service_request set registered_at = :registered where id = :id")
			.param("registered", at.toOffsetDateTime())
			.param("id", id)
			.update();
		return id;
	}

	long register(FieldSite site, RequestType type, String category, Channel channel) {
		Long categoryId = category == null ? null
				: management.categories(type).stream().filter(c -> c.name().equals(category)).findFirst().orElseThrow().id();
		return management.register(site.agent().user(), new NewRequest(site.site().id(), type, categoryId, channel,
				Priority.NORMAL, false, null, "李女士", "13800001111", false, null, RequestMother.ROOM, null,
				type + " " + category, null), null).id();
	}

	private static Resolution plain() {
		return new Resolution("已处理", null, null, null, null, null, null);
	}

	static Resolution complaint(boolean valid, FieldSite site) {
		return new Resolution("已协调", valid, site.engineering(), "夜间施工", "告知施工时间", null, null);
	}

	private static ZonedDateTime at(int day, int hour) {
		return LocalDateTime.of(MONTH.atDay(day), LocalTime.of(hour, 0))
			.atZone(KefuApplication.ZONE)
			.truncatedTo(ChronoUnit.HOURS);
	}

	record Month(FieldSite site, long help1, long help2, long complaint1, long complaint2, long complaint3,
			long suggestion1, long suggestion2, long inquiry, long today) {
	}
}
