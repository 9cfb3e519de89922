/**
 * Callbacks (回访): which resolved requests are called back, the queue by due time,
 * attempts, outcomes with satisfaction, re-dispatch of dissatisfied customers, online
 * ratings and the callback figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Callbacks",
		allowedDependencies = { "request", "standard", "directory", "script", "security", "shared", "web" })
package io.kefu.callback;
