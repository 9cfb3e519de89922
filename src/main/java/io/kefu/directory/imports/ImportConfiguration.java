package io.kefu.directory.imports;

import io.kefu.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

	@Bean
	NavigationItem importNavigation() {
		return NavigationItem.setting(80, "nav.imports", "/imports", HouseholdImports.ROLES);
	}
}
