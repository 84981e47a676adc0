package io.cemkit.core;

/**
 * A CSV file that cannot be read: says on which line and why (an unterminated quote, a row with
 * the wrong number of fields, a missing or duplicate column, a value that does not parse).
 */
public final class CsvFormatException extends CemkitException {
  private static final long serialVersionUID = 1L;

  private final long line;

  /**
   * A format error.
   *
   * @param line the 1-based line number where the problem is (the header is line 1)
   * @param reason what is wrong, naming the column and value where there is one
   */
  public CsvFormatException(long line, String reason) {
    super("line " + line + ": " + reason);
    this.line = line;
  }

  /**
   * The 1-based line number.
   *
   * @return the line
   */
  public long line() {
    return line;
  }
}
