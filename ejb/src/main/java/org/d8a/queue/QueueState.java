package org.d8a.queue;

/**
 * What the broker says of the hits queue: its messages (in delivery included), whether an operator paused it, and the
 * page files its address writes once its messages exceed the address's memory limit.
 */
public record QueueState(long messages, boolean paused, long pages) {
}
