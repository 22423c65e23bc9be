package cn.baojiaolou.loan.web;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import cn.baojiaolou.loan.domain.Refusal;

/**
 * A refusal on a page answers an HTML page in the user's language with the same message the API would give
 * (another district's project: the 404 page). REST controllers keep their problem+json (ApiExceptionHandler runs
 * first for them).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final PageErrors errors;

    PageExceptionHandler(PageErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal e, Locale locale) {
        return page(ProblemResponses.status(e.kind()), errors.message(e, locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return page(HttpStatus.BAD_REQUEST, errors.message(Refusal.invalid(e.getName(), "page.date.invalid"),
                locale));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
