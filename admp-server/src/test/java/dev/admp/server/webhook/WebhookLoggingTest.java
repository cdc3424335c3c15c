package dev.admp.server.webhook;

import static dev.admp.server.webhook.WebhookFixtures.CLOCK;
import static dev.admp.server.webhook.WebhookFixtures.SECRET;
import static dev.admp.server.webhook.WebhookFixtures.fast;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WebhookLoggingTest {
  private static final String PAYLOAD_MARKER = "payload-marker-4711";
  private final Logger logger = (Logger) LoggerFactory.getLogger(HttpWebhookDispatcher.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private Level previous;

  @BeforeEach
  void capture() {
    previous = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
    logger.setLevel(previous);
  }

  @Test
  void failedDeliveryIsLoggedWithIdsButWithoutSecretUrlOrPayload() throws Exception {
    String envelope = "{\"version\":\"1.0\",\"from\":\"alice\",\"to\":\"bob\",\"subject\":\"s\",\"body\":{\"x\":\""
        + PAYLOAD_MARKER + "\"}}";
    try (var receiver = new WebhookReceiver(n -> 500);
        var dispatcher = new HttpWebhookDispatcher(fast(2, Duration.ofSeconds(5)), CLOCK)) {
      dispatcher.messageQueued(WebhookFixtures.bobWithWebhook(receiver.url() + "?token=url-secret"),
          WebhookFixtures.message("m-logged", envelope));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (dispatcher.stats().failed() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }

    assertThat(events.list).anySatisfy(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.WARN);
      assertThat(e.getFormattedMessage()).contains("gave up", "message_id=m-logged", "agent=bob");
    });
    assertThat(events.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
        .doesNotContain(SECRET, PAYLOAD_MARKER, "url-secret"));
  }
}
