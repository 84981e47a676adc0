/**
 * Extension points of the step engine: where the audit trail goes
 * ({@link io.cemkit.workflow.spi.AuditLog}) and who hears about instances and work items
 * ({@link io.cemkit.workflow.spi.WorkflowListener}).
 */
package io.cemkit.workflow.spi;
