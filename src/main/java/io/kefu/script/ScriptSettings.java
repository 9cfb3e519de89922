package io.kefu.script;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param company the company's name as agents say it, filling {公司} */
@ConfigurationProperties("kefu.script")
public record ScriptSettings(@DefaultValue("物业服务中心") String company) {
}
