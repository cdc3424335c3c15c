package dev.admp.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A self-contained HTML page listing every operation of the OpenAPI document, readable without
 * network. When the browser can reach the Swagger UI CDN, the interactive UI replaces the list.
 */
final class DocsPage {
  private static final String SWAGGER = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5";

  private DocsPage() {}

  static String render(JsonNode openApi) {
    StringBuilder rows = new StringBuilder();
    for (Map.Entry<String, JsonNode> path : openApi.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        JsonNode op = method.getValue();
        StringBuilder responses = new StringBuilder();
        for (Map.Entry<String, JsonNode> r : op.get("responses").properties()) {
          responses.append("<li><b>").append(escape(r.getKey())).append("</b> ")
              .append(escape(r.getValue().path("description").asText())).append("</li>");
        }
        rows.append("<tr><td class=m>").append(escape(method.getKey().toUpperCase(java.util.Locale.ROOT)))
            .append("</td><td><code>").append(escape(path.getKey())).append("</code></td><td>")
            .append(escape(op.path("x-admp-stability").asText())).append("</td><td>")
            .append(escape(op.path("x-admp-access").asText())).append("</td><td>")
            .append(escape(op.path("summary").asText())).append("<ul>").append(responses).append("</ul></td></tr>\n");
      }
    }
    String title = escape(openApi.path("info").path("title").asText()) + " "
        + escape(openApi.path("info").path("version").asText());
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>%s — API</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="stylesheet" href="%s/swagger-ui.css" onerror="this.remove()">
        <style>
          body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
          table{border-collapse:collapse;width:100%%} td,th{border-top:1px solid #ddd;padding:.4rem;vertical-align:top;text-align:left}
          td.m{font-weight:bold} ul{margin:.3rem 0;padding-left:1.2rem;font-size:.9em} code{white-space:nowrap}
        </style></head>
        <body>
        <div id="swagger-ui"></div>
        <div id="operations">
        <h1>%s</h1>
        <p>Machine-readable: <a href="/openapi.json">/openapi.json</a>.
        Every <code>/api</code> route also answers under <code>/v1</code>.</p>
        <table><thead><tr><th>Method</th><th>Path</th><th>Stability</th><th>Access</th><th>Summary and responses</th></tr></thead>
        <tbody>
        %s</tbody></table>
        </div>
        <script src="%s/swagger-ui-bundle.js" onload="
          document.getElementById('operations').style.display='none';
          SwaggerUIBundle({url:'/openapi.json',dom_id:'#swagger-ui'});"></script>
        </body></html>
        """.formatted(title, SWAGGER, title, rows, SWAGGER);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
