package dev.admp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionOptionsTest {
  @TempDir
  Path home;

  private ConfigFile savedDefaultFile() {
    var file = new ConfigFile(home.resolve(".admp/config.json"));
    file.write(new ConfigFile.Saved(Optional.of("http://file:1"), Optional.of("from-file"), Optional.of("a2V5LWZpbGU=")));
    return file;
  }

  @Test
  void configFileIsUsedWhenNothingElseIsGiven() {
    savedDefaultFile();

    Connection c = new ConnectionOptions().resolve(new CliContext(Map.of(), home));

    assertThat(c.baseUrl()).isEqualTo("http://file:1");
    assertThat(c.agentId()).contains("from-file");
    assertThat(c.secretKey()).contains("a2V5LWZpbGU=");
  }

  @Test
  void environmentWinsOverTheConfigFile() {
    savedDefaultFile();
    var env = Map.of("ADMP_BASE_URL", "http://env:2/", "ADMP_AGENT_ID", "from-env", "ADMP_SECRET_KEY", "a2V5LWVudg==",
        "ADMP_API_KEY", "op-key");

    Connection c = new ConnectionOptions().resolve(new CliContext(env, home));

    assertThat(c.baseUrl()).isEqualTo("http://env:2");
    assertThat(c.agentId()).contains("from-env");
    assertThat(c.secretKey()).contains("a2V5LWVudg==");
    assertThat(c.apiKey()).contains("op-key");
  }

  @Test
  void flagsWinOverTheEnvironment() {
    var options = new ConnectionOptions();
    options.url = "http://flag:3";
    options.agent = "from-flag";
    options.secretKey = "a2V5LWZsYWc=";

    Connection c = options.resolve(new CliContext(Map.of("ADMP_BASE_URL", "http://env:2", "ADMP_AGENT_ID", "from-env"), home));

    assertThat(c.baseUrl()).isEqualTo("http://flag:3");
    assertThat(c.agentId()).contains("from-flag");
    assertThat(c.secretKey()).contains("a2V5LWZsYWc=");
  }

  @Test
  void admpConfigNamesAnotherConfigFileAndConfigFlagWinsOverIt() {
    var other = new ConfigFile(home.resolve("other.json"));
    other.write(new ConfigFile.Saved(Optional.empty(), Optional.of("other"), Optional.empty()));
    var third = new ConfigFile(home.resolve("third.json"));
    third.write(new ConfigFile.Saved(Optional.empty(), Optional.of("third"), Optional.empty()));
    var context = new CliContext(Map.of("ADMP_CONFIG", other.path().toString()), home);

    assertThat(new ConnectionOptions().resolve(context).agentId()).contains("other");
    var options = new ConnectionOptions();
    options.config = third.path();
    assertThat(options.resolve(context).agentId()).contains("third");
  }

  @Test
  void defaultsToLocalhostAndAsksForRegistrationWithoutAnAgent() {
    Connection c = new ConnectionOptions().resolve(new CliContext(Map.of(), home));

    assertThat(c.baseUrl()).isEqualTo(ConnectionOptions.DEFAULT_URL);
    assertThatThrownBy(c::requireAgent).isInstanceOf(CliFailure.class).hasMessageContaining("admp register");
  }

  @Test
  void connectionToStringHidesKeys() {
    var options = new ConnectionOptions();
    options.secretKey = "c2VjcmV0LWtleQ==";
    options.apiKey = "op-secret";

    assertThat(options.resolve(new CliContext(Map.of(), home)).toString()).doesNotContain("c2VjcmV0LWtleQ==", "op-secret");
  }
}
