/**
 * Net Promoter Score done properly. {@link io.cemkit.nps.NpsTally} is the core type: an exact,
 * mergeable and subtractable histogram of answers from which every figure derives.
 * {@link io.cemkit.nps.NpsStatistics} gives standard errors, Wald, adjusted-Wald and score
 * intervals, two-sample tests, sample-size planning and the Dirichlet posterior;
 * {@link io.cemkit.nps.NpsBreakdown} groups answers by any key, calendar period or rolling window;
 * {@link io.cemkit.nps.NpsRanking} ranks agents fairly; {@link io.cemkit.nps.FeedbackLoop} closes the
 * loop on detractors and promoters.
 */
@CemkitStyle
package io.cemkit.nps;

import io.cemkit.core.internal.CemkitStyle;
