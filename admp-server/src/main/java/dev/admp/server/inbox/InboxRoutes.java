package dev.admp.server.inbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.NotFoundException;
import dev.admp.agent.AgentId;
import dev.admp.inbox.InboxService;
import dev.admp.inbox.LeaseId;
import dev.admp.inbox.LeaseMatch;
import dev.admp.inbox.Message;
import dev.admp.inbox.MessageId;
import dev.admp.inbox.NackRequest;
import dev.admp.inbox.PullRequest;
import dev.admp.inbox.SendReceipt;
import dev.admp.server.http.Access;
import dev.admp.server.http.ApiRouter;
import dev.admp.server.http.CallerAuthentication;
import dev.admp.server.http.JsonBodies;
import dev.admp.server.http.JsonFields;
import dev.admp.server.http.PathIds;
import dev.admp.server.http.RouteGroup;
import dev.admp.server.ops.HubMetrics;
import dev.admp.server.ops.StatsJson;
import dev.admp.store.ReclaimReport;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * SEND, PULL, ACK, NACK, REPLY, status, inbox counts and reclaim: parse, call
 * {@link InboxService}, render. Bodies of the lease verbs that are not what they should be are
 * 400 {@code INVALID_REQUEST}; envelopes that are not objects are 400 {@code SEND_FAILED}.
 */
public final class InboxRoutes implements RouteGroup {
  private static final String INVALID = "INVALID_REQUEST";
  private static final long MAX_LEASE_SECONDS = 43_200;

  private final InboxService inbox;
  private final JsonBodies bodies;
  private final HubMetrics metrics;
  private final LongPolls longPolls;

  public InboxRoutes(InboxService inbox, JsonBodies bodies, HubMetrics metrics, LongPolls longPolls) {
    this.inbox = inbox;
    this.bodies = bodies;
    this.metrics = metrics;
    this.longPolls = longPolls;
  }

  @Override
  public void addTo(ApiRouter router) {
    router.post("/agents/{id}/messages", Access.ENVELOPE, this::send);
    router.post("/agents/{id}/inbox/pull", Access.PATH_AGENT, this::pull);
    router.post("/agents/{id}/messages/{mid}/ack", Access.PATH_AGENT, this::ack);
    router.post("/agents/{id}/messages/{mid}/nack", Access.PATH_AGENT, this::nack);
    router.post("/agents/{id}/messages/{mid}/reply", Access.ENVELOPE, this::reply);
    router.get("/messages/{mid}/status", Access.ANY_AGENT, this::status);
    router.get("/agents/{id}/inbox/stats", Access.PATH_AGENT,
        ctx -> ctx.json(StatsJson.messages(inbox.stats(PathIds.agent(ctx)))));
    router.post("/agents/{id}/inbox/reclaim", Access.PATH_AGENT, ctx -> {
      ReclaimReport report = inbox.reclaim(PathIds.agent(ctx));
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("reclaimed", report.requeued());
      node.put("dead", report.dead());
      ctx.json(node);
    });
  }

  private void send(Context ctx) {
    AgentId recipient = PathIds.agent(ctx);
    ObjectNode envelope = bodies.object(ctx, "SEND_FAILED");
    SendReceipt receipt = inbox.send(recipient, envelope, Optional.ofNullable(ctx.header("Idempotency-Key")));
    metrics.sent(receipt.duplicate());
    ctx.status(receipt.duplicate() ? 200 : 201).json(MessageJson.receipt(receipt));
  }

  private void reply(Context ctx) {
    AgentId replier = PathIds.agent(ctx);
    MessageId original = PathIds.message(ctx);
    ObjectNode envelope = bodies.object(ctx, "SEND_FAILED");
    SendReceipt receipt = inbox.reply(replier, original, envelope);
    metrics.sent(receipt.duplicate());
    ctx.json(MessageJson.receipt(receipt));
  }

  /** Runs on a virtual thread, so a long poll holds no platform thread while it waits. */
  private void pull(Context ctx) {
    AgentId agent = PathIds.agent(ctx);
    JsonFields fields = new JsonFields(bodies.object(ctx, INVALID), INVALID);
    PullRequest request = new PullRequest(
        fields.seconds("visibility_timeout", 1, MAX_LEASE_SECONDS).orElse(Duration.ofSeconds(60)),
        fields.seconds("wait_sec", 0, 20).orElse(Duration.ZERO),
        fields.integer("max_messages", 1, 10).orElse(1));
    List<Message> messages = request.maxWait().isZero()
        ? inbox.pull(agent, request)
        : longPolls.run(() -> inbox.pull(agent, request));
    metrics.leased(messages.size());
    if (messages.isEmpty()) {
      ctx.status(204);
    } else if (request.max() > 1) {
      ctx.json(MessageJson.batch(messages));
    } else {
      ctx.json(MessageJson.leased(messages.getFirst()));
    }
  }

  private void ack(Context ctx) {
    AgentId agent = PathIds.agent(ctx);
    MessageId id = PathIds.message(ctx);
    JsonFields fields = new JsonFields(bodies.object(ctx, INVALID), INVALID);
    inbox.ack(agent, id, lease(fields));
    metrics.acked();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("ok", true);
    ctx.json(node);
  }

  /** {@code extend_sec} keeps the lease; anything else requeues ({@code requeue} is accepted and implied). */
  private void nack(Context ctx) {
    AgentId agent = PathIds.agent(ctx);
    MessageId id = PathIds.message(ctx);
    JsonFields fields = new JsonFields(bodies.object(ctx, INVALID), INVALID);
    fields.bool("requeue");
    NackRequest request = new NackRequest(
        fields.seconds("extend_sec", 1, MAX_LEASE_SECONDS),
        fields.seconds("delay_sec", 0, MAX_LEASE_SECONDS).orElse(Duration.ZERO),
        lease(fields));
    Message message = inbox.nack(agent, id, request);
    metrics.nacked();
    ctx.json(MessageJson.nacked(message));
  }

  private static LeaseMatch lease(JsonFields fields) {
    return fields.string("lease_id").filter(s -> !s.isEmpty())
        .<LeaseMatch>map(id -> new LeaseMatch.Exactly(new LeaseId(id)))
        .orElse(LeaseMatch.any());
  }

  /**
   * In signature mode only the sender or the recipient may ask; anyone else gets the same 404
   * as for a message that does not exist, so ids cannot be probed.
   */
  private void status(Context ctx) {
    MessageId id = PathIds.message(ctx);
    Message message = inbox.status(id);
    Optional<AgentId> caller = CallerAuthentication.caller(ctx);
    if (caller.isPresent() && !caller.get().equals(message.from()) && !caller.get().equals(message.to())) {
      throw new NotFoundException("MESSAGE_NOT_FOUND", "message " + id + " not found");
    }
    ctx.json(MessageJson.status(message));
  }
}
