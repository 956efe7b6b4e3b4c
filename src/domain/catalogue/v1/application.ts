// Catalogue 2026-1, the application profile (APP-3): the headings of its parts and its
// questions, in the order the profile shows them — the general part every company answers,
// then one part per portal line of business, in PORTAL_LINES order.
//
// - Ids are the part's prefix (PART_PREFIX) and a number; they never change meaning, so a
//   later version retires an id rather than reusing it.
// - What the company profile already holds (legal name, business number and program
//   accounts, addresses, facilities) is not asked again here.
// - The solvency and CARM declarations made at registration are confirmed again ("confirm").
import type { AnswerType, ChoiceOption, EvidenceRule, Heading, Part, PortalLine, Question } from "../types.ts";

// ---- Headings of the parts -----------------------------------------------------------------

export const PARTS: Readonly<Record<Part, Heading>> = {
  general: {
    name: { en: "General information", fr: "Renseignements généraux" },
    description: {
      en: "Questions every company answers about its program contact, its cross-border activity and its compliance history.",
      fr: "Questions auxquelles toute entreprise répond au sujet de sa personne-ressource, de ses activités transfrontalières et de ses antécédents en matière d’observation.",
    },
  },
  importer: {
    name: { en: "Importer", fr: "Importateur" },
    description: {
      en: "Questions about the goods your company brings into Canada.",
      fr: "Questions sur les marchandises que votre entreprise importe au Canada.",
    },
  },
  exporter: {
    name: { en: "Exporter", fr: "Exportateur" },
    description: {
      en: "Questions about the goods your company ships out of Canada.",
      fr: "Questions sur les marchandises que votre entreprise exporte du Canada.",
    },
  },
  "highway-carrier": {
    name: { en: "Highway carrier", fr: "Transporteur routier" },
    description: {
      en: "Questions about your trucking fleet and the drivers who cross the border for you.",
      fr: "Questions sur votre parc de véhicules routiers et sur les conducteurs qui traversent la frontière pour vous.",
    },
  },
  "rail-carrier": {
    name: { en: "Rail carrier", fr: "Transporteur ferroviaire" },
    description: {
      en: "Questions about your rolling stock and the border crossings your trains use.",
      fr: "Questions sur votre matériel roulant et sur les points de passage frontaliers qu’empruntent vos trains.",
    },
  },
  "marine-carrier": {
    name: { en: "Marine carrier", fr: "Transporteur maritime" },
    description: {
      en: "Questions about your vessels, the cargo they carry and the Canadian ports they call at.",
      fr: "Questions sur vos navires, sur les marchandises qu’ils transportent et sur les ports canadiens où ils font escale.",
    },
  },
  "air-carrier": {
    name: { en: "Air carrier", fr: "Transporteur aérien" },
    description: {
      en: "Questions about your aircraft and the Canadian airports you serve.",
      fr: "Questions sur vos aéronefs et sur les aéroports canadiens que vous desservez.",
    },
  },
  "warehouse-operator": {
    name: { en: "Warehouse operator", fr: "Exploitant d’entrepôt" },
    description: {
      en: "Questions about the warehouses and terminals where you hold goods under customs control.",
      fr: "Questions sur les entrepôts et les terminaux où vous gardez des marchandises sous contrôle douanier.",
    },
  },
  "freight-forwarder": {
    name: { en: "Freight forwarder", fr: "Transitaire" },
    description: {
      en: "Questions about how you arrange, consolidate and move freight for your clients.",
      fr: "Questions sur la façon dont vous organisez, groupez et acheminez les marchandises de vos clients.",
    },
  },
};

// ---- Building blocks -----------------------------------------------------------------------

const NO_EVIDENCE: EvidenceRule = { rule: "none" };
const YES_NO: AnswerType = { kind: "yes-no" };
const EXPLAIN_YES: AnswerType = { kind: "yes-no-explain", explainWhen: "yes" };
const CONFIRM: AnswerType = { kind: "confirm" };
const CARRIER_CODE: AnswerType = { kind: "text", maxLength: 4, format: "carrier-code" };

/** A short list (ports, countries): a few lines of free text. */
const SHORT_LIST: AnswerType = { kind: "text", maxLength: 500, multiline: true };
/** A description (goods, partners). */
const DESCRIPTION: AnswerType = { kind: "text", maxLength: 1000, multiline: true };

/** A whole number of things, from 0 to `max`. */
function count(max: number, en: string, fr: string): AnswerType {
  return { kind: "number", min: 0, max, integer: true, unit: { en, fr } };
}

/** The carrier-code question of a carrier line. */
function carrierCodeQuestion(id: string, part: PortalLine, asEn: string, asFr: string): Question {
  return {
    id,
    part,
    text: { en: "What is your CBSA carrier code?", fr: "Quel est votre code de transporteur de l’ASFC?" },
    guidance: {
      en: `Enter the four-character code, letters and digits only, that the CBSA assigned to your company as ${asEn}.`,
      fr: `Inscrivez le code de quatre caractères, lettres et chiffres seulement, que l’ASFC a attribué à votre entreprise à titre de ${asFr}.`,
    },
    required: true,
    answer: CARRIER_CODE,
    evidence: NO_EVIDENCE,
  };
}

const TRANSPORT_MODES: readonly ChoiceOption[] = [
  { id: "highway", label: { en: "Highway", fr: "Routier" } },
  { id: "rail", label: { en: "Rail", fr: "Ferroviaire" } },
  { id: "marine", label: { en: "Marine", fr: "Maritime" } },
  { id: "air", label: { en: "Air", fr: "Aérien" } },
  { id: "courier-postal", label: { en: "Courier or postal", fr: "Messagerie ou poste" } },
  { id: "pipeline", label: { en: "Pipeline", fr: "Pipeline" } },
];

const TRUSTED_TRADER_PROGRAMS: readonly ChoiceOption[] = [
  {
    id: "ctpat",
    label: {
      en: "U.S. Customs Trade Partnership Against Terrorism (CTPAT)",
      fr: "Customs Trade Partnership Against Terrorism (CTPAT) des États-Unis",
    },
  },
  {
    id: "aeo",
    label: {
      en: "Another country's Authorized Economic Operator (AEO) program",
      fr: "Programme d’opérateur économique agréé (OEA) d’un autre pays",
    },
  },
  {
    id: "csa",
    label: { en: "Customs Self Assessment (CSA)", fr: "Programme d’autocotisation des douanes (PAD)" },
  },
  { id: "other", label: { en: "Another trusted trader program", fr: "Un autre programme de négociants dignes de confiance" } },
  { id: "none", label: { en: "None", fr: "Aucun" } },
];

const IMPORT_VALUE_BANDS: readonly ChoiceOption[] = [
  { id: "under-1m", label: { en: "Less than $1 million", fr: "Moins de 1 million de dollars" } },
  { id: "1m-10m", label: { en: "$1 million to $10 million", fr: "De 1 à 10 millions de dollars" } },
  { id: "10m-100m", label: { en: "$10 million to $100 million", fr: "De 10 à 100 millions de dollars" } },
  { id: "over-100m", label: { en: "More than $100 million", fr: "Plus de 100 millions de dollars" } },
];

const VESSEL_CARGO: readonly ChoiceOption[] = [
  { id: "container", label: { en: "Containers", fr: "Conteneurs" } },
  { id: "bulk", label: { en: "Bulk, dry or liquid", fr: "Vrac solide ou liquide" } },
  { id: "breakbulk", label: { en: "Breakbulk", fr: "Marchandises diverses" } },
  { id: "ro-ro", label: { en: "Roll-on/roll-off", fr: "Roulier" } },
];

// ---- General part --------------------------------------------------------------------------

const GENERAL: readonly Question[] = [
  {
    id: "GEN-1",
    part: "general",
    text: {
      en: "Who is your company's contact for the Partners in Protection program?",
      fr: "Qui est la personne-ressource de votre entreprise pour le programme Partenaires en protection?",
    },
    guidance: {
      en: "Choose one of your company's portal users. The CBSA will reach this person about the application and send them program notices.",
      fr: "Choisissez l’un des utilisateurs du portail de votre entreprise. L’ASFC communiquera avec cette personne au sujet de la demande et lui transmettra les avis du programme.",
    },
    required: true,
    answer: { kind: "company-user" },
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-2",
    part: "general",
    text: {
      en: "For how many years has your company been moving goods across the Canadian border?",
      fr: "Depuis combien d’années votre entreprise fait-elle passer des marchandises à la frontière canadienne?",
    },
    guidance: {
      en: "Count whole years since your company's first cross-border shipment, under its current name or an earlier one. Enter 0 if it is less than a year.",
      fr: "Comptez les années complètes depuis la première expédition transfrontalière de l’entreprise, sous son nom actuel ou un nom antérieur. Inscrivez 0 s’il s’est écoulé moins d’un an.",
    },
    required: true,
    answer: count(200, "years", "ans"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-3",
    part: "general",
    text: {
      en: "About how many shipments did your company move across the border in the last 12 months?",
      fr: "Environ combien d’expéditions votre entreprise a-t-elle fait passer à la frontière au cours des 12 derniers mois?",
    },
    guidance: {
      en: "Include imports and exports, and shipments you carried or handled for others. An estimate from your records is enough.",
      fr: "Comptez les importations et les exportations, ainsi que les expéditions que vous avez transportées ou manutentionnées pour d’autres. Une estimation tirée de vos dossiers suffit.",
    },
    required: true,
    answer: count(100_000_000, "shipments", "expéditions"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-4",
    part: "general",
    text: {
      en: "How many of your employees take part in cross-border operations?",
      fr: "Combien de vos employés participent aux activités transfrontalières?",
    },
    guidance: {
      en: "Count full-time and part-time staff who handle, move, document or secure goods that cross the border, including drivers and warehouse staff.",
      fr: "Comptez les employés à temps plein et à temps partiel qui manutentionnent, transportent, documentent ou protègent des marchandises qui traversent la frontière, y compris les conducteurs et le personnel d’entrepôt.",
    },
    required: true,
    answer: count(1_000_000, "employees", "employés"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-5",
    part: "general",
    text: {
      en: "Which modes of transport carry your company's cross-border shipments?",
      fr: "Quels modes de transport utilisez-vous pour vos expéditions transfrontalières?",
    },
    guidance: {
      en: "Choose every mode used in the last 12 months, whether your company or a partner operates the conveyance.",
      fr: "Cochez tous les modes utilisés au cours des 12 derniers mois, que le moyen de transport soit exploité par votre entreprise ou par un partenaire.",
    },
    required: true,
    answer: { kind: "choice", options: TRANSPORT_MODES, multiple: true },
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-6",
    part: "general",
    text: {
      en: "Which ports of entry do your shipments mainly use?",
      fr: "Par quels points d’entrée vos expéditions passent-elles principalement?",
    },
    guidance: {
      en: "List the ones you use most, busiest first, with their province or state, for example Lacolle, Quebec. Include airports and seaports if you use them.",
      fr: "Énumérez ceux que vous utilisez le plus, en commençant par le plus achalandé, avec leur province ou leur État, par exemple Lacolle (Québec). Incluez les aéroports et les ports maritimes, s’il y a lieu.",
    },
    required: true,
    answer: SHORT_LIST,
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-7",
    part: "general",
    text: {
      en: "Does your company use a licensed customs broker for any of its shipments?",
      fr: "Votre entreprise fait-elle appel à un courtier en douane agréé pour une partie de ses expéditions?",
    },
    guidance: {
      en: "Answer yes if a broker accounts for your goods or sends data to the CBSA on your behalf, even for only some shipments.",
      fr: "Répondez oui si un courtier déclare vos marchandises ou transmet des données à l’ASFC en votre nom, même pour certaines expéditions seulement.",
    },
    required: true,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-8",
    part: "general",
    text: {
      en: "Which customs brokers do you use?",
      fr: "À quels courtiers en douane faites-vous appel?",
    },
    guidance: {
      en: "Give the business name of each broker and the office you deal with. Leave this blank if you do not use a broker.",
      fr: "Indiquez la dénomination sociale de chaque courtier et le bureau avec lequel vous traitez. Laissez ce champ vide si vous ne faites appel à aucun courtier.",
    },
    required: false,
    answer: SHORT_LIST,
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-9",
    part: "general",
    text: {
      en: "Is your company a member of another trusted trader program?",
      fr: "Votre entreprise est-elle membre d’un autre programme de négociants dignes de confiance?",
    },
    guidance: {
      en: "Choose every program in which your company is currently certified, or None. A membership that has expired or been suspended does not count.",
      fr: "Cochez chaque programme dans lequel votre entreprise est actuellement certifiée, ou « Aucun ». Une adhésion expirée ou suspendue ne compte pas.",
    },
    required: true,
    answer: { kind: "choice", options: TRUSTED_TRADER_PROGRAMS, multiple: true },
    evidence: {
      rule: "optional",
      what: {
        en: "your certificate or letter of acceptance from the other program",
        fr: "votre certificat ou la lettre d’acceptation de l’autre programme",
      },
    },
  },
  {
    id: "GEN-10",
    part: "general",
    text: {
      en: "In the last 3 years, has your company been penalized, had goods seized or been assessed administrative monetary penalties (AMPs) by the CBSA or another customs administration?",
      fr: "Au cours des trois dernières années, votre entreprise a-t-elle reçu une pénalité, fait l’objet d’une saisie de marchandises ou reçu des sanctions administratives pécuniaires (SAP) de l’ASFC ou d’une autre administration douanière?",
    },
    guidance: {
      en: "If yes, give for each case the date, the agency, the contravention and what you changed so it does not happen again.",
      fr: "Si oui, indiquez pour chaque cas la date, l’organisme, l’infraction et les mesures prises pour qu’elle ne se reproduise pas.",
    },
    required: true,
    answer: EXPLAIN_YES,
    evidence: {
      rule: "optional",
      what: {
        en: "the penalty or seizure notices, and any decision made on review or appeal",
        fr: "les avis de pénalité ou de saisie, et toute décision rendue à la suite d’une révision ou d’un appel",
      },
    },
  },
  {
    id: "GEN-11",
    part: "general",
    text: {
      en: "Has your company, or any of its owners, directors or officers, ever been charged with or convicted of a criminal offence?",
      fr: "Votre entreprise ou l’un de ses propriétaires, administrateurs ou dirigeants a-t-il déjà été accusé ou déclaré coupable d’une infraction criminelle?",
    },
    guidance: {
      en: "Include charges still before the courts and offences in any country. If yes, give the person, the charge, the date and the outcome.",
      fr: "Incluez les accusations encore devant les tribunaux et les infractions commises dans tout pays. Si oui, indiquez la personne visée, l’accusation, la date et l’issue.",
    },
    required: true,
    answer: EXPLAIN_YES,
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-12",
    part: "general",
    text: {
      en: "Do you confirm that your company is still solvent?",
      fr: "Confirmez-vous que votre entreprise est toujours solvable?",
    },
    guidance: {
      en: "You declared this when you registered. Tick the box to confirm that your company still has no overdue debt to the Crown and is not in undischarged bankruptcy.",
      fr: "Vous l’avez déclaré lors de l’inscription. Cochez la case pour confirmer que votre entreprise n’a toujours aucune dette impayée envers la Couronne ni de faillite non libérée.",
    },
    required: true,
    answer: CONFIRM,
    evidence: NO_EVIDENCE,
  },
  {
    id: "GEN-13",
    part: "general",
    text: {
      en: "Do you confirm that your company is still registered in the CARM Client Portal?",
      fr: "Confirmez-vous que votre entreprise est toujours inscrite au Portail client de la GCRA?",
    },
    guidance: {
      en: "Registration in the CBSA Assessment and Revenue Management (CARM) Client Portal is a condition of the program. Tick the box to confirm that it is still active.",
      fr: "L’inscription au Portail client de la Gestion des cotisations et des recettes de l’ASFC (GCRA) est une condition du programme. Cochez la case pour confirmer qu’elle est toujours active.",
    },
    required: true,
    answer: CONFIRM,
    evidence: NO_EVIDENCE,
  },
];

// ---- Importer ------------------------------------------------------------------------------

const IMPORTER: readonly Question[] = [
  {
    id: "IMP-1",
    part: "importer",
    text: {
      en: "About how many import entries does your company make in a year?",
      fr: "Environ combien de déclarations d’importation votre entreprise fait-elle par année?",
    },
    guidance: {
      en: "Count the commercial accounting declarations made for your goods in the last 12 months, by you or your broker. Your broker or the CARM Client Portal can give you the figure.",
      fr: "Comptez les déclarations en détail des marchandises commerciales faites pour vos marchandises au cours des 12 derniers mois, par vous ou par votre courtier. Votre courtier ou le Portail client de la GCRA peut vous fournir ce chiffre.",
    },
    required: true,
    answer: count(10_000_000, "entries a year", "déclarations par année"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "IMP-2",
    part: "importer",
    text: {
      en: "What was the total value for duty of your imports in the last 12 months?",
      fr: "Quelle a été la valeur en douane totale de vos importations au cours des 12 derniers mois?",
    },
    guidance: {
      en: "Choose the band, in Canadian dollars. An estimate from your accounting records is enough.",
      fr: "Choisissez la tranche, en dollars canadiens. Une estimation tirée de vos registres comptables suffit.",
    },
    required: true,
    answer: { kind: "choice", options: IMPORT_VALUE_BANDS },
    evidence: NO_EVIDENCE,
  },
  {
    id: "IMP-3",
    part: "importer",
    text: {
      en: "What are the main countries of origin of the goods you import?",
      fr: "Quels sont les principaux pays d’origine des marchandises que vous importez?",
    },
    guidance: {
      en: "List up to five countries, starting with the one that accounts for the largest share of your imports.",
      fr: "Énumérez jusqu’à cinq pays, en commençant par celui qui représente la plus grande part de vos importations.",
    },
    required: true,
    answer: SHORT_LIST,
    evidence: NO_EVIDENCE,
  },
  {
    id: "IMP-4",
    part: "importer",
    text: {
      en: "What are the main goods you import?",
      fr: "Quelles sont les principales marchandises que vous importez?",
    },
    guidance: {
      en: "Describe them in plain words and, if you know them, give their tariff classification numbers (the first six digits are enough).",
      fr: "Décrivez-les en termes simples et, si vous les connaissez, indiquez leurs numéros de classement tarifaire (les six premiers chiffres suffisent).",
    },
    required: true,
    answer: DESCRIPTION,
    evidence: NO_EVIDENCE,
  },
];

// ---- Exporter ------------------------------------------------------------------------------

const EXPORTER: readonly Question[] = [
  {
    id: "EXP-1",
    part: "exporter",
    text: {
      en: "About how many export shipments did your company send out of Canada in the last 12 months?",
      fr: "Environ combien d’envois votre entreprise a-t-elle exportés du Canada au cours des 12 derniers mois?",
    },
    guidance: {
      en: "Count each shipment once, whatever the number of packages in it. An estimate from your shipping records is enough.",
      fr: "Comptez chaque envoi une seule fois, quel que soit le nombre de colis. Une estimation tirée de vos registres d’expédition suffit.",
    },
    required: true,
    answer: count(10_000_000, "shipments", "envois"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "EXP-2",
    part: "exporter",
    text: {
      en: "What are the main destination countries of your exports?",
      fr: "Quels sont les principaux pays de destination de vos exportations?",
    },
    guidance: {
      en: "List up to five countries, starting with the one that receives the largest share of your exports.",
      fr: "Énumérez jusqu’à cinq pays, en commençant par celui qui reçoit la plus grande part de vos exportations.",
    },
    required: true,
    answer: SHORT_LIST,
    evidence: NO_EVIDENCE,
  },
  {
    id: "EXP-3",
    part: "exporter",
    text: {
      en: "What are the main goods you export?",
      fr: "Quelles sont les principales marchandises que vous exportez?",
    },
    guidance: {
      en: "Describe them in plain words and, if you know them, give their Harmonized System codes (the first six digits are enough).",
      fr: "Décrivez-les en termes simples et, si vous les connaissez, indiquez leurs codes du Système harmonisé (les six premiers chiffres suffisent).",
    },
    required: true,
    answer: DESCRIPTION,
    evidence: NO_EVIDENCE,
  },
];

// ---- Highway carrier -----------------------------------------------------------------------

const HIGHWAY_CARRIER: readonly Question[] = [
  carrierCodeQuestion("HWY-1", "highway-carrier", "a highway carrier", "transporteur routier"),
  {
    id: "HWY-2",
    part: "highway-carrier",
    text: {
      en: "How many power units does your company use to cross the border?",
      fr: "Combien d’unités motrices votre entreprise utilise-t-elle pour traverser la frontière?",
    },
    guidance: {
      en: "Count the tractors and straight trucks, owned or leased, that cross the border, even occasionally.",
      fr: "Comptez les tracteurs et les camions porteurs, en propriété ou loués, qui traversent la frontière, même à l’occasion.",
    },
    required: true,
    answer: count(100_000, "power units", "unités motrices"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "HWY-3",
    part: "highway-carrier",
    text: {
      en: "How many trailers does your company use for cross-border trips?",
      fr: "Combien de remorques votre entreprise utilise-t-elle pour les trajets transfrontaliers?",
    },
    guidance: {
      en: "Count the trailers you own or lease long-term, including refrigerated trailers and flatbeds.",
      fr: "Comptez les remorques dont vous êtes propriétaire ou que vous louez à long terme, y compris les remorques frigorifiques et les plateformes.",
    },
    required: true,
    answer: count(1_000_000, "trailers", "remorques"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "HWY-4",
    part: "highway-carrier",
    text: {
      en: "How many drivers cross the border for your company?",
      fr: "Combien de conducteurs traversent la frontière pour votre entreprise?",
    },
    guidance: {
      en: "Count employed and contracted drivers, owner-operators included, who drove across the border in the last 12 months.",
      fr: "Comptez les conducteurs salariés et contractuels, y compris les propriétaires-exploitants, qui ont traversé la frontière au cours des 12 derniers mois.",
    },
    required: true,
    answer: count(100_000, "drivers", "conducteurs"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "HWY-5",
    part: "highway-carrier",
    text: {
      en: "Are all the drivers who cross the border for you enrolled in the Free and Secure Trade (FAST) program?",
      fr: "Tous les conducteurs qui traversent la frontière pour vous sont-ils inscrits au programme Expéditions rapides et sécuritaires (EXPRES)?",
    },
    guidance: {
      en: "Answer no if even one of these drivers is not enrolled or holds an expired card.",
      fr: "Répondez non si un seul de ces conducteurs n’est pas inscrit ou détient une carte expirée.",
    },
    required: true,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "HWY-6",
    part: "highway-carrier",
    text: {
      en: "Do you use owner-operators for cross-border trips?",
      fr: "Faites-vous appel à des propriétaires-exploitants pour les trajets transfrontaliers?",
    },
    guidance: {
      en: "If yes, say how many you use and how you make sure they follow your security procedures.",
      fr: "Si oui, indiquez combien et comment vous vous assurez qu’ils respectent vos procédures de sécurité.",
    },
    required: true,
    answer: EXPLAIN_YES,
    evidence: NO_EVIDENCE,
  },
];

// ---- Rail carrier --------------------------------------------------------------------------

const RAIL_CARRIER: readonly Question[] = [
  carrierCodeQuestion("RAIL-1", "rail-carrier", "a rail carrier", "transporteur ferroviaire"),
  {
    id: "RAIL-2",
    part: "rail-carrier",
    text: {
      en: "How many locomotives does your company use in cross-border service?",
      fr: "Combien de locomotives votre entreprise utilise-t-elle pour le service transfrontalier?",
    },
    guidance: {
      en: "Count owned and leased locomotives that crossed the border in the last 12 months.",
      fr: "Comptez les locomotives en propriété ou louées qui ont traversé la frontière au cours des 12 derniers mois.",
    },
    required: true,
    answer: count(100_000, "locomotives", "locomotives"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "RAIL-3",
    part: "rail-carrier",
    text: {
      en: "How many railcars does your company own or lease?",
      fr: "Combien de wagons votre entreprise possède-t-elle ou loue-t-elle?",
    },
    guidance: {
      en: "Count every railcar under your control that may carry goods across the border, whatever its type.",
      fr: "Comptez tous les wagons sous votre contrôle qui peuvent transporter des marchandises à travers la frontière, quel qu’en soit le type.",
    },
    required: true,
    answer: count(10_000_000, "railcars", "wagons"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "RAIL-4",
    part: "rail-carrier",
    text: {
      en: "At which border crossings do your trains enter or leave Canada?",
      fr: "À quels points de passage frontaliers vos trains entrent-ils au Canada ou en sortent-ils?",
    },
    guidance: {
      en: "Name each crossing and the subdivision it is on, busiest first.",
      fr: "Nommez chaque point de passage et la subdivision où il se trouve, en commençant par le plus achalandé.",
    },
    required: true,
    answer: SHORT_LIST,
    evidence: NO_EVIDENCE,
  },
];

// ---- Marine carrier ------------------------------------------------------------------------

const MARINE_CARRIER: readonly Question[] = [
  carrierCodeQuestion("MAR-1", "marine-carrier", "a marine carrier", "transporteur maritime"),
  {
    id: "MAR-2",
    part: "marine-carrier",
    text: {
      en: "How many vessels does your company operate in trade to or from Canada?",
      fr: "Combien de navires votre entreprise exploite-t-elle pour le commerce à destination ou en provenance du Canada?",
    },
    guidance: {
      en: "Count owned and chartered vessels that called at a Canadian port in the last 12 months.",
      fr: "Comptez les navires en propriété ou affrétés qui ont fait escale dans un port canadien au cours des 12 derniers mois.",
    },
    required: true,
    answer: count(10_000, "vessels", "navires"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "MAR-3",
    part: "marine-carrier",
    text: {
      en: "What kinds of cargo do your vessels carry to or from Canada?",
      fr: "Quels types de marchandises vos navires transportent-ils à destination ou en provenance du Canada?",
    },
    guidance: {
      en: "Choose every kind carried in the last 12 months.",
      fr: "Cochez tous les types transportés au cours des 12 derniers mois.",
    },
    required: true,
    answer: { kind: "choice", options: VESSEL_CARGO, multiple: true },
    evidence: NO_EVIDENCE,
  },
  {
    id: "MAR-4",
    part: "marine-carrier",
    text: {
      en: "Which Canadian ports do your vessels call at?",
      fr: "Dans quels ports canadiens vos navires font-ils escale?",
    },
    guidance: {
      en: "List the ports, busiest first, and the terminals you use in each.",
      fr: "Énumérez les ports, en commençant par le plus achalandé, et les terminaux que vous utilisez dans chacun.",
    },
    required: true,
    answer: SHORT_LIST,
    evidence: NO_EVIDENCE,
  },
];

// ---- Air carrier ---------------------------------------------------------------------------

const AIR_CARRIER: readonly Question[] = [
  carrierCodeQuestion("AIR-1", "air-carrier", "an air carrier", "transporteur aérien"),
  {
    id: "AIR-2",
    part: "air-carrier",
    text: {
      en: "How many aircraft does your company operate on flights to or from Canada?",
      fr: "Combien d’aéronefs votre entreprise exploite-t-elle pour des vols à destination ou en provenance du Canada?",
    },
    guidance: {
      en: "Count owned and leased aircraft, wet leases included, that carried cargo to or from Canada in the last 12 months.",
      fr: "Comptez les aéronefs en propriété ou loués, y compris ceux loués avec équipage, qui ont transporté des marchandises à destination ou en provenance du Canada au cours des 12 derniers mois.",
    },
    required: true,
    answer: count(10_000, "aircraft", "aéronefs"),
    evidence: NO_EVIDENCE,
  },
  {
    id: "AIR-3",
    part: "air-carrier",
    text: {
      en: "Which Canadian airports do you serve?",
      fr: "Quels aéroports canadiens desservez-vous?",
    },
    guidance: {
      en: "List the airports where your flights load or unload cargo, busiest first, by name or three-letter code.",
      fr: "Énumérez les aéroports où vos vols chargent ou déchargent des marchandises, en commençant par le plus achalandé, par leur nom ou leur code à trois lettres.",
    },
    required: true,
    answer: SHORT_LIST,
    evidence: NO_EVIDENCE,
  },
];

// ---- Warehouse operator --------------------------------------------------------------------

const WAREHOUSE_OPERATOR: readonly Question[] = [
  {
    id: "WHS-1",
    part: "warehouse-operator",
    text: {
      en: "What is the licence number of your sufferance warehouse or bonded warehouse?",
      fr: "Quel est le numéro d’agrément de votre entrepôt d’attente ou de votre entrepôt de stockage des douanes?",
    },
    guidance: {
      en: "It appears on the licence the CBSA issued for the warehouse. If you hold several licences, give every number, separated by commas.",
      fr: "Il figure sur l’agrément que l’ASFC a délivré pour l’entrepôt. Si vous détenez plusieurs agréments, indiquez tous les numéros, séparés par des virgules.",
    },
    required: true,
    answer: { kind: "text", maxLength: 200 },
    evidence: {
      rule: "required",
      what: {
        en: "a copy of each warehouse licence the CBSA issued to you",
        fr: "une copie de chaque agrément d’entrepôt que l’ASFC vous a délivré",
      },
    },
  },
  {
    id: "WHS-2",
    part: "warehouse-operator",
    text: {
      en: "How many sites does your company operate for goods under customs control?",
      fr: "Combien d’emplacements votre entreprise exploite-t-elle pour des marchandises sous contrôle douanier?",
    },
    guidance: {
      en: "Count each separate address once. The facilities themselves are listed in your company profile.",
      fr: "Comptez une seule fois chaque adresse distincte. Les installations elles-mêmes figurent dans le profil de l’entreprise.",
    },
    required: true,
    answer: { kind: "number", min: 1, max: 10_000, integer: true, unit: { en: "sites", fr: "emplacements" } },
    evidence: NO_EVIDENCE,
  },
  {
    id: "WHS-3",
    part: "warehouse-operator",
    text: {
      en: "What is the total floor area of those sites, in square metres?",
      fr: "Quelle est la superficie totale de ces emplacements, en mètres carrés?",
    },
    guidance: {
      en: "Add up the floor area used for goods under customs control at every site (1 square foot is about 0.093 m²).",
      fr: "Additionnez la superficie de plancher réservée aux marchandises sous contrôle douanier dans tous les emplacements (1 pied carré équivaut à environ 0,093 m²).",
    },
    required: true,
    answer: { kind: "number", min: 0, max: 100_000_000, unit: { en: "m²", fr: "m²" } },
    evidence: {
      rule: "optional",
      what: {
        en: "a floor plan of each site showing where goods under customs control are kept",
        fr: "un plan de chaque emplacement indiquant où sont gardées les marchandises sous contrôle douanier",
      },
    },
  },
  {
    id: "WHS-4",
    part: "warehouse-operator",
    text: {
      en: "Is any of your sites a marine terminal?",
      fr: "L’un de vos emplacements est-il un terminal maritime?",
    },
    guidance: {
      en: "Answer yes if ships are loaded or unloaded at a site you operate. Marine terminal operators apply as warehouse operators.",
      fr: "Répondez oui si des navires sont chargés ou déchargés à un emplacement que vous exploitez. Les exploitants de terminaux maritimes présentent leur demande à titre d’exploitants d’entrepôt.",
    },
    required: true,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
];

// ---- Freight forwarder ---------------------------------------------------------------------

const FREIGHT_FORWARDER: readonly Question[] = [
  {
    id: "FF-1",
    part: "freight-forwarder",
    text: {
      en: "Do you consolidate shipments from several shippers into one load?",
      fr: "Groupez-vous les envois de plusieurs expéditeurs en un seul chargement?",
    },
    guidance: {
      en: "Answer yes if you build consolidated loads or containers for cross-border moves, by any mode of transport.",
      fr: "Répondez oui si vous constituez des chargements ou des conteneurs de groupage pour des mouvements transfrontaliers, quel que soit le mode de transport.",
    },
    required: true,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "FF-2",
    part: "freight-forwarder",
    text: {
      en: "Does your company act as a non-vessel-operating common carrier (NVOCC)?",
      fr: "Votre entreprise agit-elle à titre de transporteur public non exploitant de navires (NVOCC)?",
    },
    guidance: {
      en: "Answer yes if you issue your own bills of lading for ocean shipments without operating the vessels.",
      fr: "Répondez oui si vous émettez vos propres connaissements pour des envois maritimes sans exploiter de navires.",
    },
    required: true,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "FF-3",
    part: "freight-forwarder",
    text: {
      en: "What code did the CBSA assign to your company for sending house bill data?",
      fr: "Quel code l’ASFC a-t-elle attribué à votre entreprise pour la transmission des données de connaissements secondaires?",
    },
    guidance: {
      en: "Enter the four-character code, letters and digits only. Leave this blank if your company does not send house bills itself.",
      fr: "Inscrivez le code de quatre caractères, lettres et chiffres seulement. Laissez ce champ vide si votre entreprise ne transmet pas elle-même de connaissements secondaires.",
    },
    required: false,
    answer: CARRIER_CODE,
    evidence: NO_EVIDENCE,
  },
  {
    id: "FF-4",
    part: "freight-forwarder",
    text: {
      en: "Who are your main partners for cross-border moves?",
      fr: "Quels sont vos principaux partenaires pour les mouvements transfrontaliers?",
    },
    guidance: {
      en: "Name the carriers, overseas agents and warehouses you rely on most, and say what each one does for you.",
      fr: "Nommez les transporteurs, les agents à l’étranger et les entrepôts auxquels vous faites le plus souvent appel, et précisez le rôle de chacun.",
    },
    required: true,
    answer: DESCRIPTION,
    evidence: NO_EVIDENCE,
  },
];

// ---- All questions, in display order -------------------------------------------------------

export const QUESTIONS: readonly Question[] = [
  ...GENERAL,
  ...IMPORTER,
  ...EXPORTER,
  ...HIGHWAY_CARRIER,
  ...RAIL_CARRIER,
  ...MARINE_CARRIER,
  ...AIR_CARRIER,
  ...WAREHOUSE_OPERATOR,
  ...FREIGHT_FORWARDER,
];
