/** What the submitter of a command gets back, including stable rejection codes. */
package dev.tradewind.engine.result;
