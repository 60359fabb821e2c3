package no.ks.led.foundation.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that reaches the REST layer into RFC 9457 problem details, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.toProblem(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        if (!(e instanceof ConstraintViolationException cve)) {
            return internal(e, uri);
        }
        if (isReturnValueViolation(cve)) {
            return internal(e, uri);
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        return Problem.of(ProblemType.VALIDATION_FAILED, "See the violations for each field", uri.getPath())
                .withViolations(violations).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String detail = "The body is not valid JSON for this request";
        if (e.getLocation() != null) {
            detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, detail, uri.getPath()).toResponse();
    }

    /**
     * A value of the wrong type ({@code "hasLeadershipTeam": "kanskje"}): a validation problem naming the
     * field. Declared for the exact type so it wins over the framework's own mapper, which answers
     * with a plain JSON body.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        StringJoiner field = new StringJoiner(".");
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                field.add(reference.getFieldName());
            }
        }
        if (field.length() == 0) {
            return unreadable(e, uri);
        }
        String message = "has the wrong type";
        return Problem.of(ProblemType.VALIDATION_FAILED, "See the violations for each field", uri.getPath())
                .withViolations(List.of(new Problem.Violation(field.toString(), message))).toResponse();
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthorized(Exception e, UriInfo uri) {
        return Response.fromResponse(Problem.of(ProblemType.UNAUTHORIZED, null, uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(ProblemType.FORBIDDEN, null, uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 404 ? null : e.getMessage();
        return Response.fromResponse(e.getResponse())
                .status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, detail, uri.getPath()))
                .build();
    }

    /** A failure a client cannot cause: 503 with {@code Retry-After} if a dependency is down, else 500. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response internal(Throwable e, UriInfo uri) {
        Optional<Outage> outage = Outage.of(e);
        if (outage.isPresent()) {
            LOG.warnf("%s unavailable on %s: %s", outage.get().dependency(), uri.getPath(), e.toString());
            return outage.get().toProblem(uri.getPath()).toResponse();
        }
        if (isDataException(e)) {
            // a value the database cannot hold (a NUL character, a number or date out of its range) that got
            // past validation: the request's fault, and it changed nothing (the transaction rolled back)
            LOG.warnf("A request value the database refused on %s: %s", uri.getPath(), rootMessage(e));
            return Problem.of(ProblemType.VALIDATION_FAILED, "A value of the request cannot be stored", uri.getPath())
                    .toResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error on %s (incident %s)", uri.getPath(), incident);
        return Problem.of(ProblemType.INTERNAL_ERROR, "Incident " + incident + " has been logged", uri.getPath())
                .toResponse();
    }

    /** Whether the database refused a value (SQLSTATE class 22, "data exception"), however deeply wrapped. */
    private static boolean isDataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static boolean isReturnValueViolation(ConstraintViolationException e) {
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The field as the client named it: the property path inside a body ({@code name},
     * {@code leaders.email}), or the parameter's name for a path, query or header parameter.
     */
    private static String fieldOf(Path path) {
        String parameter = "";
        StringJoiner properties = new StringJoiner(".");
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                properties.add(node.getName());
            }
        }
        return properties.length() > 0 ? properties.toString() : parameter;
    }
}
