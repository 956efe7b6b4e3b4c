import { createDatabase, DEFAULT_ADMIN_URL, dropDatabase, planBenchDatabase } from "./database.ts";
import { newAppKeyText, parseAppKey, useAppKeys } from "../src/platform/app-key.ts";
import { openDatabase, migrateToLatest } from "../src/platform/db/index.ts";
import { usersPageEndpoint } from "./users-page.ts";
import { dashboardEndpoint } from "./dashboard.ts";
useAppKeys({ current: parseAppKey(newAppKeyText()), previous: null });
const adminUrl = DEFAULT_ADMIN_URL;
const database = planBenchDatabase(adminUrl);
await createDatabase(adminUrl, database);
try {
  const h = await openDatabase({ kind: "postgres", url: database.url, poolSize: 2 });
  await migrateToLatest(h.db);
  await h.close();
  const which = process.argv[2];
  const e = which === "users" ? await usersPageEndpoint(database.url, { grown: true, progress: () => {} }) : await dashboardEndpoint(database.url, { grown: true, progress: () => {} });
  console.log((e.notes ?? []).join("\n"));
} finally {
  await dropDatabase(adminUrl, database);
}
