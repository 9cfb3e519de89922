/**
 * Service standards (服务标准): business calendars with the national holiday schedule and
 * make-up working days (调休), rainy days per site; the standards and the clocks that run on them, warnings, escalation and the bell.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service standards",
		allowedDependencies = { "request", "directory", "security", "shared", "web" })
package io.kefu.standard;
