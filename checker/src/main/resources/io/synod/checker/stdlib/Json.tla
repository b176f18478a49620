--------------------------------- MODULE Json -------------------------------
(***************************************************************************)
(* Conversion of values to and from JSON text and files.  All operators    *)
(* are evaluated natively: sequences become arrays, records and functions  *)
(* objects, sets arrays.                                                   *)
(***************************************************************************)
LOCAL INSTANCE Sequences
LOCAL INSTANCE TLC
  \* as TLC's own Json module: the dependency fixes the order TLC reports modules in

ToJson(value) == CHOOSE text \in STRING : TRUE

ToJsonArray(value) == CHOOSE text \in STRING : TRUE

ToJsonObject(value) == CHOOSE text \in STRING : TRUE

JsonSerialize(absoluteFilename, value) == TRUE
  \* native: writes value as one JSON document to the file

JsonDeserialize(absoluteFilename) == CHOOSE value : TRUE
  \* native: the value of the JSON document in the file

ndJsonSerialize(absoluteFilename, value) == TRUE
  \* native: writes the elements of the sequence value one JSON document per line

ndJsonDeserialize(absoluteFilename) == CHOOSE value : TRUE
  \* native: the sequence of the JSON documents, one per line, in the file

=============================================================================
