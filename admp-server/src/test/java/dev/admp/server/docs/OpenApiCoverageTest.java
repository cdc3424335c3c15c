package dev.admp.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.admp.server.HubClient;
import dev.admp.server.TestHub;
import dev.admp.server.http.ApiServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The OpenAPI document describes exactly the routes the hub serves, completely. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiCoverageTest {
  private TestHub hub;
  private JsonNode document;
  private String page;

  @BeforeAll
  void start() {
    hub = TestHub.signatureMode();
    HubClient http = hub.client();
    document = http.get("/openapi.json").json();
    page = http.get("/docs").body();
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private List<ApiServer.Route> documented() {
    List<ApiServer.Route> routes = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").properties().iterator();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().properties().forEach(method ->
          routes.add(new ApiServer.Route(method.getKey().toUpperCase(Locale.ROOT), path.getKey())));
    }
    return routes;
  }

  @Test
  void everyRegisteredRouteIsDocumentedAndNothingElse() {
    List<ApiServer.Route> served = hub.hub().routes();

    assertThat(served).hasSize(2 * 19 + 4);
    assertThat(documented()).containsExactlyInAnyOrderElementsOf(served);
  }

  @Test
  void everyOperationHasAnIdStabilitySuccessAndErrors() {
    Set<String> ids = new HashSet<>();
    for (ApiServer.Route route : documented()) {
      JsonNode op = document.get("paths").get(route.path()).get(route.method().toLowerCase(Locale.ROOT));
      assertThat(ids.add(op.get("operationId").asText())).as("unique operationId of " + route).isTrue();
      assertThat(op.get("x-admp-stability").asText()).as(route.toString()).isIn("compat", "new");
      assertThat(op.get("summary").asText()).isNotBlank();
      assertThat(op.get("responses").properties()).as(route.toString())
          .anySatisfy(r -> assertThat(r.getKey()).startsWith("2"));
      assertThat(op.get("responses").has("500")).as(route.toString()).isTrue();
    }
  }

  @Test
  void routeErrorCodesOfTheContractAreDocumented() {
    JsonNode send = document.get("paths").get("/api/agents/{id}/messages").get("post").get("responses");
    JsonNode pull = document.get("paths").get("/api/agents/{id}/inbox/pull").get("post").get("responses");

    assertThat(send.get("409").get("description").asText()).contains("MESSAGE_ID_CONFLICT");
    assertThat(send.get("403").get("description").asText()).contains("INVALID_SIGNATURE");
    assertThat(send.get("400").get("description").asText()).contains("SEND_FAILED", "INVALID_TIMESTAMP", "TO_MISMATCH",
        "INVALID_JSON");
    assertThat(send.get("404").get("description").asText()).contains("RECIPIENT_NOT_FOUND");
    assertThat(send.get("413").get("description").asText()).contains("PAYLOAD_TOO_LARGE");
    assertThat(pull.has("204")).isTrue();
    assertThat(pull.get("401").get("description").asText()).contains("SIGNATURE_REQUIRED", "SIGNATURE_INVALID",
        "REQUEST_EXPIRED");
    assertThat(pull.get("403").get("description").asText()).contains("FORBIDDEN");
    assertThat(pull.get("503").get("description").asText()).contains("STORAGE_UNAVAILABLE");
  }

  @Test
  void everySchemaReferenceResolves() {
    Matcher refs = Pattern.compile("\"\\$ref\":\"#/components/schemas/([A-Za-z]+)\"").matcher(document.toString());
    int count = 0;
    while (refs.find()) {
      count++;
      assertThat(document.get("components").get("schemas").has(refs.group(1))).as(refs.group(1)).isTrue();
    }
    assertThat(count).isGreaterThan(40);
  }

  @Test
  void newAndCompatOperationsAreMarked() {
    assertThat(document.get("paths").get("/metrics").get("get").get("x-admp-stability").asText()).isEqualTo("new");
    assertThat(document.get("paths").get("/api/agents/register").get("post").get("x-admp-stability").asText())
        .isEqualTo("compat");
    assertThat(document.get("components").get("schemas").get("PullRequest").get("properties").get("wait_sec")
        .get("description").asText()).contains("new");
  }

  @Test
  void docsPageListsEveryOperationWithoutNeedingTheNetwork() {
    for (ApiServer.Route route : documented()) {
      assertThat(page).contains("<td class=m>" + route.method() + "</td><td><code>"
          + route.path() + "</code>");
    }
    assertThat(page).doesNotContain("<link rel=\"stylesheet\" href=\"http://");
    assertThat(page).contains("id=\"operations\"");
  }
}
