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
 *
 * <p>Process variables are stored with their instance, so they are a closed set: a variable's name
 * is a code (1 to 128 letters, digits and {@code - _ . : /}, starting with a letter or digit) and its
 * value one of {@link java.lang.String}, {@link java.lang.Boolean}, {@link java.lang.Integer},
 * {@link java.lang.Long}, {@link java.lang.Double} (finite), {@link java.math.BigDecimal},
 * {@link java.time.Instant}, {@link java.time.LocalDate}, {@link java.time.Duration} or
 * {@link io.cemkit.core.Money}. {@link io.cemkit.workflow.StartRequest} and
 * {@link io.cemkit.workflow.StepResult} refuse anything else where it enters, with an
 * {@link java.lang.IllegalArgumentException} naming the variable, its class and the allowed types,
 * so that an instance read back from a store has exactly the variables it was written with.
 * {@link io.cemkit.workflow.InstanceRecord} describes the JSON form of what the engine stores, for
 * a host's JSON-backed {@link io.cemkit.workflow.spi.InstanceStore} and
 * {@link io.cemkit.workflow.spi.AuditLog}.
 *
 * <p>SLA deadlines count working time on a {@link io.cemkit.workflow.BusinessCalendar}: the
 * interface states the contract (half-open working intervals on the time-line, and the laws that
 * {@code plus} and {@code between} obey) so that a host can plug in its own;
 * {@link io.cemkit.workflow.WorkingHours} is the standard one (weekly hours in a time zone, holidays,
 * special days, daylight saving handled by a stated rule) and
 * {@link io.cemkit.workflow.BusinessCalendar#always()} counts around the clock.
 *
 * <p>{@link io.cemkit.workflow.ProcessInsight} reads the audit records, live or replayed, into an
 * {@link io.cemkit.workflow.InsightReport} (wait and work time, throughput, backlog and SLA compliance
 * per process, step and performer) and a {@link io.cemkit.workflow.BottleneckReport} that names what
 * adds the most delay and why.
 */
@CemkitStyle
package io.cemkit.workflow;

import io.cemkit.core.internal.CemkitStyle;
