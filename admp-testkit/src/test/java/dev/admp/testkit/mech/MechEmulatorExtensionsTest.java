package dev.admp.testkit.mech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class MechEmulatorExtensionsTest {
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
    mech.capabilities(Set.of());
    calls = MechCalls.to(mech, test.getTestMethod().orElseThrow().getName());
    calls.create("m", "1", "{\"to\":\"bob\",\"status\":\"queued\",\"n\":1}");
    calls.create("m", "2", "{\"to\":\"amy\",\"status\":\"queued\",\"n\":2}");
    calls.create("m", "3", "{\"to\":\"bob\",\"status\":\"acked\",\"n\":3}");
    calls.create("m", "4", "{\"to\":\"bob\",\"status\":\"queued\",\"n\":4}");
  }

  @Test
  void filterOnReturnsOnlyDocumentsMatchingEveryFilterComparedAsStrings() {
    mech.capabilities(EnumSet.of(Capability.FILTER));

    MechCalls.Reply both = calls.list("m", "&filter=to:bob&filter=status:queued");
    MechCalls.Reply number = calls.list("m", "&filter=n:3");

    assertThat(keys(both)).containsExactly("1", "4");
    assertThat(both.json().path("total").asInt()).isEqualTo(2);
    assertThat(keys(number)).containsExactly("3");
  }

  @Test
  void filterOffIsIgnored() {
    assertThat(keys(calls.list("m", "&filter=to:bob"))).containsExactly("1", "2", "3", "4");
  }

  @Test
  void offsetOnSkipsInInsertionOrderAndKeepsTheTotal() {
    mech.capabilities(EnumSet.of(Capability.OFFSET));

    MechCalls.Reply r = calls.list("m", "&offset=1&limit=2");

    assertThat(keys(r)).containsExactly("2", "3");
    assertThat(r.json().path("total").asInt()).isEqualTo(4);
    assertThat(keys(calls.list("m", "&offset=9"))).isEmpty();
  }

  @Test
  void offsetOffIsIgnored() {
    assertThat(keys(calls.list("m", "&offset=2"))).containsExactly("1", "2", "3", "4");
  }

  @Test
  void filterAndOffsetCombine() {
    mech.capabilities(EnumSet.of(Capability.FILTER, Capability.OFFSET));

    assertThat(keys(calls.list("m", "&filter=to:bob&offset=1"))).containsExactly("3", "4");
  }

  @Test
  void returnDocumentOnAnswersTheMergedDocument() {
    mech.capabilities(EnumSet.of(Capability.RETURN_DOCUMENT));

    MechCalls.Reply r = calls.update("m", "1", "{\"data\":{\"status\":\"leased\"},\"return_document\":true}");

    assertThat(r.status()).isEqualTo(200);
    JsonNode data = r.json().path("data");
    assertThat(data.path("collection_name").asText()).isEqualTo("m");
    assertThat(data.path("document_key").asText()).isEqualTo("1");
    assertThat(data.path("document").toString()).isEqualTo("{\"to\":\"bob\",\"status\":\"leased\",\"n\":1}");
    assertThat(data.has("updated")).isFalse();
  }

  @Test
  void returnDocumentOffAnswersUpdatedTrue() {
    MechCalls.Reply r = calls.update("m", "1", "{\"data\":{\"status\":\"leased\"},\"return_document\":true}");

    assertThat(r.json().path("data").path("updated").asBoolean()).isTrue();
    assertThat(r.json().path("data").has("document")).isFalse();
  }

  @Test
  void batchOnAnswersOneStatusPerOperationInOrderAsTheSingleCallWould() {
    mech.capabilities(EnumSet.of(Capability.BATCH));

    MechCalls.Reply r = calls.batch("""
        {"operations":[
          {"op":"create","collection_name":"m","document_key":"5","data":{"n":5}},
          {"op":"create","collection_name":"m","document_key":"1","data":{"n":9}},
          {"op":"update","collection_name":"m","document_key":"2","data":{"status":"acked"}},
          {"op":"update","collection_name":"m","document_key":"nope","data":{"x":1}},
          {"op":"delete","collection_name":"m","document_key":"3"},
          {"op":"delete","collection_name":"m","document_key":"3"},
          {"op":"explode","collection_name":"m","document_key":"4"}
        ]}""");

    assertThat(r.status()).isEqualTo(200);
    List<String> results = new ArrayList<>();
    r.json().path("data").path("results")
        .forEach(x -> results.add(x.path("document_key").asText() + "=" + x.path("status").asInt()));
    assertThat(results).containsExactly("5=201", "1=409", "2=200", "nope=404", "3=204", "3=404", "4=400");
    assertThat(calls.get("m", "5").json().path("data").path("document").path("n").asInt()).isEqualTo(5);
    assertThat(calls.get("m", "1").json().path("data").path("document").path("n").asInt()).isEqualTo(1);
    assertThat(calls.get("m", "2").json().path("data").path("document").path("status").asText()).isEqualTo("acked");
    assertThat(calls.get("m", "3").status()).isEqualTo(404);
  }

  @Test
  void batchOfMoreThan100OperationsIs400AndChangesNothing() {
    mech.capabilities(EnumSet.of(Capability.BATCH));
    String ops = IntStream.range(0, 101)
        .mapToObj(i -> "{\"op\":\"create\",\"collection_name\":\"big\",\"document_key\":\"k" + i + "\",\"data\":{}}")
        .collect(Collectors.joining(","));

    MechCalls.Reply r = calls.batch("{\"operations\":[" + ops + "]}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(calls.list("big", "").json().path("total").asInt()).isZero();
  }

  @Test
  void batchOf100OperationsIsAccepted() {
    mech.capabilities(EnumSet.of(Capability.BATCH));
    String ops = IntStream.range(0, 100)
        .mapToObj(i -> "{\"op\":\"create\",\"collection_name\":\"big\",\"document_key\":\"k" + i + "\",\"data\":{}}")
        .collect(Collectors.joining(","));

    assertThat(calls.batch("{\"operations\":[" + ops + "]}").status()).isEqualTo(200);
    assertThat(calls.list("big", "").json().path("total").asInt()).isEqualTo(100);
  }

  @Test
  void batchOffIs404() {
    MechCalls.Reply r = calls.batch("{\"operations\":[]}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void extensionsSwitchIndependently() {
    mech.capabilities(EnumSet.of(Capability.BATCH, Capability.OFFSET));

    assertThat(calls.batch("{\"operations\":[]}").status()).isEqualTo(200);
    assertThat(keys(calls.list("m", "&offset=3&filter=to:amy"))).containsExactly("4");
    assertThat(calls.update("m", "1", "{\"data\":{},\"return_document\":true}").json().path("data").has("document"))
        .isFalse();
  }

  private static List<String> keys(MechCalls.Reply list) {
    List<String> keys = new ArrayList<>();
    list.json().path("data").forEach(e -> keys.add(e.path("document_key").asText()));
    return keys;
  }
}
