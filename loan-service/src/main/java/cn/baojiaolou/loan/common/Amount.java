package cn.baojiaolou.loan.common;

import cn.baojiaolou.loan.domain.Money;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/** An amount in 元: greater than zero, at most two decimals, at most {@link Money#MAX_AMOUNT}. */
@Documented
@Constraint(validatedBy = Amount.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

    String message() default "{Amount}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Amount, BigDecimal> {
        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || (value.signum() > 0 && value.stripTrailingZeros().scale() <= 2
                    && value.compareTo(Money.MAX_AMOUNT) <= 0);
        }
    }
}
