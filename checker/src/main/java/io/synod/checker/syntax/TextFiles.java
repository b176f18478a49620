package io.synod.checker.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How every reader of Synod (specs, configs, histories, traces) turns a file into text: UTF-8,
 * strictly, with the position of the first byte that is not UTF-8 (Java's own message says only
 * "Input length = 1"), and a leading byte order mark dropped, so that an editor that writes one
 * makes no difference anywhere.
 */
public final class TextFiles {
  private TextFiles() {}

  /** Undecodable input, with the file, line and column of the first bad byte in the message. */
  public static final class MalformedTextException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String detail;

    MalformedTextException(String file, int line, int column, String detail) {
      super(file + ":" + line + ":" + column + ": " + detail);
      this.line = line;
      this.column = column;
      this.detail = detail;
    }

    /** The message without the position. */
    public String detail() {
      return detail;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  /** The text of {@code file}; the message of a decoding error names it as given. */
  public static String read(Path file) throws IOException {
    return decode(Files.readAllBytes(file), file.toString());
  }

  /** The text of a stream (standard input), named {@code name} in messages. */
  public static String read(InputStream in, String name) throws IOException {
    return decode(in.readAllBytes(), name);
  }

  /** Decodes {@code bytes} as UTF-8, without a leading byte order mark. */
  public static String decode(byte[] bytes, String name) throws MalformedTextException {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isUnderflow()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      throw malformed(name, out, bytes[in.position()] & 0xff);
    }
    out.flip();
    return out.toString();
  }

  private static MalformedTextException malformed(String name, CharBuffer decoded, int bad) {
    // what decoded cleanly ends just before the bad byte: its last line is the bad byte's line
    int line = 1;
    int lineStart = 0;
    int end = decoded.position();
    for (int i = 0; i < end; i++) {
      if (decoded.get(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new MalformedTextException(name, line, end - lineStart + 1, String.format(
        "byte 0x%02X is not valid UTF-8 (Synod reads text files as UTF-8; re-save the file"
            + " in that encoding)", bad));
  }
}
