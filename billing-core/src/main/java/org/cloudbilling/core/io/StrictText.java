package org.cloudbilling.core.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes into text strictly (IO-1): a byte sequence that is not valid in the charset is an error naming
 * the line and column where it starts, never replaced by {@code U+FFFD} as {@link java.io.InputStreamReader}
 * does.
 *
 * <pre>{@code
 * Reader text = StrictText.reader(Files.newInputStream(path), Charset.forName("GB18030"), path.toString());
 * }</pre>
 *
 * <p>The readers of this library (the CSV formats, JSON and the reconciliation lists) turn the failure into a
 * {@link BillingInputException} whose {@link InputProblem} reads {@code bill.csv:2:41: the text is not valid
 * GB18030 ...}: line 2, the 41st character of the line (the first character that could not be decoded). Read
 * directly, the returned reader throws a {@link MalformedTextException}, an {@link IOException}.
 */
public final class StrictText {
    private StrictText() {}

    /**
     * Returns a reader of {@code in} that decodes it strictly in {@code charset}.
     *
     * @param in the bytes, not null; closed with the returned reader
     * @param charset the charset, such as UTF-8 or GB18030, not null
     * @param source the name of the input for messages, such as a file name, not null
     * @return the reader, never null; not thread-safe
     */
    public static Reader reader(InputStream in, Charset charset, String source) {
        return new Decoding(requireNonNull(in, "in"), requireNonNull(charset, "charset"), requireNonNull(source), 1);
    }

    /** Returns a reader as {@link #reader(InputStream, Charset, String)} of text whose first line is {@code line}. */
    public static Reader reader(InputStream in, Charset charset, String source, long line) {
        return new Decoding(requireNonNull(in, "in"), requireNonNull(charset, "charset"), requireNonNull(source), line);
    }

    /**
     * Returns {@code bytes} decoded strictly in {@code charset}.
     *
     * @param bytes the text, not null
     * @param charset the charset, not null
     * @param source the name of the input for messages, not null
     * @return the text, never null
     * @throws BillingInputException if a byte sequence is not valid in the charset, naming its line and column
     */
    public static String decode(byte[] bytes, Charset charset, String source) {
        StringBuilder s = new StringBuilder(bytes.length);
        char[] buf = new char[8192];
        try (Reader r = reader(new java.io.ByteArrayInputStream(bytes), charset, source)) {
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                s.append(buf, 0, n);
            }
        } catch (MalformedTextException e) {
            throw new BillingInputException(e.problem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    /**
     * Thrown by a {@link StrictText} reader for a byte sequence that is not valid in its charset; carries the
     * {@link InputProblem} with the line and column.
     */
    public static final class MalformedTextException extends CharacterCodingException {
        private static final long serialVersionUID = 1L;

        private final transient InputProblem problem;

        MalformedTextException(InputProblem problem) {
            this.problem = problem;
        }

        /** Returns where and why, never null. */
        public InputProblem problem() {
            return problem;
        }

        @Override
        public String getMessage() {
            return problem.toString();
        }
    }

    /** The decoding reader: counts lines and columns of the characters it hands out, to name where it fails. */
    private static final class Decoding extends Reader {
        private final InputStream in;
        private final Charset charset;
        private final String source;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(8192);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private boolean endOfBytes;
        private boolean flushed;
        /** The error met after the characters still in {@link #chars}, handed out first; null when none. */
        private CoderResult error;

        private long line;
        private long column = 1;
        private boolean afterCr;

        Decoding(InputStream in, Charset charset, String source, long line) {
            this.in = in;
            this.line = line;
            this.charset = charset;
            this.source = source;
            this.decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            bytes.flip();
            chars.flip();
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (error != null) {
                    throw failure();
                }
                if (flushed) {
                    return -1;
                }
                decodeMore();
            }
            int n = Math.min(len, chars.remaining());
            chars.get(buf, off, n);
            count(buf, off, n);
            return n;
        }

        private void decodeMore() throws IOException {
            chars.clear();
            try {
                if (!endOfBytes && bytes.remaining() < 16) {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        endOfBytes = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
                CoderResult r = decoder.decode(bytes, chars, endOfBytes);
                if (r.isError()) {
                    error = r;
                } else if (endOfBytes && !bytes.hasRemaining()) {
                    r = decoder.flush(chars);
                    if (r.isError()) {
                        error = r;
                    } else {
                        flushed = true;
                    }
                }
            } finally {
                chars.flip();
            }
        }

        private void count(char[] buf, int off, int n) {
            for (int i = off; i < off + n; i++) {
                char c = buf[i];
                if (c == '\n') {
                    if (!afterCr) {
                        line++;
                    }
                    column = 1;
                    afterCr = false;
                } else if (c == '\r') {
                    line++;
                    column = 1;
                    afterCr = true;
                } else {
                    if (!Character.isLowSurrogate(c)) {
                        column++;
                    }
                    afterCr = false;
                }
            }
        }

        private MalformedTextException failure() {
            int length = error.length();
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(length, 4) && bytes.position() + i < bytes.limit(); i++) {
                hex.append(hex.length() == 0 ? "" : " ")
                        .append(String.format(java.util.Locale.ROOT, "%02X", bytes.get(bytes.position() + i)));
            }
            String what = error.isUnmappable() ? "cannot be mapped to a character" : "is malformed";
            return new MalformedTextException(InputProblem.at(
                    source,
                    line,
                    (int) Math.min(column, Integer.MAX_VALUE),
                    "the text is not valid " + charset.name() + ": the byte sequence " + hex + " " + what
                            + "; give the file's encoding (such as GB18030 for a Chinese export)"));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
