package cn.jianfu.gate.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled jobs, such as the daily {@link DemandExpiry}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GateScheduling {

}
