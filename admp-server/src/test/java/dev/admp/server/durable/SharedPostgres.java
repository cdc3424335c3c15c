package dev.admp.server.durable;

import dev.admp.testkit.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods one embedded PostgreSQL for the whole test run, started on first use and
 * stopped after the last test (JUnit closes it with the root context). Each test takes its own
 * database from it. Tests that stop the server start their own instead.
 */
final class SharedPostgres implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPostgres.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedPostgresServer.class;
  }

  @Override
  public EmbeddedPostgresServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(EmbeddedPostgresServer.class, type -> EmbeddedPostgresServer.start(), EmbeddedPostgresServer.class);
  }
}
