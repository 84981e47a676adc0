/**
 * Extension points the host implements: data sources and storage that cemkit calls but does not
 * own. Each interface states its contract in its Javadoc.
 */
package io.cemkit.core.spi;
