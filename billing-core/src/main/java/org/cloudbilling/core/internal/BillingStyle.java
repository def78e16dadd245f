package org.cloudbilling.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: generated classes stay package-private behind the abstract
 * value type, which exposes {@code builder()} and a nested public {@code Builder}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = true),
        depluralize = true,
        forceJacksonPropertyNames = false)
public @interface BillingStyle {}
