// `npm start`: the portal (src/main.ts), from a compiled copy of src/ instead of transpiling
// every file on the fly (tsx). DESIGN asks for the first page within 5 s of `npm start`.
//
// Plain Node runs this file (Node 24 strips its types; it imports nothing from src/). It
// hashes the source (every file under src/, tsconfig.json, package.json, this file and the
// compiler's version) and runs node_modules/.cache/ttp-start/<hash>/main.mjs, compiling it
// first when no copy for that hash exists: one esbuild bundle of src/ (the packages stay
// in node_modules, loaded as usual). The hash is taken at every start, so a changed source is
// always compiled again, never run from an older copy; a copy appears whole or not at all
// (compiled into a temporary folder, then renamed). `import.meta.url` (and dirname, filename)
// keep naming each source file, so files read next to the source (static assets, lists, the
// record's schema) are found as under tsx; stack traces point into src/ (source maps).
//
// `npm install`/`npm ci` run it once with --prepare (the postinstall script): it compiles and
// builds the embedded database's migrated template (src/platform/db/index.ts), so that even the
// very first start does neither. If compiling fails (esbuild missing…), the portal runs
// through tsx as before, with a warning.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { enableCompileCache } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Compiled copies (one folder per source hash) and the database templates. */
export const CACHE_DIR = join(ROOT, "node_modules", ".cache", "ttp-start");
const ENTRY_POINTS = { main: "src/main.ts", db: "src/platform/db/index.ts" } as const;
const TARGET = "node24";

function filesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function esbuildVersion(root: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, "node_modules", "esbuild", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "none";
  }
}

/** The hash of everything the compiled copy is made from. */
export function sourceKey(root = ROOT): string {
  const hash = createHash("sha256");
  const files = [...filesUnder(join(root, "src")), join(root, "tsconfig.json"), join(root, "package.json"), join(root, "scripts", "start.ts")];
  for (const file of files.map((f) => relative(root, f).split(sep).join("/")).sort()) {
    hash.update(file).update("\0").update(readFileSync(join(root, file))).update("\0");
  }
  return hash.update(`esbuild ${esbuildVersion(root)} ${TARGET}`).digest("hex").slice(0, 20);
}

interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
  transform(input: string, options: Record<string, unknown>): Promise<{ code: string }>;
}

/** Compiles src/ into `CACHE_DIR/<key>` (whole, via a temporary folder); returns that folder. */
export async function compile(key: string, root = ROOT, cacheDir = CACHE_DIR): Promise<string> {
  const out = join(cacheDir, key);
  if (existsSync(join(out, "main.mjs"))) return out;
  const esbuild = (await import("esbuild")) as unknown as Esbuild;
  const tsconfigRaw = readFileSync(join(root, "tsconfig.json"), "utf8");
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRY_POINTS,
      outdir: tmp,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: TARGET,
      tsconfigRaw,
      sourcemap: "linked",
      logLevel: "silent",
      plugins: [
        {
          // import.meta.url in a bundle would name the bundle: each source file keeps its own.
          name: "source-import-meta",
          setup(build: { onLoad(options: { filter: RegExp }, load: (args: { path: string }) => Promise<unknown>): void }) {
            build.onLoad({ filter: /\.[cm]?tsx?$/ }, async ({ path }) => {
              if (path.split(sep).includes("node_modules")) return undefined;
              const text = await readFile(path, "utf8");
              if (!text.includes("import.meta")) return undefined;
              const { code } = await esbuild.transform(text, {
                loader: path.endsWith("x") ? "tsx" : "ts",
                format: "esm",
                target: TARGET,
                sourcefile: path,
                sourcemap: "inline",
                tsconfigRaw,
                define: {
                  "import.meta.url": JSON.stringify(pathToFileURL(path).href),
                  "import.meta.filename": JSON.stringify(path),
                  "import.meta.dirname": JSON.stringify(dirname(path)),
                },
              });
              return { contents: code, loader: "js", resolveDir: dirname(path) };
            });
          },
        },
      ],
    });
    try {
      renameSync(tmp, out);
    } catch (err) {
      // Another start compiled the same source at the same time: its copy is as good.
      if (!existsSync(join(out, "main.mjs"))) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Copies of older sources are never run again.
  for (const entry of readdirSync(cacheDir)) {
    if (/^[0-9a-f]{20}$/.test(entry) && entry !== key) rmSync(join(cacheDir, entry), { recursive: true, force: true });
  }
  return out;
}

async function compiled(): Promise<string | undefined> {
  try {
    return await compile(sourceKey());
  } catch (err) {
    process.stderr.write(`Could not compile src/ (${err instanceof Error ? err.message : String(err)}); running it through tsx instead.\n`);
    return undefined;
  }
}

async function runPortal(): Promise<void> {
  const dir = await compiled();
  if (dir) {
    // V8's compiled code for the bundle and the packages, kept between starts (Node checks
    // each file's content against its entry, so a changed file is compiled again).
    enableCompileCache(join(CACHE_DIR, "v8"));
    process.setSourceMapsEnabled(true);
    await import(pathToFileURL(join(dir, "main.mjs")).href);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import(pathToFileURL(join(ROOT, ENTRY_POINTS.main)).href);
  }
}

/** Install time: compile, and build the embedded database's template. Never fails the install. */
async function prepare(): Promise<void> {
  try {
    const dir = await compile(sourceKey());
    const db = (await import(pathToFileURL(join(dir, "db.mjs")).href)) as { ensurePgliteTemplate(cacheDir: string): Promise<string> };
    await db.ensurePgliteTemplate(CACHE_DIR);
  } catch (err) {
    process.stderr.write(`npm start could not be prepared (${err instanceof Error ? err.message : String(err)}); it will prepare itself at its first start.\n`);
  }
}

if (import.meta.main) {
  if (process.argv.includes("--prepare")) await prepare();
  else await runPortal();
}
