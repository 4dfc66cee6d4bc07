/** Commands (imperative records) and their compact binary journal codec. */
package dev.tradewind.engine.command;
