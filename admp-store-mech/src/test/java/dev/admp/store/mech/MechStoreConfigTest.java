package dev.admp.store.mech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MechStoreConfigTest {
  private static MechStoreConfig config(Set<String> capabilities) {
    return MechStoreConfig.of(URI.create("https://storage.mechdna.net"), "hub-app", "s3cr3t-key", capabilities,
        Optional.of(Path.of("/etc/mech/ca.pem")), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void ofMapsTheServersSettingsAndTakesDefaultsForTheRest() {
    MechStoreConfig c = config(Set.of("batch", "return_document"));

    assertThat(c.capabilities()).isEqualTo(EnumSet.of(MechCapability.BATCH, MechCapability.RETURN_DOCUMENT));
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(c.maxConcurrentCalls()).isEqualTo(MechStoreConfig.DEFAULT_MAX_CONCURRENT_CALLS);
    assertThat(c.agentCacheSize()).isEqualTo(MechStoreConfig.DEFAULT_AGENT_CACHE_SIZE);
    assertThat(c.resilience()).isEqualTo(MechStoreConfig.Resilience.DEFAULTS);
    assertThat(c.ownerTtl()).isEqualTo(MechStoreConfig.DEFAULT_OWNER_TTL);
  }

  @Test
  void toStringNeverShowsTheApiKey() {
    assertThat(config(Set.of()).toString()).doesNotContain("s3cr3t-key").contains("apiKey=<redacted>");
  }

  @Test
  void unknownCapabilitiesAndBadValuesAreRefused() {
    assertThatThrownBy(() -> config(Set.of("teleport"))).hasMessageContaining("teleport");
    assertThatThrownBy(() -> config(Set.of()).withMaxConcurrentCalls(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MechStoreConfig.of(URI.create("ftp://x"), "a", "k", Set.of(), Optional.empty(),
        Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("http(s)");
  }

  @Test
  void documentKeysAreEncodedAsOnePathSegment() {
    assertThat(MechPaths.encode("a/b ..%?#ü")).isEqualTo("a%2Fb%20%2E%2E%25%3F%23%C3%BC");
    assertThat(MechPaths.document("admp_messages", "..")).isEqualTo("/nosql/documents/admp_messages/%2E%2E");
  }
}
