package org.d8a.web.admin;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the operator's page (the WAR's {@code admin/} folder) at {@code /admin/}. The JAX-RS application sits at the
 * root, where trackers expect the collect endpoints, so it also receives these paths before the container's file
 * servlet would: the files are read from the WAR here. Only plain file names of the page's own kinds are served.
 */
@Path("/admin")
public class AdminPageResource {

    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8", "css", "text/css; charset=UTF-8", "txt",
            "text/plain; charset=UTF-8", "svg", "image/svg+xml");

    @Context
    ServletContext servlet;

    /** {@code /admin} and {@code /admin/} alike: the page names its files by absolute paths. */
    @GET
    public Response index() {
        return file("index.html");
    }

    @GET
    @Path("{file: .+}")
    public Response file(@PathParam("file") String file) {
        int dot = file.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(file.substring(dot + 1));
        InputStream content = type == null || !FILE.matcher(file).matches() || file.contains("..") ? null
                : servlet.getResourceAsStream("/admin/" + file);
        if (content == null) {
            throw new NotFoundException("no such file of the operator's page: " + file);
        }
        return Response.ok(content, type).header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
