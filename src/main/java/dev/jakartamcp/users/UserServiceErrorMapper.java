package dev.jakartamcp.users;

import dev.jakartamcp.mcp.protocol.JsonCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns the user service's error statuses into exceptions that say what happened. */
public class UserServiceErrorMapper implements ResponseExceptionMapper<UserServiceException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public UserServiceException toThrowable(Response response) {
        int status = response.getStatus();
        String detail = detail(response);
        if (status == 404) {
            return new UserServiceException.NotFound(detail == null ? "not found" : detail);
        }
        if (status == 400 || status == 409 || status == 422) {
            return new UserServiceException.Rejected(detail == null ? "HTTP " + status : detail);
        }
        return new UserServiceException.Unavailable("the user service answered HTTP " + status);
    }

    /** The "detail" of a FastAPI-style error: a string, or a list of {loc, msg} problems. */
    private static String detail(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonValue detail = JsonCodec.parseObject(body).get("detail");
            if (detail == null) {
                return null;
            }
            if (detail.getValueType() == JsonValue.ValueType.STRING) {
                return ((jakarta.json.JsonString) detail).getString();
            }
            if (detail.getValueType() == JsonValue.ValueType.ARRAY) {
                StringBuilder out = new StringBuilder();
                for (JsonValue problem : detail.asJsonArray()) {
                    if (problem instanceof JsonObject p) {
                        if (out.length() > 0) out.append("; ");
                        var loc = p.getJsonArray("loc");
                        if (loc != null) {
                            out.append(loc.stream().skip(1).map(v -> v.toString().replace("\"", ""))
                                    .reduce((a, b) -> a + "." + b).orElse("body")).append(": ");
                        }
                        out.append(p.getString("msg", "invalid"));
                    }
                }
                return out.toString();
            }
            return detail.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
