package dev.admp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;

/**
 * Prints results as pretty JSON on standard output, one document per command, laid out as
 * JavaScript's {@code JSON.stringify(value, null, 2)} lays it out.
 */
final class JsonOutput {
  private final ObjectWriter writer;

  JsonOutput() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("").withArrayEmptySeparator(""));
    pretty.indentObjectsWith(indenter);
    pretty.indentArraysWith(indenter);
    this.writer = new ObjectMapper().writer(pretty);
  }

  void print(PrintWriter out, JsonNode value) {
    try {
      out.println(writer.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new CliFailure("cannot print the result: " + e.getOriginalMessage(), e);
    }
  }
}
