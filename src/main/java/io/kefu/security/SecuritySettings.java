package io.kefu.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedAttempts wrong passwords in a row before the account locks
 * @param lockDuration      how long it stays locked
 */
@ConfigurationProperties("kefu.security")
public record SecuritySettings(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockDuration) {
}
