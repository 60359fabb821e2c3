package no.ks.led.web.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of a page ends on an {@link ErrorPage}: the API's refusals, unknown paths and our own faults. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    ErrorPage errors;

    /** The API said no: its 404 (another tenant's object too) is our 404, its 403 our 403, and so on. */
    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        if (problem.status() >= 500) {
            LOG.warnf("The API answered %d %s", problem.status(), problem.type());
        }
        return errors.problem(problem.status(), problem.type());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return errors.of(404);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return errors.of(405, null);
    }

    /** The gateway did not answer at all. */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("The API did not answer: %s", e.toString());
        return errors.of(503);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Page failed", e);
        }
        return errors.of(status);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Page failed", e);
        return errors.of(500);
    }
}
