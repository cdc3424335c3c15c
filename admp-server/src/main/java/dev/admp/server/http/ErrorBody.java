package dev.admp.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON of every error response: {@code {"error": CODE, "message": text, "request_id": id}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
    @JsonProperty("error") String code,
    @JsonProperty("message") String message,
    @JsonProperty("request_id") String requestId) {}
