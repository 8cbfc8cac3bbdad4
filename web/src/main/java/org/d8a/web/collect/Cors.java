package org.d8a.web.collect;

import jakarta.ws.rs.core.Response;

/** CORS headers of the collect endpoints (spec/ga4-protocol-and-columns.md §1.3). */
final class Cors {

    private static final String DEFAULT_ALLOWED_HEADERS = "Content-Type, X-Requested-With";

    private Cors() {
    }

    /** Headers of an actual collect response, success or error alike (errors carry them: a deliberate fix). */
    static Response.ResponseBuilder collect(Response.ResponseBuilder response, String origin) {
        return withOrigin(response, origin)
                .header("Access-Control-Allow-Methods", "POST, GET, OPTIONS")
                .header("Access-Control-Allow-Headers", DEFAULT_ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", "86400");
    }

    /** The preflight answer: always 204, the requested headers echoed back. */
    static Response preflight(String origin, String requestedHeaders) {
        return withOrigin(Response.noContent(), origin)
                .header("Access-Control-Allow-Methods", "POST, GET, OPTIONS")
                .header("Access-Control-Allow-Headers", requestedHeaders == null || requestedHeaders.isEmpty()
                        ? DEFAULT_ALLOWED_HEADERS : requestedHeaders)
                .header("Access-Control-Max-Age", "86400")
                .build();
    }

    private static Response.ResponseBuilder withOrigin(Response.ResponseBuilder response, String origin) {
        if (origin == null || origin.isEmpty()) {
            return response.header("Access-Control-Allow-Origin", "*");
        }
        return response.header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Vary", "Origin");
    }
}
