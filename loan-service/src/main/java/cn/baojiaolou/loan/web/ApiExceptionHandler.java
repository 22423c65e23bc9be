package cn.baojiaolou.loan.web;

import cn.baojiaolou.loan.domain.Refusal;
import tools.jackson.core.JacksonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every refusal of the API leaves here as problem+json, in Chinese by default, naming the field and the reason. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Request attribute set when the request lost a lock conflict; the idempotency filter retries it. */
    static final String LOCK_CONFLICT = ApiExceptionHandler.class.getName() + ".lockConflict";

    /** Jackson's words for a key given twice (StreamReadFeature.STRICT_DUPLICATE_DETECTION); it names no path. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate (?:Object )?(?:field|property) ['\"]([^'\"]+)['\"]");

    private final ProblemResponses problems;

    ApiExceptionHandler(ProblemResponses problems, MessageSource messageSource) {
        this.problems = problems;
        setMessageSource(messageSource);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> handleApi(Refusal e) {
        return respond(problems.of(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String msg = problems.message("request.badValue", e.getValue());
        return respond(problems.build(HttpStatus.BAD_REQUEST, "request.badValue",
                e.getName() + problems.message("separator.field") + msg, List.of(new ProblemResponses.FieldProblem(e.getName(), msg))));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> handleDuplicate(DuplicateKeyException e) {
        return respond(problems.of(HttpStatus.CONFLICT, "request.duplicate", List.of()));
    }

    /**
     * A lost lock conflict (deadlock, lock wait timeout) that the service-level retry could not absorb (the request
     * holds its transaction for its Idempotency-Key, or the retries ran out): 503 with Retry-After, never a 500. The
     * idempotency filter sees the attribute and runs the request again.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleLockConflict(PessimisticLockingFailureException e, WebRequest request) {
        request.setAttribute(LOCK_CONFLICT, Boolean.TRUE, WebRequest.SCOPE_REQUEST);
        log.info("lock conflict answered 503: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "request.busy", List.of()));
    }

    /** The database does not answer (down, stalled, out of connections): a fast 503, not a hang. */
    @ExceptionHandler({DataAccessResourceFailureException.class, RecoverableDataAccessException.class,
            QueryTimeoutException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> handleDatabaseDown(Exception e) {
        log.warn("database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database.unavailable", List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    void handleDenied(AccessDeniedException e) {
        // left to Spring Security, which answers 403 and leaves the audit row
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        if (DatabaseTrouble.is(e)) {
            // wrapped where the list above does not see it (a failed rollback, a MyBatis wrapper)
            return handleDatabaseDown(e);
        }
        log.error("unexpected error", e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemResponses.FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(this::fieldProblem).toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemResponses.FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ProblemResponses.FieldProblem(
                        r.getMethodParameter().getParameterName(), resolve(err))))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String msg = problems.message("request.badFieldFormat");
            return cast(respond(problems.build(HttpStatus.BAD_REQUEST, "request.badFieldFormat", field + problems.message("separator.field") + msg,
                    List.of(new ProblemResponses.FieldProblem(field, msg)))));
        }
        if (ex.getCause() instanceof JacksonException parse) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.find()) {
                String field = duplicate.group(1);
                String msg = problems.message("request.duplicateField", field);
                return cast(respond(problems.build(HttpStatus.BAD_REQUEST, "request.duplicateField", msg,
                        List.of(new ProblemResponses.FieldProblem(field, msg)))));
            }
        }
        return cast(respond(problems.of(HttpStatus.BAD_REQUEST, "request.malformed", List.of())));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String msg = problems.message("NotNull");
        return cast(respond(problems.build(HttpStatus.BAD_REQUEST, "request.invalid",
                ex.getParameterName() + problems.message("separator.field") + msg,
                List.of(new ProblemResponses.FieldProblem(ex.getParameterName(), msg)))));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            String msg = problems.message("request.headerMissing", missing.getHeaderName());
            return cast(respond(problems.build(HttpStatus.BAD_REQUEST, "request.headerMissing", msg,
                    List.of(new ProblemResponses.FieldProblem(missing.getHeaderName(), msg)))));
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    /**
     * Everything else the framework answers itself (405, 406, 415, a missing path variable, …): the same status and
     * headers (Allow, Accept), with our problem body: a code and a Chinese detail.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() != null
                && problem.getProperties().containsKey("code")) {
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail ours = problems.of(status, ErrorResponses.code(status), List.of());
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(ProblemResponses.PROBLEM_JSON);
        return new ResponseEntity<>(ours, out, status);
    }

    private ResponseEntity<Object> validationProblem(List<ProblemResponses.FieldProblem> errors) {
        String detail = problems.message("request.invalid") + errors.stream()
                .map(f -> f.field() + problems.message("separator.field") + f.message()).collect(Collectors.joining(problems.message("separator.list")));
        return cast(respond(problems.build(HttpStatus.BAD_REQUEST, "request.invalid", detail, errors)));
    }

    private ProblemResponses.FieldProblem fieldProblem(FieldError error) {
        return new ProblemResponses.FieldProblem(error.getField(), resolve(error));
    }

    private String resolve(org.springframework.context.MessageSourceResolvable error) {
        MessageSource source = getMessageSource();
        return source == null ? String.valueOf(error.getDefaultMessage())
                : source.getMessage(error, problems.locale());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(ProblemResponses.PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
