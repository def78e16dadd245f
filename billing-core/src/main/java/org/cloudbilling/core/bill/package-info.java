/**
 * The bill itself: {@link org.cloudbilling.core.bill.LineItem}, {@link org.cloudbilling.core.bill.Bill}, pay
 * modes and action types, and the tag history of resources ({@link org.cloudbilling.core.bill.TagBindings}).
 */
@BillingStyle
package org.cloudbilling.core.bill;

import org.cloudbilling.core.internal.BillingStyle;
