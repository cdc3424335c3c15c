package dev.admp.server.durable;

import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import dev.admp.testkit.postgres.PostgresDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Environments and starts of hub processes on one database of an embedded PostgreSQL. */
final class PostgresHubs {
  private PostgresHubs() {}

  /** {@code DATABASE_URL} in the {@code postgres://user:pass@host:port/db} form hosting platforms use. */
  static String databaseUrl(EmbeddedPostgresServer server, PostgresDatabase db, String password) {
    return "postgres://" + db.user() + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "@localhost:" + server.port() + "/" + db.name();
  }

  static Map<String, String> env(EmbeddedPostgresServer server, PostgresDatabase db) {
    Map<String, String> env = new HashMap<>();
    env.put("STORAGE_BACKEND", "postgres");
    env.put("DATABASE_URL", databaseUrl(server, db, db.password()));
    env.put("DATABASE_POOL_SIZE", "8");
    return env;
  }

  /** Starts {@code n} hub processes on the database at once (their start-ups overlap). */
  static List<HubProcess> start(int n, Map<String, String> env) {
    List<CompletableFuture<HubProcess>> starting = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      starting.add(CompletableFuture.supplyAsync(() -> HubProcess.start(env)));
    }
    List<HubProcess> started = new ArrayList<>();
    RuntimeException failure = null;
    for (CompletableFuture<HubProcess> hub : starting) {
      try {
        started.add(hub.join());
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      started.forEach(HubProcess::close);
      throw failure;
    }
    return started;
  }
}
