/**
 * The cemkit step engine (in progress). This release holds the process definitions:
 * {@link io.cemkit.workflow.ProcessDefinition}, a versioned, immutable set of steps, each with an
 * action and a {@link io.cemkit.workflow.Performer} (a work queue of people, an external partner or
 * an automated handler), and {@link io.cemkit.workflow.Route}s on typed Java predicates over the
 * step's outcome and the instance's variables. A definition is validated when it is built.
 */
@CemkitStyle
package io.cemkit.workflow;

import io.cemkit.core.internal.CemkitStyle;
