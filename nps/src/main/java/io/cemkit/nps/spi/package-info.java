/**
 * Extension points of the NPS module: where responses and follow-ups are stored
 * ({@link io.cemkit.nps.spi.FeedbackStore}, with an in-memory default) and who hears about them
 * ({@link io.cemkit.nps.spi.FeedbackListener}).
 */
package io.cemkit.nps.spi;
