/**
 * The cemkit step engine. {@link io.cemkit.workflow.ProcessDefinition} is a versioned, immutable
 * set of steps, each with an action and a {@link io.cemkit.workflow.Performer} (a work queue of
 * people, an external partner or an automated handler), and {@link io.cemkit.workflow.Route}s on
 * typed Java predicates over the step's outcome and the instance's variables; it is validated when
 * it is built. {@link io.cemkit.workflow.WorkflowEngine} runs deployed definitions: automated steps
 * inline, human and partner steps as {@link io.cemkit.workflow.WorkItem}s in queues, with
 * idempotent starts and completions, one writer per instance, a visible failed state with retry,
 * and one {@link io.cemkit.workflow.AuditRecord} per transition. In this release the engine keeps
 * its instances in memory.
 */
@CemkitStyle
package io.cemkit.workflow;

import io.cemkit.core.internal.CemkitStyle;
