package io.kefu.request;

import java.time.Instant;

/** Whom a job goes to: department, person (工号), the agreed visit time (约定时间) and a note. */
public record Assignment(Long departmentId, String assignee, Instant appointment, String note) {
}
