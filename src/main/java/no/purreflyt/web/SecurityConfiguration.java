package no.purreflyt.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Our API (and its docs) use HTTP Basic against Camunda's users; the engine REST API
 * is guarded by Camunda's own authentication filter; the webapps (Cockpit, Tasklist, Admin) keep
 * Camunda's login and Camunda's CSRF protection, so Spring Security stays out of their way.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/**", "/mail-sink", "/mail-sink/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(SecurityConfiguration::apiRules)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Purreflyt\"");
                    writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Log in with a Purreflyt (Camunda) user and password");
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        writeProblem(json, response, HttpStatus.FORBIDDEN, "Your groups do not allow this")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication sends credentials with every call; no session cookie to forge.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Which groups may call which endpoint of our API; the first rule that matches decides. Whatever no rule names is
     * refused, so a new endpoint stays closed until it is given its groups here (SecurityIT checks every endpoint).
     */
    private static void apiRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        String admin = Groups.CAMUNDA_ADMIN;
        String controllers = Groups.CREDIT_CONTROLLERS;
        String managers = Groups.CREDIT_MANAGERS;
        String designers = Groups.PROCESS_DESIGNERS;
        String accounting = Groups.ACCOUNTING_SYSTEMS;
        rules
                // the only anonymous endpoint: a load balancer's or orchestrator's probe sees the status, not the details
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                // an agency is no Camunda user: its callbacks authenticate by the HMAC signature of their body with the
                // agency's secret, which AgencyCallbacks checks before it reads anything (docs/agency-formats.md)
                .requestMatchers(HttpMethod.POST, "/api/agency-callbacks").permitAll()
                // the business metrics (monitoring package) are for the operators and the credit managers
                .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyAuthority(managers, admin)
                .requestMatchers("/api/admin/**", "/actuator/**").hasAuthority(admin)
                // the rules data: plans (and moving cases to a plan's new version)
                .requestMatchers(HttpMethod.POST, "/api/plans", "/api/plans/*/migrations").hasAnyAuthority(designers, admin)
                .requestMatchers(HttpMethod.PUT, "/api/plans/*").hasAnyAuthority(designers, admin)
                .requestMatchers(HttpMethod.DELETE, "/api/plans/*").hasAnyAuthority(designers, admin)
                // the letters' wording: the managers own what debtors are told, the designers the plans that send it
                .requestMatchers(HttpMethod.PUT, "/api/templates/**").hasAnyAuthority(managers, designers, admin)
                .requestMatchers(HttpMethod.DELETE, "/api/templates/**").hasAnyAuthority(managers, designers, admin)
                // policy: whether inkassovarsler go by e-mail
                .requestMatchers(HttpMethod.PUT, "/api/settings/delivery").hasAnyAuthority(managers, admin)
                // which plan a debtor is on
                .requestMatchers(HttpMethod.PUT, "/api/customers/*/plan").hasAnyAuthority(controllers, managers, admin)
                .requestMatchers(HttpMethod.DELETE, "/api/customers/*/plan").hasAnyAuthority(controllers, managers, admin)
                // the ledger, fed by the accounting system; a controller records what a debtor says on the phone
                .requestMatchers(HttpMethod.POST, "/api/customers", "/api/invoices", "/api/invoices/import",
                        "/api/invoices/*/payments", "/api/invoices/*/credit-notes", "/api/invoices/*/disputes")
                .hasAnyAuthority(accounting, controllers, admin)
                .requestMatchers(HttpMethod.PATCH, "/api/customers/*", "/api/invoices/*").hasAnyAuthority(accounting, controllers, admin)
                .requestMatchers(HttpMethod.PUT, "/api/invoices/*/document").hasAnyAuthority(accounting, controllers, admin)
                // work on cases
                .requestMatchers(HttpMethod.POST, "/api/invoices/*/withdraw", "/api/notices/*/delivery-outcome",
                        "/api/dunning-runs").hasAnyAuthority(controllers, managers, admin)
                .requestMatchers(HttpMethod.POST, "/api/agency-exports").hasAuthority(admin)
                .requestMatchers(HttpMethod.GET, "/api/agency-exports").hasAnyAuthority(managers, admin)
                .requestMatchers(HttpMethod.GET, "/api/postings").hasAnyAuthority(accounting, managers, admin)
                .requestMatchers(HttpMethod.GET, "/api/overview").hasAnyAuthority(managers, admin)
                // the accounting system reads back the ledger it feeds, a case's state and claim, and the API's docs
                .requestMatchers(HttpMethod.GET, "/api/customers/*", "/api/invoices/*", "/api/invoices/*/case",
                        "/api/invoices/*/claim", "/api/invoices/*/document", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html").hasAnyAuthority(Groups.ALL.toArray(String[]::new))
                // the people read everything else: notices and letters, plans, rules, templates, settings
                .requestMatchers(HttpMethod.GET, "/api/**", "/mail-sink", "/mail-sink/**")
                .hasAnyAuthority(controllers, managers, designers, admin)
                .anyRequest().denyAll();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        // The webapps authenticate with Camunda's login and protect themselves with Camunda's CSRF filter;
        // the engine REST API is guarded by the filter below.
        http.securityMatcher("/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("errors", List.of());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
