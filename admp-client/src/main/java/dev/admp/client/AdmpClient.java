package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.protocol.crypto.Ed25519;
import dev.admp.protocol.json.JsJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of one ADMP hub, acting as one agent. It covers every route of the HTTP API, signs
 * every agent-scoped request with the agent's key (HTTP Signature over
 * {@code (request-target) host date}) and every envelope it builds (ADMP envelope signature), and
 * turns every non-2xx answer into an {@link AdmpClientException}.
 *
 * <pre>{@code
 * AdmpClient hub = AdmpClient.builder(URI.create("http://localhost:8080")).build();
 * Registered bob = hub.register(RegisterRequest.named("agent://bob").withGeneratedKeys());
 * Registered alice = hub.register(RegisterRequest.named("agent://alice").withGeneratedKeys());
 *
 * AdmpClient asAlice = hub.withAgent(alice);
 * SendResult sent = asAlice.send(Outgoing.to("agent://bob", "run_tests")
 *     .withType("task.request").withBody(Map.of("suite", "unit")).withCorrelationId("c-1"));
 *
 * AdmpClient asBob = hub.withAgent(bob);
 * for (Pulled message : asBob.pull(PullOptions.defaults().withWait(Duration.ofSeconds(20)).withMaxMessages(10))) {
 *   try {
 *     asBob.reply(message, Outgoing.reply("tests_passed").withBody(Map.of("ok", true)));
 *     asBob.ack(message);
 *   } catch (AdmpClientException e) {
 *     if (e.kind() == AdmpClientException.Kind.CONFLICT) { ... }   // e.code() is e.g. "LEASE_LOST"
 *     asBob.nack(message, NackOptions.requeueAfter(Duration.ofSeconds(30)));
 *   }
 * }
 * MessageStatus status = asAlice.status(sent.messageId());
 * }</pre>
 *
 * <p>Agent ids and message ids are put in paths as JavaScript's {@code encodeURIComponent} does
 * ({@code agent://bob} becomes {@code agent%3A%2F%2Fbob}). Request bodies are written exactly as
 * JavaScript's {@code JSON.stringify} would write them.
 *
 * <p>Immutable and thread-safe; share one instance. {@link #withAgent} makes a client for another
 * agent that shares the same connections. {@link #close()} releases the {@link HttpClient} this
 * client created (not one passed to {@link Builder#httpClient}).
 */
public final class AdmpClient implements AutoCloseable {
  private final HubConnection hub;
  private final ObjectMapper mapper;
  private final EnvelopeWriter envelopes;
  private final Optional<HttpClient> owned;

  private AdmpClient(HubConnection hub, ObjectMapper mapper, Optional<HttpClient> owned) {
    this.hub = hub;
    this.mapper = mapper;
    this.envelopes = new EnvelopeWriter(mapper);
    this.owned = owned;
  }

  /** A builder for a client of the hub at {@code baseUrl} (e.g. {@code http://localhost:8080}). */
  public static Builder builder(URI baseUrl) {
    return new Builder(baseUrl);
  }

  /** A client for another agent, sharing this client's connections, API key, timeout and clock. */
  public AdmpClient withAgent(String agentId, byte[] secretKey) {
    return new AdmpClient(hub.withAgent(new AgentKey(agentId, secretKey)), mapper, Optional.empty());
  }

  /** A client acting as a freshly registered agent. */
  public AdmpClient withAgent(Registered agent) {
    return withAgent(agent.agentId(), agent.secretKey());
  }

  /** The agent this client acts as, if any. */
  public Optional<String> agentId() {
    return hub.agent().map(AgentKey::agentId);
  }

  // ---- hub ----------------------------------------------------------------------------------

  /** {@code GET /health}. Answers (does not throw) when the hub reports itself unhealthy. */
  public Health health() {
    try {
      return Health.from(hub.exchange(Call.get("/health")).json());
    } catch (AdmpClientException e) {
      if (e.status() == 503) {
        return new Health("unhealthy", Optional.empty(), Optional.empty());
      }
      throw e;
    }
  }

  /** {@code GET /api/stats}. */
  public HubStats stats() {
    return HubStats.from(hub.exchange(Call.get("/api/stats")).json());
  }

  // ---- agents -------------------------------------------------------------------------------

  /** {@code POST /api/agents/register}; needs no agent. */
  public Registered register(RegisterRequest request) {
    ObjectNode body = mapper.createObjectNode();
    request.agentId().ifPresent(id -> body.put("agent_id", id));
    body.put("agent_type", request.agentType());
    body.set("metadata", envelopes.toJson(request.metadata()));
    request.webhookUrl().ifPresent(url -> body.put("webhook_url", url));
    request.webhookSecret().ifPresent(secret -> body.put("webhook_secret", secret));
    request.keyPair().ifPresent(pair -> body.put("public_key", Ed25519.encode(pair.publicKey())));
    return Registered.from(hub.exchange(Call.post("/api/agents/register", body)).json(), request.keyPair());
  }

  /** {@code GET /api/agents/{id}}, signed when this client has an agent. */
  public AgentInfo getAgent(String agentId) {
    return AgentInfo.from(hub.exchange(signedIfAgent(Call.get(agentPath(agentId)))).json());
  }

  /** {@code DELETE /api/agents/{self}}. */
  public void deleteAgent() {
    hub.exchange(Call.delete(selfPath("")).signed());
  }

  /** {@code POST /api/agents/{self}/heartbeat} without metadata. */
  public Heartbeat heartbeat() {
    return Heartbeat.from(hub.exchange(Call.post(selfPath("/heartbeat"), mapper.createObjectNode()).signed()).json());
  }

  /** {@code POST /api/agents/{self}/heartbeat}; the hub merges {@code metadata} into the agent's. */
  public Heartbeat heartbeat(Object metadata) {
    ObjectNode body = mapper.createObjectNode();
    body.set("metadata", envelopes.toJson(metadata));
    return Heartbeat.from(hub.exchange(Call.post(selfPath("/heartbeat"), body).signed()).json());
  }

  /** {@code GET /api/agents/{self}/trusted}: the agents allowed to send to this one (empty: all). */
  public List<String> trustedAgents() {
    return Fields.texts(hub.exchange(Call.get(selfPath("/trusted")).signed()).json(), "trusted_agents");
  }

  /** {@code POST /api/agents/{self}/trusted}; returns the new trust list. */
  public List<String> trust(String agentId) {
    ObjectNode body = mapper.createObjectNode().put("agent_id", agentId);
    return Fields.texts(hub.exchange(Call.post(selfPath("/trusted"), body).signed()).json(), "trusted_agents");
  }

  /** {@code DELETE /api/agents/{self}/trusted/{other}}; returns the new trust list. */
  public List<String> distrust(String agentId) {
    Call call = Call.delete(selfPath("/trusted/" + UriComponent.encode(agentId))).signed();
    return Fields.texts(hub.exchange(call).json(), "trusted_agents");
  }

  /** {@code POST /api/agents/{self}/webhook}; the hub generates the secret. */
  public WebhookConfig setWebhook(String url) {
    ObjectNode body = mapper.createObjectNode().put("webhook_url", url);
    return WebhookConfig.from(hub.exchange(Call.post(selfPath("/webhook"), body).signed()).json());
  }

  /** {@code POST /api/agents/{self}/webhook} with a secret of the caller's choosing. */
  public WebhookConfig setWebhook(String url, String secret) {
    ObjectNode body = mapper.createObjectNode().put("webhook_url", url).put("webhook_secret", secret);
    return WebhookConfig.from(hub.exchange(Call.post(selfPath("/webhook"), body).signed()).json());
  }

  /** {@code GET /api/agents/{self}/webhook}. */
  public WebhookStatus webhook() {
    return WebhookStatus.from(hub.exchange(Call.get(selfPath("/webhook")).signed()).json());
  }

  /** {@code DELETE /api/agents/{self}/webhook}. */
  public void deleteWebhook() {
    hub.exchange(Call.delete(selfPath("/webhook")).signed());
  }

  // ---- messages -----------------------------------------------------------------------------

  /**
   * SEND: builds an envelope from this client's agent, signs it and posts it to the recipient's
   * inbox ({@code POST /api/agents/{to}/messages}), with the {@code Idempotency-Key} header when set.
   *
   * @throws IllegalArgumentException when the message has no recipient
   */
  public SendResult send(Outgoing message) {
    String recipient = message.recipient()
        .orElseThrow(() -> new IllegalArgumentException("a message to send needs a recipient"));
    ObjectNode envelope = envelopes.signed(message, hub.requireAgent(), hub.clock().instant());
    return postEnvelope(recipient, envelope, message.idempotencyKey());
  }

  /** SEND of a pre-built envelope, exactly as given (not signed here). */
  public SendResult sendEnvelope(String recipient, ObjectNode envelope) {
    return postEnvelope(recipient, envelope, Optional.empty());
  }

  /** SEND of a pre-built envelope with an {@code Idempotency-Key} header. */
  public SendResult sendEnvelope(String recipient, ObjectNode envelope, String idempotencyKey) {
    return postEnvelope(recipient, envelope, Optional.of(idempotencyKey));
  }

  /** PULL with the defaults (60 s lease, no wait): the oldest visible message, if any. */
  public Optional<Pulled> pull() {
    return pull(PullOptions.defaults()).stream().findFirst();
  }

  /**
   * PULL ({@code POST /api/agents/{self}/inbox/pull}): leases up to {@code maxMessages} messages,
   * waiting up to {@code waitTime} for one when the inbox is empty; empty when none arrived. The
   * request's timeout is the client's plus the wait.
   */
  public List<Pulled> pull(PullOptions options) {
    ObjectNode body = mapper.createObjectNode().put("visibility_timeout", PullOptions.seconds(options.visibility()));
    if (!options.waitTime().isZero()) {
      body.put("wait_sec", PullOptions.seconds(options.waitTime()));
    }
    if (options.maxMessages() > 1) {
      body.put("max_messages", options.maxMessages());
    }
    Call call = Call.post(selfPath("/inbox/pull"), body).signed().waiting(options.waitTime());
    JsonNode json = hub.exchange(call).json();
    if (json.isMissingNode()) {
      return List.of(); // 204: nothing to pull
    }
    if (json.has("messages")) {
      List<Pulled> pulled = new ArrayList<>();
      json.get("messages").forEach(message -> pulled.add(Pulled.from(message)));
      return List.copyOf(pulled);
    }
    return List.of(Pulled.from(json));
  }

  /** ACK of a pulled message, conditional on its lease when the hub gave a lease id. */
  public void ack(Pulled message) {
    ack(message.messageId(), message.leaseId().map(AckOptions.none()::withLease).orElse(AckOptions.none()));
  }

  /** ACK ({@code POST /api/agents/{self}/messages/{id}/ack}). */
  public void ack(String messageId, AckOptions options) {
    ObjectNode body = mapper.createObjectNode();
    options.result().ifPresent(result -> body.set("result", envelopes.toJson(result)));
    options.leaseId().ifPresent(lease -> body.put("lease_id", lease));
    hub.exchange(Call.post(messagePath(messageId, "/ack"), body).signed());
  }

  /** NACK of a pulled message, conditional on its lease unless the options name another. */
  public NackResult nack(Pulled message, NackOptions options) {
    NackOptions withLease = options.leaseId().isEmpty() && message.leaseId().isPresent()
        ? options.withLease(message.leaseId().get())
        : options;
    return nack(message.messageId(), withLease);
  }

  /** NACK ({@code POST /api/agents/{self}/messages/{id}/nack}): extend the lease or requeue. */
  public NackResult nack(String messageId, NackOptions options) {
    ObjectNode body = mapper.createObjectNode();
    options.extend().ifPresentOrElse(
        by -> body.put("extend_sec", PullOptions.seconds(by)),
        () -> {
          body.put("requeue", true);
          if (!options.delay().isZero()) {
            body.put("delay_sec", PullOptions.seconds(options.delay()));
          }
        });
    options.leaseId().ifPresent(lease -> body.put("lease_id", lease));
    return NackResult.from(hub.exchange(Call.post(messagePath(messageId, "/nack"), body).signed()).json());
  }

  /**
   * REPLY to a pulled message: addressed to its sender and correlated with its id unless the
   * reply says otherwise.
   */
  public SendResult reply(Pulled original, Outgoing reply) {
    Outgoing addressed = reply.recipient().isPresent() ? reply : reply.withRecipient(original.from());
    Outgoing correlated = addressed.correlationId().isPresent()
        ? addressed
        : addressed.withCorrelationId(original.messageId());
    return reply(original.messageId(), correlated);
  }

  /**
   * REPLY ({@code POST /api/agents/{self}/messages/{id}/reply}) with a signed envelope; without
   * recipient or correlation id the hub fills in the original sender and message id.
   */
  public SendResult reply(String messageId, Outgoing reply) {
    return replyEnvelope(messageId, envelopes.signed(reply, hub.requireAgent(), hub.clock().instant()));
  }

  /** REPLY with a pre-built envelope, exactly as given (not signed here). */
  public SendResult replyEnvelope(String messageId, ObjectNode envelope) {
    return SendResult.from(hub.exchange(Call.post(messagePath(messageId, "/reply"), envelope).signed()).json());
  }

  /** {@code GET /api/messages/{id}/status}, signed when this client has an agent (sender or recipient). */
  public MessageStatus status(String messageId) {
    Call call = Call.get("/api/messages/" + UriComponent.encode(messageId) + "/status");
    return MessageStatus.from(hub.exchange(signedIfAgent(call)).json());
  }

  /** {@code GET /api/agents/{self}/inbox/stats}. */
  public InboxStats inboxStats() {
    return InboxStats.from(hub.exchange(Call.get(selfPath("/inbox/stats")).signed()).json());
  }

  /** {@code POST /api/agents/{self}/inbox/reclaim}: returns how many expired leases were requeued. */
  public int reclaim() {
    Call call = Call.post(selfPath("/inbox/reclaim"), mapper.createObjectNode()).signed();
    return (int) Fields.number(hub.exchange(call).json(), "reclaimed");
  }

  /** Closes the {@link HttpClient} this client created; a no-op for a shared one. */
  @Override
  public void close() {
    owned.ifPresent(HttpClient::close);
  }

  @Override
  public String toString() {
    return "AdmpClient[" + hub.base() + agentId().map(id -> ", agent=" + id).orElse("") + "]";
  }

  private SendResult postEnvelope(String recipient, ObjectNode envelope, Optional<String> idempotencyKey) {
    Call call = Call.post(agentPath(recipient) + "/messages", envelope);
    if (idempotencyKey.isPresent()) {
      call = call.header("Idempotency-Key", idempotencyKey.get());
    }
    return SendResult.from(hub.exchange(call).json()); // SEND is authenticated by the envelope signature
  }

  private Call signedIfAgent(Call call) {
    return hub.agent().isPresent() ? call.signed() : call;
  }

  private static String agentPath(String agentId) {
    return "/api/agents/" + UriComponent.encode(agentId);
  }

  private String selfPath(String rest) {
    return agentPath(hub.requireAgent().agentId()) + rest;
  }

  private String messagePath(String messageId, String verb) {
    return selfPath("/messages/" + UriComponent.encode(messageId) + verb);
  }

  /** Configures an {@link AdmpClient}. Not thread-safe; build once and share the client. */
  public static final class Builder {
    private final URI baseUrl;
    private Optional<AgentKey> agent = Optional.empty();
    private Optional<String> apiKey = Optional.empty();
    private Duration timeout = Duration.ofSeconds(30);
    private Optional<HttpClient> httpClient = Optional.empty();
    private Clock clock = Clock.systemUTC();

    private Builder(URI baseUrl) {
      String scheme = baseUrl.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException("the hub URL must be an absolute http or https URL with a host");
      }
      if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
        throw new IllegalArgumentException("the hub URL must not have a query or fragment");
      }
      this.baseUrl = baseUrl;
    }

    /**
     * Act as this agent: sign requests and envelopes with its 64-byte tweetnacl secret key.
     *
     * @throws IllegalArgumentException when the key is not a valid tweetnacl secret key
     */
    public Builder agent(String agentId, byte[] secretKey) {
      this.agent = Optional.of(new AgentKey(agentId, secretKey));
      return this;
    }

    /** Send this operator key as {@code X-API-Key} on every request. */
    public Builder apiKey(String key) {
      this.apiKey = Optional.of(key);
      return this;
    }

    /** Connect and request timeout (default 30 s); long polls get their wait on top. */
    public Builder timeout(Duration newTimeout) {
      if (newTimeout.isNegative() || newTimeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = newTimeout;
      return this;
    }

    /** Use this HTTP client (e.g. to share its connection pool); the caller closes it. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Optional.of(client);
      return this;
    }

    /** The clock for envelope timestamps and {@code Date} headers (default: system UTC). */
    public Builder clock(Clock newClock) {
      this.clock = newClock;
      return this;
    }

    /** The client. */
    public AdmpClient build() {
      Optional<HttpClient> created = httpClient.isPresent()
          ? Optional.empty()
          : Optional.of(HttpClient.newBuilder().connectTimeout(timeout).build());
      HttpClient http = httpClient.or(() -> created).orElseThrow();
      return new AdmpClient(new HubConnection(http, baseUrl, apiKey, timeout, clock, agent),
          JsJson.newMapper(), created);
    }
  }
}
