package no.ks.led.organisations.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.organisations.NationalIdentifiers;
import no.ks.led.organisations.OrganisationNumber;

/**
 * An onboarding's organisation number and municipality number follow the rules of the owner's country (by its
 * kind): a Norwegian organisation number, or a CVR number and a kommune number for a {@code dansk-kommune}. Each
 * violation names its field.
 */
@Target({ElementType.TYPE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidOwnerNumbers.Validator.class)
public @interface ValidOwnerNumbers {

    String message() default "must follow the rules of the owner's country";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link NationalIdentifiers#ofOwner}; a missing organisation number is left to {@code @NotBlank}. */
    class Validator implements ConstraintValidator<ValidOwnerNumbers, TenantOnboardingRequest> {
        @Override
        public boolean isValid(TenantOnboardingRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            var violations = NationalIdentifiers.ofOwner(Country.ofTenantKind(request.kind()),
                    OrganisationNumber.normalise(request.organisationNumber()), request.municipalityNumber());
            if (violations.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (Problem.Violation v : violations) {
                context.buildConstraintViolationWithTemplate(v.message()).addPropertyNode(v.field()).addConstraintViolation();
            }
            return false;
        }
    }
}
