/**
 * Reports and KPIs (报表): the dashboard of a site or of every site a user may see over
 * a period, staff performance (员工绩效) and the monthly complaint summary, composed from
 * the figures the other modules give of their own data; every figure links to the
 * requests behind it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
		allowedDependencies = { "request", "standard", "callback", "directory", "security", "shared", "web" })
package io.kefu.report;
