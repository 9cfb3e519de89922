package io.kefu.standard;

/** What a dated exception does to a calendar's weekly hours. */
public enum CalendarExceptionKind {

	/** 法定节假日: no working time that day. */
	HOLIDAY,

	/** 调休上班: a day off worked with the hours of the calendar's make-up weekday. */
	MAKEUP_WORKDAY;

	public String labelKey() {
		return "calendarException." + name();
	}
}
