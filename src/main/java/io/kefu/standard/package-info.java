/**
 * Service standards (服务标准): business calendars with the national holiday schedule and
 * make-up working days (调休), rainy days per site; later the clocks that run on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service standards",
		allowedDependencies = { "request", "directory", "security", "shared", "web" })
package io.kefu.standard;
