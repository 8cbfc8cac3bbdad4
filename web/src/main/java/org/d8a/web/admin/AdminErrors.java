package org.d8a.web.admin;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Client errors of the admin API as {@code {"error": "one line"}}: without this RESTEasy answers them with an empty
 * body, and an operator cannot tell a typo from a refused call. (The collect endpoints build their own answers.)
 */
@Provider
public class AdminErrors implements ExceptionMapper<ClientErrorException> {

    static final String JSON_ONLY = "state-changing admin calls take Content-Type: application/json only"
            + " (so that no cross-site form can send them)";

    @Override
    public Response toResponse(ClientErrorException e) {
        int status = e.getResponse().getStatus();
        String reason = e instanceof NotSupportedException ? JSON_ONLY : e.getMessage();
        return error(status, reason == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : reason,
                Map.of());
    }

    /** 409: the call is valid but the state does not allow it now. */
    static Response conflict(String reason, Map<String, Object> details) {
        return error(Response.Status.CONFLICT.getStatusCode(), reason, details);
    }

    private static Response error(int status, String reason, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason.replace('\n', ' ').replace('\r', ' '));
        body.putAll(details);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
