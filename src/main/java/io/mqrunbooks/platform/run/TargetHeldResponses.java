package io.mqrunbooks.platform.run;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API's answer to a start refused because another run holds a target: 409 Conflict with the
 * refusal's message, in Camunda's error body ({@code type}, {@code message}), instead of a 500.
 */
@Component
public class TargetHeldResponses implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
    }

    /** Registered with the engine REST API's Jersey application. */
    public static class Mapper implements ExceptionMapper<TargetHeldException> {

        @Override
        public Response toResponse(TargetHeldException refused) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", TargetHeldException.class.getSimpleName());
            body.put("message", refused.getMessage());
            body.put("code", null);
            return Response.status(Response.Status.CONFLICT).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
    }
}
