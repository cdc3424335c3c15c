package dev.admp.server.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.admp.server.http.ApiRouter;
import dev.admp.server.http.RouteGroup;
import io.javalin.http.HandlerType;

/** {@code GET /openapi.json} and {@code GET /docs}; both built once, at start. */
public final class DocsRoutes implements RouteGroup {
  private final byte[] openApi;
  private final String page;

  public DocsRoutes(ObjectMapper json, String version) {
    ObjectNode document = OpenApiDocument.build(json, version);
    try {
      this.openApi = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the OpenAPI document always serialises", e);
    }
    this.page = DocsPage.render(document);
  }

  @Override
  public void addTo(ApiRouter router) {
    router.root(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    router.root(HandlerType.GET, "/docs", ctx -> ctx.html(page));
  }
}
