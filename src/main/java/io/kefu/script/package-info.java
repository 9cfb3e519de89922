/**
 * Standard phrases (话术) per scene with placeholders filled from the call, and the
 * forbidden-phrase check (服务禁忌用语) of texts written to customers, with the overrides
 * agents give a reason for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Standard phrases",
		allowedDependencies = { "directory", "security", "shared", "web" })
package io.kefu.script;
