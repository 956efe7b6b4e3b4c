// Every migration, in order. Listed explicitly (not read from the folder) so that the
// set is known at compile time and test templates can be keyed by it.
import type { Migration } from "kysely/migration";
import * as m0001 from "./0001_foundation.ts";
import * as m0002 from "./0002_identity.ts";
import * as m0003 from "./0003_demo_partner.ts";
import * as m0004 from "./0004_staff.ts";
import * as m0005 from "./0005_registration.ts";
import * as m0006 from "./0006_outbox_sensitive.ts";
import * as m0007 from "./0007_recurring_jobs.ts";
import * as m0008 from "./0008_company_users.ts";
import * as m0009 from "./0009_urn_expiry.ts";
import * as m0010 from "./0010_people_name_index.ts";
import * as m0011 from "./0011_activation_attempts.ts";
import * as m0012 from "./0012_keyed_hashes.ts";
import * as m0013 from "./0013_profiles.ts";
import * as m0014 from "./0014_review.ts";
import * as m0015 from "./0015_membership_life.ts";
import * as m0016 from "./0016_partner_sign_out.ts";
import * as m0017 from "./0017_profiles_version.ts";
import * as m0018 from "./0018_strong_factors.ts";
import * as m0019 from "./0019_company_page_versions.ts";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_identity": m0002,
  "0003_demo_partner": m0003,
  "0004_staff": m0004,
  "0005_registration": m0005,
  "0006_outbox_sensitive": m0006,
  "0007_recurring_jobs": m0007,
  "0008_company_users": m0008,
  "0009_urn_expiry": m0009,
  "0010_people_name_index": m0010,
  "0011_activation_attempts": m0011,
  "0012_keyed_hashes": m0012,
  "0013_profiles": m0013,
  "0014_review": m0014,
  "0015_membership_life": m0015,
  "0016_partner_sign_out": m0016,
  "0017_profiles_version": m0017,
  "0018_strong_factors": m0018,
  "0019_company_page_versions": m0019,
};
