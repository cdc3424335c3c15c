package dev.admp.bench.backend;

import dev.admp.bench.report.Target;
import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import dev.admp.testkit.postgres.PostgresDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * PostgreSQL started in-process from the embedded binaries, with fsync on (it is compared with
 * durable SQLite); a fresh database and role per hub.
 */
final class PostgresBackend implements Backend {
  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public Session open(HubLauncher launcher) {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(EmbeddedPostgresServer.Durability.FSYNC);
    return new Session() {
      @Override
      public BenchHub start(Target target) {
        PostgresDatabase db = server.createDatabase();
        RunningHub hub = launcher.launch(Map.of("STORAGE_BACKEND", "postgres", "DATABASE_URL", databaseUrl(server, db)));
        return new BenchHub(target, hub, phase -> { }, () -> { });
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  /** {@code postgres://user:password@host:port/db}, the form hosting platforms hand out. */
  static String databaseUrl(EmbeddedPostgresServer server, PostgresDatabase db) {
    return "postgres://" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(db.password(), StandardCharsets.UTF_8) + "@localhost:" + server.port() + "/" + db.name();
  }
}
