package dev.admp.store.jdbc;

import dev.admp.agent.Agent;
import dev.admp.agent.AgentId;
import dev.admp.agent.AgentUpdate;
import dev.admp.agent.Webhook;
import dev.admp.store.jdbc.Database.Access;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The agent verbs, one statement each. */
final class AgentTable {
  private static final String COLUMNS = "id, registered_as, agent_type, public_key, metadata, webhook_url, "
      + "webhook_secret, trusted, created_at, last_heartbeat";

  private static final Sql REGISTER = Sql.of("register agent", """
      INSERT INTO agents (%s)
      VALUES (:id, :registeredAs, :agentType, :publicKey, :metadata, :webhookUrl, :webhookSecret, :trusted,
              :createdAt, :lastHeartbeat)
      ON CONFLICT DO NOTHING
      RETURNING id
      """.formatted(COLUMNS));
  private static final Sql FIND = Sql.of("find agent", "SELECT " + COLUMNS + " FROM agents WHERE id = :id");
  private static final Sql HEARTBEAT = update("heartbeat", "last_heartbeat = :at, metadata = :metadata");
  private static final Sql TRUST = update("set trusted agents", "trusted = :trusted");
  private static final Sql SET_WEBHOOK = update("set webhook", "webhook_url = :url, webhook_secret = :secret");
  private static final Sql CLEAR_WEBHOOK = update("clear webhook", "webhook_url = NULL, webhook_secret = NULL");
  // The agent's inbox goes with it, in the same statement, by the agents_delete_inbox trigger.
  private static final Sql DELETE = Sql.of("delete agent", "DELETE FROM agents WHERE id = :id");

  private final Database db;

  AgentTable(Database db) {
    this.db = db;
  }

  /** True when the agent was created, false when its id was taken. */
  boolean register(Agent a) {
    Args args = Args.of().text("id", a.id().value()).text("registeredAs", a.registeredAs())
        .text("agentType", a.agentType()).bytes("publicKey", a.publicKey()).text("metadata", a.metadataJson())
        .text("webhookUrl", a.webhook().map(Webhook::url)).text("webhookSecret", a.webhook().map(Webhook::secret))
        .text("trusted", trusted(a.trusted())).millis("createdAt", a.createdAt())
        .millis("lastHeartbeat", a.lastHeartbeat());
    return !db.query(Access.WRITE, REGISTER, args, r -> r.getString("id")).isEmpty();
  }

  Optional<Agent> find(AgentId id) {
    return db.query(Access.READ, FIND, Args.of().text("id", id.value()), AgentTable::read).stream().findFirst();
  }

  Optional<Agent> update(AgentId id, AgentUpdate update) {
    Args args = Args.of().text("id", id.value());
    Sql sql = switch (update) {
      case AgentUpdate.Heartbeat h -> {
        args.millis("at", h.at()).text("metadata", h.metadataJson());
        yield HEARTBEAT;
      }
      case AgentUpdate.TrustedAgents t -> {
        args.text("trusted", trusted(t.trusted()));
        yield TRUST;
      }
      case AgentUpdate.SetWebhook w -> {
        args.text("url", w.webhook().url()).text("secret", w.webhook().secret());
        yield SET_WEBHOOK;
      }
      case AgentUpdate.ClearWebhook c -> CLEAR_WEBHOOK;
    };
    return db.query(Access.WRITE, sql, args, AgentTable::read).stream().findFirst();
  }

  boolean delete(AgentId id) {
    return db.update(DELETE, Args.of().text("id", id.value())) > 0;
  }

  private static Sql update(String operation, String assignments) {
    return Sql.of(operation, "UPDATE agents SET " + assignments + " WHERE id = :id RETURNING " + COLUMNS);
  }

  /** Agent ids cannot contain spaces, so a space-separated list is unambiguous. */
  private static String trusted(List<AgentId> ids) {
    return ids.stream().map(AgentId::value).collect(Collectors.joining(" "));
  }

  private static Agent read(ResultSet row) throws SQLException {
    String trusted = row.getString("trusted");
    String url = row.getString("webhook_url");
    String secret = row.getString("webhook_secret");
    return new Agent(
        new AgentId(row.getString("id")),
        row.getString("registered_as"),
        row.getString("agent_type"),
        row.getBytes("public_key"),
        row.getString("metadata"),
        url == null || secret == null ? Optional.empty() : Optional.of(new Webhook(url, secret)),
        trusted.isEmpty() ? List.of() : Arrays.stream(trusted.split(" ")).map(AgentId::new).toList(),
        Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("last_heartbeat")));
  }
}
