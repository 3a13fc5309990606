package dev.keyledger.infrastructure.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The shared edge of every service's web server; imported by each side's configuration. */
@Configuration(proxyBeanMethods = false)
public class WebEdgeConfiguration {

    @Bean
    FilterRegistrationBean<CanonicalPathFilter> canonicalPathFilter() {
        FilterRegistrationBean<CanonicalPathFilter> registration =
                new FilterRegistrationBean<>(new CanonicalPathFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
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
