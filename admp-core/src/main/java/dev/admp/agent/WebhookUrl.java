package dev.admp.agent;

import dev.admp.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks that a webhook target is an absolute http or https URL with a host. */
final class WebhookUrl {
  private WebhookUrl() {}

  static String check(String url, String code) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below, without echoing a possibly secret-bearing URL
    }
    throw new InvalidRequestException(code, "webhook_url must be an absolute http or https URL");
  }
}
