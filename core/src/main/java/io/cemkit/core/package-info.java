/**
 * The cemkit domain model: customers with their consent ledger, agreements with their items,
 * entitlements, payment plans, assets, amendments and lifecycle events, and the agreement rules
 * written on top of them. Every type here is immutable; every change returns a new value and
 * records an event whose time comes from an injected {@link java.time.Clock}.
 */
@CemkitStyle
package io.cemkit.core;

import io.cemkit.core.internal.CemkitStyle;
