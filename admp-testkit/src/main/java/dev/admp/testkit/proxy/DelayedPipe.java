package dev.admp.testkit.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a proxied connection. A reader stamps each chunk with its delivery time
 * (read time, or the connection's establishment if later, plus half the RTT) and queues it; a
 * writer delivers the chunks in queue order, each no earlier than its stamp. The queue keeps the
 * byte order whatever the RTT does meanwhile.
 */
final class DelayedPipe {
  /** Reports the end of the pipe: {@code true} when it ended on an error rather than a clean EOF. */
  interface EndListener {
    void ended(boolean failed);
  }

  private enum Kind { DATA, EOF, RESET }

  private record Chunk(Kind kind, byte[] bytes, long dueNanos) {}

  private final Socket from;
  private final Socket to;
  private final long establishedAt;
  private final AtomicLong rttNanos;
  private final EndListener listener;
  private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
  private Thread reader;
  private Thread writer;

  DelayedPipe(Socket from, Socket to, long establishedAt, AtomicLong rttNanos, EndListener listener) {
    this.from = from;
    this.to = to;
    this.establishedAt = establishedAt;
    this.rttNanos = rttNanos;
    this.listener = listener;
  }

  void start(String name) {
    reader = Thread.ofVirtual().name(name + "-read").start(this::read);
    writer = Thread.ofVirtual().name(name + "-write").start(this::write);
  }

  void stop() {
    if (writer != null) {
      writer.interrupt();
    }
  }

  private long due() {
    return Math.max(System.nanoTime(), establishedAt) + rttNanos.get() / 2;
  }

  private void read() {
    byte[] buffer = new byte[64 * 1024];
    try {
      InputStream in = from.getInputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (n > 0) {
          queue.add(new Chunk(Kind.DATA, Arrays.copyOf(buffer, n), due()));
        }
      }
      queue.add(new Chunk(Kind.EOF, null, due()));
    } catch (IOException e) {
      // Reset or closed under us: the writer passes a reset on, at its time, so faults stay visible.
      queue.add(new Chunk(Kind.RESET, null, due()));
    }
  }

  private void write() {
    try {
      OutputStream out = to.getOutputStream();
      while (true) { // ends on EOF, reset or failure
        Chunk chunk = queue.take();
        waitUntil(chunk.dueNanos());
        switch (chunk.kind()) {
          case DATA -> {
            out.write(chunk.bytes());
            out.flush();
          }
          case EOF -> {
            if (!to.isClosed()) {
              to.shutdownOutput();
            }
            listener.ended(false);
            return;
          }
          case RESET -> {
            if (!to.isClosed()) {
              to.setSoLinger(true, 0);
              to.close();
            }
            listener.ended(true);
            return;
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      listener.ended(true);
    }
  }

  private static void waitUntil(long dueNanos) throws InterruptedException {
    long wait;
    while ((wait = dueNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
