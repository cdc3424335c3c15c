package dev.admp.server;

import dev.admp.server.config.AdmpConfig;
import dev.admp.server.config.ConfigException;

/** Runs a hub configured from the environment until the process is stopped. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/admp/server/logback-hub.xml");
    }
    Hub hub;
    try {
      hub = Hub.create(AdmpConfig.fromEnv(System.getenv())).start();
    } catch (ConfigException e) {
      e.problems().forEach(problem -> System.err.println("admp: configuration error: " + problem));
      System.exit(2);
      return;
    } catch (RuntimeException e) {
      System.err.println("admp: could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "admp-shutdown"));
  }
}
