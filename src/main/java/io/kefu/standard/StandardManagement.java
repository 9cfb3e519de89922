package io.kefu.standard;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.kefu.request.CategoryManagement;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.StaleDataException;
import io.kefu.standard.clock.ClockRecompute;
import io.kefu.standard.clock.StandardRules;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Administrators write the service standards. A change replaces the standard's clocks
 * (the old rules are kept for the clocks that ran on them) and works the running clocks
 * out again; nothing is saved when any part is wrong.
 */
@Service
public class StandardManagement {

	public static final int MAX_NAME = 100;

	private final JdbcClient jdbc;

	private final StandardRules rules;

	private final ClockRecompute recompute;

	private final CalendarManagement calendars;

	private final CategoryManagement categories;

	StandardManagement(JdbcClient jdbc, StandardRules rules, ClockRecompute recompute, CalendarManagement calendars,
			CategoryManagement categories) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.recompute = recompute;
		this.calendars = calendars;
		this.categories = categories;
	}

	@Transactional
	public long create(CurrentUser user, StandardInput input) {
		check(user, input);
		long id = jdbc.sql("""
				insert into standard.service_standard (site_id, position, name, types, category_ids, priorities, channels,
				       major, active)
				values (:site, :position, :name, :types, :categories, :priorities, :channels, :major, :active) returning id""")
			.paramSource(columns(input))
			.query(Long.class)
			.single();
		insertClocks(id, input.clocks());
		reloadAfterCommit();
		return id;
	}

	/** Replaces the standard; the clocks running on it are worked out again by their new rules. */
	@Transactional
	public int update(CurrentUser user, long id, int version, StandardInput input) {
		check(user, input);
		MapSqlParameterSource values = columns(input).addValue("id", id).addValue("version", version);
		int changed = jdbc.sql("""
				update standard.service_standard set site_id = :site, position = :position, name = :name, types = :types,
				       category_ids = :categories, priorities = :priorities, channels = :channels, major = :major,
				       active = :active, version = version + 1
				where id = :id and version = :version""")
			.paramSource(values)
			.update();
		if (changed == 0) {
			boolean exists = jdbc.sql("select exists (select 1 from standard.service_standard where id = :id)")
				.param("id", id)
				.query(Boolean.class)
				.single();
			throw exists ? new StaleDataException() : new NotFoundException("没有找到该服务标准");
		}
		jdbc.sql("update standard.clock_rule set retired = true where standard_id = :id and not retired").param("id", id).update();
		insertClocks(id, input.clocks());
		rules.changed();
		int recomputed = recompute.standardChanged(id, "服务标准“" + input.name().strip() + "”已修改");
		reloadAfterCommit();
		return recomputed;
	}

	private void check(CurrentUser user, StandardInput input) {
		if (!user.isAdministrator()) {
			throw new AccessDeniedException("administrators only");
		}
		if (input.siteId() != null && !user.canSee(input.siteId())) {
			throw new InvalidInputException("siteId", "没有找到该项目");
		}
		if (input.name() == null || input.name().isBlank() || input.name().strip().length() > MAX_NAME) {
			throw new InvalidInputException("name", "请填写标准名称（最多 " + MAX_NAME + " 字）");
		}
		if (input.position() == null) {
			throw new InvalidInputException("position", "请填写顺序号：先匹配的标准生效");
		}
		for (Long category : nonNull(input.categoryIds())) {
			if (category == null || categories.find(category).isEmpty()) {
				throw new InvalidInputException("categoryIds", "类别 " + category + " 不存在");
			}
		}
		if (input.clocks() == null || input.clocks().isEmpty()) {
			throw new InvalidInputException("clocks", "标准至少要有一个时限，否则永远不会开始计时");
		}
		for (StandardInput.Clock clock : input.clocks()) {
			checkClock(clock);
		}
	}

	private void checkClock(StandardInput.Clock clock) {
		if (clock.kind() == null) {
			throw new InvalidInputException("clocks", "请选择时限的种类");
		}
		String name = "“" + clock.kind().label() + "”时限";
		if (clock.start() == null || clock.stops() == null || clock.stops().isEmpty()) {
			throw new InvalidInputException("clocks", name + "须有开始和结束的时刻");
		}
		if (clock.stops().contains(clock.start())) {
			throw new InvalidInputException("clocks", name + "在开始的同一时刻结束，永远不会计时");
		}
		if (clock.start() == ClockTrigger.FIRST_RAINY_DAY && clock.longestWaitDays() == null) {
			throw new InvalidInputException("clocks", name + "从雨天开始，须设最长等待天数，否则不下雨就永远不会开始");
		}
		if (clock.longestWaitDays() != null && clock.longestWaitDays() <= 0) {
			throw new InvalidInputException("clocks", name + "的最长等待天数须大于零");
		}
		if (clock.targetAmount() == null || clock.targetAmount() <= 0 || clock.targetUnit() == null) {
			throw new InvalidInputException("clocks", name + "的时限须大于零，并选择单位");
		}
		new Target(clock.targetAmount(), clock.targetUnit());
		if (clock.warnPercent() != null && (clock.warnPercent() < 1 || clock.warnPercent() > 100)) {
			throw new InvalidInputException("clocks", name + "的预警点须在 1%–100% 之间");
		}
		if (nonNull(clock.breachTo()).isEmpty()) {
			throw new InvalidInputException("clocks", name + "超时要通知谁？升级层级不能为空");
		}
		int previous = 0;
		for (StandardInput.Step step : clock.further() == null ? List.<StandardInput.Step>of() : clock.further()) {
			if (step.afterMinutes() == null || step.afterMinutes() <= previous || nonNull(step.recipients()).isEmpty()) {
				throw new InvalidInputException("clocks", name + "的升级步骤须依次更晚，且每步都要通知到人");
			}
			previous = step.afterMinutes();
		}
		if (clock.calendarId() != null) {
			try {
				calendars.model(clock.calendarId());
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("clocks", name + "的工作日历不存在");
			}
		}
	}

	private void insertClocks(long standardId, List<StandardInput.Clock> clocks) {
		int position = 1;
		for (StandardInput.Clock clock : clocks) {
			long ruleId = jdbc.sql("""
					insert into standard.clock_rule (standard_id, position, kind, start_trigger, stop_triggers, pause_on_hold,
					       target_amount, target_unit, until_appointment, calendar_id, warn_percent, longest_wait_days,
					       notify_on_start, warn_to, breach_to)
					values (:standard, :position, :kind, :start, :stops, :pause, :amount, :unit, :appointment, :calendar,
					       :warn, :wait, :onStart, :warnTo, :breachTo) returning id""")
				.param("standard", standardId)
				.param("position", position++)
				.param("kind", clock.kind().name())
				.param("start", clock.start().name())
				.param("stops", names(clock.stops()))
				.param("pause", Boolean.TRUE.equals(clock.pauseOnHold()))
				.param("amount", clock.targetAmount())
				.param("unit", clock.targetUnit().name())
				.param("appointment", Boolean.TRUE.equals(clock.untilAppointment()))
				.param("calendar", clock.calendarId())
				.param("warn", clock.warnPercent() == null ? 80 : clock.warnPercent())
				.param("wait", clock.longestWaitDays())
				.param("onStart", names(clock.notifyOnStart()))
				.param("warnTo", names(clock.warnTo()))
				.param("breachTo", names(clock.breachTo()))
				.query(Long.class)
				.single();
			int step = 1;
			for (StandardInput.Step further : clock.further() == null ? List.<StandardInput.Step>of() : clock.further()) {
				jdbc.sql("insert into standard.escalation_step (clock_rule_id, position, after_minutes, notify) values (:rule, :position, :after, :notify)")
					.param("rule", ruleId)
					.param("position", step++)
					.param("after", further.afterMinutes())
					.param("notify", names(further.recipients()))
					.update();
			}
		}
	}

	private static MapSqlParameterSource columns(StandardInput input) {
		return new MapSqlParameterSource()
			.addValue("site", input.siteId())
			.addValue("position", input.position())
			.addValue("name", input.name().strip())
			.addValue("types", orNull(names(input.types())))
			.addValue("categories", nonNull(input.categoryIds()).isEmpty() ? null : input.categoryIds().toArray(Long[]::new))
			.addValue("priorities", orNull(names(input.priorities())))
			.addValue("channels", orNull(names(input.channels())))
			.addValue("major", input.major())
			.addValue("active", input.active() == null || input.active());
	}

	/** Other transactions read the standards again once this one is committed. */
	private void reloadAfterCommit() {
		rules.changed();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				rules.changed();
			}
		});
	}

	private static String[] names(Collection<? extends Enum<?>> values) {
		return nonNull(values).stream().map(Enum::name).sorted().toArray(String[]::new);
	}

	private static String[] orNull(String[] values) {
		return values.length == 0 ? null : values;
	}

	private static <T> Collection<T> nonNull(Collection<T> values) {
		return values == null ? Set.of() : values;
	}
}
