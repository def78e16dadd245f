package org.cloudbilling.core.io.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Not API: cuts the rows of one part of a UTF-8 CSV file into cells on the bytes, the one row cutter of the byte
 * fast paths (the canonical and the FOCUS CSV). Quotes are respected, {@code ""} is an escaped quote, a quoted cell
 * may hold line breaks (counted). What it cannot cut with certainty (a quote inside an unquoted cell, text after a
 * closing quote, a lone CR, an unclosed quote, a row of more than a mebibyte or of more than {@link #MAX_CELLS}
 * cells) stops the part there ({@link Part#stopped}): the caller's plain reader reads the rest of the file, and
 * reports it exactly.
 *
 * <p>The cells of the row being handed to a {@link RowHandler} are read through {@link #buf()}, {@link #starts},
 * {@link #ends} and {@link #quoted} (a quoted cell's range includes its quotes), and the helpers below: its text
 * ({@link #text}), whether it is empty, a simple decimal ({@link #simpleDecimal}), a time of the fixed form
 * {@code 2024-09-01T00:00:00Z} ({@link #fixedEpochSecond}).
 *
 * <p>Holds per-thread state (the buffer): one per thread, reused for many parts.
 */
public final class CsvByteRows {
    /** The most cells a row may have on the fast path. */
    public static final int MAX_CELLS = 4096;
    /** A row longer than this many bytes stops the fast path; the plain reader applies its own limit. */
    private static final int MAX_ROW_BYTES = 1 << 20;

    /** The cells' bytes read 8 at a time, the first byte in the lowest bits. */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final int MORE = -1;
    private static final int WEIRD = -2;

    /** What takes the rows of a part. */
    public interface RowHandler {
        /**
         * Takes the row just cut, its first line counted from the part's first row (0); returns whether to go on.
         * Throws {@link #UNUSUAL} to stop the fast path before this row.
         */
        boolean row(long line);
    }

    /** Where a part's reading ended. */
    public static final class Part {
        /** The file offset of the part's first row. */
        public long start;
        /** The file offset after the last row read: the next part's first row, or where the fast path stopped. */
        public long end;
        /** The lines from {@link #start} to {@link #end}. */
        public long lines;
        /** Whether the fast path stopped at {@link #end}: the rest of the file is for the plain reader. */
        public boolean stopped;
        /** Whether the handler asked to stop. */
        public boolean halted;
    }

    /** Thrown by a {@link RowHandler}, or by {@link #text}, for a row the fast path cannot read with certainty. */
    public static final class Unusual extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Unusual() {
            super("unusual row", null, false, false);
        }
    }

    /** The one {@link Unusual}: it carries no stack. */
    public static final Unusual UNUSUAL = new Unusual();

    private final String source;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private byte[] buf;
    private long bufStart;
    private int n;
    private boolean eof;

    /** Where each cell of the current row starts in {@link #buf()} (at its opening quote if quoted). */
    public final int[] starts = new int[MAX_CELLS];
    /** Where each cell of the current row ends in {@link #buf()} (after its closing quote if quoted). */
    public final int[] ends = new int[MAX_CELLS];
    /** Whether each cell of the current row is quoted. */
    public final boolean[] quoted = new boolean[MAX_CELLS];

    private int cells;
    private int rowLines;
    /** Whether the row just cut has a byte past ASCII. */
    private boolean nonAscii;
    /** Whether a cell of the row just cut starts with {@code '}, as a guarded cell does. */
    private boolean guardLike;
    /** The empty cells of the row just cut: bit k for cell k, for rows of at most 64 cells. */
    private long empty;

    // the last simple decimal parsed
    private long units;
    private int scale;

    /**
     * @param source the name errors give, such as the file name
     */
    public CsvByteRows(String source) {
        this.source = source;
    }

    /** The buffer the current row's cells are in. */
    public byte[] buf() {
        return buf;
    }

    /** The number of cells of the current row. */
    public int cells() {
        return cells;
    }

    /** Whether the current row has a byte past ASCII (noted while it was cut). */
    public boolean nonAscii() {
        return nonAscii;
    }

    /** Whether a cell of the current row starts with {@code '}, as a guarded cell does (noted while it was cut). */
    public boolean guardLike() {
        return guardLike;
    }

    /**
     * The empty cells of the current row ({@code ""} included), noted while it was cut: bit k set for empty cell k;
     * 0 for a row of more than 64 cells.
     */
    public long emptyMask() {
        return empty;
    }

    /** The unscaled value of the last {@link #simpleDecimal}. */
    public long units() {
        return units;
    }

    /** The scale of the last {@link #simpleDecimal}. */
    public int scale() {
        return scale;
    }

    /**
     * Reads the rows that start in {@code [nominalStart, nominalEnd)}: from the first line start at or after
     * {@code nominalStart}, or from {@code firstRow} when it is known (not negative).
     */
    public Part read(
            FileChannel channel, long size, long nominalStart, long nominalEnd, long firstRow, RowHandler handler) {
        Part part = new Part();
        long pos;
        // a window of the part, not the whole part: the buffer is made once per parser, and a part of 16 MiB read
        // into a buffer of its size cost 16 MiB per parser per file; a row past the window is read again at its
        // start (MORE), and a row of MAX_ROW_BYTES always fits a window of twice that
        int capacity = (int) Math.min(2 * MAX_ROW_BYTES, nominalEnd - nominalStart + 65_536 + 1);
        if (firstRow >= 0) {
            pos = firstRow;
            fill(channel, size, pos, Math.min(capacity, 65_536));
        } else {
            fill(channel, size, nominalStart - 1, capacity);
            pos = size;
            for (long p = nominalStart - 1; ; p++) {
                int i = (int) (p - bufStart);
                if (i >= n) {
                    if (eof) {
                        break;
                    }
                    fill(channel, size, p, Math.max(capacity, 65_536));
                    i = 0;
                }
                if (buf[i] == '\n') {
                    pos = p + 1;
                    break;
                }
            }
        }
        part.start = pos;
        long line = 0;
        while (pos < nominalEnd && pos < size) {
            int i = (int) (pos - bufStart);
            int after;
            if (i < 0 || i >= n) {
                fill(channel, size, pos, capacity);
                continue;
            }
            after = cut(i);
            if (after == MORE) {
                if (n - i >= MAX_ROW_BYTES) {
                    after = WEIRD;
                } else {
                    fill(channel, size, pos, Math.max(capacity, 2 * (n - i) + 65_536));
                    continue;
                }
            }
            if (after == WEIRD) {
                part.stopped = true;
                break;
            }
            boolean go;
            try {
                go = handler.row(line);
            } catch (Unusual w) {
                part.stopped = true;
                break;
            }
            pos = bufStart + after;
            line += rowLines;
            if (!go) {
                part.halted = true;
                break;
            }
        }
        part.end = pos;
        part.lines = line;
        return part;
    }

    private void fill(FileChannel channel, long size, long from, int capacity) {
        if (buf == null || buf.length < capacity) {
            buf = new byte[capacity];
        }
        int len = (int) Math.min(buf.length, size - from);
        ByteBuffer target = ByteBuffer.wrap(buf, 0, len);
        try {
            while (target.hasRemaining()) {
                int r = channel.read(target, from + target.position());
                if (r < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bufStart = from;
        n = target.position();
        if (n == 0 && from < size) {
            throw new UncheckedIOException(
                    new IOException(source + " is shorter than when it was opened: it changed while it was read"));
        }
        eof = from + n >= size;
    }

    /**
     * Cuts the row at {@code i} into cells; returns the index after it, {@link #MORE} or {@link #WEIRD}. In the same
     * pass it notes what a fast path needs to know of the row ({@link #nonAscii()}, {@link #guardLike()},
     * {@link #emptyMask()}), so no byte is read twice.
     */
    private int cut(int i) {
        byte[] b = buf;
        int c = 0;
        int lines = 1;
        boolean high = false; // a byte past ASCII
        boolean apostrophe = false; // a cell starting with '
        long emptyCells = 0;
        while (true) {
            if (c == MAX_CELLS) {
                return WEIRD;
            }
            byte first = i < n ? b[i] : 0;
            if (first == ',') {
                // an empty unquoted cell followed by another (most cells of a FOCUS row): no scan, no word read
                starts[c] = i;
                ends[c] = i;
                quoted[c] = false;
                emptyCells |= 1L << c;
                c++;
                i++;
                continue;
            }
            if (first == '"') {
                int s = i++;
                while (true) {
                    if (i + 8 <= n) { // 8 bytes at a time to the first that may matter
                        long m = rare((long) LONG.get(b, i), ONES * ('"' + 1));
                        if (m == 0) {
                            i += 8;
                            continue;
                        }
                        i += Long.numberOfTrailingZeros(m) >>> 3;
                    } else if (i >= n) {
                        return eof ? WEIRD : MORE; // an unclosed quote: the plain reader says so
                    }
                    byte x = b[i];
                    if (x <= '"') { // a quote, a line break, a byte past ASCII (negative), or another rare byte
                        if (x == '"') {
                            if (i + 1 >= n && !eof) {
                                return MORE;
                            }
                            if (i + 1 < n && b[i + 1] == '"') {
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        } else if (x == '\n') {
                            lines++;
                        } else if (x == '\r') {
                            if (i + 1 >= n && !eof) {
                                return MORE;
                            }
                            if (i + 1 >= n || b[i + 1] != '\n') {
                                return WEIRD;
                            }
                        } else if (x < 0) {
                            high = true;
                        }
                    }
                    i++;
                }
                starts[c] = s;
                ends[c] = i;
                quoted[c] = true;
                if (i - s == 2) {
                    emptyCells |= 1L << c;
                } else if (b[s + 1] == '\'') {
                    apostrophe = true;
                }
                c++;
            } else {
                int s = i;
                while (true) {
                    if (i + 8 <= n) { // 8 bytes at a time to the first that may matter
                        long m = rare((long) LONG.get(b, i), ONES * (',' + 1));
                        if (m == 0) {
                            i += 8;
                            continue;
                        }
                        i += Long.numberOfTrailingZeros(m) >>> 3;
                    } else if (i >= n) {
                        break;
                    }
                    byte x = b[i];
                    if (x <= ',') { // a comma, a quote, a line break, a byte past ASCII, or another rare byte
                        if (x == ',' || x == '\n' || x == '\r' || x == '"') {
                            break;
                        }
                        if (x < 0) {
                            high = true;
                        }
                    }
                    i++;
                }
                starts[c] = s;
                ends[c] = i;
                quoted[c] = false;
                if (i == s) {
                    emptyCells |= 1L << c;
                } else if (b[s] == '\'') {
                    apostrophe = true;
                }
                c++;
            }
            if (i >= n) {
                if (!eof) {
                    return MORE;
                }
                return cutAt(i, c, lines, high, apostrophe, emptyCells);
            }
            byte x = b[i];
            if (x == ',') {
                i++;
            } else if (x == '\n') {
                return cutAt(i + 1, c, lines, high, apostrophe, emptyCells);
            } else if (x == '\r') {
                if (i + 1 >= n && !eof) {
                    return MORE;
                }
                if (i + 1 < n && b[i + 1] == '\n') {
                    return cutAt(i + 2, c, lines, high, apostrophe, emptyCells);
                }
                return WEIRD;
            } else {
                return WEIRD; // a quote inside an unquoted cell, or text after a closing quote
            }
        }
    }

    /**
     * The bytes of {@code w} (8 bytes, the first in the lowest) below {@code below}'s byte (at most 0x80) or past
     * ASCII: the high bit of each such byte set. Exact for the lowest such byte, which is all the cutter asks: a
     * borrow may mark a byte above it too.
     */
    private static long rare(long w, long below) {
        return ((w - below) | w) & HIGH_BITS;
    }

    /** Notes the row just cut; returns {@code after}. */
    private int cutAt(int after, int c, int lines, boolean high, boolean apostrophe, long emptyCells) {
        cells = c;
        rowLines = lines;
        nonAscii = high;
        guardLike = apostrophe;
        empty = c <= 64 ? emptyCells : 0;
        return after;
    }

    /** Whether cell {@code k} is empty ({@code ""} included). */
    public boolean isEmpty(int k) {
        int len = ends[k] - starts[k];
        return len == 0 || (quoted[k] && len == 2);
    }

    /** The first byte of the cell's text, or -1 for an empty cell. */
    public int firstByte(int k) {
        if (isEmpty(k)) {
            return -1;
        }
        return buf[quoted[k] ? starts[k] + 1 : starts[k]];
    }

    /** Whether the bytes of cells {@code from} to {@code to} (inclusive) are all ASCII. */
    public boolean ascii(int from, int to) {
        byte[] b = buf;
        for (int i = starts[from], e = ends[to]; i < e; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The cell's text, decoded strictly; throws {@link #UNUSUAL} for bytes that are not UTF-8. */
    public String text(int k) {
        int s = starts[k];
        int e = ends[k];
        byte[] bytes = buf;
        if (quoted[k]) {
            s++;
            e--;
            int quotes = 0;
            for (int i = s; i < e; i++) {
                if (bytes[i] == '"') {
                    quotes++;
                }
            }
            if (quotes > 0) {
                byte[] plain = new byte[e - s - quotes / 2];
                int o = 0;
                for (int i = s; i < e; i++) {
                    plain[o++] = bytes[i];
                    if (bytes[i] == '"') {
                        i++; // "" is one quote
                    }
                }
                bytes = plain;
                s = 0;
                e = plain.length;
            }
        }
        for (int i = s; i < e; i++) {
            if (bytes[i] < 0) {
                try {
                    CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes, s, e - s));
                    return chars.toString();
                } catch (CharacterCodingException x) {
                    throw UNUSUAL;
                }
            }
        }
        return new String(bytes, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses an unquoted cell of the form {@code -?[0-9]+(\.[0-9]+)?} of at most 18 digits into {@link #units()}
     * and {@link #scale()}; false for any other cell.
     */
    public boolean simpleDecimal(int k) {
        return !quoted[k] && simpleDecimal(starts[k], ends[k]);
    }

    /** As {@link #simpleDecimal(int)}, the cell quoted or not: {@code "12.5"} reads as 12.5. */
    public boolean simpleDecimalQuotedOrNot(int k) {
        return quoted[k] ? simpleDecimal(starts[k] + 1, ends[k] - 1) : simpleDecimal(starts[k], ends[k]);
    }

    /**
     * Whether the cell, quoted or not, is what {@link #simpleDecimalQuotedOrNot} reads, without reading its value: a
     * cheaper proof for a decimal cell that is checked but not totalled.
     */
    public boolean isSimpleDecimalQuotedOrNot(int k) {
        int from = starts[k];
        int to = ends[k];
        if (quoted[k]) {
            from++;
            to--;
        }
        byte[] b = buf;
        int i = from < to && b[from] == '-' ? from + 1 : from;
        int digits = to - i;
        int point = -1;
        for (int j = i; j < to; j++) {
            int c = b[j];
            if (c < '0' || c > '9') {
                if (c != '.' || point >= 0) {
                    return false;
                }
                point = j;
                digits--;
            }
        }
        // at least one digit, at most 18, and a point (if any) with a digit on either side
        return digits > 0 && digits <= 18 && (point < 0 || (point > i && point < to - 1));
    }

    private boolean simpleDecimal(int from, int to) {
        byte[] b = buf;
        int i = from;
        int e = to;
        int len = e - i;
        if (len >= 8 && len <= 16 && len == lastDecimalLength) {
            // the same bytes as the last simple decimal (a row's costs often repeat one another): the same value
            if ((long) LONG.get(b, i) == lastDecimalHead && (long) LONG.get(b, e - 8) == lastDecimalTail) {
                return true;
            }
        }
        if (i == e) {
            return false;
        }
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long u = 0;
        int digits = 0;
        int point = -1;
        int sc = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                u = u * 10 + d;
                digits++;
                if (point >= 0) {
                    sc++;
                }
            } else if (b[i] == '.' && point < 0 && digits > 0) {
                point = i;
            } else {
                return false;
            }
        }
        if (digits == 0 || digits > 18 || (point >= 0 && sc == 0)) {
            return false;
        }
        units = negative ? -u : u;
        scale = sc;
        if (len >= 8 && len <= 16) {
            lastDecimalLength = len;
            lastDecimalHead = (long) LONG.get(b, from);
            lastDecimalTail = (long) LONG.get(b, to - 8);
        } else {
            lastDecimalLength = 0;
        }
        return true;
    }

    // the bytes of the last simple decimal of 8 to 16 bytes, whose value units and scale hold: its length (0 for
    // none), its first 8 bytes and its last 8 (which overlap for fewer than 16)
    private int lastDecimalLength;
    private long lastDecimalHead;
    private long lastDecimalTail;

    /** No time: what {@link #fixedEpochSecond} returns for a cell of another form. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    /**
     * The seconds since the epoch of an unquoted cell of the fixed form {@code 2024-09-01T00:00:00Z} in the years 1
     * to 9998, or {@link #NO_TIME} for any other text.
     */
    public long fixedEpochSecond(int k) {
        int s = starts[k];
        byte[] b = buf;
        if (quoted[k]
                || ends[k] - s != 20
                || b[s + 10] != 'T'
                || b[s + 13] != ':'
                || b[s + 16] != ':'
                || b[s + 19] != 'Z') {
            return NO_TIME;
        }
        int hour = digits(b, s + 11, 2);
        int minute = digits(b, s + 14, 2);
        int second = digits(b, s + 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NO_TIME;
        }
        // the date: most often one read before (the times of a file fall on a few dozen days)
        long head = (long) LONG.get(b, s); // the date's bytes 0 to 7
        long tail = (long) LONG.get(b, s + 2); // and 2 to 9
        long mixed = (head ^ Long.rotateLeft(tail, 29)) * 0x9E3779B97F4A7C15L;
        int slot = (int) (mixed >>> 58); // DATE_SLOTS of them
        long days;
        if (head == dateHeads[slot] && tail == dateTails[slot]) {
            days = dateDays[slot];
        } else {
            days = epochDay(b, s);
            if (days == NO_DAY) {
                return NO_TIME;
            }
            dateHeads[slot] = head;
            dateTails[slot] = tail;
            dateDays[slot] = days;
        }
        return days * 86_400 + hour * 3_600L + minute * 60L + second;
    }

    /** The slots of the dates {@link #fixedEpochSecond} read last, by a hash of the date's bytes. */
    private static final int DATE_SLOTS = 64;

    private static final long NO_DAY = Long.MIN_VALUE;
    /** A valid date that every slot holds at first. */
    private static final byte[] FIRST_DATE = "1970-01-01".getBytes(StandardCharsets.US_ASCII);

    // per slot, the 10 bytes of the last date read there (bytes 0 to 7 and 2 to 9, 8 at a time) and its day since
    // the epoch
    private final long[] dateHeads = new long[DATE_SLOTS];
    private final long[] dateTails = new long[DATE_SLOTS];
    private final long[] dateDays = new long[DATE_SLOTS];

    {
        java.util.Arrays.fill(dateHeads, (long) LONG.get(FIRST_DATE, 0));
        java.util.Arrays.fill(dateTails, (long) LONG.get(FIRST_DATE, 2));
        // dateDays: 0, the day of 1970-01-01
    }

    /**
     * The day since 1970-01-01 of the date {@code YYYY-MM-DD} at {@code s} (years 1 to 9998), or {@link #NO_DAY}
     * for any other text.
     */
    private static long epochDay(byte[] b, int s) {
        if (b[s + 4] != '-' || b[s + 7] != '-') {
            return NO_DAY;
        }
        int year = digits(b, s, 4);
        int month = digits(b, s + 5, 2);
        int day = digits(b, s + 8, 2);
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (year < 1 || year > 9998 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(month, leap)) {
            return NO_DAY;
        }
        long y = year - 1;
        return y * 365
                + y / 4
                - y / 100
                + y / 400 // days before year, from 0001-01-01
                + DAYS_BEFORE_MONTH[month - 1]
                + (leap && month > 2 ? 1 : 0)
                + day
                - 1
                - 719_162; // 0001-01-01 to 1970-01-01
    }

    private static int lengthOfMonth(int month, boolean leap) {
        return switch (month) {
            case 2 -> leap ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of {@code count} ASCII digits, or -1 if one is not a digit. */
    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
