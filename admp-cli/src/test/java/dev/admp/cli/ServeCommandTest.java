package dev.admp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.client.AdmpClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  private static final Pattern LISTENING = Pattern.compile("hub listening on (http://localhost:\\d+)");

  @TempDir
  Path home;

  /** Hands each printed line to the test as soon as it is complete. */
  private static final class Lines extends Writer {
    final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder current = new StringBuilder();

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          lines.add(current.toString());
          current.setLength(0);
        } else {
          current.append(buffer[i]);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void serveRunsAHubUntilStopped() throws Exception {
    Lines out = new Lines();
    AtomicInteger status = new AtomicInteger(-1);
    Thread serve = new Thread(() -> status.set(AdmpCommand.run(new CliContext(Map.of("STORAGE_BACKEND", "memory"), home),
        new PrintWriter(out), new PrintWriter(new StringWriter()), "serve", "--port", "0")));
    serve.start();

    String line = out.lines.poll(30, TimeUnit.SECONDS);
    assertThat(line).isNotNull();
    Matcher listening = LISTENING.matcher(line);
    assertThat(listening.find()).as(line).isTrue();
    try (AdmpClient client = AdmpClient.builder(URI.create(listening.group(1))).build()) {
      assertThat(client.health().status()).isEqualTo("healthy");
    }

    serve.interrupt();
    serve.join(Duration.ofSeconds(30));
    assertThat(serve.isAlive()).isFalse();
    assertThat(status.get()).isZero();
  }

  @Test
  void badConfigurationIsOneLinePerProblemAndStatusOne() {
    StringWriter err = new StringWriter();

    int status = AdmpCommand.run(new CliContext(Map.of("PORT", "abc", "AUTH_MODE", "open"), home),
        new PrintWriter(new StringWriter()), new PrintWriter(err), "serve");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(2).allMatch(l -> l.startsWith("error: "))
        .anyMatch(l -> l.contains("PORT")).anyMatch(l -> l.contains("AUTH_MODE"));
  }

  @Test
  void portInUseIsOneErrorLineAndStatusOne() throws Exception {
    StringWriter err = new StringWriter();
    try (var taken = new java.net.ServerSocket(0)) {
      int status = AdmpCommand.run(new CliContext(Map.of("STORAGE_BACKEND", "memory"), home),
          new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", "--port", Integer.toString(taken.getLocalPort()));

      assertThat(status).isEqualTo(1);
    }
    assertThat(err.toString().lines()).hasSize(1).first().asString().startsWith("error: ");
  }
}
