package dev.admp.testkit.mech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The emulator's own endpoints under {@code /_emulator/}, for a hub or benchmark running it in
 * another process: {@code GET stats}, {@code POST reset-counters}, {@code GET|PUT faults},
 * {@code GET|PUT capabilities}. They need no API key, are never faulted and are not counted.
 */
final class ControlApi {
  private final ObjectMapper json;
  private final EmulatorCounters counters;
  private final FaultInjector faults;
  private final Supplier<Set<Capability>> capabilities;
  private final Consumer<Set<Capability>> setCapabilities;

  ControlApi(ObjectMapper json, EmulatorCounters counters, FaultInjector faults,
      Supplier<Set<Capability>> capabilities, Consumer<Set<Capability>> setCapabilities) {
    this.json = json;
    this.counters = counters;
    this.faults = faults;
    this.capabilities = capabilities;
    this.setCapabilities = setCapabilities;
  }

  ApiReply handle(String method, String path, String body) {
    try {
      return switch (method + " " + path) {
        case "GET stats" -> ApiReply.of(200, stats(counters.snapshot()));
        case "POST reset-counters" -> {
          counters.reset();
          yield ApiReply.noContent();
        }
        case "GET faults" -> ApiReply.of(200, faultsJson(faults.faults()));
        case "PUT faults" -> {
          faults.faults(parseFaults(body));
          yield ApiReply.of(200, faultsJson(faults.faults()));
        }
        case "GET capabilities" -> ApiReply.of(200, capabilitiesJson());
        case "PUT capabilities" -> {
          setCapabilities.accept(parseCapabilities(body));
          yield ApiReply.of(200, capabilitiesJson());
        }
        default -> ApiReply.error(404, "NOT_FOUND", "no route " + method + " /_emulator/" + path);
      };
    } catch (IllegalArgumentException e) {
      return ApiReply.error(400, "VALIDATION_ERROR", e.getMessage());
    }
  }

  ObjectNode stats(EmulatorStats stats) {
    ObjectNode root = json.createObjectNode();
    ObjectNode requests = root.putObject("requests");
    for (Route r : Route.values()) {
      requests.put(r.wireName(), stats.requests(r));
    }
    root.put("total_requests", stats.totalRequests());
    root.put("connections_accepted", stats.connectionsAccepted());
    root.put("connections_open", stats.connectionsOpen());
    return root;
  }

  private ObjectNode faultsJson(Faults f) {
    ObjectNode node = json.createObjectNode();
    node.put("latency_ms", f.latency().toMillis());
    node.put("unavailable_rate", f.unavailableRate());
    node.put("reset_rate", f.resetRate());
    node.put("hang_rate", f.hangRate());
    node.put("lost_reply_rate", f.lostReplyRate());
    node.put("close_connections", f.connections() == Faults.ConnectionPolicy.CLOSE_AFTER_RESPONSE);
    f.keepAliveTimeout().ifPresentOrElse(t -> node.put("keep_alive_timeout_s", t.toSeconds()),
        () -> node.putNull("keep_alive_timeout_s"));
    return node;
  }

  /** Fields that are absent keep no value: the body states the whole fault set. */
  private Faults parseFaults(String body) {
    JsonNode n = parse(body);
    JsonNode keepAlive = n.path("keep_alive_timeout_s");
    return new Faults(
        Duration.ofMillis(n.path("latency_ms").asLong(0)),
        n.path("unavailable_rate").asDouble(0),
        n.path("reset_rate").asDouble(0),
        n.path("hang_rate").asDouble(0),
        n.path("lost_reply_rate").asDouble(0),
        n.path("close_connections").asBoolean(false)
            ? Faults.ConnectionPolicy.CLOSE_AFTER_RESPONSE : Faults.ConnectionPolicy.KEEP_ALIVE,
        keepAlive.isNumber() ? Optional.of(Duration.ofSeconds(keepAlive.asLong())) : Optional.empty());
  }

  private ObjectNode capabilitiesJson() {
    ObjectNode node = json.createObjectNode();
    var array = node.putArray("capabilities");
    capabilities.get().forEach(c -> array.add(c.wireName()));
    return node;
  }

  private Set<Capability> parseCapabilities(String body) {
    JsonNode list = parse(body).path("capabilities");
    if (!list.isArray()) {
      throw new IllegalArgumentException("capabilities must be an array of names");
    }
    EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
    list.forEach(name -> set.add(Capability.parse(name.asText())));
    return set;
  }

  private JsonNode parse(String body) {
    try {
      JsonNode n = json.readTree(body);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("body must be a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body is not valid JSON");
    }
  }
}
