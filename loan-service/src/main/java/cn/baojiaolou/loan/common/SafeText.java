package cn.baojiaolou.loan.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text that ends up in reports, pages and audit rows. Names and references of a finance ledger never need
 * markup or quote characters, so they are refused at the door rather than escaped in every place they travel.
 * Full-width Chinese punctuation is fine.
 */
@Documented
@Constraint(validatedBy = SafeText.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeText {

    String message() default "{SafeText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SafeText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.contains("--")) {
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '<' || c == '>' || c == '\'' || c == '"' || c == '\\' || c == '`' || c == ';'
                        || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                    return false;
                }
            }
            return true;
        }
    }
}
