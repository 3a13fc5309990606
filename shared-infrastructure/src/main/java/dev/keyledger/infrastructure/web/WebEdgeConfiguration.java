package dev.keyledger.infrastructure.web;

import dev.keyledger.infrastructure.logging.AccessLogValve;
import dev.keyledger.infrastructure.logging.CorrelationFilter;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.util.EnumSet;

/** The shared edge of every service's web server; imported by each side's configuration. */
@Configuration(proxyBeanMethods = false)
public class WebEdgeConfiguration {

    /** First of all filters: everything after it reads the request's address from {@code getRemoteAddr()}. */
    @Bean
    FilterRegistrationBean<ForwardedAddressFilter> forwardedAddresses(
            @Value("${keyledger.trusted-proxies:}") String trustedProxies,
            @Value("${server.forward-headers-strategy:none}") String forwardHeadersStrategy) {
        FilterRegistrationBean<ForwardedAddressFilter> registration = new FilterRegistrationBean<>(
                ForwardedAddressFilter.forSettings(trustedProxies, forwardHeadersStrategy));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /** Next: every line logged while a request is served, refusals of non-canonical paths included, carries its id. */
    @Bean
    FilterRegistrationBean<CorrelationFilter> correlationFilter() {
        FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /**
     * Keeps Spring MVC's observation filter out of the chain: actuator registers it only when no registration of it
     * exists, and this one is disabled. Switching its observation off (decision 75) still left the filter creating a
     * no-op observation on every token request; the token and command meters say what it would.
     */
    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> noHttpServerObservations() {
        FilterRegistrationBean<ServerHttpObservationFilter> registration =
                new FilterRegistrationBean<>(new ServerHttpObservationFilter(ObservationRegistry.NOOP));
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CanonicalPathFilter> canonicalPathFilter() {
        FilterRegistrationBean<CanonicalPathFilter> registration =
                new FilterRegistrationBean<>(new CanonicalPathFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Once the path is known to be canonical: admin writes run in their own lane (docs/DECISIONS.md 110). */
    @Bean
    FilterRegistrationBean<AdminLane> adminLane(@Value("${keyledger.admin-lane.threads:8}") int threads,
                                                @Value("${keyledger.admin-lane.queue:64}") int queue,
                                                @Value("${keyledger.admin-lane.lower-priority:true}") boolean lower) {
        FilterRegistrationBean<AdminLane> registration =
                new FilterRegistrationBean<>(new AdminLane(threads, queue, lower));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /**
     * The public port's access log ({@code KEYLEDGER_ACCESS_LOG_ENABLED}), through the service's logging. Only this
     * server's factory is customised: the management port, a child context, logs no access lines.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> accessLog(
            @Value("${keyledger.access-log.enabled:false}") boolean enabled) {
        return factory -> {
            if (enabled) {
                factory.addContextValves(new AccessLogValve(ForwardedAddressFilter.RESOLVED));
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
