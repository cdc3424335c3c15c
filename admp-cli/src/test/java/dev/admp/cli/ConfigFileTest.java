package dev.admp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir
  Path dir;

  @Test
  void writtenSettingsReadBack() {
    var file = new ConfigFile(dir.resolve("config.json"));
    var saved = new ConfigFile.Saved(Optional.of("http://hub:8080"), Optional.of("agent://alice"), Optional.of("c2VjcmV0"));

    file.write(saved);

    assertThat(file.read()).isEqualTo(saved);
  }

  @Test
  void fileIsOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
    var file = new ConfigFile(dir.resolve(".admp").resolve("config.json"));

    file.write(new ConfigFile.Saved(Optional.of("http://hub"), Optional.of("alice"), Optional.of("c2VjcmV0")));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent()))).isEqualTo("rwx------");
  }

  @Test
  void missingFileReadsAsEmpty() {
    assertThat(new ConfigFile(dir.resolve("absent.json")).read()).isEqualTo(ConfigFile.Saved.EMPTY);
  }

  @Test
  void fileThatIsNotAJsonObjectIsAClearFailure() throws Exception {
    Path path = dir.resolve("config.json");
    Files.writeString(path, "[1,2]");

    assertThatThrownBy(() -> new ConfigFile(path).read()).isInstanceOf(CliFailure.class)
        .hasMessageContaining(path.toString()).hasMessageContaining("not a JSON object");
  }

  @Test
  void savedSettingsHideTheSecretKey() {
    var saved = new ConfigFile.Saved(Optional.of("http://hub"), Optional.of("alice"), Optional.of("c2VjcmV0"));

    assertThat(saved.toString()).contains("alice").doesNotContain("c2VjcmV0");
  }
}
