package no.ks.led.foundation.problem;

import java.util.List;

/** Thrown by domain and resource code to answer with a problem of a given type. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.Violation> violations;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    /** Not found, worded the same whether the object is missing or belongs to another tenant. */
    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " was not found");
    }

    /** One invalid field, after Bean Validation passed: a domain rule. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, message, List.of(new Problem.Violation(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem(String instance) {
        return Problem.of(type, getMessage(), instance).withViolations(violations);
    }
}
