package cn.baojiaolou.loan.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A code or voucher number: letters, digits, '-', '_' and '/', 1 to 32 characters. */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = Code.PATTERN)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Code {

    /** Letters and digits, then also -, _ and /; at most 32 characters. */
    String PATTERN = "[A-Za-z0-9][A-Za-z0-9_/-]{0,31}";

    String message() default "{Code}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
