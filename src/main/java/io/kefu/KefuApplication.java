package io.kefu;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KefuApplication {

	/** Business times are kept and shown in China Standard Time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static void main(String[] args) {
		SpringApplication.run(KefuApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}
}
