// The fast first start (scripts/start.ts, src/platform/db/index.ts): the compiled copy is keyed
// by the source, so a changed file is never run from an older copy; a new embedded data folder
// starts from the migrated template; an existing one is left as it is; and migrateToLatest still
// runs a migration that is missing.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { compile, sourceKey } from "../scripts/start.ts";
import { ensurePgliteTemplate, migrateToLatest, openDatabase } from "../src/platform/db/index.ts";
import { migrations } from "../src/platform/db/migrations/index.ts";

const scratch = mkdtempSync(join(tmpdir(), "ttp-first-start-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("the compiled copy of src/ (scripts/start.ts)", () => {
  it("is keyed by the source: a changed file gets a new copy, the old one is removed", async () => {
    const root = join(scratch, "project");
    mkdirSync(join(root, "src", "lists"), { recursive: true });
    mkdirSync(join(root, "scripts"), { recursive: true });
    writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { jsx: "react-jsx", jsxImportSource: "hono/jsx" } }));
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(join(root, "scripts", "start.ts"), "");
    writeFileSync(join(root, "src", "lists", "words.txt"), "hello");
    writeFileSync(join(root, "src", "platform.ts"), 'export const list = new URL("./lists/words.txt", import.meta.url);\n');
    writeFileSync(join(root, "src", "main.ts"), 'import { list } from "./platform.ts";\nexport const version: number = 1;\nexport { list };\n');
    mkdirSync(join(root, "src", "platform", "db"), { recursive: true });
    writeFileSync(join(root, "src", "platform", "db", "index.ts"), "export const db = 1;\n");
    const cache = join(scratch, "cache");

    const first = sourceKey(root);
    assert.equal(sourceKey(root), first, "the same source, the same key");
    const firstDir = await compile(first, root, cache);
    const compiled = (await import(pathToFileURL(join(firstDir, "main.mjs")).href)) as { version: number; list: URL };
    assert.equal(compiled.version, 1);
    assert.equal(compiled.list.href, pathToFileURL(join(root, "src", "lists", "words.txt")).href, "import.meta.url names the source file");
    assert.equal(readFileSync(compiled.list, "utf8"), "hello");

    writeFileSync(join(root, "src", "main.ts"), 'import { list } from "./platform.ts";\nexport const version: number = 2;\nexport { list };\n');
    const second = sourceKey(root);
    assert.notEqual(second, first, "a changed file changes the key");
    const secondDir = await compile(second, root, cache);
    assert.equal(((await import(pathToFileURL(join(secondDir, "main.mjs")).href)) as { version: number }).version, 2);
    assert.equal(existsSync(firstDir), false, "the older copy is gone");
    assert.deepEqual(readdirSync(cache), [second]);
  });
});

describe("the embedded database's template (src/platform/db/index.ts)", () => {
  it("starts a new data folder migrated, and leaves an existing one alone", async () => {
    const templates = join(scratch, "templates");
    const template = await ensurePgliteTemplate(templates);
    assert.ok(existsSync(join(template, "PG_VERSION")));
    assert.equal(await ensurePgliteTemplate(templates), template, "built once");

    const dataDir = join(scratch, "data");
    const first = await openDatabase({ kind: "pglite", dataDir, templates });
    try {
      const applied = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(first.db);
      assert.equal(applied.rows[0]?.n, Object.keys(migrations).length, "every migration is in the copy");
      await migrateToLatest(first.db);
      await sql`insert into demo_partner_accounts (subject, username) values ('s-1', 'kept')`.execute(first.db);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ kind: "pglite", dataDir, templates });
    try {
      const rows = await sql<{ username: string }>`select username from demo_partner_accounts`.execute(again.db);
      assert.deepEqual(rows.rows, [{ username: "kept" }], "an existing database is not replaced by the template");
    } finally {
      await again.close();
    }
  });

  it("migrateToLatest runs a migration that has not run yet", async () => {
    const handle = await openDatabase({ kind: "pglite" });
    try {
      const names = Object.keys(migrations);
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: () => Promise.resolve(migrations) } });
      const { error } = await migrator.migrateTo(names[names.length - 2]!);
      assert.equal(error, undefined);
      await migrateToLatest(handle.db);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
      assert.deepEqual(
        applied.rows.map((r) => r.name),
        [...names].sort(),
      );
    } finally {
      await handle.close();
    }
  });
});
