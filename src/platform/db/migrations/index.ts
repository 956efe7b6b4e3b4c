// Every migration, in order. Listed explicitly (not read from the folder) so that the
// set is known at compile time and test templates can be keyed by it.
import type { Migration } from "kysely/migration";
import * as m0001 from "./0001_foundation.ts";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
};
