package org.nix4j.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A one-way in-memory pipe whose ends ignore thread interrupts (unlike NIO pipes, which close
 * when a writing thread is interrupted, and {@code PipedInputStream}, which fails when the
 * writing thread ends): the server cancels work by interrupting its threads.
 */
final class BytePipe {
  private final byte[] buf = new byte[1 << 16];
  private int read;
  private int count;
  private boolean closed;

  final InputStream in = new InputStream() {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      synchronized (BytePipe.this) {
        while (count == 0 && !closed) {
          try {
            BytePipe.this.wait(100);
          } catch (InterruptedException e) {
            // keep waiting: see the class comment
          }
        }
        if (count == 0) {
          return -1;
        }
        int n = Math.min(len, Math.min(count, buf.length - read));
        System.arraycopy(buf, read, b, off, n);
        read = (read + n) % buf.length;
        count -= n;
        BytePipe.this.notifyAll();
        return n;
      }
    }

    @Override
    public void close() {
      BytePipe.this.close();
    }
  };

  final OutputStream out = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      synchronized (BytePipe.this) {
        while (len > 0) {
          if (closed) {
            throw new IOException("pipe closed");
          }
          if (count == buf.length) {
            try {
              BytePipe.this.wait(100);
            } catch (InterruptedException e) {
              // keep waiting
            }
            continue;
          }
          int at = (read + count) % buf.length;
          int n = Math.min(len, Math.min(buf.length - count, buf.length - at));
          System.arraycopy(b, off, buf, at, n);
          count += n;
          off += n;
          len -= n;
          BytePipe.this.notifyAll();
        }
      }
    }

    @Override
    public void close() {
      BytePipe.this.close();
    }
  };

  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
