/** Primitive-keyed collections that avoid boxing on the hot path. */
package dev.tradewind.engine.collection;
