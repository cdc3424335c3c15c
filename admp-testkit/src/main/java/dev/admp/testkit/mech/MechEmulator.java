package dev.admp.testkit.mech;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Mech-compatible document store over real HTTP(S), with its data in memory (see {@code MECH-API.md}).
 *
 * <p>Every app id is accepted and has its own documents; all share one API key. Extensions, faults
 * and the connection policy can be changed while it runs, in-process or over
 * {@code /_emulator/} endpoints. Requests per route and TCP connections are counted.
 *
 * <pre>{@code
 * try (MechEmulator mech = new MechEmulator(Options.defaults().withTls()).start()) {
 *   String base = mech.baseUrl();      // https://127.0.0.1:PORT
 *   mech.faults(Faults.NONE.withUnavailableRate(0.1));
 * }
 * }</pre>
 */
public final class MechEmulator implements AutoCloseable {
  /** Plain HTTP, or HTTPS with a certificate generated at start. */
  public enum Transport { HTTP, HTTPS }

  /** Which HTTP versions HTTPS offers (by ALPN); plain HTTP is always HTTP/1.1 only. */
  public enum Protocols { HTTP_1_1, HTTP_1_1_AND_2 }

  /**
   * How to start the emulator.
   *
   * @param host address to bind, loopback by default
   * @param port TCP port, 0 for any free one
   * @param transport HTTP or HTTPS
   * @param protocols whether HTTPS also offers HTTP/2
   * @param apiKey the key every API request must carry in {@code X-API-Key}
   * @param capabilities the extensions switched on at start
   * @param seed seeds the fault draws
   */
  public record Options(String host, int port, Transport transport, Protocols protocols, String apiKey,
      Set<Capability> capabilities, long seed) {
    public static final String DEFAULT_API_KEY = "emulator-key";

    public Options {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(transport, "transport");
      Objects.requireNonNull(protocols, "protocols");
      Objects.requireNonNull(apiKey, "apiKey");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      if (apiKey.isEmpty()) {
        throw new IllegalArgumentException("apiKey must not be empty");
      }
      capabilities = Set.copyOf(capabilities);
    }

    /** Loopback, any port, plain HTTP (HTTP/2 too once TLS is on), key {@value #DEFAULT_API_KEY}, baseline only, seed 42. */
    public static Options defaults() {
      return new Options("127.0.0.1", 0, Transport.HTTP, Protocols.HTTP_1_1_AND_2, DEFAULT_API_KEY, Set.of(), 42);
    }

    public Options withHost(String h) {
      return new Options(h, port, transport, protocols, apiKey, capabilities, seed);
    }

    public Options withProtocols(Protocols p) {
      return new Options(host, port, transport, p, apiKey, capabilities, seed);
    }

    public Options withPort(int p) {
      return new Options(host, p, transport, protocols, apiKey, capabilities, seed);
    }

    public Options withTls() {
      return new Options(host, port, Transport.HTTPS, protocols, apiKey, capabilities, seed);
    }

    public Options withApiKey(String key) {
      return new Options(host, port, transport, protocols, key, capabilities, seed);
    }

    public Options withCapabilities(Set<Capability> caps) {
      return new Options(host, port, transport, protocols, apiKey, caps, seed);
    }

    public Options withAllCapabilities() {
      return withCapabilities(EnumSet.allOf(Capability.class));
    }

    public Options withSeed(long s) {
      return new Options(host, port, transport, protocols, apiKey, capabilities, s);
    }

    @Override
    public String toString() {
      return "Options[host=" + host + ", port=" + port + ", transport=" + transport + ", protocols=" + protocols
          + ", apiKey=<redacted>"
          + ", capabilities=" + capabilities + ", seed=" + seed + "]";
    }
  }

  private final Options options;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicReference<Set<Capability>> capabilities;
  private final EmulatorCounters counters = new EmulatorCounters();
  private final FaultInjector faults;
  private final MechApi api;
  private final Optional<EmulatorTls> tls;
  private Server server;
  private ServerConnector connector;
  private EmulatorHandler handler;

  public MechEmulator(Options options) {
    this.options = Objects.requireNonNull(options, "options");
    this.capabilities = new AtomicReference<>(immutable(options.capabilities()));
    this.faults = new FaultInjector(options.seed());
    this.api = new MechApi(json, capabilities::get);
    this.tls = options.transport() == Transport.HTTPS ? Optional.of(EmulatorTls.generate()) : Optional.empty();
  }

  /** Binds and starts serving; returns this. */
  public synchronized MechEmulator start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("mech-emulator");
    threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    Server s = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    // Document keys are arbitrary text: '/', '%' and dot segments arrive percent-encoded and must reach us.
    http.setUriCompliance(UriCompliance.UNSAFE);
    http.setSendServerVersion(false);
    HttpConnectionFactory h1 = new HttpConnectionFactory(http);
    ServerConnector c = tls.map(t -> secureConnector(s, t, http, h1)).orElseGet(() -> new ServerConnector(s, h1));
    c.setHost(options.host());
    c.setPort(options.port());
    // Longer than a client's usual keep-alive, so the server is not the one closing pooled connections.
    c.setIdleTimeout(120_000);
    c.addEventListener(new ConnectionCounter(counters));
    s.addConnector(c);
    ControlApi control = new ControlApi(json, counters, faults, capabilities::get, this::capabilities);
    EmulatorHandler h = new EmulatorHandler(api, control, faults, counters, json, options.apiKey());
    s.setHandler(h);
    try {
      s.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the Mech emulator on " + options.host() + ":" + options.port(), e);
    }
    this.server = s;
    this.connector = c;
    this.handler = h;
    return this;
  }

  private ServerConnector secureConnector(Server s, EmulatorTls t, HttpConfiguration http, HttpConnectionFactory h1) {
    if (options.protocols() == Protocols.HTTP_1_1) {
      return new ServerConnector(s, new SslConnectionFactory(sslContextFactory(t), h1.getProtocol()), h1);
    }
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(h1.getProtocol());
    return new ServerConnector(s, new SslConnectionFactory(sslContextFactory(t), alpn.getProtocol()), alpn, h2, h1);
  }

  private static SslContextFactory.Server sslContextFactory(EmulatorTls t) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setKeyStore(t.serverKeyStore());
    factory.setKeyStorePassword(new String(EmulatorTls.KEYSTORE_PASSWORD));
    return factory;
  }

  public int port() {
    requireStarted();
    return connector.getLocalPort();
  }

  /** {@code http(s)://127.0.0.1:PORT}, what {@code MECH_BASE_URL} is set to. */
  public String baseUrl() {
    return (tls.isPresent() ? "https" : "http") + "://" + hostForUrl() + ":" + port();
  }

  private String hostForUrl() {
    String h = options.host();
    return h.equals("0.0.0.0") ? "127.0.0.1" : h.contains(":") ? "[" + h + "]" : h;
  }

  public String apiKey() {
    return options.apiKey();
  }

  public Set<Capability> capabilities() {
    return capabilities.get();
  }

  /** Switches extensions on (present) and off (absent), effective from the next request. */
  public void capabilities(Set<Capability> caps) {
    capabilities.set(immutable(caps));
  }

  public Faults faults() {
    return faults.faults();
  }

  /** Replaces the fault set, effective from the next request. */
  public void faults(Faults f) {
    faults.faults(Objects.requireNonNull(f, "faults"));
  }

  public EmulatorStats stats() {
    return counters.snapshot();
  }

  public void resetCounters() {
    counters.reset();
  }

  /** The CA certificate as PEM; only with {@link Transport#HTTPS}. */
  public String caPem() {
    return requireTls().caPem();
  }

  /** An {@link SSLContext} that trusts this emulator's CA; only with {@link Transport#HTTPS}. */
  public SSLContext clientSslContext() {
    return requireTls().clientContext();
  }

  /** A copy of a stored document, for tests that look behind the API. */
  public Optional<ObjectNode> document(String appId, String collection, String key) {
    return api.app(appId).get(collection, key);
  }

  /** How many documents a collection of an app holds. */
  public int size(String appId, String collection) {
    return api.app(appId).size(collection);
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    handler.releaseHung();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the Mech emulator", e);
    } finally {
      server = null;
    }
  }

  private EmulatorTls requireTls() {
    return tls.orElseThrow(() -> new IllegalStateException("the emulator runs plain HTTP; start it withTls()"));
  }

  private void requireStarted() {
    if (connector == null) {
      throw new IllegalStateException("not started");
    }
  }

  private static Set<Capability> immutable(Set<Capability> caps) {
    return caps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(caps));
  }

  /** Runs the emulator on its own; see {@link EmulatorCommand} for the arguments. */
  public static void main(String[] args) {
    System.exit(EmulatorCommand.run(args, System.out, System.err));
  }

  /** Counts TCP connections: those whose end point is the socket itself (beneath TLS, if any). */
  private record ConnectionCounter(EmulatorCounters counters) implements Connection.Listener {
    @Override
    public void onOpened(Connection connection) {
      if (connection.getEndPoint() instanceof SocketChannelEndPoint) {
        counters.connectionOpened();
      }
    }

    @Override
    public void onClosed(Connection connection) {
      if (connection.getEndPoint() instanceof SocketChannelEndPoint) {
        counters.connectionClosed();
      }
    }
  }
}
