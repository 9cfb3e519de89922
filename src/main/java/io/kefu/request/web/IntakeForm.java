package io.kefu.request.web;

import java.util.List;
import java.util.UUID;

import io.kefu.directory.SiteSummary;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestType;

/**
 * The intake form as typed, kept as it is to show again beside an error. {@code key}
 * makes a double click on 保存 register one request, not two. An unticked checkbox
 * sends nothing, hence {@code Boolean}.
 */
record IntakeForm(String key, Long siteId, RequestType type, Long categoryId, Channel channel, Priority priority,
		Boolean major, Boolean anonymous, Long householdId, String householdName, String contactName,
		String contactPhone, String roomCode, Long publicAreaId, String description, String answer,
		Long concernedStaffId) {

	/** A fresh form for the next call: the only site preselected, 来电, 日常. */
	static IntakeForm blank(List<SiteSummary> sites) {
		return new IntakeForm(UUID.randomUUID().toString(), sites.size() == 1 ? sites.get(0).id() : null, null, null,
				Channel.PHONE, Priority.NORMAL, false, false, null, null, null, null, null, null, null, null, null);
	}

	/** Fields the type does not have are left out, whatever the browser sent. */
	NewRequest toNewRequest() {
		boolean repair = type == RequestType.REPAIR;
		return new NewRequest(siteId, type, categoryId, channel, repair ? priority : null,
				type == RequestType.COMPLAINT && Boolean.TRUE.equals(major), householdId, contactName, contactPhone,
				Boolean.TRUE.equals(anonymous), null,
				roomCode, publicAreaId, description, type != null && type.answerableAtOnce() ? answer : null,
				type != null && type.concernsStaff() ? concernedStaffId : null);
	}
}
