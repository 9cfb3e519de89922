package io.kefu.directory.web;

import java.util.Set;

import io.kefu.security.Role;
import io.kefu.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DirectoryNavigation {

	@Bean
	NavigationItem householdsNavigation() {
		return new NavigationItem(10, "nav.households", "/households", Set.of());
	}

	@Bean
	NavigationItem sitesNavigation() {
		return new NavigationItem(20, "nav.sites", "/sites", Set.of());
	}

	@Bean
	NavigationItem staffNavigation() {
		return NavigationItem.setting(80, "nav.staff", "/staff", Set.of(Role.ADMINISTRATOR));
	}

	@Bean
	NavigationItem departmentsNavigation() {
		return NavigationItem.setting(85, "nav.departments", "/departments", Set.of(Role.ADMINISTRATOR));
	}

	@Bean
	NavigationItem apiDocsNavigation() {
		return NavigationItem.setting(99, "nav.apiDocs", "/swagger-ui.html", Set.of(Role.ADMINISTRATOR));
	}
}
