package dev.admp.testkit.mech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class MechEmulatorBaselineTest {
  private static MechEmulator mech;
  private MechCalls calls;

  @BeforeAll
  static void start() {
    mech = new MechEmulator(MechEmulator.Options.defaults()).start();
  }

  @AfterAll
  static void stop() {
    mech.close();
  }

  @BeforeEach
  void app(TestInfo test) {
    calls = MechCalls.to(mech, test.getTestMethod().orElseThrow().getName());
  }

  @Test
  void createAnswers201WithTheStoredDocument() {
    MechCalls.Reply r = calls.create("admp_agents", "alice", "{\"type\":\"generic\",\"n\":1}");

    assertThat(r.status()).isEqualTo(201);
    JsonNode data = r.json().path("data");
    assertThat(data.path("collection_name").asText()).isEqualTo("admp_agents");
    assertThat(data.path("document_key").asText()).isEqualTo("alice");
    assertThat(data.path("document").toString()).isEqualTo("{\"type\":\"generic\",\"n\":1}");
  }

  @Test
  void createOfAnExistingKeyIs409DuplicateKeyAndKeepsTheFirstDocument() {
    calls.create("admp_agents", "alice", "{\"v\":1}");

    MechCalls.Reply r = calls.create("admp_agents", "alice", "{\"v\":2}");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorCode()).isEqualTo("DUPLICATE_KEY");
    assertThat(calls.get("admp_agents", "alice").json().path("data").path("document").path("v").asInt()).isEqualTo(1);
  }

  @Test
  void sameKeyInAnotherCollectionIsAnotherDocument() {
    calls.create("a", "k", "{}");

    assertThat(calls.create("b", "k", "{}").status()).isEqualTo(201);
  }

  @Test
  void createWithoutAnObjectDataIs400() {
    assertThat(calls.send("POST", "/nosql/documents", "{\"collection_name\":\"c\",\"document_key\":\"k\",\"data\":3}")
        .status()).isEqualTo(400);
    assertThat(calls.send("POST", "/nosql/documents", "{\"document_key\":\"k\",\"data\":{}}").status()).isEqualTo(400);
    assertThat(calls.send("POST", "/nosql/documents", "not json").errorCode()).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void getAnswersTheDocument() {
    calls.create("admp_messages", "m-1", "{\"to\":\"bob\"}");

    MechCalls.Reply r = calls.get("admp_messages", "m-1");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("data").path("document_key").asText()).isEqualTo("m-1");
    assertThat(r.json().path("data").path("collection_name").asText()).isEqualTo("admp_messages");
    assertThat(r.json().path("data").path("document").path("to").asText()).isEqualTo("bob");
  }

  @Test
  void getOfAMissingKeyIs404NotFound() {
    MechCalls.Reply r = calls.get("admp_messages", "nope");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void keysWithSlashesPercentSpacesAndDotsRoundTrip() {
    for (String key : List.of("a/b", "100%", "x y", "..", "q?x=1#f", "ünï")) {
      assertThat(calls.create("c", key, "{}").status()).as(key).isEqualTo(201);
      assertThat(calls.get("c", key).json().path("data").path("document_key").asText()).as(key).isEqualTo(key);
      assertThat(calls.update("c", key, "{\"data\":{\"a\":1}}").status()).as(key).isEqualTo(200);
      assertThat(calls.delete("c", key).status()).as(key).isEqualTo(204);
    }
  }

  @Test
  void updateShallowMergesAndStoresNullAsNull() {
    calls.create("c", "k", "{\"a\":1,\"b\":{\"x\":1},\"c\":\"keep\"}");

    MechCalls.Reply r = calls.update("c", "k", "{\"data\":{\"a\":2,\"b\":{\"y\":2},\"c\":null,\"d\":true}}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("data").path("updated").asBoolean()).isTrue();
    assertThat(r.json().path("data").path("document_key").asText()).isEqualTo("k");
    assertThat(r.json().path("data").has("document")).isFalse();
    JsonNode doc = calls.get("c", "k").json().path("data").path("document");
    assertThat(doc.toString()).isEqualTo("{\"a\":2,\"b\":{\"y\":2},\"c\":null,\"d\":true}");
  }

  @Test
  void updateOfAMissingKeyIs404() {
    MechCalls.Reply r = calls.update("c", "nope", "{\"data\":{\"a\":1}}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void updateWithoutAnObjectPatchIs400() {
    calls.create("c", "k", "{}");

    assertThat(calls.update("c", "k", "{\"data\":[1]}").status()).isEqualTo(400);
  }

  @Test
  void deleteAnswers204ThenTheKeyIsGone() {
    calls.create("c", "k", "{}");

    MechCalls.Reply r = calls.delete("c", "k");

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(calls.get("c", "k").status()).isEqualTo(404);
    assertThat(calls.delete("c", "k").status()).isEqualTo(404);
    assertThat(calls.delete("c", "k").errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void listAnswersDocumentsInInsertionOrderWithTheTotal() {
    for (String k : List.of("z", "a", "m")) {
      calls.create("c", k, "{\"k\":\"" + k + "\"}");
    }
    calls.update("c", "z", "{\"data\":{\"touched\":true}}");

    MechCalls.Reply r = calls.list("c", "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(keys(r)).containsExactly("z", "a", "m");
    assertThat(r.json().path("total").asInt()).isEqualTo(3);
    assertThat(r.json().path("data").get(0).path("collection_name").asText()).isEqualTo("c");
    assertThat(r.json().path("data").get(0).path("document").path("touched").asBoolean()).isTrue();
  }

  @Test
  void aRecreatedKeyMovesToTheEndOfTheList() {
    calls.create("c", "a", "{}");
    calls.create("c", "b", "{}");
    calls.delete("c", "a");
    calls.create("c", "a", "{}");

    assertThat(keys(calls.list("c", ""))).containsExactly("b", "a");
  }

  @Test
  void listReturns100ByDefaultAndAtMost1000() {
    for (int i = 0; i < 1005; i++) {
      calls.create("c", "k" + i, "{}");
    }

    MechCalls.Reply byDefault = calls.list("c", "");
    MechCalls.Reply asked = calls.list("c", "&limit=250");
    MechCalls.Reply tooMany = calls.list("c", "&limit=5000");

    assertThat(byDefault.json().path("data").size()).isEqualTo(100);
    assertThat(byDefault.json().path("total").asInt()).isEqualTo(1005);
    assertThat(asked.json().path("data").size()).isEqualTo(250);
    assertThat(tooMany.json().path("data").size()).isEqualTo(1000);
    assertThat(keys(tooMany).getLast()).isEqualTo("k999");
  }

  @Test
  void listOfAnEmptyCollectionIsEmptyWithTotalZero() {
    MechCalls.Reply r = calls.list("none", "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("data").size()).isZero();
    assertThat(r.json().path("total").asInt()).isZero();
  }

  @Test
  void listWithoutCollectionOrWithABadLimitIs400() {
    assertThat(calls.send("GET", "/nosql/documents", null).status()).isEqualTo(400);
    assertThat(calls.list("c", "&limit=abc").status()).isEqualTo(400);
    assertThat(calls.list("c", "&limit=-1").status()).isEqualTo(400);
  }

  @Test
  void missingOrWrongApiKeyIs401Unauthorized() {
    calls.create("c", "k", "{}");

    MechCalls.Reply missing = calls.withKey(null).get("c", "k");
    MechCalls.Reply wrong = calls.withKey("nope").list("c", "");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.errorCode()).isEqualTo("UNAUTHORIZED");
    assertThat(missing.json().path("error").path("message").asText()).isNotEmpty();
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.errorCode()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void appsHaveSeparateDocuments() {
    calls.create("c", "k", "{}");

    assertThat(MechCalls.to(mech, "other-app").get("c", "k").status()).isEqualTo(404);
  }

  @Test
  void unknownRouteIs404NotFound() {
    MechCalls.Reply r = calls.send("GET", "/nosql/nothing", null);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
  }

  private static List<String> keys(MechCalls.Reply list) {
    List<String> keys = new ArrayList<>();
    list.json().path("data").forEach(e -> keys.add(e.path("document_key").asText()));
    return keys;
  }
}
