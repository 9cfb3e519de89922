package io.kefu.request.web;

import java.util.Set;

import io.kefu.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestNavigation {

	@Bean
	NavigationItem requestsNavigation() {
		return new NavigationItem(5, "nav.requests", "/requests", Set.of());
	}
}
