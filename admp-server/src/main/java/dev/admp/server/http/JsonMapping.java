package dev.admp.server.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The hub's Jackson set-up for request and response bodies. */
public final class JsonMapping {
  /** Deep enough for any sane envelope, shallow enough that a body of brackets is a quick 400. */
  static final int MAX_NESTING_DEPTH = 256;

  private JsonMapping() {}

  public static ObjectMapper create() {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .build());
    return mapper;
  }
}
