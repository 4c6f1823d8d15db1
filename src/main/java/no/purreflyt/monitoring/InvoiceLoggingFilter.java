package no.purreflyt.monitoring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the invoice number of a request to /api/invoices/{number}/… into the MDC for the request's log lines. First of
 * all filters, so that the security chain's lines and the engine's calls made by the request carry it as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InvoiceLoggingFilter extends OncePerRequestFilter {

    private static final Pattern INVOICE_PATH = Pattern.compile("^/api/invoices/([^/]+)(?:/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> invoice = invoiceNumber(request.getRequestURI().substring(request.getContextPath().length()));
        if (invoice.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String before = MDC.get(LogKeys.INVOICE_NUMBER);
        MDC.put(LogKeys.INVOICE_NUMBER, invoice.get());
        try {
            chain.doFilter(request, response);
        } finally {
            if (before == null) {
                MDC.remove(LogKeys.INVOICE_NUMBER);
            } else {
                MDC.put(LogKeys.INVOICE_NUMBER, before);
            }
        }
    }

    /** The invoice number a path names, decoded; /api/invoices/import is the CSV import, no invoice. */
    static Optional<String> invoiceNumber(String path) {
        Matcher matcher = INVOICE_PATH.matcher(path);
        if (!matcher.matches() || "import".equals(matcher.group(1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(matcher.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.of(matcher.group(1));
        }
    }
}
