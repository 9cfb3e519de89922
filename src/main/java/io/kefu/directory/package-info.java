/** Sites, buildings, rooms, public areas, households and their people, staff, departments. */
@org.springframework.modulith.ApplicationModule(displayName = "Directory",
		allowedDependencies = { "shared", "security", "web" })
package io.kefu.directory;
