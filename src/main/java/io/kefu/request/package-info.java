/** Service requests (工单): intake, ownership, history, queues. */
@org.springframework.modulith.ApplicationModule(displayName = "Service requests",
		allowedDependencies = { "directory", "shared", "security", "web" })
package io.kefu.request;
