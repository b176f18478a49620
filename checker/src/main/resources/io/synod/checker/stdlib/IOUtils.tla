-------------------------------- MODULE IOUtils -----------------------------
(***************************************************************************)
(* Files, processes and environment variables from within a model run.     *)
(* All operators are evaluated natively.                                   *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers
LOCAL INSTANCE SequencesExt
  \* as the community module: the dependencies fix the order TLC reports modules in

LOCAL ExecResult == [exitValue : Int, stdout : STRING, stderr : STRING]

IOSerialize(val, absoluteFilename, compress) == TRUE
  \* native: writes val to the file (Synod writes ITF JSON, optionally gzipped)

IODeserialize(absoluteFilename, compressed) == CHOOSE val : TRUE
  \* native: the value stored in the file by IOSerialize

Serialize(value, dest, options) == CHOOSE outcome \in [exitValue : Int] : TRUE
  \* native: writes value to dest in the format named by options.format

Deserialize(src, options) == CHOOSE outcome : TRUE
  \* native: reads a value from src in the format named by options.format

IOExec(command) == CHOOSE result \in ExecResult : TRUE
  \* native: runs the program and arguments of the sequence command

IOEnvExec(env, command) == CHOOSE result \in ExecResult : TRUE
  \* native: IOExec with the environment variables of record env

IOExecTemplate(commandTemplate, parameters) == CHOOSE result \in ExecResult : TRUE
  \* native: IOExec of the template with %s replaced by parameters in order

IOEnvExecTemplate(env, commandTemplate, parameters) == CHOOSE result \in ExecResult : TRUE
  \* native: IOExecTemplate with the environment variables of record env

IOEnv == CHOOSE variables : TRUE
  \* native: the environment variables as a record

atoi(str) == CHOOSE n \in Int : TRUE
  \* native: the integer written in the string str

zeroPadN(n, pad) == CHOOSE text \in STRING : TRUE
  \* native: n written with leading zeros to pad digits

=============================================================================
