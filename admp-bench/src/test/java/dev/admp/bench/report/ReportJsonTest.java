package dev.admp.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  private final JsonNode json = new ReportJson().toJson(SampleReports.report());

  @Test
  void flowsCarryTimesRoundTripsConnectionsAndRatio() {
    JsonNode sqlite = json.get("flows").get(1);
    assertThat(sqlite.get("target").asText()).isEqualTo("sqlite");
    assertThat(sqlite.get("rtt_ms").isNull()).isTrue();
    assertThat(sqlite.get("median_ms").asDouble()).isEqualTo(5.0);
    assertThat(sqlite.get("p95_ms").asDouble()).isEqualTo(7.5);
    assertThat(sqlite.get("round_trips").asLong()).isEqualTo(18);
    assertThat(sqlite.get("round_trips_per_run").asDouble()).isEqualTo(6.0);
    assertThat(sqlite.get("connections_per_run").asDouble()).isEqualTo(0.0);
    assertThat(sqlite.get("ratio_to_memory").asDouble()).isEqualTo(2.5);
    assertThat(sqlite.get("budget_round_trips").asInt()).isEqualTo(6);
  }

  @Test
  void remoteFlowsCarryTheirRttAndIdealTime() {
    JsonNode mech = json.get("flows").get(3);
    assertThat(mech.get("target").asText()).isEqualTo("mech@20ms");
    assertThat(mech.get("rtt_ms").asInt()).isEqualTo(20);
    assertThat(mech.get("ideal_ms").asDouble()).isEqualTo(120.0);
  }

  @Test
  void throughputCarriesRateLatencyAndMemory() {
    JsonNode memory = json.get("throughput").get(0);
    assertThat(memory.get("cycles_per_sec").asDouble()).isEqualTo(500.0);
    assertThat(memory.get("p50_ms").asDouble()).isEqualTo(2.0);
    assertThat(memory.get("p99_ms").asDouble()).isEqualTo(4.0);
    assertThat(memory.get("p999_ms").asDouble()).isEqualTo(4.0);
    assertThat(memory.get("rss_bytes").asLong()).isEqualTo(300L << 20);
    JsonNode sqlite = json.get("throughput").get(1);
    assertThat(sqlite.get("round_trips_per_cycle").asDouble()).isEqualTo(3.0);
    assertThat(sqlite.get("rss_bytes").isNull()).isTrue();
  }

  @Test
  void parametersEnvironmentTargetsAndSkipsAreRecorded() {
    assertThat(json.at("/parameters/rtt_ms/1").asInt()).isEqualTo(20);
    assertThat(json.at("/parameters/quick").asBoolean()).isTrue();
    assertThat(json.at("/environment/git_commit").asText()).isEqualTo("0123456789abcdef");
    assertThat(json.at("/environment/cores").asInt()).isEqualTo(2);
    assertThat(json.at("/environment/hub_in_process").asBoolean()).isTrue();
    assertThat(json.at("/targets/1/store_round_trips").asLong()).isEqualTo(40);
    assertThat(json.at("/notices/0/what").asText()).isEqualTo("postgres");
    assertThat(json.at("/sweeps/1/round_trips").asLong()).isEqualTo(1);
  }
}
