package org.cloudbilling.core.focus.parquet.internal;

/**
 * A reader of Parquet's RLE/bit-packed hybrid encoding (definition levels, dictionary ids) from a page's bytes: runs
 * of one repeated value, and runs of values packed in {@link #bitWidth} bits, least significant bit first. Bytes
 * that end before a run does throw an {@link IllegalStateException}, as parquet-java's decoder throws on them.
 *
 * <p>Not thread-safe: one per column chunk read.
 */
final class Hybrid {
    private byte[] bytes;
    private int at;
    private int to;
    private int bitWidth;
    private int mask;
    /** The values left in the current run: all {@link #runValue} if RLE, else bit-packed from {@link #packedFrom}. */
    private int runLeft;

    private boolean rle;
    private int runValue;
    private int packedFrom;
    private int packedNext;

    /** Reads {@code bytes} from {@code from} to {@code to}, values of {@code bitWidth} bits (0 to 32). */
    void reset(byte[] bytes, int from, int to, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new IllegalStateException("values of " + bitWidth + " bits");
        }
        this.bytes = bytes;
        this.at = from;
        this.to = to;
        this.bitWidth = bitWidth;
        this.mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
        this.runLeft = 0;
    }

    /** The next value. */
    int next() {
        while (runLeft == 0) {
            nextRun();
        }
        runLeft--;
        if (rle) {
            return runValue;
        }
        long bit = (long) packedNext++ * bitWidth;
        int i = packedFrom + (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        int need = (shift + bitWidth + 7) >>> 3;
        if (i + need > to) {
            throw new IllegalStateException("a bit-packed run ends past its page");
        }
        long word = 0;
        for (int k = 0; k < need; k++) {
            word |= (long) (bytes[i + k] & 0xFF) << (8 * k);
        }
        return (int) (word >>> shift) & mask;
    }

    private void nextRun() {
        int header = 0;
        for (int shift = 0; ; shift += 7) {
            if (at >= to || shift > 28) {
                throw new IllegalStateException("the encoded values end before the page's values");
            }
            int b = bytes[at++] & 0xFF;
            header |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if ((header & 1) == 0) {
            rle = true;
            runLeft = header >>> 1;
            int value = 0;
            int width = (bitWidth + 7) / 8;
            if (at + width > to) {
                throw new IllegalStateException("the encoded values end before the page's values");
            }
            for (int k = 0; k < width; k++) {
                value |= (bytes[at++] & 0xFF) << (8 * k);
            }
            runValue = value;
        } else {
            rle = false;
            int groups = header >>> 1;
            runLeft = groups * 8;
            packedFrom = at;
            packedNext = 0;
            // a run cut short by the page's end is read only as far as the page's values go
            at += (int) Math.min((long) groups * bitWidth, to - at);
        }
    }
}
