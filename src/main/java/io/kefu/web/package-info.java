/** Layout, navigation, error pages, htmx helpers and languages. */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = { "shared", "security" })
package io.kefu.web;
