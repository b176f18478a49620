package io.synod.checker.engine;

import io.synod.checker.value.StringTable;
import io.synod.checker.value.Value;
import io.synod.checker.value.ValueCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The checkpoint file of a search: one file, {@value #NAME}, in the checkpoint directory.
 *
 * <p>Layout (big-endian): the magic {@code SYNODCKP}, a format version, the header (the
 * identity the checkpoint was written for, the seed, the counts at the checkpoint), the intern
 * table of strings and model values (their order decides the order of sets, so a later process
 * must give them the same tokens before it decodes a state), the search's own snapshot
 * ({@link BfsSearch#writeSnapshot}), its temporal part ({@link BfsSearch#writeLiveness}: a
 * flag, and for a model with temporal properties the lengths and checksums of the recorded
 * behaviour graph's files, the initial states, the tableau nodes reached and the schedule of
 * the checks of the graph so far), then a CRC-32 of everything before it and the magic
 * {@code SYNODEND}. A file without the end magic is a truncated one; a CRC that does not match
 * is a corrupt one; both are refused before anything is read.
 *
 * <p>The behaviour graph lives beside the file, in {@code NAME.graph-*} files that only grow
 * ({@link io.synod.checker.liveness.GraphCheckpoint}): a checkpoint appends what was recorded
 * since the previous one and forces it before the file naming their lengths replaces the
 * previous one.
 *
 * <p>Written to {@code NAME.tmp}, forced to disk, then renamed over the previous checkpoint
 * (atomically) and the directory forced: a crash at any point leaves either the previous
 * checkpoint or the new one, whole.
 */
public final class CheckpointFile {
  /** The checkpoint's file name in its directory. */
  public static final String NAME = "checkpoint.synod";

  /** The start of the names of the behaviour-graph files beside it (temporal properties). */
  static final String GRAPH_PREFIX = NAME + ".";
  private static final byte[] MAGIC = "SYNODCKP".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "SYNODEND".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 2;
  private static final int TRAILER = 16;

  private CheckpointFile() {}

  /** The counts and settings a checkpoint was written with (read without the states). */
  public record Header(Map<String, String> identity, long seed, long distinct, long generated,
      long queued, int depth, long writtenAtMillis) {}

  /** What writing one checkpoint took. */
  record Written(long bytes, long millis) {}

  /** The checkpoint file in {@code dir}. */
  public static Path file(Path dir) {
    return dir.resolve(NAME);
  }

  /** Whether {@code dir} holds a checkpoint (whole or not). */
  public static boolean exists(Path dir) {
    return Files.exists(file(dir));
  }

  /**
   * Reads the header of the checkpoint in {@code dir}, after checking that the file is there and
   * complete (its CRC is checked when the search reads it).
   *
   * @throws CheckpointException naming the problem: no such directory, no checkpoint in it, a
   *     truncated or foreign file
   */
  public static Header inspect(Path dir) {
    Path f = file(dir);
    if (!Files.isDirectory(dir)) {
      throw new CheckpointException("cannot recover from " + dir + ": "
          + (Files.exists(dir) ? "not a directory" : "no such directory")
          + " (give the directory of an earlier check's checkpoint: its -metadir)");
    }
    if (!Files.isRegularFile(f)) {
      throw new CheckpointException("cannot recover from " + dir + ": it holds no checkpoint ("
          + NAME + "); a check writes one there with -checkpoint MINUTES -metadir " + dir);
    }
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      checkEnd(f, ch);
      DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
      return readHeader(f, in);
    } catch (IOException e) {
      throw failure("read", f, e);
    }
  }

  /** Deletes the checkpoint in {@code dir} (and a half-written one), then {@code dir} if empty. */
  public static void discard(Path dir) {
    try {
      Files.deleteIfExists(file(dir));
      Files.deleteIfExists(tmp(dir));
      io.synod.checker.liveness.GraphCheckpoint.delete(dir, GRAPH_PREFIX);
      try (var s = Files.list(dir)) {
        if (s.findAny().isEmpty()) {
          Files.deleteIfExists(dir);
        }
      }
    } catch (IOException e) {
      // what is left is a finished check's checkpoint: harmless
    }
  }

  private static Path tmp(Path dir) {
    return dir.resolve(NAME + ".tmp");
  }

  /**
   * Writes a checkpoint of {@code search} (its workers stopped) to {@code dir}.
   *
   * @throws CheckpointException when it cannot be written; the previous one is then untouched
   */
  static Written write(Path dir, Map<String, String> identity, long seed, SpecModel model,
      BfsSearch search) {
    long t0 = System.nanoTime();
    Path tmp = tmp(dir);
    Path f = file(dir);
    long appended = 0;
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
            new CheckedOutputStream(Channels.newOutputStream(ch), crc), 1 << 16));
        out.write(MAGIC);
        out.writeInt(VERSION);
        Map<String, String> id = new TreeMap<>(identity);
        out.writeInt(id.size());
        for (Map.Entry<String, String> e : id.entrySet()) {
          writeString(out, e.getKey());
          writeString(out, e.getValue());
        }
        SearchStats st = search.stats();
        out.writeLong(seed);
        out.writeLong(st.distinct());
        out.writeLong(st.generated());
        out.writeLong(st.queue());
        out.writeInt(st.depth());
        out.writeLong(System.currentTimeMillis());
        ValueCodec codec = new ValueCodec();
        writeStrings(out, model.strings(), codec);
        int known = codec.tableSize();
        search.writeSnapshot(out, codec);
        if (codec.tableSize() != known) {
          // a string that is not in the check's table could not be given the same token later
          throw new CheckpointException("cannot write a checkpoint to " + f
              + ": a state holds a string the check's intern table does not know");
        }
        appended = search.writeLiveness(out, dir);
        out.flush();
        long sum = crc.getValue();
        out.writeLong(sum);
        out.write(END);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new CheckpointException("cannot write a checkpoint to " + dir
            + ": its file system cannot replace a file atomically");
      }
      forceDirectory(dir);
      return new Written(Files.size(f) + appended, (System.nanoTime() - t0) / 1_000_000);
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(tmp);
      throw failure("write", tmp, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
    } catch (RuntimeException e) {
      deleteQuietly(tmp);
      if (e instanceof CheckpointException) {
        throw e;
      }
      throw new CheckpointException("cannot write a checkpoint to " + f + ": " + e.getMessage());
    }
  }

  /**
   * Restores {@code search} (not started) from the checkpoint in {@code dir}: checks the file
   * whole and written for {@code identity}, gives the check's intern table the checkpoint's
   * names in their order, then hands the rest to the search.
   *
   * @throws CheckpointException when the checkpoint is missing, truncated, corrupt or was
   *     written for another spec, config or options
   */
  static Header restore(Path dir, Map<String, String> identity, SpecModel model, BfsSearch search) {
    Header h = inspect(dir);
    String mismatch = mismatch(h.identity(), identity);
    if (mismatch != null) {
      throw new CheckpointException("cannot recover from " + dir + ": " + mismatch);
    }
    Path f = file(dir);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      long body = checkEnd(f, ch);
      checkSum(f, ch, body);
      ch.position(0);
      CountingInput counted = new CountingInput(new BufferedInputStream(Channels.newInputStream(ch), 1 << 16));
      DataInputStream in = new DataInputStream(counted);
      readHeader(f, in);
      ValueCodec codec = new ValueCodec();
      readStrings(in, model.strings(), codec);
      search.readSnapshot(in, codec);
      search.readLiveness(in, dir);
      if (counted.count != body) {
        throw corrupt(f, "its sections end at byte " + counted.count + ", not " + body);
      }
      return h;
    } catch (EOFException e) {
      throw corrupt(f, "it ends inside a section");
    } catch (IOException e) {
      throw failure("read", f, e);
    } catch (CheckpointException e) {
      throw e;
    } catch (RuntimeException e) {
      // malformed content the CRC did not catch (or a file from another Synod version)
      throw corrupt(f, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /**
   * Why a checkpoint written for {@code stored} cannot serve a check of {@code now}, or null.
   */
  public static String mismatch(Map<String, String> stored, Map<String, String> now) {
    for (Map.Entry<String, String> e : new TreeMap<>(now).entrySet()) {
      String was = stored.get(e.getKey());
      if (!e.getValue().equals(was)) {
        String what = switch (e.getKey()) {
          case "modules" -> "the spec's modules differ from";
          case "config" -> "the model's config file differs from";
          case "synod" -> "this Synod (" + e.getValue() + ") is not the Synod (" + was + ") of";
          default -> "option " + e.getKey() + " is " + e.getValue() + ", not " + was + " as in";
        };
        return what + " the check that wrote the checkpoint (recover with the same spec, config and"
            + " options, or start afresh without -recover)";
      }
    }
    return null;
  }

  private static long checkEnd(Path f, FileChannel ch) throws IOException {
    long size = ch.size();
    ByteBuffer b = ByteBuffer.allocate(END.length);
    if (size >= MAGIC.length + TRAILER) {
      ch.read(b, size - END.length);
    }
    if (size < MAGIC.length + TRAILER || !Arrays.equals(b.array(), END)) {
      throw new CheckpointException("cannot recover from " + f + ": the checkpoint is truncated (" + size
          + " bytes, no end marker): it was not written completely");
    }
    return size - TRAILER;
  }

  private static void checkSum(Path f, FileChannel ch, long body) throws IOException {
    CRC32 crc = new CRC32();
    ByteBuffer b = ByteBuffer.allocate(1 << 16);
    long pos = 0;
    while (pos < body) {
      b.clear();
      b.limit((int) Math.min(b.capacity(), body - pos));
      int n = ch.read(b, pos);
      if (n < 0) {
        throw new EOFException();
      }
      b.flip();
      crc.update(b);
      pos += n;
    }
    ByteBuffer s = ByteBuffer.allocate(8);
    ch.read(s, body);
    if (s.getLong(0) != crc.getValue()) {
      throw corrupt(f, "its checksum does not match its content");
    }
  }

  private static Header readHeader(Path f, DataInputStream in) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    in.readFully(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new CheckpointException("cannot recover from " + f + ": not a Synod checkpoint");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new CheckpointException("cannot recover from " + f + ": checkpoint format " + version
          + ", this Synod reads format " + VERSION + " (resume it with the Synod that wrote it,"
          + " or start afresh without -recover)", true);
    }
    int n = in.readInt();
    if (n < 0 || n > 1000) {
      throw corrupt(f, "implausible header");
    }
    Map<String, String> id = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      id.put(readString(in), readString(in));
    }
    return new Header(id, in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(),
        in.readLong());
  }

  private static void writeStrings(DataOutputStream out, StringTable table, ValueCodec codec)
      throws IOException {
    List<String> names = table == null ? List.of() : table.names();
    List<String> models = table == null ? List.of() : table.modelNames();
    out.writeInt(names.size());
    for (String s : names) {
      writeString(out, s);
    }
    out.writeInt(models.size());
    for (String s : models) {
      writeString(out, s);
    }
    codec.preload(values(table, names, models));
  }

  private static void readStrings(DataInputStream in, StringTable table, ValueCodec codec)
      throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IllegalStateException("implausible intern table");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(readString(in));
    }
    int m = in.readInt();
    if (m < 0 || m > n) {
      throw new IllegalStateException("implausible model values");
    }
    List<String> models = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      models.add(readString(in));
    }
    if (table == null) {
      if (n > 0) {
        throw new IllegalStateException("the model has no intern table for the checkpoint's strings");
      }
      return;
    }
    // The check interned its modules and config already, in the same order as the one that
    // wrote the checkpoint; names made at run time follow in the order they were made.
    for (int i = 0; i < n; i++) {
      if (table.token(names.get(i)) != i) {
        throw new CheckpointException("cannot recover: the names of the spec differ from those"
            + " of the check that wrote the checkpoint (" + names.get(i) + ")");
      }
    }
    for (String name : models) {
      table.modelValue(name);
    }
    if (!table.modelNames().equals(models)) {
      throw new CheckpointException("cannot recover: the model values differ from those of the"
          + " check that wrote the checkpoint");
    }
    codec.preload(values(table, names, models));
  }

  /** The strings of the table, then its model values: the ids both ends of a checkpoint use. */
  private static List<Value> values(StringTable table, List<String> names, List<String> models) {
    List<Value> v = new ArrayList<>(names.size() + models.size());
    for (String s : names) {
      v.add(table.string(s));
    }
    for (String s : models) {
      v.add(table.modelValue(s));
    }
    return v;
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 28)) {
      throw new IllegalStateException("implausible string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some systems cannot open a directory; the rename is then as durable as they make it
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a stale temp file is overwritten by the next checkpoint
    }
  }

  private static CheckpointException corrupt(Path f, String why) {
    return new CheckpointException("cannot recover from " + f + ": the checkpoint is corrupt (" + why
        + ")");
  }

  private static CheckpointException failure(String verb, Path f, IOException e) {
    String why = e instanceof NoSuchFileException ? "no such file"
        : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
        : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new CheckpointException("cannot " + verb + " checkpoint " + f + ": " + why);
  }

  /** Counts the bytes read, to check that the sections end where the trailer starts. */
  private static final class CountingInput extends FilterInputStream {
    long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = super.skip(n);
      count += k;
      return k;
    }
  }
}
