package org.d8a.web.admin;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The answer to a job started by an admin call: 202 Accepted with the job and its execution id. */
final class JobResponses {

    private JobResponses() {
    }

    static Response started(String job, long executionId) {
        return Response.accepted(Map.of("job", job, "execution_id", executionId)).build();
    }
}
