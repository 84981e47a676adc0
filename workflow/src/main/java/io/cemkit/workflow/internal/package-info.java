/**
 * Implementation details of the step engine. Not supported API: anything here may change without
 * notice.
 */
package io.cemkit.workflow.internal;
