package dev.admp.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.admp.agent.AgentService;
import dev.admp.agent.AgentSettings;
import dev.admp.inbox.EnvelopeSignaturePolicy;
import dev.admp.inbox.InboxService;
import dev.admp.inbox.InboxSettings;
import dev.admp.inbox.InboxSignal;
import dev.admp.inbox.LocalInboxSignal;
import dev.admp.server.agents.AgentRoutes;
import dev.admp.server.auth.AgentAuthentication;
import dev.admp.server.auth.RequestSignatures;
import dev.admp.server.config.AdmpConfig;
import dev.admp.server.config.AuthMode;
import dev.admp.server.docs.DocsRoutes;
import dev.admp.server.http.ApiServer;
import dev.admp.server.http.JsonBodies;
import dev.admp.server.http.JsonMapping;
import dev.admp.server.inbox.InboxRoutes;
import dev.admp.server.inbox.LongPolls;
import dev.admp.server.ops.HubMetrics;
import dev.admp.server.ops.OpsRoutes;
import dev.admp.server.webhook.HttpWebhookDispatcher;
import dev.admp.server.webhook.WebhookSettings;
import dev.admp.store.Store;
import dev.admp.store.StoreCounters;
import dev.admp.store.StoreUnavailableException;
import dev.admp.sweep.SweepService;
import dev.admp.sweep.SweepSettings;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub: configuration → store → services → routes, wired with plain constructors. It owns
 * everything it creates (store, HTTP server, webhook dispatcher, sweep schedule) and closes it.
 * Tests build hubs exactly as {@link Main} does, usually on port 0.
 */
public final class Hub implements AutoCloseable {
  /** How far an envelope timestamp may lie from the hub clock ({@code API.md}). */
  private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

  private final AdmpConfig config;
  private final Clock clock;
  private final Store store;
  private final HubMetrics metrics;
  private final HttpWebhookDispatcher webhooks;
  private final SweepService sweep;
  private final ApiServer server;
  private final ScheduledExecutorService sweeper;
  private final LongPolls longPolls = new LongPolls();

  private Hub(AdmpConfig config, Clock clock, Store store, InboxSignal signal) {
    this.config = config;
    this.clock = clock;
    this.store = store;
    this.metrics = new HubMetrics();
    metrics.bind(store);
    this.webhooks = new HttpWebhookDispatcher(WebhookSettings.of(config.webhooks().timeout(),
        config.webhooks().maxAttempts(), config.webhooks().firstBackoff()), clock);
    webhooks.bindTo(metrics.registry());
    AgentSettings agentSettings = new AgentSettings(config.agents().heartbeatInterval(),
        config.agents().heartbeatTimeout());
    AgentService agents = new AgentService(store, clock, agentSettings);
    InboxService inbox = new InboxService(store, agents, clock, new InboxSettings(config.messages().defaultTtl(),
        config.messages().maxTtl(), config.messages().maxAttempts(), CLOCK_SKEW, signaturePolicy(config)),
        webhooks, signal);
    this.sweep = new SweepService(store, new SweepSettings(config.messages().maxAttempts(), config.sweep().retention()));
    ObjectMapper json = JsonMapping.create();
    JsonBodies bodies = new JsonBodies(config.http().maxBodyBytes());
    String version = HubVersion.read();
    this.server = new ApiServer(new ApiServer.Parts(config.http(), json, config.auth().operatorKey(),
        new AgentAuthentication(config.auth().mode(), agents, new RequestSignatures(agents, clock)), metrics,
        List.of(
            new AgentRoutes(agents, agentSettings, bodies),
            new InboxRoutes(inbox, bodies, metrics, longPolls),
            new OpsRoutes(store, inbox::hubStats, metrics, clock, version),
            new DocsRoutes(json, version))));
    this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("admp-sweep").daemon().factory());
  }

  /** A hub on the system clock; not yet listening. */
  public static Hub create(AdmpConfig config) {
    return create(config, Clock.systemUTC());
  }

  /** A hub on the given clock (tests move time with it); not yet listening. */
  public static Hub create(AdmpConfig config, Clock clock) {
    // The store may learn of new messages from other hub nodes (PostgreSQL NOTIFY); it wakes
    // this node's long polls through the same signal the inbox service uses.
    InboxSignal signal = new LocalInboxSignal();
    return assemble(config, clock, StoreFactory.open(config.store(), signal::wake), signal);
  }

  /**
   * A hub on a store opened elsewhere (a store wrapped by a benchmark or a fault-injecting test);
   * {@code config.store()} is then only descriptive. The hub owns the store and closes it.
   */
  public static Hub create(AdmpConfig config, Clock clock, Store store) {
    return assemble(config, clock, store, new LocalInboxSignal());
  }

  private static Hub assemble(AdmpConfig config, Clock clock, Store store, InboxSignal signal) {
    try {
      return new Hub(config, clock, store, signal);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static EnvelopeSignaturePolicy signaturePolicy(AdmpConfig config) {
    return switch (config.auth().mode()) {
      case SIGNATURE -> EnvelopeSignaturePolicy.REQUIRED;
      case LEGACY -> EnvelopeSignaturePolicy.WHEN_PRESENT;
    };
  }

  /** Starts listening and sweeping. */
  public Hub start() {
    if (config.auth().mode() == AuthMode.LEGACY) {
      LOG.warn("AUTH_MODE=legacy: agent-scoped routes only check that the agent exists; any client can act"
          + " for any agent. Use AUTH_MODE=signature unless old clients need this.");
    }
    try {
      server.start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    long interval = config.sweep().interval().toMillis();
    sweeper.scheduleWithFixedDelay(this::sweepOnce, interval, interval, TimeUnit.MILLISECONDS);
    LOG.info("hub started listening_port={} config=[{}]", server.port(), config.redacted());
    return this;
  }

  /** One sweep; a failure is logged and the schedule goes on. {@link SweepService} logs non-zero sweeps. */
  private void sweepOnce() {
    try {
      sweep.sweep(clock.instant());
    } catch (StoreUnavailableException e) {
      LOG.warn("sweep skipped: storage unavailable cause={}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("sweep failed", e);
    }
  }

  /** The port the hub listens on (after {@link #start()}). */
  public int port() {
    return server.port();
  }

  /** The store's round trips and opened connections since it opened (the benchmark reads them). */
  public StoreCounters storeCounters() {
    return store.counters();
  }

  /** Every HTTP route the hub serves. */
  public List<ApiServer.Route> routes() {
    return server.routes();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    longPolls.stopAll();
    try {
      server.close();
    } finally {
      try {
        webhooks.close();
      } finally {
        metrics.close();
        store.close();
      }
    }
    LOG.info("hub stopped");
  }
}
