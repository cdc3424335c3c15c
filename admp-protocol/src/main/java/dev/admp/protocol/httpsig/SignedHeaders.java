package dev.admp.protocol.httpsig;

/**
 * The headers a signed request carries.
 *
 * @param date the {@code Date} header value
 * @param signature the {@code Signature} header value
 */
public record SignedHeaders(String date, String signature) {}
