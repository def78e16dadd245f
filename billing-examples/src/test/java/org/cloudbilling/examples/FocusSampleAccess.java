package org.cloudbilling.examples;

import java.util.List;
import org.cloudbilling.core.bill.LineItem;

/** Opens the package-private {@link FocusSample} reader to the tests of other packages. */
public final class FocusSampleAccess {
    private FocusSampleAccess() {}

    /** Returns the bundled FOCUS sample's line items, read by {@link FocusSample#read()}. */
    public static List<LineItem> read() {
        return FocusSample.read();
    }
}
