/**
 * Implementation of the journey module: text measuring and escaping, SVG and HTML writing, the Mermaid
 * sanitiser. Not supported API; anything here may change without notice.
 */
package io.cemkit.journey.internal;
