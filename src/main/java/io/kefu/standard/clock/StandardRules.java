package io.kefu.standard.clock;

import io.kefu.standard.ServiceStandard;
import io.kefu.standard.ClockRule;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.kefu.request.Category;
import io.kefu.request.CategoryManagement;
import io.kefu.request.Channel;
import io.kefu.request.Priority;
import io.kefu.request.RequestType;
import io.kefu.standard.ClockKind;
import io.kefu.standard.ClockTrigger;
import io.kefu.standard.Recipient;
import io.kefu.standard.Target;
import io.kefu.standard.TargetUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The active standards with their clocks, held in memory (a few dozen rows) and read
 * again when an administrator changes them. The first that matches a request wins: the
 * site's own, then the company's, each in their order.
 */
@Component
public class StandardRules {

	private final JdbcClient jdbc;

	private final CategoryManagement categories;

	private final AtomicReference<Loaded> loaded = new AtomicReference<>();

	/** The standards with their current clocks, and every rule by id (retired ones too, for the clocks that run on them). */
	private record Loaded(List<ServiceStandard> standards, Map<Long, ClockRule> rules) {
	}

	StandardRules(JdbcClient jdbc, CategoryManagement categories) {
		this.jdbc = jdbc;
		this.categories = categories;
	}

	Optional<ServiceStandard> match(long siteId, RequestType type, Long categoryId, Priority priority,
			Channel channel, boolean major) {
		Long parent = categoryId == null ? null : categories.find(categoryId).map(Category::parentId).orElse(null);
		return all().stream()
			.filter(s -> s.active() && (s.siteId() == null || s.siteId() == siteId))
			.filter(s -> s.matches(type, categoryId, parent, priority, channel, major))
			.findFirst();
	}

	Optional<ServiceStandard> byId(Long id) {
		return id == null ? Optional.empty() : all().stream().filter(s -> s.id() == id).findFirst();
	}

	/** A clock's rule, also one retired since the clock started. */
	Optional<ClockRule> rule(long ruleId) {
		return Optional.ofNullable(snapshot().rules().get(ruleId));
	}

	/** Forgets what was loaded: the next request reads the standards again. */
	public void changed() {
		loaded.set(null);
	}

	/** Every standard, in the order they are tried. */
	public List<ServiceStandard> all() {
		return snapshot().standards();
	}

	private Loaded snapshot() {
		Loaded current = loaded.get();
		if (current == null) {
			current = load();
			loaded.set(current);
		}
		return current;
	}

	private Loaded load() {
		Map<Long, List<ClockRule.Escalation>> further = new LinkedHashMap<>();
		jdbc.sql("select clock_rule_id, after_minutes, notify from standard.escalation_step order by clock_rule_id, position")
			.query(rs -> {
				further.computeIfAbsent(rs.getLong("clock_rule_id"), k -> new ArrayList<>())
					.add(new ClockRule.Escalation(rs.getInt("after_minutes"), recipients(rs.getArray("notify"))));
			});
		Map<Long, List<ClockRule>> clocks = new LinkedHashMap<>();
		Map<Long, ClockRule> rules = new HashMap<>();
		jdbc.sql("select * from standard.clock_rule order by standard_id, position").query(rs -> {
			ClockRule rule = rule(rs, further);
			rules.put(rule.id(), rule);
			if (!rs.getBoolean("retired")) {
				clocks.computeIfAbsent(rs.getLong("standard_id"), k -> new ArrayList<>()).add(rule);
			}
		});
		List<ServiceStandard> standards = jdbc.sql("select * from standard.service_standard order by site_id nulls last, position, id")
			.query((rs, n) -> new ServiceStandard(rs.getLong("id"), (Long) rs.getObject("site_id"), rs.getInt("position"),
					rs.getString("name"), rs.getBoolean("active"), rs.getInt("version"), enums(rs.getArray("types"), RequestType.class),
					Set.copyOf(longs(rs.getArray("category_ids"))), enums(rs.getArray("priorities"), Priority.class),
					enums(rs.getArray("channels"), Channel.class), (Boolean) rs.getObject("major"),
					List.copyOf(clocks.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
		return new Loaded(standards, Map.copyOf(rules));
	}

	private static ClockRule rule(ResultSet rs, Map<Long, List<ClockRule.Escalation>> further) throws SQLException {
		long id = rs.getLong("id");
		return new ClockRule(id, ClockKind.valueOf(rs.getString("kind")),
				ClockTrigger.valueOf(rs.getString("start_trigger")), enums(rs.getArray("stop_triggers"), ClockTrigger.class),
				rs.getBoolean("pause_on_hold"),
				new Target(rs.getLong("target_amount"), TargetUnit.valueOf(rs.getString("target_unit"))),
				rs.getBoolean("until_appointment"), (Long) rs.getObject("calendar_id"), rs.getInt("warn_percent"),
				(Integer) rs.getObject("longest_wait_days"), recipients(rs.getArray("notify_on_start")),
				recipients(rs.getArray("warn_to")), recipients(rs.getArray("breach_to")),
				List.copyOf(further.getOrDefault(id, List.of())));
	}

	private static Set<Recipient> recipients(Array array) throws SQLException {
		return enums(array, Recipient.class);
	}

	private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
		Set<E> values = EnumSet.noneOf(type);
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				values.add(Enum.valueOf(type, (String) value));
			}
		}
		return values;
	}

	private static List<Long> longs(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(v -> (Long) v).toList();
	}
}
