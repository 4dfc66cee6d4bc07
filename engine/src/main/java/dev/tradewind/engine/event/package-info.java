/** Events: immutable records of facts, each stamped with the engine sequence and timestamp. */
package dev.tradewind.engine.event;
