package org.cloudbilling.core.bill;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells Immutables to store an {@code Optional} attribute of {@link LineItem} as the {@code Optional} object: without
 * it, the generated class keeps the bare value and makes a new {@code Optional} on every call of the accessor
 * (issue 17). The accessors still never return null: {@code LineItem.check()} refuses a null {@code Optional}, and an
 * attribute not set is {@code Optional.empty()} (the builder starts with every one empty).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.LOCAL_VARIABLE})
@interface Nullable {}
