/**
 * Implementation details of the NPS module (distribution functions, root finding, the in-memory
 * stores). Not supported API: anything here may change without notice.
 */
package io.cemkit.nps.internal;
