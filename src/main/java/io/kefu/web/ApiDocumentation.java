package io.kefu.web;

import io.kefu.security.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, shown by Swagger UI to administrators. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static {
		// The signed-in user is resolved from the request, not sent by the client.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

	@Bean
	OpenAPI kefuApi() {
		return new OpenAPI()
			.info(new Info().title("Kefu API")
				.version("v1")
				.description("客服中心 REST API. Every call signs in with an API token (Authorization: Bearer kefu_…, "
						+ "created at /account/tokens) or HTTP Basic (工号 and password) and sees only the data of the "
						+ "caller's sites. Errors are RFC 9457 problem details in Chinese."))
			.components(new Components()
				.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("token"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}
}
