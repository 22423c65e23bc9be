package cn.baojiaolou.loan.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Every error the container or the framework answers by itself (no such path, a method or content type the path does
 * not take, a request the firewall refuses, an exception no handler caught) comes here: under /api/** as problem+json
 * with a {@code code} and a Chinese detail (English with Accept-Language: en), elsewhere as the Chinese error page.
 * Replaces Spring Boot's own error controller, which answered English JSON without a code.
 */
@Controller
class ErrorResponses implements ErrorController {

    private final ProblemResponses problems;
    private final PageErrors errors;

    ErrorResponses(ProblemResponses problems, PageErrors errors) {
        this.problems = problems;
        this.errors = errors;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, Locale locale) {
        HttpStatus status = statusOf(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (isApi(uri)) {
            ProblemDetail problem = problems.of(status, code(status), List.of());
            problem.setInstance(URI.create(encodedPath(uri)));
            return ResponseEntity.status(status).contentType(ProblemResponses.PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", errors.text(code(status), locale));
        return page;
    }

    /** The problem code of a status the framework answered: http.404, http.415, … (http.error for the rare rest). */
    static String code(HttpStatus status) {
        return switch (status.value()) {
            case 400, 401, 403, 404, 405, 406, 413, 415, 503 -> "http." + status.value();
            default -> status.is5xxServerError() ? "server.error" : "http.error";
        };
    }

    static boolean isApi(String uri) {
        return uri != null && (uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/v3/api-docs")
                || uri.startsWith("/actuator"));
    }

    /** The path as a URI reference, whatever characters the refused request carried. */
    private static String encodedPath(String uri) {
        return UriUtils.encodePath(UriUtils.decode(uri, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
