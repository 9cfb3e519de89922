package io.kefu.standard.clock;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the clock sweep on a timer. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockScheduling {
}
