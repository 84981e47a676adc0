package io.cemkit.core.internal;

import io.cemkit.core.CsvFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Decodes UTF-8 strictly and, at the first malformed byte, throws a {@link CsvFormatException}
 * with the line it is on: the reader counts the line breaks it has decoded itself, so the number is
 * right however far ahead its consumer buffers. Not supported API; use
 * {@link io.cemkit.core.CsvReader#ofUtf8(InputStream)}.
 */
public final class StrictUtf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private long lineBreaks;
  /** Bytes already dropped from the front of the buffer. */
  private long bytesBefore;
  private boolean endOfInput;
  private boolean flushed;

  /**
   * A reader of the stream.
   *
   * @param in the bytes; closed by {@link #close()}
   */
  public StrictUtf8Reader(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (out.position() == offset) {
      if (flushed) {
        return -1;
      }
      int start = out.position();
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      countLineBreaks(buffer, start, out.position());
      if (result.isError()) {
        long at = bytesBefore + bytes.position();
        int bad = bytes.get(bytes.position()) & 0xFF;
        throw new CsvFormatException(lineBreaks + 1, String.format(Locale.ROOT,
            "the file is not valid UTF-8: byte 0x%02X at byte offset %d (save the file as UTF-8)", bad, at));
      }
      if (result.isOverflow()) {
        break;
      }
      if (endOfInput) {
        decoder.flush(out);
        flushed = true;
        break;
      }
      refill();
    }
    int produced = out.position() - offset;
    return produced == 0 ? -1 : produced;
  }

  private void refill() throws IOException {
    int consumed = bytes.position();
    bytes.compact();
    bytesBefore += consumed;
    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (read < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
  }

  private void countLineBreaks(char[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        lineBreaks++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
