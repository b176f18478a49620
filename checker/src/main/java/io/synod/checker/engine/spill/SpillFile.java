package io.synod.checker.engine.spill;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One file of a spill directory: appended to by one thread, read by positional reads (safe from
 * any thread). I/O errors become {@link SpillException}s naming the file.
 */
public final class SpillFile implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final AtomicLong written;
  private long end;

  SpillFile(Path path, AtomicLong written) {
    this.path = path;
    this.written = written;
    try {
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw SpillDirectory.failure("create", path, e);
    }
  }

  /** Appends {@code len} bytes of {@code b} and returns the offset they start at. */
  public long append(byte[] b, int len) {
    long at = end;
    write(at, ByteBuffer.wrap(b, 0, len));
    end = at + len;
    return at;
  }

  /** Writes the remaining bytes of {@code buf} at {@code position}. */
  public void write(long position, ByteBuffer buf) {
    long pos = position;
    try {
      while (buf.hasRemaining()) {
        pos += channel.write(buf, pos);
      }
    } catch (IOException e) {
      throw SpillDirectory.failure("write", path, e);
    }
    written.addAndGet(pos - position);
    end = Math.max(end, pos);
  }

  /**
   * Maps {@code size} bytes at {@code position} for reading and writing, growing the file as
   * needed; the bytes count as spilled.
   */
  public java.nio.MappedByteBuffer map(long position, long size) {
    try {
      java.nio.MappedByteBuffer b = channel.map(FileChannel.MapMode.READ_WRITE, position, size);
      written.addAndGet(size);
      end = Math.max(end, position + size);
      return b;
    } catch (IOException e) {
      throw SpillDirectory.failure("map", path, e);
    }
  }

  /** Reads exactly {@code buf.remaining()} bytes at {@code position}. */
  public void read(long position, ByteBuffer buf) {
    long pos = position;
    try {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, pos);
        if (n < 0) {
          throw new SpillException("spill file " + path + " is shorter than expected (" + pos
              + " bytes): was it deleted or truncated by another process?");
        }
        pos += n;
      }
    } catch (IOException e) {
      throw SpillDirectory.failure("read", path, e);
    }
  }

  /** Closes and deletes the file (its data is no longer needed). */
  @Override
  public void close() {
    try {
      channel.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // The directory is removed as a whole at the end of the check anyway.
    }
  }
}
