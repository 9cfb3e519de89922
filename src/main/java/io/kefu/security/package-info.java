/** Sign-in, roles, site scope and the current user. */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = "shared")
package io.kefu.security;
