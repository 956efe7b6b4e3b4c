// Catalogue version 2026-1: the security criteria of two PIP areas (APP-4), physical security
// (buildings and perimeter; physical access controls) and supply chain partner security.
//
// Written for this portal from the facts of the PIP and CTPAT minimum security criteria; the
// level follows theirs (must or should). Most criteria apply to every portal line; the ones
// about goods not yet released by the CBSA apply to warehouse operators only.
import { PORTAL_LINES, type AnswerType, type Criterion, type EvidenceRule, type PortalLine } from "../types.ts";

const ALL_LINES = PORTAL_LINES;
const WAREHOUSE: readonly PortalLine[] = ["warehouse-operator"];

/** A must: "no" needs an explanation (why not, and what is planned). */
const YES_NO_EXPLAIN_NO: AnswerType = { kind: "yes-no-explain", explainWhen: "no" };
const YES_NO: AnswerType = { kind: "yes-no" };
const NO_EVIDENCE: EvidenceRule = { rule: "none" };

// ---- Physical security ----------------------------------------------------------------------

export const PHYSICAL_CRITERIA: readonly Criterion[] = [
  // -- Buildings and perimeter
  {
    id: "PB-1",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Are your buildings constructed of materials that resist unlawful entry?",
      fr: "Vos bâtiments sont-ils construits en matériaux qui résistent à l’entrée par effraction?",
    },
    guidance: {
      en: "Walls, roofs, doors and windows should be solid enough that forcing a way in takes time and leaves marks. If part of a building is weak (a thin wall, an unprotected skylight), say what you do about it.",
      fr: "Les murs, les toits, les portes et les fenêtres doivent être assez solides pour qu’une entrée par la force prenne du temps et laisse des traces. Si une partie d’un bâtiment est vulnérable (mur mince, puits de lumière non protégé), indiquez les mesures que vous avez prises.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PB-2",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Do you inspect your buildings, fences and gates on a set schedule, and repair any damage promptly?",
      fr: "Inspectez-vous vos bâtiments, vos clôtures et vos portails selon un calendrier établi, et réparez-vous rapidement les dommages constatés?",
    },
    guidance: {
      en: "Say how often the inspections take place, who does them and how they are recorded. Damage that could let someone in, such as a gap in a fence or a broken lock, should be fixed at once or watched until it is.",
      fr: "Précisez la fréquence des inspections, qui les effectue et comment elles sont consignées. Un dommage qui pourrait permettre à quelqu’un d’entrer, comme une ouverture dans une clôture ou une serrure brisée, doit être réparé sans délai ou surveillé jusqu’à sa réparation.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "a recent inspection checklist or record",
        fr: "une liste de vérification ou un registre d’inspection récent",
      },
    },
  },
  {
    id: "PB-3",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Is there a fence or another barrier around the areas where cargo is handled and stored?",
      fr: "Les aires de manutention et d’entreposage du fret sont-elles entourées d’une clôture ou d’une autre barrière?",
    },
    guidance: {
      en: "The perimeter of cargo handling and storage areas should be closed so that people and vehicles can enter only through controlled gates. Where a building wall forms part of the perimeter, say so.",
      fr: "Le périmètre des aires de manutention et d’entreposage doit être fermé de façon que les personnes et les véhicules ne puissent entrer que par des portails contrôlés. Si un mur de bâtiment fait partie du périmètre, mentionnez-le.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "a site plan showing fences, gates, lighting and cameras",
        fr: "un plan du site indiquant les clôtures, les portails, l’éclairage et les caméras de surveillance",
      },
    },
  },
  {
    id: "PB-4",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Are the gates that vehicles and people use to enter or leave staffed or monitored whenever they are open?",
      fr: "Les portails par lesquels les véhicules et les personnes entrent ou sortent sont-ils gardés ou surveillés chaque fois qu’ils sont ouverts?",
    },
    guidance: {
      en: "Keep the number of gates in use to the minimum your operations need. Each open gate should be watched by staff, or by cameras with someone able to respond, and closed and locked the rest of the time.",
      fr: "Limitez le nombre de portails utilisés au minimum nécessaire à vos activités. Chaque portail ouvert doit être surveillé par du personnel, ou par des caméras avec une personne en mesure d’intervenir, et être fermé à clé le reste du temps.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PB-5",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Within the secured area, is cargo that needs extra protection (high-value or dangerous goods, or international as opposed to domestic cargo) kept apart by an interior fence or another barrier?",
      fr: "Dans l’aire sécurisée, le fret qui exige une protection accrue (fret de grande valeur, marchandises dangereuses, ou fret international par opposition au fret intérieur) est-il séparé par une clôture intérieure ou une autre barrière?",
    },
    guidance: {
      en: "If you never handle such cargo, answer no and say so in the explanation. Lines painted on the floor are not enough: the barrier should keep away people who have no reason to be near the cargo.",
      fr: "Si vous ne manutentionnez jamais ce type de fret, répondez « non » et précisez-le dans l’explication. Un simple marquage au sol ne suffit pas : la barrière doit tenir à l’écart du fret les personnes qui n’ont aucune raison de s’en approcher.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PB-6",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Are goods not yet released by the CBSA (in your sufferance or bonded warehouse) kept in a separate, enclosed area that only authorized staff can enter?",
      fr: "Les marchandises dont l’ASFC n’a pas encore accordé la mainlevée (dans votre entrepôt d’attente ou de stockage) sont-elles gardées dans une aire distincte et fermée, à laquelle seuls les employés autorisés ont accès?",
    },
    guidance: {
      en: "The area should be enclosed on all sides, clearly marked, and locked when no authorized person is present. Show it on the floor plan, with its access points.",
      fr: "L’aire doit être fermée de tous les côtés, clairement identifiée et verrouillée en l’absence d’une personne autorisée. Indiquez-la sur le plan d’étage, avec ses points d’accès.",
    },
    level: "must",
    lines: WAREHOUSE,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "a floor plan showing the area for goods not yet released and its access points",
        fr: "un plan d’étage montrant l’aire réservée aux marchandises non dédouanées et ses points d’accès",
      },
    },
  },
  {
    id: "PB-7",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Are all outside doors, windows, gates and fences fitted with locks or other locking devices, and kept locked when not in use?",
      fr: "Les portes extérieures, les fenêtres, les portails et les clôtures sont-ils tous munis de serrures ou d’autres dispositifs de verrouillage, et verrouillés lorsqu’ils ne servent pas?",
    },
    guidance: {
      en: "This includes inside doors and windows that open onto cargo or restricted areas. Say who checks at the end of each shift that everything is locked.",
      fr: "Cela comprend les portes et les fenêtres intérieures qui donnent sur les aires de fret ou les zones à accès restreint. Indiquez qui vérifie, à la fin de chaque quart de travail, que tout est verrouillé.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PB-8",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Is there enough lighting, inside and outside, at entrances and exits, in cargo handling and storage areas, along fence lines and in parking areas?",
      fr: "L’éclairage intérieur et extérieur est-il suffisant aux entrées et aux sorties, dans les aires de manutention et d’entreposage du fret, le long des clôtures et dans les stationnements?",
    },
    guidance: {
      en: "At night, staff and cameras should be able to see people and vehicles clearly in these areas. Lights on timers or motion sensors are fine if they cover the whole area; say how burnt-out lights are reported and replaced.",
      fr: "La nuit, le personnel et les caméras doivent pouvoir distinguer nettement les personnes et les véhicules dans ces secteurs. Un éclairage commandé par minuterie ou par détecteur de mouvement convient s’il couvre tout le secteur; précisez comment les lampes défectueuses sont signalées et remplacées.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "optional",
      what: { en: "photos of the site's lighting at night", fr: "des photos de l’éclairage du site la nuit" },
    },
  },
  {
    id: "PB-9",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Are your buildings and cargo areas protected by an intrusion alarm that is monitored whenever the site is closed?",
      fr: "Vos bâtiments et vos aires de fret sont-ils protégés par un système d’alarme anti-intrusion surveillé chaque fois que le site est fermé?",
    },
    guidance: {
      en: "The alarm should cover doors, windows and storage areas, and alert a monitoring company or your own staff, who respond quickly. Test it regularly.",
      fr: "Le système doit couvrir les portes, les fenêtres et les aires d’entreposage, et transmettre les alertes à une entreprise de télésurveillance ou à votre propre personnel, qui intervient rapidement. Vérifiez régulièrement son bon fonctionnement.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PB-10",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Do video surveillance cameras cover the key areas of your site: entrances and exits, cargo handling and storage areas, loading docks and the places where seals are applied or inspected?",
      fr: "Des caméras de surveillance couvrent-elles les secteurs clés de votre site : entrées et sorties, aires de manutention et d’entreposage du fret, quais de chargement et endroits où les scellés sont apposés ou inspectés?",
    },
    guidance: {
      en: "Cameras should show what happens to cargo and conveyances, not only who comes and goes. Consider an alert when a camera stops recording or is blocked.",
      fr: "Les caméras doivent montrer ce qui arrive au fret et aux moyens de transport, et pas seulement qui entre et qui sort. Envisagez une alerte lorsqu’une caméra cesse d’enregistrer ou est obstruée.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO,
    evidence: {
      rule: "optional",
      what: { en: "a plan or list of camera locations", fr: "un plan ou une liste des emplacements des caméras" },
    },
  },
  {
    id: "PB-11",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "How many days are your camera recordings kept before they are erased or overwritten?",
      fr: "Pendant combien de jours conservez-vous les enregistrements de vos caméras avant de les effacer ou de les écraser?",
    },
    guidance: {
      en: "Keep recordings long enough to investigate a problem found after a shipment arrives, which usually means at least 30 days. Answer 0 if you do not record.",
      fr: "Les enregistrements doivent être conservés assez longtemps pour permettre d’enquêter sur un problème découvert après l’arrivée d’un envoi, soit généralement au moins 30 jours. Inscrivez 0 si vous n’enregistrez pas.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: { kind: "number", min: 0, max: 365, integer: true, unit: { en: "days", fr: "jours" } },
    evidence: NO_EVIDENCE,
  },
  {
    id: "PB-12",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Do you check regularly that your cameras work, are correctly aimed and are recording, and do you review a sample of the recordings?",
      fr: "Vérifiez-vous régulièrement que vos caméras fonctionnent, qu’elles sont bien orientées et qu’elles enregistrent, et visionnez-vous un échantillon des enregistrements?",
    },
    guidance: {
      en: "A written log of these checks and of the periodic reviews of footage (of a loading, for example) shows that the system is actually used, not just installed.",
      fr: "Un registre écrit de ces vérifications et des visionnements périodiques (celui d’un chargement, par exemple) montre que le système est réellement utilisé, et non seulement installé.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PB-13",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Are your alarms and cameras protected against tampering and power failures (for example, with a backup power supply)?",
      fr: "Vos systèmes d’alarme et vos caméras sont-ils protégés contre le sabotage et les pannes de courant (par exemple, au moyen d’une alimentation de secours)?",
    },
    guidance: {
      en: "Recorders and control panels should be kept in a locked place, and an alarm or camera that loses power or its connection should alert someone.",
      fr: "Les enregistreurs et les panneaux de commande doivent se trouver dans un endroit verrouillé, et une alarme ou une caméra qui perd son alimentation ou sa connexion doit déclencher une alerte.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PB-14",
    area: "physical",
    category: "perimeter-buildings",
    text: {
      en: "Are employees' and visitors' private vehicles kept out of cargo handling and storage areas, and away from conveyances?",
      fr: "Les véhicules personnels des employés et des visiteurs sont-ils tenus à l’écart des aires de manutention et d’entreposage du fret ainsi que des moyens de transport?",
    },
    guidance: {
      en: "Private parking should be outside the fenced cargo area or clearly separated from it. If a private vehicle must enter, explain how it is authorized and watched.",
      fr: "Le stationnement des véhicules personnels doit se trouver à l’extérieur de l’aire de fret clôturée ou en être clairement séparé. Si un véhicule personnel doit y entrer, expliquez comment il est autorisé et surveillé.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },

  // -- Physical access controls
  {
    id: "PA-1",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Does every employee have company photo identification, and is each employee's access limited to the areas their job requires?",
      fr: "Chaque employé possède-t-il une carte d’identité avec photo fournie par l’entreprise, et son accès est-il limité aux secteurs où son travail l’appelle?",
    },
    guidance: {
      en: "Identification should be worn visibly on site. Access to sensitive areas, such as cargo storage, the shipping office or the server room, should be given only to those who need it.",
      fr: "La carte doit être portée de façon visible sur le site. L’accès aux secteurs sensibles, comme l’entrepôt, le bureau d’expédition ou la salle des serveurs, ne doit être accordé qu’aux personnes qui en ont besoin.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PA-2",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Do you have a written procedure for issuing, changing and taking back badges, keys and access cards when an employee starts, changes jobs or leaves?",
      fr: "Avez-vous une procédure écrite pour remettre, modifier et récupérer les cartes d’identité, les clés et les cartes d’accès lorsqu’un employé est embauché, change de poste ou quitte l’entreprise?",
    },
    guidance: {
      en: "The procedure should say who approves access, how you keep track of who holds what, and how access is removed on the day a person leaves.",
      fr: "La procédure doit préciser qui approuve les accès, comment vous savez ce que chaque personne détient et comment les accès sont retirés le jour même du départ.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "your written procedure for issuing and recovering badges, keys and access cards",
        fr: "votre procédure écrite de remise et de récupération des cartes d’identité, des clés et des cartes d’accès",
      },
    },
  },
  {
    id: "PA-3",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Which means do you use to control who enters your buildings and cargo areas?",
      fr: "Quels moyens utilisez-vous pour contrôler qui entre dans vos bâtiments et vos aires de fret?",
    },
    guidance: {
      en: "Choose every means in use at this division's facilities. Electronic systems that record each entry make an incident easier to investigate.",
      fr: "Choisissez tous les moyens utilisés dans les installations de cette division. Les systèmes électroniques qui consignent chaque entrée facilitent les enquêtes en cas d’incident.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: {
      kind: "choice",
      multiple: true,
      options: [
        {
          id: "photo-id-check",
          label: {
            en: "Photo identification checked by staff or guards",
            fr: "Cartes d’identité avec photo vérifiées par le personnel ou des agents de sécurité",
          },
        },
        {
          id: "access-cards",
          label: { en: "Electronic access cards or fobs", fr: "Cartes d’accès ou porte-clés électroniques" },
        },
        { id: "keys", label: { en: "Keys", fr: "Clés" } },
        { id: "keypad-codes", label: { en: "Keypad codes", fr: "Codes sur clavier numérique" } },
        {
          id: "biometrics",
          label: {
            en: "Biometric readers (fingerprint, face)",
            fr: "Lecteurs biométriques (empreintes digitales, reconnaissance faciale)",
          },
        },
        { id: "other", label: { en: "Other means", fr: "Autres moyens" } },
      ],
    },
    evidence: NO_EVIDENCE,
  },
  {
    id: "PA-4",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Do visitors, contractors and vendors show photo identification on arrival, sign in to a visitor log and wear a temporary badge?",
      fr: "Les visiteurs, les entrepreneurs et les fournisseurs présentent-ils une pièce d’identité avec photo à leur arrivée, s’inscrivent-ils au registre des visiteurs et portent-ils une carte temporaire?",
    },
    guidance: {
      en: "The log should record each visitor's name and company, the person visited, and the times of arrival and departure. Temporary badges should be handed back on departure.",
      fr: "Le registre doit indiquer le nom de chaque visiteur, son entreprise, la personne visitée ainsi que les heures d’arrivée et de départ. Les cartes temporaires doivent être rendues au départ.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "optional",
      what: { en: "a recent page of your visitor log", fr: "une page récente de votre registre des visiteurs" },
    },
  },
  {
    id: "PA-5",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Are visitors escorted by an employee whenever they are in cargo handling or storage areas?",
      fr: "Les visiteurs sont-ils toujours accompagnés d’un employé lorsqu’ils se trouvent dans les aires de manutention ou d’entreposage du fret?",
    },
    guidance: {
      en: "The escort stays with the visitor from the moment they enter these areas until they leave. If some regular contractors work there unescorted, explain how they were screened and what they may access.",
      fr: "L’accompagnateur reste avec le visiteur de son entrée dans ces secteurs jusqu’à sa sortie. Si certains entrepreneurs habituels y travaillent sans accompagnateur, expliquez comment ils ont été vérifiés et à quoi ils ont accès.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PA-6",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Before they reach the cargo areas, do drivers delivering or picking up cargo show photo identification, and are their arrival and departure times recorded?",
      fr: "Avant d’accéder aux aires de fret, les conducteurs qui livrent ou prennent en charge du fret présentent-ils une pièce d’identité avec photo, et leurs heures d’arrivée et de départ sont-elles consignées?",
    },
    guidance: {
      en: "Compare the driver and the vehicle with what the carrier or the booking told you to expect. Check an unannounced pick-up with the carrier before any cargo is released.",
      fr: "Comparez le conducteur et le véhicule avec ce que le transporteur ou la réservation avait annoncé. Une prise en charge imprévue doit être confirmée auprès du transporteur avant que le fret soit remis.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PA-7",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Are incoming mail and courier packages checked before they are distributed inside your facility?",
      fr: "Le courrier et les colis livrés par messagerie sont-ils examinés avant d’être distribués dans vos installations?",
    },
    guidance: {
      en: "Staff who receive mail should know what a suspicious package looks like (no sender, stains, visible wires, an unusual weight) and what to do with it.",
      fr: "Les employés qui reçoivent le courrier doivent savoir reconnaître un colis suspect (absence d’expéditeur, taches, fils apparents, poids inhabituel) et savoir quoi en faire.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PA-8",
    area: "physical",
    category: "physical-access",
    text: {
      en: "When a key, access card or badge is lost, stolen or not returned, do you deactivate it or change the locks without delay?",
      fr: "Lorsqu’une clé, une carte d’accès ou une carte d’identité est perdue, volée ou non rendue, la désactivez-vous ou changez-vous les serrures sans délai?",
    },
    guidance: {
      en: "Say how a loss is reported, who deactivates the card or decides to change the locks, and how quickly. A record of losses helps you spot patterns.",
      fr: "Précisez comment une perte est signalée, qui désactive la carte ou décide de changer les serrures, et dans quel délai. Un registre des pertes vous aide à repérer les tendances.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PA-9",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Are employees expected to challenge unknown or unauthorized persons, and is there a procedure for reporting them and having them removed?",
      fr: "Vos employés doivent-ils interpeller les personnes inconnues ou non autorisées, et existe-t-il une procédure pour les signaler et leur faire quitter les lieux?",
    },
    guidance: {
      en: "Employees should know how to approach someone without a badge safely, or whom to call instead. The procedure should say who escorts the person off the site and how the incident is recorded.",
      fr: "Les employés doivent savoir comment aborder sans danger une personne qui ne porte pas de carte, ou qui appeler. La procédure doit préciser qui raccompagne la personne hors du site et comment l’incident est consigné.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PA-10",
    area: "physical",
    category: "physical-access",
    text: {
      en: "If you use security guards, do they follow written instructions (post orders), and do you check that they carry out their duties?",
      fr: "Si vous faites appel à des agents de sécurité, suivent-ils des consignes écrites (consignes de poste), et vérifiez-vous qu’ils s’acquittent de leurs tâches?",
    },
    guidance: {
      en: "Post orders say what guards check, where and how often they patrol, and whom they call. If you have no guards, answer no and say so.",
      fr: "Les consignes de poste précisent ce que les agents vérifient, où et à quelle fréquence ils font leurs rondes, et qui ils doivent appeler. Si vous n’avez pas d’agents de sécurité, répondez « non » et précisez-le.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "optional",
      what: { en: "your security guards' post orders", fr: "les consignes de poste de vos agents de sécurité" },
    },
  },
  {
    id: "PA-11",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Is entry to the area holding goods not yet released by the CBSA limited to named employees, and is each entry recorded?",
      fr: "L’accès à l’aire où sont gardées les marchandises dont l’ASFC n’a pas accordé la mainlevée est-il réservé à des employés désignés, et chaque entrée est-elle consignée?",
    },
    guidance: {
      en: "Keep a list of the employees allowed in, review it when staff change, and record entries with an access card system or a log. Visitors and drivers should enter only with an escort.",
      fr: "Tenez une liste des employés autorisés, révisez-la lorsque le personnel change et consignez les entrées au moyen d’un système de cartes d’accès ou d’un registre. Les visiteurs et les conducteurs ne doivent y entrer qu’accompagnés.",
    },
    level: "must",
    lines: WAREHOUSE,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "PA-12",
    area: "physical",
    category: "physical-access",
    text: {
      en: "Do you review the records of your access control system (or your logs) from time to time for unusual entries?",
      fr: "Examinez-vous périodiquement les données de votre système de contrôle de l’accès (ou vos registres) pour repérer les entrées inhabituelles?",
    },
    guidance: {
      en: "Look for entries at odd hours, into areas where the person does not work, or with cards that should have been deactivated, and follow up on what you find.",
      fr: "Recherchez les entrées à des heures inhabituelles, dans des secteurs où la personne ne travaille pas ou au moyen de cartes qui auraient dû être désactivées, et donnez suite à ce que vous trouvez.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
];

// ---- Supply chain partner security -----------------------------------------------------------

export const PARTNER_CRITERIA: readonly Criterion[] = [
  {
    id: "BP-1",
    area: "partners",
    category: "partner-security",
    text: {
      en: "Do you have a written, risk-based process for selecting and screening business partners, such as carriers, warehouses, customs brokers, freight forwarders and suppliers?",
      fr: "Avez-vous un processus écrit, fondé sur les risques, pour choisir et évaluer vos partenaires commerciaux, comme les transporteurs, les entrepôts, les courtiers en douane, les transitaires et les fournisseurs?",
    },
    guidance: {
      en: "The process should say what you check before working with a partner (identity, reputation, security practices, financial standing) and call for closer checks of partners with more risk, for example in a high-risk country or handling high-value cargo.",
      fr: "Le processus doit préciser ce que vous vérifiez avant de faire affaire avec un partenaire (identité, réputation, pratiques de sécurité, situation financière) et prévoir des vérifications plus poussées pour les partenaires qui présentent plus de risques, par exemple ceux qui se trouvent dans un pays à risque élevé ou qui manutentionnent du fret de grande valeur.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "your written partner screening procedure",
        fr: "votre procédure écrite d’évaluation des partenaires commerciaux",
      },
    },
  },
  {
    id: "BP-2",
    area: "partners",
    category: "partner-security",
    text: {
      en: "Do you check whether each partner is a member of PIP, the U.S. CTPAT program or a recognized Authorized Economic Operator (AEO) program, and keep proof of its status?",
      fr: "Vérifiez-vous si chaque partenaire est membre du programme PEP, du programme CTPAT des États-Unis ou d’un programme d’opérateur économique agréé (OEA) reconnu, et conservez-vous une preuve de son statut?",
    },
    guidance: {
      en: "Proof can be a certificate, a status check with the program or a written confirmation from the partner; check again when the status may have changed. A partner's certification can take the place of most of your own checks on its security.",
      fr: "La preuve peut être un certificat, une confirmation du statut obtenue auprès du programme ou une attestation écrite du partenaire; vérifiez de nouveau lorsque le statut pourrait avoir changé. La certification d’un partenaire peut remplacer la plupart de vos propres vérifications de sa sécurité.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "proof of certification for your certified partners (a certificate or a status check)",
        fr: "une preuve de certification pour vos partenaires certifiés (certificat ou confirmation du statut)",
      },
    },
  },
  {
    id: "BP-3",
    area: "partners",
    category: "partner-security",
    text: {
      en: "Do you require partners that are not certified to show that they meet security criteria, for example through a security questionnaire, an audit or a visit?",
      fr: "Exigez-vous des partenaires non certifiés qu’ils démontrent qu’ils respectent des critères de sécurité, par exemple au moyen d’un questionnaire sur la sécurité, d’une vérification ou d’une visite?",
    },
    guidance: {
      en: "Ask more of partners that present more risk. Keep their answers, and make sure they are signed by someone with authority at the partner.",
      fr: "Exigez davantage des partenaires qui présentent plus de risques. Conservez leurs réponses et assurez-vous qu’elles sont signées par une personne en autorité chez le partenaire.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "a security questionnaire that a partner completed",
        fr: "un questionnaire sur la sécurité rempli par un partenaire",
      },
    },
  },
  {
    id: "BP-4",
    area: "partners",
    category: "partner-security",
    text: {
      en: "Do you reassess your partners periodically, and after any security incident that involves them?",
      fr: "Réévaluez-vous vos partenaires périodiquement, ainsi qu’à la suite de tout incident de sécurité qui les concerne?",
    },
    guidance: {
      en: "A reassessment checks the partner's certification or security practices again. Say how you decide when one is due and who carries it out.",
      fr: "La réévaluation consiste à vérifier de nouveau la certification ou les pratiques de sécurité du partenaire. Indiquez comment vous déterminez le moment où elle doit avoir lieu et qui s’en charge.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "BP-5",
    area: "partners",
    category: "partner-security",
    text: {
      en: "How often do you reassess the partners that present the most risk?",
      fr: "À quelle fréquence réévaluez-vous les partenaires qui présentent le plus de risques?",
    },
    guidance: {
      en: "Partners in high-risk countries, or handling high-value or sensitive cargo, should be reassessed at least once a year.",
      fr: "Les partenaires qui se trouvent dans un pays à risque élevé, ou qui manutentionnent du fret de grande valeur ou sensible, devraient être réévalués au moins une fois par année.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: {
      kind: "choice",
      options: [
        { id: "yearly", label: { en: "At least once a year", fr: "Au moins une fois par année" } },
        { id: "every-two-years", label: { en: "Every two years", fr: "Tous les deux ans" } },
        { id: "less-often", label: { en: "Less often than every two years", fr: "Moins souvent qu’aux deux ans" } },
        {
          id: "onboarding-only",
          label: { en: "Only when we start working with them", fr: "Seulement au début de la relation d’affaires" },
        },
      ],
    },
    evidence: NO_EVIDENCE,
  },
  {
    id: "BP-6",
    area: "partners",
    category: "partner-security",
    text: {
      en: "Are your security requirements written into your contracts or agreements with partners?",
      fr: "Vos exigences en matière de sécurité sont-elles inscrites dans vos contrats ou ententes avec vos partenaires?",
    },
    guidance: {
      en: "The clauses should say what the partner must do (for example, seal and inspect conveyances, screen its staff, report incidents) and allow you to verify it.",
      fr: "Les clauses doivent préciser ce que le partenaire doit faire (par exemple, apposer des scellés et inspecter les moyens de transport, vérifier les antécédents de son personnel, signaler les incidents) et vous permettre de le vérifier.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: {
      rule: "required",
      what: {
        en: "a contract or agreement (or its clause) setting out your security requirements",
        fr: "un contrat ou une entente (ou la clause pertinente) énonçant vos exigences en matière de sécurité",
      },
    },
  },
  {
    id: "BP-7",
    area: "partners",
    category: "partner-security",
    text: {
      en: "Must partners get your approval before subcontracting work they do for you, and must their subcontractors meet the same security requirements?",
      fr: "Vos partenaires doivent-ils obtenir votre accord avant de confier en sous-traitance le travail qu’ils font pour vous, et leurs sous-traitants doivent-ils respecter les mêmes exigences en matière de sécurité?",
    },
    guidance: {
      en: "A carrier that hands your load to another carrier, for example, should tell you first. Your contracts should extend your requirements to anyone the partner brings in.",
      fr: "Par exemple, un transporteur qui confie votre chargement à un autre transporteur doit d’abord vous en aviser. Vos contrats doivent étendre vos exigences à toute entreprise à laquelle le partenaire fait appel.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "BP-8",
    area: "partners",
    category: "partner-security",
    text: {
      en: "When a weakness is found in a partner's security, do you require it to be corrected, follow up, and end the relationship if it is not?",
      fr: "Lorsqu’une faiblesse est décelée dans la sécurité d’un partenaire, exigez-vous qu’elle soit corrigée, faites-vous un suivi et mettez-vous fin à la relation si elle ne l’est pas?",
    },
    guidance: {
      en: "Record what was found, what was agreed and when the correction was checked. Say who decides to end a relationship.",
      fr: "Consignez ce qui a été constaté, ce qui a été convenu et la date à laquelle la correction a été vérifiée. Indiquez qui décide de mettre fin à une relation.",
    },
    level: "must",
    lines: ALL_LINES,
    answer: YES_NO_EXPLAIN_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "BP-9",
    area: "partners",
    category: "partner-security",
    text: {
      en: "Do you check the cybersecurity practices of partners that connect to your systems or exchange shipment data with you?",
      fr: "Vérifiez-vous les pratiques de cybersécurité des partenaires qui se connectent à vos systèmes ou qui échangent avec vous des données sur les expéditions?",
    },
    guidance: {
      en: "A short questionnaire or a certification can show that the partner protects its accounts, keeps its software up to date and will tell you about a breach.",
      fr: "Un court questionnaire ou une certification peut démontrer que le partenaire protège ses comptes, tient ses logiciels à jour et vous avisera en cas d’atteinte à la sécurité.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "BP-10",
    area: "partners",
    category: "partner-security",
    text: {
      en: "Do you watch for warning signs in your dealings with partners, such as unusual payment methods, unexplained routing changes or reluctance to give information, and report them?",
      fr: "Surveillez-vous les signes d’alerte dans vos transactions avec vos partenaires, comme des modes de paiement inhabituels, des changements d’itinéraire inexpliqués ou une réticence à fournir de l’information, et les signalez-vous?",
    },
    guidance: {
      en: "Staff who deal with partners should know these signs and whom to tell. Suspected smuggling or money laundering should be reported to the authorities, such as the CBSA.",
      fr: "Les employés qui traitent avec les partenaires doivent connaître ces signes et savoir à qui s’adresser. Les soupçons de contrebande ou de blanchiment d’argent doivent être signalés aux autorités, comme l’ASFC.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO,
    evidence: NO_EVIDENCE,
  },
  {
    id: "BP-11",
    area: "partners",
    category: "partner-security",
    text: {
      en: "Do you take steps to make sure that the goods you buy, make or move are not produced with forced labour?",
      fr: "Prenez-vous des mesures pour vous assurer que les marchandises que vous achetez, fabriquez ou transportez ne sont pas produites par le travail forcé?",
    },
    guidance: {
      en: "Steps can include a supplier code of conduct, questions about working conditions when you screen partners, and audits of higher-risk suppliers. Goods produced with forced labour may not be imported into Canada.",
      fr: "Ces mesures peuvent comprendre un code de conduite des fournisseurs, des questions sur les conditions de travail lors de l’évaluation des partenaires et des vérifications chez les fournisseurs à risque élevé. L’importation au Canada de marchandises produites par le travail forcé est interdite.",
    },
    level: "should",
    lines: ALL_LINES,
    answer: YES_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "your forced labour policy or supplier code of conduct",
        fr: "votre politique sur le travail forcé ou votre code de conduite des fournisseurs",
      },
    },
  },
];
