package no.purreflyt.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to an error no controller answered: a request refused by the firewall (an encoded dot segment, a
 * semicolon, a line break in the path), an address nobody maps. The same {@code application/problem+json} as every
 * other error of ours, never Spring's error page, and never the refused path or the reason's internals.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("errors", List.of());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request was refused before it was read: its address holds something no address of "
                    + "ours has (an encoded slash, dot segment, semicolon, NUL or line break), or it is malformed";
            case UNAUTHORIZED -> "Log in with a Purreflyt (Camunda) user and password";
            case FORBIDDEN -> "Your groups do not allow this";
            case NOT_FOUND -> "Nothing is found at this address";
            case METHOD_NOT_ALLOWED -> "This address does not take this method";
            case PAYLOAD_TOO_LARGE -> "The request is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not take this content type";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side; nothing was written. The log has the details."
                    : status.getReasonPhrase();
        };
    }
}
