package no.ks.led.organisations.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import no.ks.led.organisations.OrganisationNumber;

/** The field is a valid Norwegian organisation number: nine digits with a correct modulus-11 check digit. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidOrganisationNumber.Validator.class)
public @interface ValidOrganisationNumber {

    String message() default "must be nine digits with a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the number; a missing value is left to {@code @NotBlank}. */
    class Validator implements ConstraintValidator<ValidOrganisationNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || OrganisationNumber.isValid(OrganisationNumber.normalise(value));
        }
    }
}
