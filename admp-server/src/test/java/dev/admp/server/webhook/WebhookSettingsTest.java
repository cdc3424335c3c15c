package dev.admp.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.admp.agent.AgentId;
import dev.admp.inbox.MessageId;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

  @Test
  void defaultsMatchTheReferenceHub() {
    var d = WebhookSettings.DEFAULTS;
    assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(d.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void backoffDoublesAfterEachFailedAttempt() {
    var s = new WebhookSettings(Duration.ofSeconds(1), 5, Duration.ofMillis(250), 10);
    assertThat(s.backoffAfter(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(s.backoffAfter(3)).isEqualTo(Duration.ofMillis(1000));
    assertThat(s.backoffAfter(4)).isEqualTo(Duration.ofMillis(2000));
  }

  @Test
  void settingsOutOfRangeAreRefusedNamingTheField() {
    assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSettings(Duration.ZERO, 3, Duration.ofSeconds(1), 1))
        .withMessageContaining("timeout");
    assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSettings(Duration.ofSeconds(1), 0, Duration.ofSeconds(1), 1))
        .withMessageContaining("attempts");
    assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSettings(Duration.ofSeconds(1), 3, Duration.ofSeconds(1), 0))
        .withMessageContaining("max in flight");
  }

  @Test
  void deliveryToStringHidesSecretAndEnvelope() {
    var d = new Delivery(new AgentId("bob"), new MessageId("m-1"), URI.create("http://h/hook?token=t0k"),
        "s3cret", JsonNodeFactory.instance.objectNode().put("body", "private"));
    assertThat(d.toString()).contains("bob", "m-1").doesNotContain("s3cret", "private", "t0k");
  }
}
