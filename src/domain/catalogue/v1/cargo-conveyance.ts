// Catalogue 2026-1, cargo and conveyance security (APP-4): the criteria on conveyances and
// instruments of international traffic, seals, procedural security and agricultural security,
// in category order. Written for this portal from the facts of the PIP and CTPAT minimum
// security criteria, not copied from them.
//
// - Conveyance criteria apply to the carriers and, where they stuff, load or receive
//   containers and trailers, to importers, exporters, warehouse operators and forwarders;
//   tractor-trailer inspection, GPS tracking and driver stops are for highway carriers only.
// - Seals are ISO 17712 high-security seals on loaded containers, trailers and rail cars;
//   air cargo is not sealed that way, so the seal criteria leave out air carriers.

import { PORTAL_LINES, type Criterion, type PortalLine } from "../types.ts";

const CARRIERS: readonly PortalLine[] = ["highway-carrier", "rail-carrier", "marine-carrier", "air-carrier"];

/** Everyone who loads, stuffs, moves or receives sealed containers, trailers and rail cars. */
const CONTAINER_HANDLERS: readonly PortalLine[] = [
  "importer",
  "exporter",
  "highway-carrier",
  "rail-carrier",
  "marine-carrier",
  "warehouse-operator",
  "freight-forwarder",
];

/** Those who ship, receive, pack or consolidate goods (not those who only move them). */
const SHIPPERS_RECEIVERS: readonly PortalLine[] = ["importer", "exporter", "warehouse-operator", "freight-forwarder"];

const EXPLAIN_NO = { kind: "yes-no-explain", explainWhen: "no" } as const;
const EXPLAIN_YES = { kind: "yes-no-explain", explainWhen: "yes" } as const;
const YES_NO = { kind: "yes-no" } as const;
const NO_EVIDENCE = { rule: "none" } as const;

export const CARGO_CONVEYANCE_CRITERIA: readonly Criterion[] = [
  // ---- Conveyances and instruments of international traffic ----------------------------------
  {
    id: "CI-1",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "must",
    lines: PORTAL_LINES,
    text: {
      en: "Before a container, trailer, rail car or unit load device is loaded, do you inspect it under a written procedure for hidden compartments, changes to its structure and signs of tampering?",
      fr: "Avant le chargement d’un conteneur, d’une remorque, d’un wagon ou d’une unité de chargement (ULD), l’inspectez-vous selon une procédure écrite pour y déceler des compartiments cachés, des modifications de sa structure et des signes d’altération?",
    },
    guidance: {
      en: "A good answer describes who inspects, when (before every loading, and on arrival where you receive conveyances) and what checklist they follow. If another company loads for you, say how you make sure it inspects the same way.",
      fr: "Une bonne réponse précise qui fait l’inspection, à quel moment (avant chaque chargement et, si vous recevez des moyens de transport, à leur arrivée) et quelle liste de contrôle est suivie. Si une autre entreprise charge pour vous, expliquez comment vous vous assurez qu’elle inspecte de la même façon.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "Your written inspection procedure for conveyances and instruments of international traffic",
        fr: "Votre procédure écrite d’inspection des moyens de transport et des instruments de trafic international",
      },
    },
  },
  {
    id: "CI-2",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "must",
    lines: CONTAINER_HANDLERS,
    text: {
      en: "Does your inspection of each container cover all seven points: the front wall, both side walls, the floor, the ceiling or roof, the doors inside and out with their locking bars, and the outside including the undercarriage?",
      fr: "Votre inspection de chaque conteneur porte-t-elle sur les sept points, soit la paroi avant, les deux parois latérales, le plancher, le plafond ou le toit, les portes à l’intérieur et à l’extérieur avec leurs barres de verrouillage, et l’extérieur, y compris le dessous du châssis?",
    },
    guidance: {
      en: "Inspectors should look for walls or floors that seem thicker or shorter than they should be, fresh welds or paint, loose bolts and rivets, and door hardware that has been altered. Tapping the walls and measuring the inside against the outside helps find false compartments.",
      fr: "Les inspecteurs devraient chercher des parois ou un plancher plus épais ou plus courts que la normale, des soudures ou de la peinture récentes, des boulons ou des rivets desserrés et une quincaillerie de porte modifiée. Il est utile de frapper sur les parois et de comparer les dimensions intérieures et extérieures pour repérer les faux compartiments.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "CI-3",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "must",
    lines: ["highway-carrier"],
    text: {
      en: "How many of the 17 points of the tractor and trailer inspection does your drivers’ checklist cover?",
      fr: "Combien des 17 points de l’inspection du tracteur et de la remorque la liste de contrôle de vos chauffeurs couvre-t-elle?",
    },
    guidance: {
      en: "The full inspection covers the tractor (bumper, engine, tires, cab floor, sleeper and storage compartments, fuel and air tanks, drive shafts, fifth wheel, exhaust) and the trailer (undercarriage, doors, floor, side and front walls, roof, refrigeration unit). A checklist that covers all 17 is expected; say why any point is left out.",
      fr: "L’inspection complète vise le tracteur (pare-chocs, moteur, pneus, plancher de la cabine, couchette et compartiments de rangement, réservoirs de carburant et d’air, arbres de transmission, sellette d’attelage, échappement) et la remorque (dessous du châssis, portes, plancher, parois latérales et avant, toit, groupe frigorifique). On s’attend à une liste qui couvre les 17 points; expliquez pourquoi un point serait omis.",
    },
    answer: {
      kind: "number",
      min: 0,
      max: 17,
      integer: true,
      unit: { en: "points", fr: "points" },
    },
    evidence: {
      rule: "optional",
      what: {
        en: "Your tractor and trailer inspection checklist",
        fr: "Votre liste de contrôle pour l’inspection du tracteur et de la remorque",
      },
    },
  },
  {
    id: "CI-4",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "must",
    lines: PORTAL_LINES,
    text: {
      en: "Is every inspection recorded, with the conveyance or container number, the date and time, the name of the person who inspected it and what was found, and are the records kept?",
      fr: "Chaque inspection est-elle consignée, avec le numéro du moyen de transport ou du conteneur, la date et l’heure, le nom de la personne qui l’a faite et ses constatations, et ces registres sont-ils conservés?",
    },
    guidance: {
      en: "A signed checklist, on paper or in an app, for every inspection is a good answer. Say how long you keep the records (at least a year is a good practice) and who reviews them.",
      fr: "Une liste de contrôle signée, sur papier ou dans une application, pour chaque inspection constitue une bonne réponse. Indiquez combien de temps vous conservez les registres (au moins un an est une bonne pratique) et qui les examine.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "A completed inspection checklist from the last 30 days",
        fr: "Une liste de contrôle d’inspection remplie au cours des 30 derniers jours",
      },
    },
  },
  {
    id: "CI-5",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "must",
    lines: CONTAINER_HANDLERS,
    text: {
      en: "Are empty and loaded containers, trailers and rail cars kept in a secure area where only authorized people can reach them?",
      fr: "Les conteneurs, remorques et wagons vides ou chargés sont-ils gardés dans une aire sécurisée à laquelle seules les personnes autorisées ont accès?",
    },
    guidance: {
      en: "Describe the area: a fenced, lit or monitored yard, locked doors, or sealed units parked back to back or against a wall. Empty units should be stored closed so nothing can be hidden inside.",
      fr: "Décrivez l’aire : une cour clôturée, éclairée ou surveillée, des portes verrouillées, ou des unités scellées garées dos à dos ou contre un mur. Les unités vides devraient être entreposées fermées pour que rien ne puisse y être caché.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "A site plan or photos of the area where containers and trailers are stored",
        fr: "Un plan du site ou des photos de l’aire d’entreposage des conteneurs et des remorques",
      },
    },
  },
  {
    id: "CI-6",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "should",
    lines: ["highway-carrier"],
    text: {
      en: "Do you track your tractors and trailers in real time, for example by GPS, with an alert when a truck leaves its planned route or stops for longer than expected?",
      fr: "Suivez-vous vos tracteurs et vos remorques en temps réel, par exemple par GPS, avec une alerte lorsqu’un camion quitte l’itinéraire prévu ou s’arrête plus longtemps que prévu?",
    },
    guidance: {
      en: "If yes, name the system and say who watches the alerts and what they do when one comes in. Geofencing of the route and of the border crossing is a strong practice.",
      fr: "Si oui, nommez le système et indiquez qui surveille les alertes et ce qui est fait lorsqu’une alerte survient. Le géorepérage de l’itinéraire et du poste frontalier est une pratique solide.",
    },
    answer: EXPLAIN_YES,
    evidence: NO_EVIDENCE,
  },
  {
    id: "CI-7",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "should",
    lines: ["highway-carrier"],
    text: {
      en: "Do your drivers have written instructions for stops on the way (where they may stop, locking the cab and trailer), and must they report any unplanned stop and check the trailer and seal again before driving on?",
      fr: "Vos chauffeurs ont-ils des instructions écrites pour les arrêts en cours de route (où ils peuvent s’arrêter, verrouillage de la cabine et de la remorque), et doivent-ils signaler tout arrêt imprévu et vérifier de nouveau la remorque et le scellé avant de repartir?",
    },
    guidance: {
      en: "A good answer names the approved stopping places or rules, how drivers report to dispatch, and what happens when a delay cannot be explained. Loaded trailers bound for the border should not be left unattended.",
      fr: "Une bonne réponse indique les lieux ou les règles d’arrêt approuvés, la façon dont les chauffeurs communiquent avec le répartiteur et ce qui se passe lorsqu’un retard demeure inexpliqué. Les remorques chargées à destination de la frontière ne devraient pas être laissées sans surveillance.",
    },
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "CI-8",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "must",
    lines: CARRIERS,
    text: {
      en: "Do your drivers or crews check the places on the conveyance itself where goods or people could be hidden (tool boxes, fuel tanks, void spaces, holds, cargo compartments) at the start of each trip and before it reaches Canada or the U.S.?",
      fr: "Vos chauffeurs ou vos équipages vérifient-ils les endroits du moyen de transport lui-même où des marchandises ou des personnes pourraient être cachées (coffres à outils, réservoirs de carburant, espaces vides, cales, soutes) au début de chaque trajet et avant son arrivée au Canada ou aux États-Unis?",
    },
    guidance: {
      en: "Say what is checked for each kind of conveyance you operate (tractor, locomotive, vessel or aircraft) and by whom. For vessels and aircraft, a search under your security plan at the last foreign port or airport is a good answer.",
      fr: "Indiquez ce qui est vérifié pour chaque type de moyen de transport que vous exploitez (tracteur, locomotive, navire ou aéronef) et par qui. Pour les navires et les aéronefs, une fouille prévue par votre plan de sûreté au dernier port ou aéroport étranger constitue une bonne réponse.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "CI-9",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "should",
    lines: ["air-carrier", "warehouse-operator", "freight-forwarder"],
    text: {
      en: "Before a unit load device (container or pallet) is built up for a flight to Canada or the U.S., is it inspected for damage, false panels and signs of tampering?",
      fr: "Avant la constitution d’une unité de chargement (conteneur ou palette) destinée à un vol vers le Canada ou les États-Unis, celle-ci est-elle inspectée pour y déceler des dommages, de faux panneaux et des signes d’altération?",
    },
    guidance: {
      en: "Say who inspects the unit load device, where the build-up takes place, and how access to built-up units is controlled until they are loaded on the aircraft.",
      fr: "Indiquez qui inspecte l’unité de chargement, où elle est constituée et comment l’accès aux unités constituées est contrôlé jusqu’à leur chargement à bord de l’aéronef.",
    },
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "CI-10",
    area: "cargo-conveyance",
    category: "conveyance-iit",
    level: "must",
    lines: PORTAL_LINES,
    text: {
      en: "When an inspection finds a hidden compartment, an unexplained change or signs of tampering, do your staff stop the loading, tell a manager and report it to the CBSA, or to the police where a crime may be involved?",
      fr: "Lorsqu’une inspection révèle un compartiment caché, une modification inexpliquée ou des signes d’altération, votre personnel interrompt-il le chargement, avise-t-il un gestionnaire et signale-t-il la situation à l’ASFC ou, s’il peut s’agir d’un crime, à la police?",
    },
    guidance: {
      en: "A good answer names who is told, how quickly, and that the unit is set aside and not used until it has been checked. Staff should know the number to call.",
      fr: "Une bonne réponse précise qui est avisé, dans quel délai, et que l’unité est mise de côté et n’est pas utilisée avant d’avoir été vérifiée. Le personnel devrait connaître le numéro à composer.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },

  // ---- Seal security ------------------------------------------------------------------------
  {
    id: "SE-1",
    area: "cargo-conveyance",
    category: "seal-security",
    level: "must",
    lines: CONTAINER_HANDLERS,
    text: {
      en: "Is every loaded container, trailer or rail car bound for Canada or the U.S. sealed right after loading with a high-security seal that meets ISO 17712?",
      fr: "Chaque conteneur, remorque ou wagon chargé à destination du Canada ou des États-Unis est-il scellé dès la fin du chargement au moyen d’un scellé de haute sécurité conforme à la norme ISO 17712?",
    },
    guidance: {
      en: "Seals should be bolt or cable seals certified to the “H” classification of ISO 17712, bought from a supplier who can show the certificate. If a partner seals for you, say how you make sure its seals meet the standard.",
      fr: "Les scellés devraient être des scellés à boulon ou à câble certifiés selon la classe « H » de la norme ISO 17712 et achetés auprès d’un fournisseur en mesure de présenter le certificat. Si un partenaire pose les scellés pour vous, expliquez comment vous vous assurez qu’ils respectent la norme.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "The seal supplier’s ISO 17712 certificate",
        fr: "Le certificat ISO 17712 du fournisseur de scellés",
      },
    },
  },
  {
    id: "SE-2",
    area: "cargo-conveyance",
    category: "seal-security",
    level: "should",
    lines: CONTAINER_HANDLERS,
    text: {
      en: "Which ISO 17712 classification do the seals you use carry?",
      fr: "À quelle classe de la norme ISO 17712 appartiennent les scellés que vous utilisez?",
    },
    guidance: {
      en: "The classification is marked on the seal or stated on the supplier’s certificate. Only “H” (high security) seals meet the program’s expectation for loaded conveyances.",
      fr: "La classe est inscrite sur le scellé ou indiquée dans le certificat du fournisseur. Seuls les scellés de classe « H » (haute sécurité) répondent aux attentes du programme pour les moyens de transport chargés.",
    },
    answer: {
      kind: "choice",
      options: [
        { id: "iso-17712-h", label: { en: "H — high security", fr: "H — haute sécurité" } },
        { id: "iso-17712-s", label: { en: "S — security", fr: "S — sécurité" } },
        { id: "iso-17712-i", label: { en: "I — indicative", fr: "I — indicatif" } },
        { id: "not-certified", label: { en: "Not certified or not known", fr: "Non certifié ou inconnu" } },
      ],
    },
    evidence: NO_EVIDENCE,
  },
  {
    id: "SE-3",
    area: "cargo-conveyance",
    category: "seal-security",
    level: "must",
    lines: CONTAINER_HANDLERS,
    text: {
      en: "Do you have a written seal procedure that says how seals are ordered, stored, issued, put on, checked, recorded and removed?",
      fr: "Avez-vous une procédure écrite sur les scellés qui précise comment ils sont commandés, entreposés, remis, posés, vérifiés, consignés et retirés?",
    },
    guidance: {
      en: "The procedure should name who is responsible at each step, be available where seals are used and be reviewed at least once a year. Staff who handle seals should be trained on it.",
      fr: "La procédure devrait désigner le responsable de chaque étape, être accessible là où les scellés sont utilisés et être révisée au moins une fois par année. Le personnel qui manipule les scellés devrait avoir reçu une formation à son sujet.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "Your written seal procedure",
        fr: "Votre procédure écrite sur les scellés",
      },
    },
  },
  {
    id: "SE-4",
    area: "cargo-conveyance",
    category: "seal-security",
    level: "must",
    lines: CONTAINER_HANDLERS,
    text: {
      en: "Are unused seals kept locked up, with access limited to named employees and a log that shows each seal number, when it was issued, to whom and for which shipment?",
      fr: "Les scellés inutilisés sont-ils gardés sous clé, l’accès étant réservé à des employés désignés, et un registre indique-t-il le numéro de chaque scellé, la date de sa remise, la personne qui l’a reçu et l’expédition visée?",
    },
    guidance: {
      en: "A locked cabinet or room with a short list of authorized staff, and a seal log on paper or in your system, is a good answer. Drivers who carry spare seals should have them recorded against their name.",
      fr: "Une armoire ou une pièce verrouillée, une courte liste d’employés autorisés et un registre des scellés sur papier ou dans votre système constituent une bonne réponse. Les scellés de rechange confiés aux chauffeurs devraient être inscrits à leur nom.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "A page of your seal log from the last 30 days",
        fr: "Une page de votre registre des scellés des 30 derniers jours",
      },
    },
  },
  {
    id: "SE-5",
    area: "cargo-conveyance",
    category: "seal-security",
    level: "must",
    lines: CONTAINER_HANDLERS,
    text: {
      en: "Each time a seal is put on or a sealed unit is taken over or received, is the seal checked by looking at it and the door hardware, matching its number to the documents, pulling on it and turning it to make sure it holds?",
      fr: "Chaque fois qu’un scellé est posé ou qu’une unité scellée est prise en charge ou reçue, le scellé est-il vérifié en examinant le scellé et la quincaillerie de la porte, en comparant son numéro à celui des documents, puis en tirant dessus et en le tournant pour s’assurer qu’il tient?",
    },
    guidance: {
      en: "This four-step check (view, verify, tug, twist) should be part of the seal procedure and of the inspection checklist. Say who does it at each hand-over and where the result is recorded.",
      fr: "Cette vérification en quatre étapes (examiner, vérifier, tirer, tourner) devrait faire partie de la procédure sur les scellés et de la liste de contrôle d’inspection. Indiquez qui l’effectue à chaque transfert et où le résultat est consigné.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "SE-6",
    area: "cargo-conveyance",
    category: "seal-security",
    level: "must",
    lines: CONTAINER_HANDLERS,
    text: {
      en: "When a seal is missing, broken, tampered with or bears a number that does not match the documents, do your staff record it, keep the unit closed and set aside, and report it to the shipper or consignee and to the CBSA?",
      fr: "Lorsqu’un scellé est absent, brisé ou altéré, ou que son numéro ne correspond pas aux documents, votre personnel le consigne-t-il, garde-t-il l’unité fermée et à l’écart, et signale-t-il la situation à l’expéditeur ou au destinataire ainsi qu’à l’ASFC?",
    },
    guidance: {
      en: "A good answer says who decides what happens next, that the unit is not opened or unloaded until that decision is made, and how the discrepancy is documented (photos, seal number, time).",
      fr: "Une bonne réponse précise qui décide de la suite, que l’unité n’est ni ouverte ni déchargée avant cette décision et comment l’écart est documenté (photos, numéro du scellé, heure).",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "SE-7",
    area: "cargo-conveyance",
    category: "seal-security",
    level: "should",
    lines: ["highway-carrier", "rail-carrier", "marine-carrier", "warehouse-operator", "freight-forwarder"],
    text: {
      en: "When a seal has to be removed on the way (for example for a government inspection or a stop-off), is a new seal put on and are the old and new numbers, the reason and the person involved recorded and sent to the shipper?",
      fr: "Lorsqu’un scellé doit être retiré en cours de route (par exemple lors d’une inspection gouvernementale ou d’un arrêt de livraison), un nouveau scellé est-il posé, et les anciens et nouveaux numéros, le motif et la personne en cause sont-ils consignés et transmis à l’expéditeur?",
    },
    guidance: {
      en: "Drivers or staff should carry spare high-security seals recorded in the seal log, and the documents should show every seal used on the shipment from origin to destination.",
      fr: "Les chauffeurs ou les employés devraient avoir en leur possession des scellés de haute sécurité de rechange inscrits au registre, et les documents devraient indiquer chaque scellé utilisé pour l’expédition, de l’origine à la destination.",
    },
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "SE-8",
    area: "cargo-conveyance",
    category: "seal-security",
    level: "should",
    lines: CONTAINER_HANDLERS,
    text: {
      en: "Does someone who does not issue seals regularly check the stock of seals against the seal log and follow up on any seal that cannot be accounted for?",
      fr: "Une personne qui ne remet pas elle-même les scellés compare-t-elle régulièrement le stock de scellés au registre et fait-elle un suivi pour tout scellé manquant?",
    },
    guidance: {
      en: "A monthly or quarterly count, signed and kept, is a good practice. A missing seal should be treated as a security incident.",
      fr: "Un inventaire mensuel ou trimestriel, signé et conservé, est une bonne pratique. Un scellé manquant devrait être traité comme un incident de sécurité.",
    },
    answer: YES_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "Your latest seal inventory check",
        fr: "Votre plus récent inventaire des scellés",
      },
    },
  },

  // ---- Procedural security ------------------------------------------------------------------
  {
    id: "PR-1",
    area: "cargo-conveyance",
    category: "procedural-security",
    level: "must",
    lines: PORTAL_LINES,
    text: {
      en: "Do you have written shipping and receiving procedures that cover how cargo is loaded, unloaded, checked and handed over, and who is responsible at each step?",
      fr: "Avez-vous des procédures écrites d’expédition et de réception qui décrivent comment les marchandises sont chargées, déchargées, vérifiées et remises, et qui est responsable de chaque étape?",
    },
    guidance: {
      en: "The procedures should match what happens on the floor or on the road, be known to the staff who follow them, and be reviewed at least once a year or after an incident.",
      fr: "Les procédures devraient refléter ce qui se fait réellement dans l’entrepôt ou sur la route, être connues du personnel qui les applique et être révisées au moins une fois par année ou après un incident.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "Your written shipping and receiving procedures",
        fr: "Vos procédures écrites d’expédition et de réception",
      },
    },
  },
  {
    id: "PR-2",
    area: "cargo-conveyance",
    category: "procedural-security",
    level: "must",
    lines: PORTAL_LINES,
    text: {
      en: "Are the documents for each shipment (bills of lading, manifests, invoices) complete, accurate and legible, and protected so that they cannot be changed, lost or filled in with false information?",
      fr: "Les documents de chaque expédition (connaissements, manifestes, factures) sont-ils complets, exacts et lisibles, et protégés de façon à ne pouvoir être modifiés, perdus ou remplis de faux renseignements?",
    },
    guidance: {
      en: "Say who prepares and checks the documents, how changes are controlled (for example limited system access, no blank signed forms) and how the information sent to the CBSA is kept consistent with them.",
      fr: "Indiquez qui prépare et vérifie les documents, comment les modifications sont contrôlées (par exemple un accès limité au système, aucun formulaire signé en blanc) et comment les renseignements transmis à l’ASFC demeurent conformes à ces documents.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PR-3",
    area: "cargo-conveyance",
    category: "procedural-security",
    level: "must",
    lines: ["importer", "exporter", "highway-carrier", "warehouse-operator", "freight-forwarder"],
    text: {
      en: "Is cargo checked against its documents when it is shipped and when it is received: the number of pieces, the weight, the marks and labels, and the description?",
      fr: "Les marchandises sont-elles comparées à leurs documents à l’expédition et à la réception, soit le nombre de colis, le poids, les marques et les étiquettes, ainsi que la description?",
    },
    guidance: {
      en: "A good answer describes who counts or weighs, how the check is recorded (signed tally, scan) and what happens when something does not match. Drivers at a live load should count what they sign for where they can.",
      fr: "Une bonne réponse décrit qui compte ou pèse, comment la vérification est consignée (bordereau signé, lecture optique) et ce qui se passe lorsque quelque chose ne concorde pas. Lors d’un chargement en présence du chauffeur, celui-ci devrait, dans la mesure du possible, compter ce qu’il signe.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "A completed shipping or receiving record",
        fr: "Un registre d’expédition ou de réception rempli",
      },
    },
  },
  {
    id: "PR-4",
    area: "cargo-conveyance",
    category: "procedural-security",
    level: "must",
    lines: PORTAL_LINES,
    text: {
      en: "Are shortages, overages and other cargo discrepancies investigated and resolved, and reported to the CBSA or the police when they are suspicious or may involve a crime?",
      fr: "Les manquants, les excédents et les autres écarts touchant les marchandises font-ils l’objet d’une enquête et d’un règlement, et sont-ils signalés à l’ASFC ou à la police lorsqu’ils sont suspects ou peuvent découler d’un crime?",
    },
    guidance: {
      en: "Say who looks into a discrepancy, how it is recorded, and which cases are reported and to whom. Unexplained extra cargo and signs of theft or smuggling should always be reported.",
      fr: "Indiquez qui examine un écart, comment il est consigné, et quels cas sont signalés et à qui. Des marchandises excédentaires inexpliquées et des signes de vol ou de contrebande devraient toujours être signalés.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "Your procedure for investigating and reporting cargo discrepancies",
        fr: "Votre procédure d’enquête et de signalement des écarts touchant les marchandises",
      },
    },
  },
  {
    id: "PR-5",
    area: "cargo-conveyance",
    category: "procedural-security",
    level: "must",
    lines: SHIPPERS_RECEIVERS,
    text: {
      en: "When a driver arrives to pick up or deliver cargo, do you check the driver’s photo identification and that the driver and carrier are the ones expected before releasing or accepting the cargo?",
      fr: "Lorsqu’un chauffeur se présente pour prendre ou livrer des marchandises, vérifiez-vous sa pièce d’identité avec photo et vous assurez-vous que le chauffeur et le transporteur sont bien ceux attendus avant de remettre ou d’accepter les marchandises?",
    },
    guidance: {
      en: "A good answer says who checks, what is compared (name, carrier, truck and trailer numbers, appointment) and what staff do with an unexpected driver. Keeping a record of each visit is a good practice.",
      fr: "Une bonne réponse précise qui fait la vérification, ce qui est comparé (nom, transporteur, numéros du camion et de la remorque, rendez-vous) et ce que fait le personnel devant un chauffeur inattendu. Consigner chaque visite est une bonne pratique.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PR-6",
    area: "cargo-conveyance",
    category: "procedural-security",
    level: "should",
    lines: SHIPPERS_RECEIVERS,
    text: {
      en: "Are cargo staging areas and loading docks secured, so that only authorized people can reach cargo waiting to be loaded or put away?",
      fr: "Les aires de préparation des marchandises et les quais de chargement sont-ils sécurisés, de sorte que seules les personnes autorisées aient accès aux marchandises en attente de chargement ou de rangement?",
    },
    guidance: {
      en: "Marked and monitored zones, locked cages for high-value or outbound cargo, and keeping drivers out of the warehouse are good practices.",
      fr: "Des zones délimitées et surveillées, des cages verrouillées pour les marchandises de valeur ou à expédier, et l’interdiction aux chauffeurs d’entrer dans l’entrepôt sont de bonnes pratiques.",
    },
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PR-7",
    area: "cargo-conveyance",
    category: "procedural-security",
    level: "should",
    lines: [...CARRIERS, "freight-forwarder"],
    text: {
      en: "Do you check that the advance information you send to the CBSA (eManifest) matches the cargo actually loaded, and correct it promptly when something changes?",
      fr: "Vérifiez-vous que les renseignements préalables que vous transmettez à l’ASFC (manifeste électronique) correspondent aux marchandises réellement chargées, et les corrigez-vous rapidement en cas de changement?",
    },
    guidance: {
      en: "Say who prepares the data, how it is compared with the shipping documents, and how late changes are handled. Corrections should be made before the conveyance arrives at the border.",
      fr: "Indiquez qui prépare les données, comment elles sont comparées aux documents d’expédition et comment les changements de dernière minute sont traités. Les corrections devraient être faites avant l’arrivée du moyen de transport à la frontière.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PR-8",
    area: "cargo-conveyance",
    category: "procedural-security",
    level: "should",
    lines: SHIPPERS_RECEIVERS,
    text: {
      en: "Briefly describe how a shipment moves through your facility, from arrival to departure, and where it is checked along the way.",
      fr: "Décrivez brièvement le cheminement d’une expédition dans votre installation, de l’arrivée au départ, et les points où elle est vérifiée en cours de route.",
    },
    guidance: {
      en: "A few sentences are enough: where cargo is received, checked, stored, staged and loaded, and who is responsible at each point.",
      fr: "Quelques phrases suffisent : où les marchandises sont reçues, vérifiées, entreposées, préparées et chargées, et qui est responsable à chaque étape.",
    },
    answer: { kind: "text", maxLength: 2000, multiline: true },
    evidence: NO_EVIDENCE,
  },

  // ---- Agricultural security ----------------------------------------------------------------
  {
    id: "AG-1",
    area: "cargo-conveyance",
    category: "agricultural-security",
    level: "must",
    lines: PORTAL_LINES,
    text: {
      en: "Do your inspections of conveyances and instruments of international traffic include looking for visible pests and contaminants, such as soil, plant material, seeds, insects, snails and egg masses?",
      fr: "Vos inspections des moyens de transport et des instruments de trafic international comprennent-elles la recherche d’organismes nuisibles et de contaminants visibles, comme de la terre, des matières végétales, des semences, des insectes, des escargots et des masses d’œufs?",
    },
    guidance: {
      en: "The agricultural points should be on the same checklist as the security inspection, inside and outside the unit, including the undercarriage and door seals. Say who inspects and when.",
      fr: "Les points agricoles devraient figurer sur la même liste de contrôle que l’inspection de sécurité, à l’intérieur comme à l’extérieur de l’unité, y compris le dessous du châssis et les joints de porte. Indiquez qui fait l’inspection et à quel moment.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "AG-2",
    area: "cargo-conveyance",
    category: "agricultural-security",
    level: "must",
    lines: SHIPPERS_RECEIVERS,
    text: {
      en: "Is all the wood packaging you use or have your suppliers use (pallets, crates, dunnage) treated and marked as ISPM 15 requires?",
      fr: "Tous les emballages en bois que vous utilisez ou que vos fournisseurs utilisent pour vous (palettes, caisses, bois de calage) sont-ils traités et marqués conformément à la NIMP 15?",
    },
    guidance: {
      en: "Wood packaging should be heat-treated or fumigated and carry the IPPC mark with the country code, producer number and treatment code. Say how you make sure your suppliers comply, for example in your purchase terms.",
      fr: "Les emballages en bois devraient être traités à la chaleur ou fumigés et porter la marque de la CIPV avec le code du pays, le numéro du producteur et le code du traitement. Expliquez comment vous vous assurez que vos fournisseurs s’y conforment, par exemple dans vos conditions d’achat.",
    },
    answer: EXPLAIN_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "A photo of the ISPM 15 mark on wood packaging you used or received recently",
        fr: "Une photo de la marque NIMP 15 sur un emballage en bois utilisé ou reçu récemment",
      },
    },
  },
  {
    id: "AG-3",
    area: "cargo-conveyance",
    category: "agricultural-security",
    level: "must",
    lines: SHIPPERS_RECEIVERS,
    text: {
      en: "Is wood packaging checked when cargo is received or packed, for the ISPM 15 mark and for signs of pests such as bark, bore holes or sawdust?",
      fr: "Les emballages en bois sont-ils vérifiés à la réception ou à l’emballage des marchandises, pour s’assurer qu’ils portent la marque NIMP 15 et ne présentent pas de signes d’organismes nuisibles, comme de l’écorce, des trous d’insectes ou de la sciure?",
    },
    guidance: {
      en: "A good answer says who checks, and what is done with wood packaging that is unmarked or shows signs of pests: it is set aside and not reused or shipped on.",
      fr: "Une bonne réponse précise qui fait la vérification et ce qu’il advient des emballages en bois non marqués ou présentant des signes d’organismes nuisibles : ils sont mis de côté et ne sont ni réutilisés ni réexpédiés.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "AG-4",
    area: "cargo-conveyance",
    category: "agricultural-security",
    level: "should",
    lines: PORTAL_LINES,
    text: {
      en: "When contamination is found, is the conveyance, container or packaging cleaned (swept, vacuumed or washed) before it is used, and is the cleaning recorded?",
      fr: "Lorsqu’une contamination est décelée, le moyen de transport, le conteneur ou l’emballage est-il nettoyé (balayé, aspiré ou lavé) avant d’être utilisé, et le nettoyage est-il consigné?",
    },
    guidance: {
      en: "Cleaning should be done where the removed material cannot spread, and the record should show the unit number, what was found and who cleaned it.",
      fr: "Le nettoyage devrait se faire à un endroit où les matières retirées ne peuvent pas se propager, et le registre devrait indiquer le numéro de l’unité, ce qui a été trouvé et qui a fait le nettoyage.",
    },
    answer: YES_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "A cleaning record for a conveyance or container",
        fr: "Un registre de nettoyage d’un moyen de transport ou d’un conteneur",
      },
    },
  },
  {
    id: "AG-5",
    area: "cargo-conveyance",
    category: "agricultural-security",
    level: "should",
    lines: PORTAL_LINES,
    text: {
      en: "When live pests or contamination that cannot be removed are found, do you keep the unit or cargo apart and report it to the Canadian Food Inspection Agency or the CBSA, as the case requires?",
      fr: "Lorsque des organismes nuisibles vivants ou une contamination impossible à retirer sont décelés, gardez-vous l’unité ou les marchandises à l’écart et signalez-vous la situation à l’Agence canadienne d’inspection des aliments ou à l’ASFC, selon le cas?",
    },
    guidance: {
      en: "A good answer names who makes the report and says the unit is not moved or cleaned in a way that could spread the pests until the authorities have said what to do.",
      fr: "Une bonne réponse précise qui fait le signalement et indique que l’unité n’est ni déplacée ni nettoyée d’une manière qui pourrait propager les organismes nuisibles tant que les autorités n’ont pas donné de directives.",
    },
    answer: EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
];
