package dev.admp.server.docs;

import static dev.admp.server.docs.Operation.Failure;
import static dev.admp.server.docs.Operation.Outcome;

import dev.admp.server.http.Access;
import java.util.List;
import java.util.Optional;

/** Every operation of {@code API.md}, as the OpenAPI document and the docs page describe it. */
final class ApiOperations {
  private static final String COMPAT = "compat";
  private static final String NEW = "new";

  private ApiOperations() {}

  static List<Operation> all() {
    return List.of(
        // ---- agents
        api("POST", "/agents/register", "registerAgent", "agents", COMPAT, Access.PUBLIC,
            "Register an agent; the hub generates a key pair when no public_key is given",
            "RegisterRequest", List.of(Outcome.json(201, "Registered", "RegisterResponse")),
            Failure.of(400, "REGISTRATION_FAILED", "INVALID_AGENT_ID")),
        api("POST", "/agents/{id}/heartbeat", "heartbeat", "agents", COMPAT, Access.PATH_AGENT,
            "Record a heartbeat; metadata is shallow-merged", "HeartbeatRequest",
            List.of(Outcome.json(200, "Online", "HeartbeatResponse")), Failure.of(400, "INVALID_REQUEST")),
        api("GET", "/agents/{id}", "getAgent", "agents", COMPAT, Access.PATH_AGENT,
            "The agent, without any secret key", null, List.of(Outcome.json(200, "The agent", "Agent"))),
        api("DELETE", "/agents/{id}", "deleteAgent", "agents", COMPAT, Access.PATH_AGENT,
            "Delete the agent and its inbox", null, List.of(Outcome.empty(204, "Deleted"))),
        api("GET", "/agents/{id}/trusted", "listTrusted", "agents", COMPAT, Access.PATH_AGENT,
            "The trust list (empty: everyone may send)", null,
            List.of(Outcome.json(200, "Trust list", "TrustedAgents"))),
        api("POST", "/agents/{id}/trusted", "trustAgent", "agents", COMPAT, Access.PATH_AGENT,
            "Add an agent to the trust list", "TrustRequest",
            List.of(Outcome.json(200, "Trust list", "TrustedAgents")),
            Failure.of(400, "AGENT_ID_REQUIRED", "INVALID_AGENT_ID")),
        api("DELETE", "/agents/{id}/trusted/{other}", "distrustAgent", "agents", COMPAT, Access.PATH_AGENT,
            "Remove an agent from the trust list", null,
            List.of(Outcome.json(200, "Trust list", "TrustedAgents")), Failure.of(400, "INVALID_AGENT_ID")),
        api("POST", "/agents/{id}/webhook", "setWebhook", "agents", COMPAT, Access.PATH_AGENT,
            "Configure push delivery; a secret is generated when none is given", "WebhookRequest",
            List.of(Outcome.json(200, "Configured", "WebhookConfigured")),
            Failure.of(400, "WEBHOOK_URL_REQUIRED", "INVALID_WEBHOOK_URL", "INVALID_REQUEST")),
        api("GET", "/agents/{id}/webhook", "getWebhook", "agents", COMPAT, Access.PATH_AGENT,
            "Whether push delivery is configured", null, List.of(Outcome.json(200, "Webhook", "WebhookStatus"))),
        api("DELETE", "/agents/{id}/webhook", "removeWebhook", "agents", COMPAT, Access.PATH_AGENT,
            "Stop push delivery", null, List.of(Outcome.json(200, "Removed", "WebhookRemoved"))),
        // ---- messages
        api("POST", "/agents/{id}/messages", "send", "messages", COMPAT, Access.ENVELOPE,
            "SEND a signed envelope to the inbox of {id}; `to` defaults to {id}. An optional"
                + " Idempotency-Key header (new) makes repeats return the first message",
            "Envelope", List.of(Outcome.json(201, "Queued", "SendResponse"),
                Outcome.json(200, "A repeat of an earlier SEND (duplicate: true)", "SendResponse")),
            Failure.of(400, "SEND_FAILED", "INVALID_TIMESTAMP", "TO_MISMATCH", "INVALID_AGENT_ID"),
            Failure.of(403, "INVALID_SIGNATURE"), Failure.of(404, "RECIPIENT_NOT_FOUND"),
            Failure.of(409, "MESSAGE_ID_CONFLICT")),
        api("POST", "/agents/{id}/inbox/pull", "pull", "messages", COMPAT, Access.PATH_AGENT,
            "Lease the oldest visible messages; wait_sec long-polls and max_messages batches (both new)",
            "PullRequest", List.of(
                Outcome.json(200, "One leased message, or {messages:[...]} when max_messages > 1", "PullResponse"),
                Outcome.empty(204, "Nothing available (after waiting up to wait_sec)")),
            Failure.of(400, "INVALID_REQUEST")),
        api("POST", "/agents/{id}/messages/{mid}/ack", "ack", "messages", COMPAT, Access.PATH_AGENT,
            "Acknowledge a leased message", "AckRequest", List.of(Outcome.json(200, "Acked", "Ok")),
            Failure.of(400, "ACK_FAILED", "INVALID_REQUEST"), Failure.of(404, "MESSAGE_NOT_FOUND"),
            Failure.of(409, "LEASE_LOST")),
        api("POST", "/agents/{id}/messages/{mid}/nack", "nack", "messages", COMPAT, Access.PATH_AGENT,
            "Give a leased message back (requeue, optionally delayed — new) or extend its lease", "NackRequest",
            List.of(Outcome.json(200, "Requeued or extended", "NackResponse")),
            Failure.of(400, "NACK_FAILED", "INVALID_REQUEST"), Failure.of(404, "MESSAGE_NOT_FOUND"),
            Failure.of(409, "LEASE_LOST")),
        api("POST", "/agents/{id}/messages/{mid}/reply", "reply", "messages", COMPAT, Access.ENVELOPE,
            "Reply to a message of the inbox of {id}: `to` and `correlation_id` are filled in where absent",
            "Envelope", List.of(Outcome.json(200, "Queued", "SendResponse")),
            Failure.of(400, "SEND_FAILED", "INVALID_TIMESTAMP", "INVALID_AGENT_ID"),
            Failure.of(403, "INVALID_SIGNATURE"), Failure.of(404, "MESSAGE_NOT_FOUND", "RECIPIENT_NOT_FOUND"),
            Failure.of(409, "MESSAGE_ID_CONFLICT")),
        api("GET", "/messages/{mid}/status", "messageStatus", "messages", COMPAT, Access.ANY_AGENT,
            "Delivery status; in signature mode only the sender or the recipient may ask (others get 404)",
            null, List.of(Outcome.json(200, "Status", "MessageStatus")), Failure.of(404, "MESSAGE_NOT_FOUND")),
        api("GET", "/agents/{id}/inbox/stats", "inboxStats", "messages", COMPAT, Access.PATH_AGENT,
            "Message counts of the inbox", null, List.of(Outcome.json(200, "Counts", "InboxStats"))),
        api("POST", "/agents/{id}/inbox/reclaim", "reclaim", "messages", COMPAT, Access.PATH_AGENT,
            "Return this inbox's expired leases to the queue now", null,
            List.of(Outcome.json(200, "Reclaimed", "Reclaimed"))),
        // ---- hub
        api("GET", "/stats", "hubStats", "hub", COMPAT, Access.PUBLIC, "Agent and message counts of the hub", null,
            List.of(Outcome.json(200, "Counts", "HubStats"))),
        root("GET", "/health", "health", COMPAT, "Liveness and storage reachability", List.of(
            Outcome.json(200, "Healthy", "Health"), Outcome.json(503, "Storage unreachable", "Health"))),
        root("GET", "/metrics", "metrics", NEW, "Prometheus metrics", List.of(
            new Outcome(200, "Prometheus text format", Optional.empty(), "text/plain"))),
        root("GET", "/openapi.json", "openapi", NEW, "This document", List.of(
            new Outcome(200, "OpenAPI 3.0 document", Optional.empty(), "application/json"))),
        root("GET", "/docs", "docs", NEW, "Human-readable API documentation", List.of(
            new Outcome(200, "HTML page", Optional.empty(), "text/html"))));
  }

  private static Operation api(String method, String path, String id, String tag, String stability, Access access,
      String summary, String requestSchema, List<Outcome> success, Failure... errors) {
    return new Operation(method, path, false, id, tag, stability, access, summary, Optional.ofNullable(requestSchema),
        success, List.of(errors));
  }

  private static Operation root(String method, String path, String id, String stability, String summary,
      List<Outcome> success) {
    return new Operation(method, path, true, id, "hub", stability, Access.PUBLIC, summary, Optional.empty(), success,
        List.of());
  }
}
