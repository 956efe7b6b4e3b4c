// Writes a sample French-first activation letter into a folder, to look at:
//   npm exec -- tsx scripts/render-sample-letter.ts /tmp/letter-sample
// gives letter.pdf and letter-1.png, letter-2.png … (pdftoppm from poppler-utils, 100 dpi).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderActivationLetters, type ActivationLetter } from "../src/platform/pdf/letters.ts";

export const sampleLetter: ActivationLetter = {
  letterId: "L-000123",
  sender: [
    "Agence des services frontaliers du Canada",
    "Canada Border Services Agency",
    "Partenaires en protection / Partners in Protection",
    "191, avenue Laurier Ouest",
    "Ottawa (Ontario)  K1A 0L8",
  ],
  recipient: ["Fromagerie Côte-à-Côte ltée", "Service des expéditions", "1234, rue Saint-Jérôme", "Québec (Québec)  G1R 4S9"],
  clientNumber: "123 456 789 0",
  activationCode: "ABCD-EFGH-JKMN",
  blocks: [
    {
      lang: "fr",
      heading: "Votre code d’activation du Portail des négociants dignes de confiance",
      greeting: "Madame, Monsieur,",
      paragraphs: [
        "Votre entreprise a été inscrite au Portail des négociants dignes de confiance. Pour terminer l’inscription, la personne qui l’a inscrite doit activer le compte de l’entreprise avec le numéro de client et le code d’activation ci-dessous.",
        "Ouvrez une session dans le portail, choisissez « Activer votre entreprise », puis entrez le numéro de client et le code d’activation tels qu’ils sont imprimés. Le code ne tient pas compte des majuscules et des minuscules.",
        "Ce code expire à la date indiquée. Après cette date, ou si le code a été bloqué, demandez un nouveau code d’activation dans le portail : une nouvelle lettre sera envoyée à l’adresse confirmée.",
        "Gardez cette lettre en lieu sûr et ne communiquez pas le code d’activation à des personnes qui n’ont pas à connaître ce numéro.",
      ],
      labels: { clientNumber: "Numéro de client", activationCode: "Code d’activation", issued: "Délivré le", expires: "Expire le" },
      issuedText: "le 14 mars 2025",
      expiresText: "le 28 avril 2025",
      closing: ["Veuillez agréer nos salutations distinguées.", "Programme Partenaires en protection", "Agence des services frontaliers du Canada"],
    },
    {
      lang: "en",
      heading: "Your Trusted Trader portal activation code",
      greeting: "Dear Sir or Madam,",
      paragraphs: [
        "Your company has been registered in the Trusted Trader Portal. To complete the registration, the person who registered it must activate the company’s account with the client number and activation code below.",
        "Sign in to the portal, choose “Activate your company”, then enter the client number and activation code as printed. The code is not case-sensitive.",
        "This code expires on the date shown. After that date, or if the code has been locked, request a new activation code in the portal: a new letter will be sent to the confirmed address.",
        "Keep this letter in a safe place and do not share the activation code with anyone who does not need it.",
      ],
      labels: { clientNumber: "Client number", activationCode: "Activation code", issued: "Issued", expires: "Expires" },
      issuedText: "March 14, 2025",
      expiresText: "April 28, 2025",
      closing: ["Yours sincerely,", "Partners in Protection program", "Canada Border Services Agency"],
    },
  ],
};

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write("usage: tsx scripts/render-sample-letter.ts <output folder>\n");
    process.exit(64);
  }
  const out = resolve(folder);
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (/^letter(-\d+)?\.(pdf|png)$/.test(name)) rmSync(join(out, name));

  const pdf = await renderActivationLetters([sampleLetter], { title: "Lettre d’activation — Activation letter" });
  const pdfPath = join(out, "letter.pdf");
  writeFileSync(pdfPath, pdf);
  try {
    execFileSync("pdftoppm", ["-png", "-r", "100", pdfPath, join(out, "letter")], { stdio: "inherit" });
  } catch (error) {
    process.stderr.write(`pdftoppm failed (apt-get install poppler-utils): ${String(error)}\n`);
    process.exitCode = 1;
  }
  for (const name of readdirSync(out).sort()) if (/^letter/.test(name)) process.stdout.write(`${join(out, name)}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) await main();
