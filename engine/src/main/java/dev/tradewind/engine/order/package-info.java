/** Order vocabulary shared by commands, events and results: side, type, time in force, status. */
package dev.tradewind.engine.order;
