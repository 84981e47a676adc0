/**
 * Implementation details of cemkit core: validation helpers, the shared Immutables style and JSON
 * plumbing. Not supported API: anything here may change or disappear in any release.
 */
package io.cemkit.core.internal;
