package dev.admp.server;

import dev.admp.server.config.ConfigException;
import dev.admp.server.config.MechLimits;
import dev.admp.server.config.StoreConfig;
import dev.admp.store.StoreException;
import dev.admp.store.StoreUnavailableException;
import dev.admp.store.mech.AppOwnedException;
import dev.admp.store.mech.MechCapability;
import dev.admp.store.mech.MechStore;
import dev.admp.store.mech.MechStoreConfig;
import java.util.List;

/**
 * Opens the {@code mech} backend from the server's configuration. A failure to open says which
 * variable to look at; another live hub on the same app is reported as the store words it.
 */
final class MechBackend {
  private MechBackend() {}

  static MechStore open(StoreConfig.Mech config) {
    MechStoreConfig storeConfig = storeConfig(config);
    try {
      return MechStore.open(storeConfig);
    } catch (AppOwnedException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      if (config.caFile().isEmpty()) {
        throw e;
      }
      // The CA file passed the start-up check (readable) but holds no usable certificate.
      throw new ConfigException(List.of("MECH_CA_FILE must hold PEM CA certificates: " + e.getMessage()));
    } catch (StoreUnavailableException e) {
      throw new StoreUnavailableException("cannot reach Mech at MECH_BASE_URL=" + config.baseUrl()
          + " (MECH_APP_ID=" + config.appId() + "): " + e.getMessage(), e);
    } catch (StoreException e) {
      throw new StoreException("Mech at MECH_BASE_URL=" + config.baseUrl() + " did not open MECH_APP_ID="
          + config.appId() + ": " + e.getMessage(), e);
    }
  }

  /** Every setting of the server's configuration, mapped one to one. */
  static MechStoreConfig storeConfig(StoreConfig.Mech config) {
    MechLimits limits = config.limits();
    return new MechStoreConfig(config.baseUrl(), config.appId(), config.apiKey().value(),
        MechCapability.parseAll(config.capabilities()), config.caFile(), config.connectTimeout(),
        config.requestTimeout(), limits.maxConcurrentCalls(), limits.agentCacheSize(),
        new MechStoreConfig.Resilience(limits.retryAttempts(), limits.retryBackoff(), limits.circuitFailureRate(),
            limits.circuitWindow(), limits.circuitOpenFor()),
        limits.ownerTtl());
  }
}
