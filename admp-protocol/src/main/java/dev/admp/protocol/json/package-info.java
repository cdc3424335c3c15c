/**
 * JSON with JavaScript semantics: {@link dev.admp.protocol.json.JsJson} parses request bodies
 * safely and re-serialises values exactly as {@code JSON.stringify} does, which the envelope
 * signature depends on.
 */
package dev.admp.protocol.json;
