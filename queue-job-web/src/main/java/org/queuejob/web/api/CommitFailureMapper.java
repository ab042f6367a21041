package org.queuejob.web.api;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request whose transaction could not commit (the application services are {@code @Transactional}, so a failure
 * when the job is written, at commit, reaches the API as a {@link TransactionalException}) answers the same problem
 * as any other failure ({@link ProblemMapper}). Needed because Jersey's CDI integration maps that exception type
 * itself, ahead of a mapper for {@code Throwable}, and can throw it on when no {@code WebApplicationException} caused
 * it: the client then got a 500 with an empty body (seen once, in the fresh-clone run of 2026-12-05, on an enqueue
 * right after a database outage; a commit refused by the database in {@code ApiIT} was mapped by {@link ProblemMapper}
 * with or without this class). Ranked ahead of Jersey's, so that the answer never depends on which one Jersey picks.
 */
@Provider
@Priority(Priorities.USER - 1000)
public class CommitFailureMapper implements ExceptionMapper<TransactionalException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(TransactionalException failure) {
        return ProblemMapper.respond(failure, uri);
    }
}
