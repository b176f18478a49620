package io.synod.sim.twophase;

/** A resource manager's journal record: its state in {@code txn} is now {@code state}. */
public record RmDisk(long txn, RmState state) implements io.synod.sim.DiskRecord {}
