package dev.admp.server.docs;

/** The component schemas of the OpenAPI document, written by hand as the wire contract reads. */
final class Schemas {
  private Schemas() {}

  static final String JSON = """
      {
        "Error": {"type": "object", "required": ["error"], "properties": {
          "error": {"type": "string", "description": "Machine-readable code"},
          "message": {"type": "string"},
          "request_id": {"type": "string", "description": "Also in the X-Request-Id header (new)"}}},
        "Envelope": {"type": "object", "required": ["version", "from", "subject", "timestamp"], "properties": {
          "version": {"type": "string", "enum": ["1.0"]},
          "id": {"type": "string", "description": "Message id; generated when absent"},
          "type": {"type": "string", "example": "task.request"},
          "from": {"type": "string", "example": "agent://alice"},
          "to": {"type": "string", "example": "agent://bob", "description": "On SEND, taken from the path when absent"},
          "subject": {"type": "string"},
          "correlation_id": {"type": "string"},
          "headers": {"type": "object", "additionalProperties": true},
          "body": {"description": "Any JSON"},
          "ttl_sec": {"type": "number", "description": "Defaults to MESSAGE_TTL_SEC, bounded by MAX_TTL_SEC"},
          "timestamp": {"type": "string", "format": "date-time", "description": "Within ±5 minutes of the hub clock"},
          "signature": {"type": "object", "properties": {
            "alg": {"type": "string", "enum": ["ed25519"]},
            "kid": {"type": "string"},
            "sig": {"type": "string", "format": "byte"}}}}},
        "HeartbeatInfo": {"type": "object", "properties": {
          "last_heartbeat": {"type": "integer", "format": "int64", "description": "Epoch milliseconds"},
          "interval_ms": {"type": "integer", "format": "int64"},
          "timeout_ms": {"type": "integer", "format": "int64"},
          "status": {"type": "string", "enum": ["online", "offline"]}}},
        "RegisterRequest": {"type": "object", "properties": {
          "agent_id": {"type": "string", "pattern": "^(agent://)?[A-Za-z0-9._:-]{1,128}$",
            "description": "Generated (agent://agent-<uuid>) when absent"},
          "agent_type": {"type": "string", "default": "generic"},
          "metadata": {"type": "object", "additionalProperties": true, "default": {}},
          "webhook_url": {"type": "string", "format": "uri"},
          "webhook_secret": {"type": "string"},
          "public_key": {"type": "string", "format": "byte", "description": "Base64 of the 32-byte Ed25519 key"}}},
        "RegisterResponse": {"type": "object", "required": ["agent_id", "agent_type", "public_key", "heartbeat"],
          "properties": {
          "agent_id": {"type": "string", "description": "Exactly as registered"},
          "agent_type": {"type": "string"},
          "public_key": {"type": "string", "format": "byte"},
          "secret_key": {"type": "string", "format": "byte",
            "description": "Only when the hub generated the pair: base64 of the 64-byte tweetnacl secret key. Never stored."},
          "webhook_url": {"type": "string", "nullable": true},
          "webhook_secret": {"type": "string", "nullable": true},
          "heartbeat": {"$ref": "#/components/schemas/HeartbeatInfo"}}},
        "Agent": {"type": "object", "properties": {
          "agent_id": {"type": "string"},
          "agent_type": {"type": "string"},
          "public_key": {"type": "string", "format": "byte"},
          "metadata": {"type": "object", "additionalProperties": true},
          "webhook_url": {"type": "string", "nullable": true},
          "webhook_secret": {"type": "string", "nullable": true},
          "trusted_agents": {"type": "array", "items": {"type": "string"}},
          "registered_at": {"type": "integer", "format": "int64"},
          "heartbeat": {"$ref": "#/components/schemas/HeartbeatInfo"}}},
        "HeartbeatRequest": {"type": "object", "properties": {
          "metadata": {"type": "object", "additionalProperties": true, "description": "Shallow-merged into the agent's"}}},
        "HeartbeatResponse": {"type": "object", "properties": {
          "ok": {"type": "boolean", "enum": [true]},
          "last_heartbeat": {"type": "integer", "format": "int64"},
          "timeout_at": {"type": "integer", "format": "int64"},
          "status": {"type": "string", "enum": ["online"]}}},
        "TrustedAgents": {"type": "object", "properties": {
          "trusted_agents": {"type": "array", "items": {"type": "string"}, "description": "Canonical ids"}}},
        "TrustRequest": {"type": "object", "required": ["agent_id"], "properties": {"agent_id": {"type": "string"}}},
        "WebhookRequest": {"type": "object", "required": ["webhook_url"], "properties": {
          "webhook_url": {"type": "string", "format": "uri", "description": "Absolute http or https URL"},
          "webhook_secret": {"type": "string", "description": "HMAC key; generated when absent"}}},
        "WebhookConfigured": {"type": "object", "properties": {
          "agent_id": {"type": "string"}, "webhook_url": {"type": "string"}, "webhook_secret": {"type": "string"}}},
        "WebhookStatus": {"type": "object", "properties": {
          "webhook_url": {"type": "string", "nullable": true}, "webhook_configured": {"type": "boolean"}}},
        "WebhookRemoved": {"type": "object", "properties": {
          "message": {"type": "string", "enum": ["Webhook removed"]}, "webhook_configured": {"type": "boolean", "enum": [false]}}},
        "SendResponse": {"type": "object", "required": ["message_id", "status"], "properties": {
          "message_id": {"type": "string"},
          "status": {"type": "string", "enum": ["queued", "leased", "acked", "expired", "dead"]},
          "duplicate": {"type": "boolean", "description": "Present (true) when this SEND repeated an earlier one"}}},
        "PullRequest": {"type": "object", "properties": {
          "visibility_timeout": {"type": "number", "minimum": 1, "maximum": 43200, "default": 60, "description": "Lease length in seconds"},
          "wait_sec": {"type": "number", "minimum": 0, "maximum": 20, "default": 0, "description": "Long poll (new)"},
          "max_messages": {"type": "integer", "minimum": 1, "maximum": 10, "default": 1, "description": "Batch size (new)"}}},
        "PulledMessage": {"type": "object", "properties": {
          "message_id": {"type": "string"},
          "envelope": {"$ref": "#/components/schemas/Envelope"},
          "lease_until": {"type": "integer", "format": "int64"},
          "attempts": {"type": "integer"},
          "lease_id": {"type": "string", "description": "Pass to ack/nack to act only under this lease (new)"}}},
        "PullBatch": {"type": "object", "properties": {
          "messages": {"type": "array", "items": {"$ref": "#/components/schemas/PulledMessage"}}}},
        "PullResponse": {"oneOf": [{"$ref": "#/components/schemas/PulledMessage"}, {"$ref": "#/components/schemas/PullBatch"}]},
        "AckRequest": {"type": "object", "properties": {
          "result": {"description": "Any JSON; accepted for compatibility"},
          "lease_id": {"type": "string"}}},
        "Ok": {"type": "object", "properties": {"ok": {"type": "boolean", "enum": [true]}}},
        "NackRequest": {"type": "object", "properties": {
          "extend_sec": {"type": "number", "minimum": 1, "maximum": 43200,
            "description": "Keep the lease and extend it from max(now, lease_until)"},
          "requeue": {"type": "boolean", "description": "Accepted for compatibility; without extend_sec the message is requeued"},
          "delay_sec": {"type": "number", "minimum": 0, "maximum": 43200, "default": 0, "description": "Requeued message becomes visible after this (new)"},
          "lease_id": {"type": "string"}}},
        "NackResponse": {"type": "object", "properties": {
          "ok": {"type": "boolean", "enum": [true]},
          "status": {"type": "string", "enum": ["queued", "leased"]},
          "lease_until": {"type": "integer", "format": "int64", "nullable": true}}},
        "MessageStatus": {"type": "object", "properties": {
          "id": {"type": "string"},
          "status": {"type": "string", "enum": ["queued", "leased", "acked", "expired", "dead"]},
          "created_at": {"type": "integer", "format": "int64"},
          "updated_at": {"type": "integer", "format": "int64"},
          "attempts": {"type": "integer"},
          "lease_until": {"type": "integer", "format": "int64", "nullable": true},
          "acked_at": {"type": "integer", "format": "int64", "nullable": true}}},
        "InboxStats": {"type": "object", "properties": {
          "total": {"type": "integer"}, "queued": {"type": "integer"}, "leased": {"type": "integer"},
          "acked": {"type": "integer"}, "failed": {"type": "integer", "description": "Always 0: messages that run out of attempts are dead"},
          "expired": {"type": "integer"}, "dead": {"type": "integer"}}},
        "HubStats": {"type": "object", "properties": {
          "agents": {"type": "object", "properties": {
            "total": {"type": "integer"}, "online": {"type": "integer"}, "offline": {"type": "integer"}}},
          "messages": {"$ref": "#/components/schemas/InboxStats"}}},
        "Reclaimed": {"type": "object", "properties": {"reclaimed": {"type": "integer"}}},
        "Health": {"type": "object", "properties": {
          "status": {"type": "string", "enum": ["healthy", "unhealthy"]},
          "timestamp": {"type": "string", "format": "date-time"},
          "version": {"type": "string"},
          "storage": {"type": "string", "enum": ["memory", "sqlite", "postgres", "mech"]}}}
      }
      """;
}
