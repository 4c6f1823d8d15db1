package no.purreflyt.overview;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The overview page's login: a form and a session, as a person in a browser expects, with Spring Security's defaults
 * for CSRF and session fixation. Users and their groups are Camunda's (the application's one AuthenticationProvider,
 * web/IdentityServiceAuthenticationProvider).
 *
 * <p>Order 1, like the API's chain: the two match disjoint paths, so their mutual order does not matter, and both come
 * before the order-2 chain that matches every other path for Camunda's webapps.
 */
@Configuration(proxyBeanMethods = false)
class OverviewSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain overviewPage(HttpSecurity http) throws Exception {
        http.securityMatcher("/overview", "/overview/**", "/login", "/logout")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/overview", "/overview/**")
                        .hasAnyAuthority(OverviewController.READERS.toArray(String[]::new))
                        .anyRequest().permitAll())
                .formLogin(form -> form.defaultSuccessUrl("/overview"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType(MediaType.TEXT_HTML_VALUE);
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    response.getWriter().write("""
                            <!DOCTYPE html>
                            <html lang="en"><head><meta charset="utf-8"><title>Not for your groups</title></head>
                            <body><h1>403 – not for your groups</h1>
                            <p>The overview is for credit managers and administrators.</p>
                            <form method="post" action="/logout"><input type="hidden" name="%s" value="%s">
                            <button type="submit">Log out</button></form></body></html>
                            """.formatted(csrfParameter(request), csrfToken(request)));
                }));
        return http.build();
    }

    private static String csrfParameter(HttpServletRequest request) {
        Object token = request.getAttribute(CsrfToken.class.getName());
        return token instanceof CsrfToken t ? t.getParameterName() : "_csrf";
    }

    private static String csrfToken(HttpServletRequest request) {
        Object token = request.getAttribute(CsrfToken.class.getName());
        return token instanceof CsrfToken t ? t.getToken() : "";
    }
}
