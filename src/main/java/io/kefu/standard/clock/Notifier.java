package io.kefu.standard.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kefu.security.AccountManagement;
import io.kefu.security.Role;
import io.kefu.standard.ClockRule;
import io.kefu.standard.NotificationLevel;
import io.kefu.standard.Recipient;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the people on a clock's ladder, in the bell of each (one notification per
 * person and step). Notifications are gathered in a {@link Batch} and written together;
 * who holds a role at a site is looked up once per batch.
 */
@Component
class Notifier {

	private static final String INSERT = """
			insert into standard.notification (account_id, request_id, clock_id, level, kind, number, due_at, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	private final AccountManagement accounts;

	Notifier(JdbcTemplate jdbc, AccountManagement accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	Batch batch() {
		return new Batch();
	}

	/** Notifications to write in one go. */
	final class Batch {

		private final List<Object[]> rows = new ArrayList<>();

		private final Map<String, List<Long>> holders = new HashMap<>();

		void started(long clockId, RequestRow request, ClockRule rule, Instant dueAt, Instant at) {
			tell(rule.notifyOnStart(), request, clockId, rule, NotificationLevel.STARTED, dueAt, at);
		}

		/** The clock fired for the {@code point}-th time: its warning, its breach, then each further step. */
		void fired(int point, long clockId, RequestRow request, ClockRule rule, Instant dueAt, Instant at) {
			if (point == 0) {
				tell(rule.warnTo(), request, clockId, rule, NotificationLevel.WARNING, dueAt, at);
			}
			else if (point == 1) {
				tell(rule.breachTo(), request, clockId, rule, NotificationLevel.BREACH, dueAt, at);
			}
			else {
				tell(rule.further().get(point - 2).recipients(), request, clockId, rule, NotificationLevel.ESCALATION,
						dueAt, at);
			}
		}

		void flush() {
			if (!rows.isEmpty()) {
				jdbc.batchUpdate(INSERT, rows);
				rows.clear();
			}
		}

		private void tell(Set<Recipient> recipients, RequestRow request, long clockId, ClockRule rule,
				NotificationLevel level, Instant dueAt, Instant at) {
			for (long account : accounts(recipients, request)) {
				rows.add(new Object[] { account, request.requestId(), clockId, level.name(), rule.kind().name(),
						request.number(), RequestClocks.offset(dueAt), RequestClocks.offset(at) });
			}
		}

		private Set<Long> accounts(Set<Recipient> recipients, RequestRow request) {
			Set<Long> ids = new LinkedHashSet<>();
			for (Recipient recipient : recipients) {
				switch (recipient) {
					case OWNER -> ids.add(request.ownerId());
					case ASSIGNEE -> {
						if (request.assigneeId() != null) {
							ids.add(request.assigneeId());
						}
					}
					case SUPERVISOR -> ids.addAll(holders(Role.SUPERVISOR, request.siteId()));
					case SITE_MANAGER -> ids.addAll(holders(Role.SITE_MANAGER, request.siteId()));
					case EXECUTIVE -> ids.addAll(holders(Role.EXECUTIVE, request.siteId()));
				}
			}
			return ids;
		}

		private List<Long> holders(Role role, long siteId) {
			return this.holders.computeIfAbsent(role + "@" + siteId, k -> accounts.withRoleAt(role, siteId));
		}
	}
}
