package dev.admp.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Message counts by state, of one inbox or of the whole hub. */
public record InboxStats(long total, long queued, long leased, long acked, long failed, long expired, long dead) {
  static InboxStats from(JsonNode json) {
    return new InboxStats(Fields.number(json, "total"), Fields.number(json, "queued"), Fields.number(json, "leased"),
        Fields.number(json, "acked"), Fields.number(json, "failed"), Fields.number(json, "expired"),
        Fields.number(json, "dead"));
  }
}
