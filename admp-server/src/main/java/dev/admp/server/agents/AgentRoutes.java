package dev.admp.server.agents;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.InvalidRequestException;
import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentRegistration;
import dev.admp.agent.AgentService;
import dev.admp.agent.AgentSettings;
import dev.admp.agent.RegisteredAgent;
import dev.admp.agent.Webhook;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.protocol.crypto.MalformedKeyException;
import dev.admp.protocol.json.JsJson;
import dev.admp.server.http.Access;
import dev.admp.server.http.ApiRouter;
import dev.admp.server.http.JsonBodies;
import dev.admp.server.http.JsonFields;
import dev.admp.server.http.PathIds;
import dev.admp.server.http.RouteGroup;
import io.javalin.http.Context;
import java.util.Optional;

/** The {@code /agents} routes: parse, call {@link AgentService}, render. */
public final class AgentRoutes implements RouteGroup {
  private final AgentService agents;
  private final AgentSettings settings;
  private final JsonBodies bodies;
  private final AgentJson json;

  public AgentRoutes(AgentService agents, AgentSettings settings, JsonBodies bodies) {
    this.agents = agents;
    this.settings = settings;
    this.bodies = bodies;
    this.json = new AgentJson(settings);
  }

  @Override
  public void addTo(ApiRouter router) {
    router.post("/agents/register", Access.PUBLIC, this::register);
    router.post("/agents/{id}/heartbeat", Access.PATH_AGENT, this::heartbeat);
    router.get("/agents/{id}", Access.PATH_AGENT, ctx -> {
      Agent agent = agents.require(PathIds.agent(ctx));
      ctx.json(json.agent(agent, agents.isOnline(agent)));
    });
    router.delete("/agents/{id}", Access.PATH_AGENT, ctx -> {
      agents.delete(PathIds.agent(ctx));
      ctx.status(204);
    });
    router.get("/agents/{id}/trusted", Access.PATH_AGENT,
        ctx -> ctx.json(json.trustList(agents.require(PathIds.agent(ctx)))));
    router.post("/agents/{id}/trusted", Access.PATH_AGENT, this::trust);
    router.delete("/agents/{id}/trusted/{other}", Access.PATH_AGENT,
        ctx -> ctx.json(json.trustList(agents.distrust(PathIds.agent(ctx), PathIds.other(ctx)))));
    router.post("/agents/{id}/webhook", Access.PATH_AGENT, this::setWebhook);
    router.get("/agents/{id}/webhook", Access.PATH_AGENT, this::webhook);
    router.delete("/agents/{id}/webhook", Access.PATH_AGENT, ctx -> {
      agents.clearWebhook(PathIds.agent(ctx));
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("message", "Webhook removed");
      node.put("webhook_configured", false);
      ctx.json(node);
    });
  }

  /** Empty strings count as absent, as the reference hub's {@code value || default} did. */
  private void register(Context ctx) {
    String code = "REGISTRATION_FAILED";
    JsonFields fields = new JsonFields(bodies.object(ctx, code), code);
    Optional<String> agentId = new JsonFields(fields.node(), "INVALID_AGENT_ID").string("agent_id")
        .filter(s -> !s.isEmpty());
    AgentRegistration registration = new AgentRegistration(
        agentId,
        fields.string("agent_type").orElse("generic"),
        fields.object("metadata").map(JsJson::stringify).orElse("{}"),
        fields.string("webhook_url").filter(s -> !s.isEmpty()),
        fields.string("webhook_secret").filter(s -> !s.isEmpty()),
        fields.string("public_key").filter(s -> !s.isEmpty()).map(AgentRoutes::publicKey));
    RegisteredAgent registered = agents.register(registration);
    ctx.status(201).json(json.registered(registered, agents.isOnline(registered.agent())));
  }

  private static byte[] publicKey(String base64) {
    try {
      return Ed25519.decodePublicKey(base64);
    } catch (MalformedKeyException e) {
      throw new InvalidRequestException("REGISTRATION_FAILED", "public_key must be the base64 of 32 bytes");
    }
  }

  private void heartbeat(Context ctx) {
    JsonFields fields = new JsonFields(bodies.object(ctx, "INVALID_REQUEST"), "INVALID_REQUEST");
    String patch = fields.object("metadata").map(JsJson::stringify).orElse("{}");
    Agent agent = agents.heartbeat(PathIds.agent(ctx), patch);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("ok", true);
    node.put("last_heartbeat", agent.lastHeartbeat().toEpochMilli());
    node.put("timeout_at", agent.lastHeartbeat().plus(settings.heartbeatTimeout()).toEpochMilli());
    node.put("status", "online");
    ctx.json(node);
  }

  private void trust(Context ctx) {
    ObjectNode body = bodies.object(ctx, "INVALID_AGENT_ID");
    String other = new JsonFields(body, "INVALID_AGENT_ID").string("agent_id").filter(s -> !s.isEmpty())
        .orElseThrow(() -> new InvalidRequestException("AGENT_ID_REQUIRED", "agent_id is required"));
    ctx.json(json.trustList(agents.trust(PathIds.agent(ctx), AgentId.parse(other))));
  }

  private void setWebhook(Context ctx) {
    JsonFields fields = new JsonFields(bodies.object(ctx, "INVALID_WEBHOOK_URL"), "INVALID_WEBHOOK_URL");
    String url = fields.string("webhook_url").orElse("");
    Optional<String> secret = new JsonFields(fields.node(), "INVALID_REQUEST").string("webhook_secret")
        .filter(s -> !s.isEmpty());
    Agent agent = agents.setWebhook(PathIds.agent(ctx), url, secret);
    Webhook webhook = agent.webhook().orElseThrow();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("agent_id", agent.registeredAs());
    node.put("webhook_url", webhook.url());
    node.put("webhook_secret", webhook.secret());
    ctx.json(node);
  }

  private void webhook(Context ctx) {
    Agent agent = agents.require(PathIds.agent(ctx));
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("webhook_url", agent.webhook().map(Webhook::url).orElse(null));
    node.put("webhook_configured", agent.webhook().isPresent());
    ctx.json(node);
  }
}
