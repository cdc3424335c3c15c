package dev.admp.server.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.server.http.Access;
import dev.admp.server.http.ApiRouter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.0 document of the hub, built from {@link ApiOperations} and {@link Schemas}: every
 * route under {@code /api} and its {@code /v1} alias, with bodies, responses and error codes. No
 * annotation scanning: what is documented is what this class writes.
 */
public final class OpenApiDocument {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
  private static final String ALIAS_TAG = "v1 alias";
  private static final String DESCRIPTION = """
      The Agent Dispatch Messaging Protocol hub. Every API route exists under `/api` (canonical) and
      `/v1` (alias, tagged "v1 alias"). Operations marked `x-admp-stability: compat` behave as in the
      reference hub; `new` marks what this hub adds.

      **Agent authentication.** With `AUTH_MODE=signature` (the default) every agent-scoped route needs an
      HTTP Signature by the agent named in the path:
      `Signature: keyId="<agent id>",algorithm="ed25519",headers="(request-target) host date",signature="<base64>"`,
      with `Date` within ±5 minutes; `(request-target)` is the lower-case method and the path and query
      exactly as sent. SEND and REPLY are authenticated by the envelope signature instead. A request signed
      by an agent other than the path's gets 403 FORBIDDEN; a signature by an unknown agent 404 AGENT_NOT_FOUND.
      With `AUTH_MODE=legacy` agent-scoped routes only check that the agent exists.

      **Operator key.** When the hub runs with `API_KEY_REQUIRED=true`, every `/api` and `/v1` request
      also needs `X-API-Key` or `Authorization: Bearer` with the operator key.

      **Path ids** may be percent-encoded as JavaScript's `encodeURIComponent` does (`agent%3A%2F%2Fbob`).
      Errors are `{"error": CODE, "message": text, "request_id": id}`; unknown routes are 404 NOT_FOUND,
      wrong methods 405 METHOD_NOT_ALLOWED, malformed URIs 400 BAD_REQUEST. A body that is not JSON is
      400 INVALID_JSON; JSON of the wrong shape or types is 400 with the route's validation code
      (REGISTRATION_FAILED, SEND_FAILED, AGENT_ID_REQUIRED / INVALID_AGENT_ID, INVALID_WEBHOOK_URL, and
      INVALID_REQUEST for heartbeat, pull, ack and nack).
      """;

  private OpenApiDocument() {}

  public static ObjectNode build(ObjectMapper json, String version) {
    ObjectNode doc = json.createObjectNode();
    doc.put("openapi", "3.0.3");
    ObjectNode info = doc.putObject("info");
    info.put("title", "ADMP hub");
    info.put("version", version);
    info.put("description", DESCRIPTION);
    doc.putArray("servers").addObject().put("url", "/");
    ArrayNode tags = doc.putArray("tags");
    for (String tag : List.of("agents", "messages", "hub", ALIAS_TAG)) {
      tags.addObject().put("name", tag);
    }
    ObjectNode paths = doc.putObject("paths");
    for (Operation op : ApiOperations.all()) {
      if (op.root()) {
        pathItem(paths, op.path()).set(lower(op.method()), operation(json, op, op.operationId(), op.tag()));
        continue;
      }
      for (String prefix : ApiRouter.PREFIXES) {
        boolean alias = !prefix.equals(ApiRouter.PREFIXES.getFirst());
        pathItem(paths, prefix + op.path()).set(lower(op.method()),
            operation(json, op, alias ? op.operationId() + "V1" : op.operationId(), alias ? ALIAS_TAG : op.tag()));
      }
    }
    ObjectNode components = doc.putObject("components");
    components.set("schemas", parse(json, Schemas.JSON));
    components.set("securitySchemes", securitySchemes(json));
    return doc;
  }

  private static ObjectNode pathItem(ObjectNode paths, String path) {
    return paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
  }

  private static ObjectNode operation(ObjectMapper json, Operation op, String operationId, String tag) {
    ObjectNode node = json.createObjectNode();
    node.put("operationId", operationId);
    node.putArray("tags").add(tag);
    node.put("summary", ("new".equals(op.stability()) ? "[new] " : "") + op.summary());
    node.put("x-admp-stability", op.stability());
    node.put("x-admp-access", op.access().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    ArrayNode parameters = node.putArray("parameters");
    Matcher m = PATH_PARAM.matcher(op.path());
    while (m.find()) {
      ObjectNode p = parameters.addObject();
      p.put("name", m.group(1));
      p.put("in", "path");
      p.put("required", true);
      p.put("description", switch (m.group(1)) {
        case "id" -> "Agent id, with or without agent://, percent-encoded (agent%3A%2F%2Fbob)";
        case "other" -> "Agent id to remove from the trust list";
        default -> "Message id, percent-encoded";
      });
      p.putObject("schema").put("type", "string");
    }
    if (op.operationId().equals("send")) {
      ObjectNode p = parameters.addObject();
      p.put("name", "Idempotency-Key");
      p.put("in", "header");
      p.put("required", false);
      p.put("description", "new: repeats with the same key (from the same sender to the same inbox) return the first message");
      p.putObject("schema").put("type", "string");
    }
    op.requestSchema().ifPresent(schema -> {
      ObjectNode body = node.putObject("requestBody");
      body.put("required", op.access() == Access.ENVELOPE || schema.equals("TrustRequest")
          || schema.equals("WebhookRequest"));
      body.putObject("content").putObject("application/json").putObject("schema").put("$ref", ref(schema));
    });
    ObjectNode responses = node.putObject("responses");
    for (Operation.Outcome outcome : op.success()) {
      ObjectNode r = responses.putObject(Integer.toString(outcome.status()));
      r.put("description", outcome.description());
      outcome.schema().ifPresent(schema ->
          r.putObject("content").putObject(outcome.mediaType()).putObject("schema").put("$ref", ref(schema)));
      if (outcome.schema().isEmpty() && outcome.status() != 204) {
        r.putObject("content").putObject(outcome.mediaType()).putObject("schema").put("type", "string");
      }
    }
    for (Map.Entry<Integer, Set<String>> e : errorCodes(op).entrySet()) {
      ObjectNode r = responses.putObject(Integer.toString(e.getKey()));
      r.put("description", "One of: " + String.join(", ", e.getValue()));
      ArrayNode allOf = r.putObject("content").putObject("application/json").putObject("schema").putArray("allOf");
      allOf.addObject().put("$ref", ref("Error"));
      ArrayNode codes = allOf.addObject().put("type", "object").putObject("properties").putObject("error")
          .put("type", "string").putArray("enum");
      e.getValue().forEach(codes::add);
    }
    security(node, op);
    return node;
  }

  /** The route's own codes plus those every route of its kind may answer. */
  static Map<Integer, Set<String>> errorCodes(Operation op) {
    Map<Integer, Set<String>> codes = new TreeMap<>();
    for (Operation.Failure f : op.errors()) {
      add(codes, f.status(), f.codes());
    }
    if (op.requestSchema().isPresent()) {
      add(codes, 400, List.of("INVALID_JSON"));
      add(codes, 413, List.of("PAYLOAD_TOO_LARGE"));
    }
    if (op.access() == Access.PATH_AGENT || op.access() == Access.ANY_AGENT) {
      add(codes, 400, List.of("UNSUPPORTED_ALGORITHM"));
      add(codes, 401, List.of("SIGNATURE_REQUIRED", "SIGNATURE_INVALID", "REQUEST_EXPIRED"));
    }
    if (op.access() == Access.PATH_AGENT) {
      add(codes, 400, List.of("INVALID_AGENT_ID"));
      add(codes, 403, List.of("FORBIDDEN"));
      add(codes, 404, List.of("AGENT_NOT_FOUND"));
    }
    if (!op.root()) {
      add(codes, 401, List.of("API_KEY_REQUIRED"));
      add(codes, 403, List.of("INVALID_API_KEY"));
      add(codes, 503, List.of("STORAGE_UNAVAILABLE"));
    }
    add(codes, 500, List.of("INTERNAL_ERROR"));
    return codes;
  }

  private static void add(Map<Integer, Set<String>> codes, int status, List<String> more) {
    codes.computeIfAbsent(status, s -> new TreeSet<>()).addAll(more);
  }

  private static void security(ObjectNode node, Operation op) {
    ArrayNode security = node.putArray("security");
    boolean signed = op.access() == Access.PATH_AGENT || op.access() == Access.ANY_AGENT;
    if (op.root()) {
      security.addObject();
      return;
    }
    for (String operator : new String[] {null, "operatorKey", "operatorBearer"}) {
      ObjectNode requirement = security.addObject();
      if (signed) {
        requirement.putArray("httpSignature");
      }
      if (operator != null) {
        requirement.putArray(operator);
      }
    }
  }

  private static ObjectNode securitySchemes(ObjectMapper json) {
    ObjectNode schemes = json.createObjectNode();
    ObjectNode signature = schemes.putObject("httpSignature");
    signature.put("type", "apiKey");
    signature.put("in", "header");
    signature.put("name", "Signature");
    signature.put("description", "HTTP Signature (ed25519) by the agent's key over (request-target) host date;"
        + " required in AUTH_MODE=signature");
    ObjectNode key = schemes.putObject("operatorKey");
    key.put("type", "apiKey");
    key.put("in", "header");
    key.put("name", "X-API-Key");
    key.put("description", "Operator key, when the hub runs with API_KEY_REQUIRED=true");
    ObjectNode bearer = schemes.putObject("operatorBearer");
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    bearer.put("description", "The operator key as a bearer token");
    return schemes;
  }

  private static String ref(String schema) {
    return "#/components/schemas/" + schema;
  }

  private static String lower(String method) {
    return method.toLowerCase(Locale.ROOT);
  }

  private static ObjectNode parse(ObjectMapper json, String text) {
    try {
      return (ObjectNode) json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the schema text block is valid JSON", e);
    }
  }
}
