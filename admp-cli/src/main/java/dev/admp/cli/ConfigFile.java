package dev.admp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The client config file, {@code ~/.admp/config.json}: {@code {"base_url", "agent_id", "secret_key"}}.
 * It holds a secret key, so it is written owner-only (600, in a 700 directory) and replaced atomically.
 */
final class ConfigFile {
  private final Path path;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  ConfigFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** The saved settings; empty ones when the file does not exist. */
  Saved read() {
    if (!Files.exists(path)) {
      return Saved.EMPTY;
    }
    try {
      JsonNode node = json.readTree(path.toFile());
      if (node == null || !node.isObject()) {
        throw new CliFailure("config file " + path + " is not a JSON object");
      }
      return new Saved(text(node, "base_url"), text(node, "agent_id"), text(node, "secret_key"));
    } catch (IOException e) {
      throw new CliFailure("cannot read config file " + path + ": " + e.getMessage(), e);
    }
  }

  void write(Saved saved) {
    ObjectNode node = json.createObjectNode();
    saved.baseUrl().ifPresent(v -> node.put("base_url", v));
    saved.agentId().ifPresent(v -> node.put("agent_id", v));
    saved.secretKey().ifPresent(v -> node.put("secret_key", v));
    try {
      Path dir = path.toAbsolutePath().getParent();
      createPrivateDirectories(dir);
      Path temp = Files.createTempFile(dir, ".config-", ".json", ownerOnly("rw-------"));
      try {
        json.writeValue(temp.toFile(), node);
        move(temp);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CliFailure("cannot write config file " + path + ": " + e.getMessage(), e);
    }
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, ownerOnly("rwx------"));
    } catch (FileAlreadyExistsException e) {
      // Lost a race with another admp process; the directory is there.
    }
  }

  private static FileAttribute<?>[] ownerOnly(String permissions) {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
  }

  /** What the file holds; each field may be absent. */
  record Saved(Optional<String> baseUrl, Optional<String> agentId, Optional<String> secretKey) {
    static final Saved EMPTY = new Saved(Optional.empty(), Optional.empty(), Optional.empty());

    @Override
    public String toString() {
      return "Saved[baseUrl=" + baseUrl + ", agentId=" + agentId + ", secretKey=" + secretKey.map(k -> "<redacted>") + "]";
    }
  }
}
