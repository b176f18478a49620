---------------------------- MODULE MCConsensus ----------------------------
(* The abstract consensus spec checked on its own (see MCConsensus.cfg). *)
EXTENDS Consensus
=============================================================================
