package cn.baojiaolou.loan.common;

import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on. {@code messageKey} names a message in messages*.properties, so the same refusal
 * reads in Chinese or English; {@code field} names the request field at fault, when there is one.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;
    private final String field;

    public ApiException(HttpStatus status, String messageKey, String field, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    public static ApiException notFound(String messageKey, Object... args) {
        return new ApiException(HttpStatus.NOT_FOUND, messageKey, null, args);
    }

    /** The request is well-formed but a business rule refuses it. */
    public static ApiException rule(String messageKey, Object... args) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, null, args);
    }

    public static ApiException ruleOnField(String field, String messageKey, Object... args) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, field, args);
    }

    public static ApiException conflict(String messageKey, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, messageKey, null, args);
    }

    public static ApiException forbidden(String messageKey, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, messageKey, null, args);
    }

    public static ApiException badRequest(String field, String messageKey, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, messageKey, field, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public String field() {
        return field;
    }
}
