package io.cemkit.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style shared by every cemkit module, applied in each API package's
 * {@code package-info.java}.
 *
 * <p>Source retention keeps the annotation (and the Immutables annotations it carries) out of the
 * compiled classes, so hosts that compile against cemkit with {@code -Xlint -Werror} never see a
 * missing annotation type. Not supported API.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    jdkOnly = true,
    strictBuilder = true,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    // Keep Immutables' own @Generated (class retention) out of the generated classes: downstream
    // compiles without value-annotations on the classpath would warn about it under -Xlint.
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = true))
public @interface CemkitStyle {}
