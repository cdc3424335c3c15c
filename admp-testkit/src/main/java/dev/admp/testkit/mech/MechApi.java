package dev.admp.testkit.mech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The Mech document API over in-memory apps, exactly as {@code MECH-API.md} specifies it. */
final class MechApi {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  static final int MAX_BATCH = 100;

  private final ObjectMapper json;
  private final Supplier<Set<Capability>> capabilities;
  private final ConcurrentMap<String, AppDocuments> apps = new ConcurrentHashMap<>();

  MechApi(ObjectMapper json, Supplier<Set<Capability>> capabilities) {
    this.json = json;
    this.capabilities = capabilities;
  }

  AppDocuments app(String appId) {
    return apps.computeIfAbsent(appId, id -> new AppDocuments());
  }

  ApiReply handle(String appId, ApiCall call) {
    AppDocuments docs = app(appId);
    try {
      return switch (call.route()) {
        case CREATE -> create(docs, call);
        case GET -> get(docs, call);
        case UPDATE -> update(docs, call);
        case DELETE -> delete(docs, call);
        case LIST -> list(docs, call);
        case BATCH -> batch(docs, call);
        case OTHER -> notFound("no route " + call.method() + " /" + String.join("/", call.path()));
      };
    } catch (BadRequest e) {
      return ApiReply.error(400, "VALIDATION_ERROR", e.getMessage());
    }
  }

  private ApiReply create(AppDocuments docs, ApiCall call) {
    ObjectNode body = parseObject(call.body());
    String collection = requireText(body, "collection_name");
    String key = requireText(body, "document_key");
    ObjectNode data = requireObject(body, "data");
    if (!docs.create(collection, key, data)) {
      return ApiReply.error(409, "DUPLICATE_KEY", "document " + key + " already exists in " + collection);
    }
    return ApiReply.of(201, wrap(envelope(collection, key).set("document", data)));
  }

  private ApiReply get(AppDocuments docs, ApiCall call) {
    String collection = requireParam(call, "collection_name");
    String key = call.path().get(3);
    return docs.get(collection, key)
        .map(doc -> ApiReply.of(200, wrap(envelope(collection, key).set("document", doc))))
        .orElseGet(() -> notFound("document " + key + " not found in " + collection));
  }

  private ApiReply update(AppDocuments docs, ApiCall call) {
    String collection = call.path().get(2);
    String key = call.path().get(3);
    ObjectNode body = parseObject(call.body());
    ObjectNode patch = requireObject(body, "data");
    boolean returnDocument = capabilities.get().contains(Capability.RETURN_DOCUMENT)
        && body.path("return_document").isBoolean() && body.path("return_document").booleanValue();
    return docs.merge(collection, key, patch)
        .map(doc -> {
          ObjectNode env = envelope(collection, key);
          if (returnDocument) {
            env.set("document", doc);
          } else {
            env.put("updated", true);
          }
          return ApiReply.of(200, wrap(env));
        })
        .orElseGet(() -> notFound("document " + key + " not found in " + collection));
  }

  private ApiReply delete(AppDocuments docs, ApiCall call) {
    String collection = call.path().get(2);
    String key = call.path().get(3);
    return docs.delete(collection, key)
        ? ApiReply.noContent()
        : notFound("document " + key + " not found in " + collection);
  }

  private ApiReply list(AppDocuments docs, ApiCall call) {
    Set<Capability> caps = capabilities.get();
    String collection = requireParam(call, "collection_name");
    int limit = Math.min(intParam(call, "limit", DEFAULT_LIMIT), MAX_LIMIT);
    int offset = caps.contains(Capability.OFFSET) ? intParam(call, "offset", 0) : 0;
    Predicate<ObjectNode> filter = caps.contains(Capability.FILTER) ? filters(call.params("filter")) : doc -> true;
    AppDocuments.Page page = docs.list(collection, filter, offset, limit);
    ObjectNode root = json.createObjectNode();
    ArrayNode data = root.putArray("data");
    for (AppDocuments.Entry e : page.entries()) {
      data.add(envelope(collection, e.key()).set("document", e.document()));
    }
    root.put("total", page.total());
    return ApiReply.of(200, root);
  }

  private ApiReply batch(AppDocuments docs, ApiCall call) {
    if (!capabilities.get().contains(Capability.BATCH)) {
      return notFound("no route POST /nosql/batch");
    }
    JsonNode ops = parseObject(call.body()).path("operations");
    if (!ops.isArray()) {
      throw new BadRequest("operations must be an array");
    }
    if (ops.size() > MAX_BATCH) {
      throw new BadRequest("a batch holds at most " + MAX_BATCH + " operations, got " + ops.size());
    }
    List<JsonNode> results = new ArrayList<>(ops.size());
    for (JsonNode op : ops) {
      ObjectNode result = json.createObjectNode();
      result.set("document_key", op.path("document_key").isTextual() ? op.get("document_key") : null);
      result.put("status", batchStatus(docs, op));
      results.add(result);
    }
    ObjectNode root = json.createObjectNode();
    root.putObject("data").putArray("results").addAll(results);
    return ApiReply.of(200, root);
  }

  /** The status the single call would have answered. */
  private int batchStatus(AppDocuments docs, JsonNode op) {
    if (!op.isObject() || !op.path("collection_name").isTextual() || op.path("collection_name").asText().isEmpty()
        || !op.path("document_key").isTextual() || op.path("document_key").asText().isEmpty()) {
      return 400;
    }
    String collection = op.get("collection_name").asText();
    String key = op.get("document_key").asText();
    JsonNode data = op.path("data");
    return switch (op.path("op").asText("")) {
      case "create" -> !data.isObject() ? 400 : docs.create(collection, key, (ObjectNode) data) ? 201 : 409;
      case "update" -> !data.isObject() ? 400 : docs.merge(collection, key, (ObjectNode) data).isPresent() ? 200 : 404;
      case "delete" -> docs.delete(collection, key) ? 204 : 404;
      default -> 400;
    };
  }

  private static Predicate<ObjectNode> filters(List<String> specs) {
    Predicate<ObjectNode> all = doc -> true;
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest("filter must be field:value, was '" + spec + "'");
      }
      String field = spec.substring(0, colon);
      String value = spec.substring(colon + 1);
      all = all.and(doc -> doc.has(field) && asString(doc.get(field)).equals(value));
    }
    return all;
  }

  /** Filters compare as strings: a text field by its text, anything else by its JSON form. */
  private static String asString(JsonNode node) {
    return node.isTextual() ? node.textValue() : node.toString();
  }

  private ObjectNode envelope(String collection, String key) {
    ObjectNode env = json.createObjectNode();
    env.put("collection_name", collection);
    env.put("document_key", key);
    return env;
  }

  private ObjectNode wrap(ObjectNode data) {
    ObjectNode root = json.createObjectNode();
    root.set("data", data);
    return root;
  }

  private ApiReply notFound(String message) {
    return ApiReply.error(404, "NOT_FOUND", message);
  }

  private ObjectNode parseObject(String body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw new BadRequest("request body must be a JSON object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new BadRequest("request body is not valid JSON");
    }
  }

  private static String requireText(ObjectNode body, String field) {
    JsonNode v = body.path(field);
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new BadRequest(field + " must be a non-empty string");
    }
    return v.asText();
  }

  private static ObjectNode requireObject(ObjectNode body, String field) {
    JsonNode v = body.path(field);
    if (!v.isObject()) {
      throw new BadRequest(field + " must be a JSON object");
    }
    return (ObjectNode) v;
  }

  private static String requireParam(ApiCall call, String name) {
    return call.param(name).filter(s -> !s.isEmpty())
        .orElseThrow(() -> new BadRequest("query parameter " + name + " is required"));
  }

  private static int intParam(ApiCall call, String name, int absent) {
    String raw = call.param(name).orElse(null);
    if (raw == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n < 0) {
        throw new BadRequest(name + " must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be an integer, was '" + raw + "'");
    }
  }

  /** A malformed request: answered 400 VALIDATION_ERROR. */
  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }
}
