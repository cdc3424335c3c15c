package dev.admp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/** Prints results as pretty JSON on standard output, one document per command. */
final class JsonOutput {
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  ObjectMapper mapper() {
    return json;
  }

  void print(PrintWriter out, JsonNode value) {
    try {
      out.println(json.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new CliFailure("cannot print the result: " + e.getOriginalMessage(), e);
    }
  }
}
