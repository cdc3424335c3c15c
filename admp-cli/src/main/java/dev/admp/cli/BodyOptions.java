package dev.admp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The message body of send and reply: inline JSON or a file. */
final class BodyOptions {
  @Option(names = "--body", paramLabel = "JSON", description = "The body, as JSON (default {}).")
  String body;

  @Option(names = "--body-file", paramLabel = "FILE", description = "Read the body as JSON from FILE ('-': standard input).")
  Path bodyFile;

  JsonNode body(CliContext context) {
    if (body != null && bodyFile != null) {
      throw new CliFailure("give either --body or --body-file, not both");
    }
    if (bodyFile != null) {
      return JsonArgs.read("--body-file", bodyFile, context.stdin());
    }
    return body != null ? JsonArgs.parse("--body", body) : JsonNodeFactory.instance.objectNode();
  }
}
