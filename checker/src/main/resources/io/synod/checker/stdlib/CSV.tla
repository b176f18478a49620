--------------------------------- MODULE CSV ---------------------------------
(***************************************************************************)
(* Reading and writing CSV files while checking. The writes are effects:  *)
(* they evaluate to TRUE and append a line to the file.                   *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers

\* Appends String.format(template, val[1], val[2], ...) (strings unquoted) and a newline.
CSVWrite(template, val, file) == TRUE
  \* native

\* Appends the record's values separated by delim, after a line of its field names when headers.
CSVWriteRecord(record, delim, headers, file) == TRUE
  \* native

\* The lines of the file as records from the column names to the strings between delimiters.
CSVRead(columns, delimiter, file) == CHOOSE rows : TRUE
  \* native

\* The number of lines of the file (0 when it does not exist).
CSVRecords(file) == CHOOSE n \in Nat : TRUE
  \* native

=============================================================================
