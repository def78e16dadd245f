package org.cloudbilling.core.testing;

import java.io.FilterReader;
import java.io.IOException;
import java.io.StringReader;

/** A reader of a text that records whether it was closed, to check who closes the reader a test hands over. */
public final class ClosingReader extends FilterReader {
    private boolean closed;

    /**
     * Creates the reader.
     *
     * @param text what it reads, not null
     */
    public ClosingReader(String text) {
        super(new StringReader(text));
    }

    /** Returns whether {@link #close()} was called. */
    public boolean closed() {
        return closed;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        super.close();
    }
}
