package io.synod.sim.twophase;

/** The transaction manager's journal record: transaction {@code txn} was decided. */
public record TmDisk(long txn, boolean commit) implements io.synod.sim.DiskRecord {}
