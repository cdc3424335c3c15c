package dev.admp.server.docs;

import dev.admp.server.http.Access;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One documented operation of the API, path relative to the API prefix unless {@code root}.
 *
 * @param stability {@code compat} (as the reference hub) or {@code new}
 * @param requestSchema component schema of the JSON body, if the route takes one
 * @param success the success responses
 * @param errors the route's own error codes; those every route of its kind can answer are added
 */
record Operation(String method, String path, boolean root, String operationId, String tag, String stability,
    Access access, String summary, Optional<String> requestSchema, List<Outcome> success, List<Failure> errors) {

  Operation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(operationId, "operationId");
    success = List.copyOf(success);
    errors = List.copyOf(errors);
  }

  /** A success response: status, schema (empty for no body) and media type. */
  record Outcome(int status, String description, Optional<String> schema, String mediaType) {
    static Outcome json(int status, String description, String schema) {
      return new Outcome(status, description, Optional.of(schema), "application/json");
    }

    static Outcome empty(int status, String description) {
      return new Outcome(status, description, Optional.empty(), "application/json");
    }
  }

  /** Error codes the route answers with {@code status}. */
  record Failure(int status, List<String> codes) {
    static Failure of(int status, String... codes) {
      return new Failure(status, List.of(codes));
    }
  }
}
