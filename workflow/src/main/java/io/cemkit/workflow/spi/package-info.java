/**
 * Extension points of the step engine: where instances are stored
 * ({@link io.cemkit.workflow.spi.InstanceStore}), where the audit trail goes
 * ({@link io.cemkit.workflow.spi.AuditLog}), who hears about instances and work items
 * ({@link io.cemkit.workflow.spi.WorkflowListener}), where SLAs come from
 * ({@link io.cemkit.workflow.spi.SlaResolver}), and what the ready CRM processes need from the host:
 * its billing ({@link io.cemkit.workflow.spi.Billing}) and its offers
 * ({@link io.cemkit.workflow.spi.Catalog}).
 */
package io.cemkit.workflow.spi;
