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
  \* native: value as JSON text, as TLC writes it (no spaces; a sequence an array, a record
  \* or other function an object, a set an array in TLC's order, a model value a string)

ToJsonArray(value) == CHOOSE text \in STRING : TRUE
  \* native: value, a sequence or set, as a JSON array

ToJsonObject(value) == CHOOSE text \in STRING : TRUE
  \* native: value, a record or function, as a JSON object (a sequence keyed by 0, 1, ...)

JsonSerialize(absoluteFilename, value) == TRUE
  \* native: writes value as one JSON document to the file

JsonDeserialize(absoluteFilename) == CHOOSE value : TRUE
  \* native: the value of the JSON document in the file

ndJsonSerialize(absoluteFilename, value) == TRUE
  \* native: writes the elements of the sequence value one JSON document per line

ndJsonDeserialize(absoluteFilename) == CHOOSE value : TRUE
  \* native: the sequence of the JSON documents, one per line, in the file

=============================================================================
