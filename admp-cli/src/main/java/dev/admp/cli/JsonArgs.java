package dev.admp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.admp.protocol.json.JsJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON given on the command line, in a file, or on standard input ({@code -}). */
final class JsonArgs {
  private JsonArgs() {}

  static JsonNode parse(String option, String text) {
    try {
      return JsJson.parse(text);
    } catch (RuntimeException e) {
      throw new CliFailure(option + " is not valid JSON: " + ErrorLine.of(e), e);
    }
  }

  /** The JSON in {@code file}, or on {@code stdin} when the file is {@code -}. */
  static JsonNode read(String option, Path file, InputStream stdin) {
    try {
      String text = "-".equals(file.toString())
          ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(file);
      return parse(option, text);
    } catch (IOException e) {
      throw new CliFailure("cannot read " + option + " " + file + ": " + e.getMessage(), e);
    }
  }
}
