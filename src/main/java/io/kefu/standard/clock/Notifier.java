package io.kefu.standard.clock;

import io.kefu.standard.ClockRule;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.kefu.security.AccountManagement;
import io.kefu.security.Role;
import io.kefu.standard.NotificationLevel;
import io.kefu.standard.Recipient;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the people on a clock's ladder, in the bell of each (one notification per person and step). */
@Component
class Notifier {

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	Notifier(JdbcClient jdbc, AccountManagement accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	void started(long clockId, RequestRow request, ClockRule rule, Instant dueAt, Instant at) {
		tell(rule.notifyOnStart(), request, clockId, rule, NotificationLevel.STARTED, dueAt, at);
	}

	void fired(int point, long clockId, RequestRow request, ClockRule rule, Instant dueAt, Instant at) {
		if (point == 0) {
			tell(rule.warnTo(), request, clockId, rule, NotificationLevel.WARNING, dueAt, at);
		}
		else if (point == 1) {
			tell(rule.breachTo(), request, clockId, rule, NotificationLevel.BREACH, dueAt, at);
		}
		else {
			tell(rule.further().get(point - 2).recipients(), request, clockId, rule, NotificationLevel.ESCALATION, dueAt,
					at);
		}
	}

	private void tell(Set<Recipient> recipients, RequestRow request, long clockId, ClockRule rule,
			NotificationLevel level, Instant dueAt, Instant at) {
		for (long account : accounts(recipients, request)) {
			jdbc.sql("""
					insert into standard.notification (account_id, request_id, clock_id, level, kind, number, due_at, created_at)
					values (:account, :request, :clock, :level, :kind, :number, :due, :at)""")
				.param("account", account)
				.param("request", request.requestId())
				.param("clock", clockId)
				.param("level", level.name())
				.param("kind", rule.kind().name())
				.param("number", request.number())
				.param("due", RequestClocks.offset(dueAt))
				.param("at", RequestClocks.offset(at))
				.update();
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
				case SUPERVISOR -> ids.addAll(accounts.withRoleAt(Role.SUPERVISOR, request.siteId()));
				case SITE_MANAGER -> ids.addAll(accounts.withRoleAt(Role.SITE_MANAGER, request.siteId()));
				case EXECUTIVE -> ids.addAll(accounts.withRoleAt(Role.EXECUTIVE, request.siteId()));
			}
		}
		return ids;
	}
}
