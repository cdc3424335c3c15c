package dev.admp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.admp.protocol.json.JsJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

  @Test
  void printsAsJavaScriptStringifyWithTwoSpaceIndent() {
    StringWriter out = new StringWriter();

    new JsonOutput().print(new PrintWriter(out), JsJson.parse("{\"a\":1,\"b\":[true,{\"c\":\"d\"}],\"e\":{}}"));

    // JSON.stringify({a:1,b:[true,{c:"d"}],e:{}}, null, 2) in Node.js
    assertThat(out.toString()).isEqualTo("""
        {
          "a": 1,
          "b": [
            true,
            {
              "c": "d"
            }
          ],
          "e": {}
        }
        """);
  }
}
