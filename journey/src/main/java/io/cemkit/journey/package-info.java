/**
 * Designed customer journey maps (J1–J5, J8). A {@link io.cemkit.journey.JourneyMap} is built for a
 * persona with a goal, a segment and an audience (customers or prospects): ordered
 * {@link io.cemkit.journey.Stage}s, {@link io.cemkit.journey.MapTouchpoint}s with their channel, owning
 * department, emotion and messages, and the service blueprint's backstage and support
 * {@link io.cemkit.journey.BlueprintStep}s. The map answers with its
 * {@link io.cemkit.journey.EmotionCurve} and moments of truth, the departments that speak in each stage and
 * where their messages differ ({@link io.cemkit.journey.InterfaceConflict}), and the places where ownership
 * changes hands ({@link io.cemkit.journey.HandoffFlag}, ranked by risk);
 * {@link io.cemkit.journey.SegmentComparison} sets the same journey for several segments side by side.
 * {@link io.cemkit.journey.JourneyMapJson}, {@link io.cemkit.journey.MermaidRenderer} and
 * {@link io.cemkit.journey.HtmlRenderer} write it out.
 */
@CemkitStyle
package io.cemkit.journey;

import io.cemkit.core.internal.CemkitStyle;
