package io.kefu.standard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kefu.KefuApplication;
import io.kefu.directory.DirectoryManagement;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.standard.domain.RainyDays;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rainy days (雨天) per site, recorded by the people on duty there: the leak-repair
 * (渗漏水) callback falls due after the first rainy day following the repair.
 */
@Service
public class RainyDayManagement {

	/** Who may record and remove rainy days at their sites. */
	public static final Set<Role> RECORDERS = Set.of(Role.SECURITY, Role.SUPERVISOR, Role.SITE_MANAGER,
			Role.ADMINISTRATOR);

	private static final int RECENT = 30;

	private final RainyDays rainyDays;

	private final DirectoryManagement directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RainyDayManagement(RainyDays rainyDays, DirectoryManagement directory, ApplicationEventPublisher events, Clock clock) {
		this.rainyDays = rainyDays;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	public static boolean mayRecord(CurrentUser user) {
		return RECORDERS.stream().anyMatch(user::hasRole);
	}

	/**
	 * Records that it rained at the site on the date (today when {@code null}). Recording
	 * a day twice changes nothing and publishes nothing the second time.
	 */
	@Transactional
	public RainyDay record(CurrentUser user, long siteId, LocalDate date) {
		requireRecorder(user, siteId);
		LocalDate today = today();
		LocalDate day = date == null ? today : date;
		if (day.isAfter(today)) {
			throw new InvalidInputException("date", "不能登记未来的日期");
		}
		if (day.isBefore(today.minusYears(1))) {
			throw new InvalidInputException("date", "只能登记一年以内的雨天");
		}
		Optional<RainyDay> recorded = rainyDays.record(siteId, day, user, clock.instant());
		if (recorded.isEmpty()) {
			return rainyDays.active(siteId, day).orElseThrow();
		}
		events.publishEvent(new RainyDayRecorded(siteId, day, clock.instant()));
		return recorded.get();
	}

	/** Removes a wrong entry; who removed it and when stay on record. */
	@Transactional
	public RainyDay remove(CurrentUser user, long siteId, long id) {
		requireRecorder(user, siteId);
		RainyDay removed = rainyDays.remove(siteId, id, user, clock.instant())
			.orElseThrow(() -> new NotFoundException("没有找到该雨天记录"));
		events.publishEvent(new RainyDayRemoved(siteId, removed.date(), clock.instant()));
		return removed;
	}

	/** The site's latest entries, removed ones included. */
	public List<RainyDay> recent(CurrentUser user, long siteId) {
		directory.site(user, siteId);
		return rainyDays.recent(siteId, RECENT);
	}

	/** The first day on or after {@code date} recorded as rainy at the site, if any yet. */
	public Optional<LocalDate> firstRainyDayOnOrAfter(long siteId, LocalDate date) {
		return rainyDays.firstOnOrAfter(siteId, date);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(KefuApplication.ZONE));
	}

	private void requireRecorder(CurrentUser user, long siteId) {
		directory.site(user, siteId);
		if (!mayRecord(user)) {
			throw new AccessDeniedException("rainy days");
		}
	}
}
