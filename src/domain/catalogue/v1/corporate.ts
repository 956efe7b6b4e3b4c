// Catalogue 2026-1, Corporate security (APP-4): the criteria of the security vision and
// responsibility, risk assessment, business continuity, cybersecurity, personnel security and
// training and awareness categories, in that order. Written for this portal from the facts of
// the PIP and CTPAT minimum security criteria. Nearly every criterion applies to every portal
// line; ids are stable across versions.
import { PORTAL_LINES, type AnswerType, type Criterion } from "../types.ts";

/** A must: "no" needs an explanation (why not, and what is planned). */
const MUST_ANSWER: AnswerType = { kind: "yes-no-explain", explainWhen: "no" };
const YES_NO: AnswerType = { kind: "yes-no" };

export const CORPORATE_CRITERIA: readonly Criterion[] = [
  // ---- Security vision and responsibility (VR) ------------------------------------------------
  {
    id: "VR-1",
    area: "corporate",
    category: "vision-responsibility",
    text: {
      en: "Has a senior official of your company signed a statement of support for supply chain security?",
      fr: "Un haut dirigeant de votre entreprise a-t-il signé un énoncé d’appui à la sécurité de la chaîne d’approvisionnement?",
    },
    guidance: {
      en: "The statement commits the company to supply chain security and to PIP. It is signed by an officer such as the president or chief executive, and displayed or shared where employees and business partners can see it.",
      fr: "L’énoncé engage l’entreprise envers la sécurité de la chaîne d’approvisionnement et le programme PEP. Il est signé par un dirigeant, comme le président ou le premier dirigeant, et affiché ou diffusé là où les employés et les partenaires commerciaux peuvent le voir.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "required",
      what: {
        en: "your signed statement of support, showing the signatory's name and title and the date",
        fr: "votre énoncé d’appui signé, indiquant le nom et le titre du signataire ainsi que la date",
      },
    },
  },
  {
    id: "VR-2",
    area: "corporate",
    category: "vision-responsibility",
    text: {
      en: "Who is responsible for your supply chain security program and your PIP membership (name and position)?",
      fr: "Qui est responsable de votre programme de sécurité de la chaîne d’approvisionnement et de votre adhésion au PEP (nom et poste)?",
    },
    guidance: {
      en: "Name one person with the authority to act on security matters, who knows the PIP requirements and is the CBSA's main contact for them. They may hand tasks to others but remain accountable.",
      fr: "Nommez une personne qui a le pouvoir d’agir en matière de sécurité, qui connaît les exigences du PEP et qui est le principal interlocuteur de l’ASFC à ce sujet. Elle peut confier des tâches à d’autres, mais elle en demeure responsable.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: { kind: "text", maxLength: 200 },
    evidence: { rule: "none" },
  },
  {
    id: "VR-3",
    area: "corporate",
    category: "vision-responsibility",
    text: {
      en: "Is your security policy written down and made known to all employees?",
      fr: "Votre politique de sécurité est-elle écrite et portée à la connaissance de tous les employés?",
    },
    guidance: {
      en: "Employees should know the policy exists, where to find it and what it expects of them, for example through orientation, the intranet or notices in the workplace.",
      fr: "Les employés doivent savoir que la politique existe, où la trouver et ce qu’elle attend d’eux, par exemple grâce à l’accueil des nouveaux employés, à l’intranet ou à des avis affichés sur les lieux de travail.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "optional",
      what: {
        en: "your security policy, or the notice or intranet page that shares it with employees",
        fr: "votre politique de sécurité, ou l’avis ou la page intranet qui la communique aux employés",
      },
    },
  },
  {
    id: "VR-4",
    area: "corporate",
    category: "vision-responsibility",
    text: {
      en: "How often does senior management review your supply chain security program?",
      fr: "À quelle fréquence la haute direction examine-t-elle votre programme de sécurité de la chaîne d’approvisionnement?",
    },
    guidance: {
      en: "The CBSA expects a review at least once a year, with a record of what was looked at, what was found and what was decided.",
      fr: "L’ASFC s’attend à un examen au moins une fois par année, consigné par écrit : ce qui a été examiné, ce qui a été constaté et ce qui a été décidé.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: {
      kind: "choice",
      options: [
        { id: "quarterly", label: { en: "Every three months or more often", fr: "Tous les trois mois ou plus souvent" } },
        { id: "twice-yearly", label: { en: "Twice a year", fr: "Deux fois par année" } },
        { id: "yearly", label: { en: "Once a year", fr: "Une fois par année" } },
        { id: "less-than-yearly", label: { en: "Less than once a year", fr: "Moins d’une fois par année" } },
        { id: "never", label: { en: "No review yet", fr: "Aucun examen pour l’instant" } },
      ],
    },
    evidence: {
      rule: "optional",
      what: {
        en: "the minutes or report of the latest management review",
        fr: "le procès-verbal ou le rapport du dernier examen de la direction",
      },
    },
  },
  {
    id: "VR-5",
    area: "corporate",
    category: "vision-responsibility",
    text: {
      en: "Can employees report a security concern anonymously and without fear of reprisal?",
      fr: "Les employés peuvent-ils signaler une préoccupation en matière de sécurité de façon anonyme et sans crainte de représailles?",
    },
    guidance: {
      en: "For example a telephone line, a web form or a locked box, made known to every employee, with a process to look into each report and act on it.",
      fr: "Par exemple une ligne téléphonique, un formulaire Web ou une boîte verrouillée, connus de tous les employés, avec un processus pour examiner chaque signalement et y donner suite.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: { kind: "yes-no-explain", explainWhen: "no" },
    evidence: { rule: "none" },
  },
  {
    id: "VR-6",
    area: "corporate",
    category: "vision-responsibility",
    text: {
      en: "Do you have a procedure to tell the CBSA promptly of a security incident, or of a significant change such as a new owner, a new address or a change in your lines of business?",
      fr: "Avez-vous une marche à suivre pour informer rapidement l’ASFC d’un incident de sécurité ou d’un changement important, comme un nouveau propriétaire, une nouvelle adresse ou un changement de secteurs d’activité?",
    },
    guidance: {
      en: "PIP members must keep their information current and report incidents that affect the security of their supply chain. The procedure says who reports, to whom and how quickly.",
      fr: "Les membres du PEP doivent tenir leurs renseignements à jour et signaler les incidents qui touchent la sécurité de leur chaîne d’approvisionnement. La marche à suivre précise qui fait le signalement, à qui et dans quel délai.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "VR-7",
    area: "corporate",
    category: "vision-responsibility",
    text: {
      en: "Do you check regularly that your security procedures are followed, for example through internal audits or spot checks, and record the results?",
      fr: "Vérifiez-vous régulièrement que vos procédures de sécurité sont respectées, par exemple au moyen de vérifications internes ou de contrôles ponctuels, et en consignez-vous les résultats?",
    },
    guidance: {
      en: "A good answer names who carries out the checks, how often, and how the weaknesses found are corrected and followed up.",
      fr: "Une bonne réponse précise qui effectue les vérifications, à quelle fréquence, et comment les lacunes relevées sont corrigées et suivies.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: YES_NO,
    evidence: {
      rule: "optional",
      what: {
        en: "the results of your latest internal audit or spot check",
        fr: "les résultats de votre dernière vérification interne ou de votre dernier contrôle ponctuel",
      },
    },
  },

  // ---- Risk assessment (RA) -------------------------------------------------------------------
  {
    id: "RA-1",
    area: "corporate",
    category: "risk-assessment",
    text: {
      en: "Do you have a written risk assessment of your international supply chain?",
      fr: "Avez-vous une évaluation des risques écrite de votre chaîne d’approvisionnement internationale?",
    },
    guidance: {
      en: "It identifies the threats at each point of your supply chain, rates how likely and how serious each one is, and says how each is addressed. It covers the goods you ship or receive and the partners who handle them.",
      fr: "Elle cerne les menaces à chaque étape de votre chaîne d’approvisionnement, évalue la probabilité et la gravité de chacune et indique comment chacune est traitée. Elle porte sur les marchandises que vous expédiez ou recevez et sur les partenaires qui les manutentionnent.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "required",
      what: {
        en: "your written risk assessment, reviewed in the last 12 months",
        fr: "votre évaluation des risques écrite, révisée au cours des 12 derniers mois",
      },
    },
  },
  {
    id: "RA-2",
    area: "corporate",
    category: "risk-assessment",
    text: {
      en: "On what date was your risk assessment last reviewed?",
      fr: "À quelle date votre évaluation des risques a-t-elle été révisée pour la dernière fois?",
    },
    guidance: {
      en: "Give the date of the latest complete review. A date more than 12 months ago means the review is overdue.",
      fr: "Indiquez la date de la dernière révision complète. Une date remontant à plus de 12 mois signifie que la révision est en retard.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: { kind: "date", past: true },
    evidence: { rule: "none" },
  },
  {
    id: "RA-3",
    area: "corporate",
    category: "risk-assessment",
    text: {
      en: "Is your risk assessment reviewed at least once a year, and again after a significant security incident or a major change in your supply chain?",
      fr: "Votre évaluation des risques est-elle révisée au moins une fois par année, ainsi qu’après un incident de sécurité important ou un changement majeur dans votre chaîne d’approvisionnement?",
    },
    guidance: {
      en: "A new route, a new partner, a new facility or an incident can bring new risks; the assessment should be updated when they happen, not only on its yearly date.",
      fr: "Un nouveau trajet, un nouveau partenaire, une nouvelle installation ou un incident peuvent entraîner de nouveaux risques. L’évaluation devrait être mise à jour dès qu’ils surviennent, et non seulement à sa date de révision annuelle.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "RA-4",
    area: "corporate",
    category: "risk-assessment",
    text: {
      en: "Have you mapped how your goods move from their point of origin to their destination, including every party that handles them?",
      fr: "Avez-vous établi le parcours de vos marchandises, de leur point d’origine à leur destination, y compris chaque intervenant qui les manutentionne?",
    },
    guidance: {
      en: "The map shows each leg of the journey, the modes of transport, the transfer and storage points, and every business partner involved, including those your partners subcontract to.",
      fr: "Le schéma montre chaque segment du trajet, les modes de transport, les points de transbordement et d’entreposage ainsi que chaque partenaire commercial en cause, y compris les sous-traitants de vos partenaires.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "required",
      what: {
        en: "a map or flow chart of the movement of your goods and the parties that handle them",
        fr: "un schéma ou un organigramme du parcours de vos marchandises et des intervenants qui les manutentionnent",
      },
    },
  },
  {
    id: "RA-5",
    area: "corporate",
    category: "risk-assessment",
    text: {
      en: "Which threats does your risk assessment consider?",
      fr: "Quelles menaces votre évaluation des risques prend-elle en compte?",
    },
    guidance: {
      en: "A complete assessment considers at least terrorism, the smuggling of contraband such as drugs and weapons, human smuggling and agricultural threats. Add the others that apply to your business.",
      fr: "Une évaluation complète tient compte au moins du terrorisme, de la contrebande (drogues, armes et autres), du passage de clandestins et des menaces agricoles. Ajoutez les autres menaces qui s’appliquent à votre entreprise.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: {
      kind: "choice",
      multiple: true,
      options: [
        { id: "terrorism", label: { en: "Terrorism", fr: "Terrorisme" } },
        {
          id: "contraband",
          label: { en: "Smuggling of contraband (drugs, weapons, other)", fr: "Contrebande (drogues, armes et autres)" },
        },
        { id: "human-smuggling", label: { en: "Human smuggling", fr: "Passage de clandestins" } },
        {
          id: "agricultural",
          label: { en: "Agricultural pests and contaminants", fr: "Organismes nuisibles et contaminants agricoles" },
        },
        { id: "theft-tampering", label: { en: "Cargo theft and tampering", fr: "Vol et altération du fret" } },
        { id: "cyber", label: { en: "Cyber threats", fr: "Cybermenaces" } },
        { id: "fraud", label: { en: "Fraud and money laundering", fr: "Fraude et blanchiment d’argent" } },
      ],
    },
    evidence: { rule: "none" },
  },
  {
    id: "RA-6",
    area: "corporate",
    category: "risk-assessment",
    text: {
      en: "For each risk identified, have you documented the measures that reduce it and who is responsible for them?",
      fr: "Pour chaque risque cerné, avez-vous consigné les mesures qui l’atténuent et la personne qui en est responsable?",
    },
    guidance: {
      en: "Each risk rated medium or high should have measures, an owner and a target date, and the measures should be checked to see that they work.",
      fr: "Chaque risque jugé moyen ou élevé devrait être assorti de mesures, d’un responsable et d’une date cible, et l’efficacité de ces mesures devrait être vérifiée.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "RA-7",
    area: "corporate",
    category: "risk-assessment",
    text: {
      en: "Does your risk assessment take into account the countries and regions your goods come from or pass through?",
      fr: "Votre évaluation des risques tient-elle compte des pays et des régions d’où proviennent vos marchandises ou par lesquels elles transitent?",
    },
    guidance: {
      en: "Some places carry higher risks of terrorism, smuggling, theft or pests. Government travel and trade advisories are a useful source.",
      fr: "Certains endroits présentent des risques plus élevés de terrorisme, de contrebande, de vol ou d’organismes nuisibles. Les avis gouvernementaux aux voyageurs et sur le commerce sont une source utile.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: YES_NO,
    evidence: { rule: "none" },
  },

  // ---- Business continuity (BC) ---------------------------------------------------------------
  {
    id: "BC-1",
    area: "corporate",
    category: "business-continuity",
    text: {
      en: "Do you have a written business continuity plan?",
      fr: "Avez-vous un plan de continuité des activités écrit?",
    },
    guidance: {
      en: "The plan says how you keep moving goods securely, or resume doing so, after a disruption such as a natural disaster, a security incident, a cyberattack or the loss of a key site or partner.",
      fr: "Le plan indique comment vous continuez à acheminer les marchandises en toute sécurité, ou comment vous reprenez cette activité, après une perturbation comme une catastrophe naturelle, un incident de sécurité, une cyberattaque ou la perte d’un site ou d’un partenaire essentiel.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "required",
      what: {
        en: "your business continuity plan, showing the date of its latest version",
        fr: "votre plan de continuité des activités, indiquant la date de sa dernière version",
      },
    },
  },
  {
    id: "BC-2",
    area: "corporate",
    category: "business-continuity",
    text: {
      en: "How often, in months, is your business continuity plan tested?",
      fr: "À quelle fréquence, en mois, votre plan de continuité des activités est-il mis à l’essai?",
    },
    guidance: {
      en: "The CBSA expects a test, such as a tabletop exercise or a drill, at least every 12 months, with the lessons learned added to the plan. Enter 0 if the plan has not been tested yet.",
      fr: "L’ASFC s’attend à ce que le plan soit mis à l’essai au moins tous les 12 mois, par exemple au moyen d’un exercice sur table ou d’une simulation, et à ce que les leçons apprises y soient intégrées. Inscrivez 0 si le plan n’a pas encore été mis à l’essai.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: { kind: "number", min: 0, max: 60, integer: true, unit: { en: "months", fr: "mois" } },
    evidence: {
      rule: "optional",
      what: {
        en: "the report or minutes of the latest test of the plan",
        fr: "le rapport ou le procès-verbal de la dernière mise à l’essai du plan",
      },
    },
  },
  {
    id: "BC-3",
    area: "corporate",
    category: "business-continuity",
    text: {
      en: "Does the plan say how you will communicate during a crisis with employees, business partners, the CBSA and other authorities?",
      fr: "Le plan précise-t-il comment vous communiquerez pendant une crise avec les employés, les partenaires commerciaux, l’ASFC et les autres autorités?",
    },
    guidance: {
      en: "It lists who speaks for the company, the up-to-date contacts to reach, and a backup way to reach them if the usual systems are down.",
      fr: "Il indique qui parle au nom de l’entreprise, les coordonnées à jour des personnes à joindre et un autre moyen de les joindre si les systèmes habituels sont hors service.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: { kind: "yes-no-explain", explainWhen: "no" },
    evidence: { rule: "none" },
  },
  {
    id: "BC-4",
    area: "corporate",
    category: "business-continuity",
    text: {
      en: "Does the plan describe how you restore secure operations after a security incident, including checking that no goods, conveyances or seals were tampered with?",
      fr: "Le plan décrit-il comment vous rétablissez des activités sécuritaires après un incident de sécurité, y compris la vérification que les marchandises, les moyens de transport et les scellés n’ont pas été altérés?",
    },
    guidance: {
      en: "Recovery should not weaken security: the plan says who confirms that controls are back in place before normal operations resume, and how the incident is reviewed afterwards.",
      fr: "Le rétablissement ne doit pas affaiblir la sécurité : le plan précise qui confirme que les mesures de contrôle sont rétablies avant la reprise normale des activités, et comment l’incident est examiné par la suite.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "BC-5",
    area: "corporate",
    category: "business-continuity",
    text: {
      en: "Do you have backup sites, systems or data that let you continue critical operations if a main site or system is lost?",
      fr: "Disposez-vous de sites, de systèmes ou de données de relève qui vous permettent de poursuivre les activités essentielles en cas de perte d’un site ou d’un système principal?",
    },
    guidance: {
      en: "For example an alternate facility, a copy of key records kept elsewhere, or an agreement with a partner, with the same security measures as the main site.",
      fr: "Par exemple une autre installation, une copie des dossiers essentiels conservée ailleurs ou une entente avec un partenaire, assorties des mêmes mesures de sécurité que le site principal.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: YES_NO,
    evidence: { rule: "none" },
  },
  {
    id: "BC-6",
    area: "corporate",
    category: "business-continuity",
    text: {
      en: "Are the people who carry out the plan named, and can they reach a copy of it during an emergency?",
      fr: "Les personnes chargées d’exécuter le plan sont-elles désignées et peuvent-elles en consulter un exemplaire pendant une urgence?",
    },
    guidance: {
      en: "Each role in the plan has a named person and a replacement, and a copy is kept where it can be reached even if the main site or network is unavailable.",
      fr: "Chaque rôle prévu au plan est attribué à une personne désignée et à un remplaçant, et un exemplaire est conservé à un endroit accessible même si le site ou le réseau principal n’est pas disponible.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: YES_NO,
    evidence: { rule: "none" },
  },

  // ---- Cybersecurity (CY) ---------------------------------------------------------------------
  {
    id: "CY-1",
    area: "corporate",
    category: "cybersecurity",
    text: {
      en: "Do you have written cybersecurity policies and procedures that protect your information technology systems?",
      fr: "Avez-vous des politiques et des procédures écrites en matière de cybersécurité qui protègent vos systèmes de technologie de l’information?",
    },
    guidance: {
      en: "They cover at least access control, passwords, software updates, protection against malware, backups and incident handling, and are reviewed at least once a year.",
      fr: "Elles portent au moins sur le contrôle de l’accès, les mots de passe, les mises à jour des logiciels, la protection contre les maliciels, les sauvegardes et la gestion des incidents, et elles sont révisées au moins une fois par année.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "required",
      what: {
        en: "your cybersecurity policy, showing the date of its latest review",
        fr: "votre politique de cybersécurité, indiquant la date de sa dernière révision",
      },
    },
  },
  {
    id: "CY-2",
    area: "corporate",
    category: "cybersecurity",
    text: {
      en: "Does every user have an individual account with a strong password, and is multi-factor authentication required for remote and privileged access?",
      fr: "Chaque utilisateur a-t-il un compte personnel protégé par un mot de passe robuste, et l’authentification multifacteur est-elle exigée pour l’accès à distance et l’accès privilégié?",
    },
    guidance: {
      en: "Accounts are never shared, passwords meet a written standard, and remote connections and administrator accounts use a second factor such as an app or a security key.",
      fr: "Les comptes ne sont jamais partagés, les mots de passe respectent une norme écrite, et les connexions à distance et les comptes d’administrateur exigent un deuxième facteur, comme une application ou une clé de sécurité.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "CY-3",
    area: "corporate",
    category: "cybersecurity",
    text: {
      en: "Are a person's accounts and access rights removed promptly when they leave the company or no longer need them?",
      fr: "Les comptes et les droits d’accès d’une personne sont-ils retirés rapidement lorsqu’elle quitte l’entreprise ou n’en a plus besoin?",
    },
    guidance: {
      en: "Access is removed on the day someone leaves, and changed when they move to a new role, following a procedure that human resources and information technology share.",
      fr: "L’accès est retiré le jour du départ et modifié lors d’un changement de poste, selon une procédure commune aux ressources humaines et à la technologie de l’information.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "CY-4",
    area: "corporate",
    category: "cybersecurity",
    text: {
      en: "Do you keep your software and operating systems up to date, and protect your computers with antivirus or anti-malware software?",
      fr: "Tenez-vous vos logiciels et vos systèmes d’exploitation à jour et protégez-vous vos ordinateurs au moyen d’un logiciel antivirus ou antimaliciel?",
    },
    guidance: {
      en: "Security updates are applied soon after they are released, software no longer supported by its maker is replaced, and malware protection is kept current on every device.",
      fr: "Les mises à jour de sécurité sont appliquées peu après leur publication, les logiciels qui ne sont plus pris en charge par leur fabricant sont remplacés, et la protection contre les maliciels est tenue à jour sur chaque appareil.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "CY-5",
    area: "corporate",
    category: "cybersecurity",
    text: {
      en: "Do you back up important data regularly, keep a copy offline or off site, and check that it can be restored?",
      fr: "Sauvegardez-vous régulièrement vos données importantes, en conservez-vous une copie hors ligne ou hors site et vérifiez-vous qu’elle peut être restaurée?",
    },
    guidance: {
      en: "A copy that an attacker cannot reach from your network protects you against ransomware; a backup counts only if restoring it has been tried.",
      fr: "Une copie inaccessible depuis votre réseau vous protège contre les rançongiciels. Une sauvegarde n’est utile que si sa restauration a été mise à l’essai.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "CY-6",
    area: "corporate",
    category: "cybersecurity",
    text: {
      en: "Do you have a cyber incident response plan that includes reporting incidents to the appropriate authorities and to the partners affected?",
      fr: "Avez-vous un plan d’intervention en cas de cyberincident qui prévoit le signalement des incidents aux autorités compétentes et aux partenaires touchés?",
    },
    guidance: {
      en: "The plan says who does what to contain and recover from an incident, and when to report it, for example to the Canadian Centre for Cyber Security, the police or the CBSA if shipments or PIP information could be affected.",
      fr: "Le plan précise qui fait quoi pour contenir un incident et s’en remettre, et quand le signaler, par exemple au Centre canadien pour la cybersécurité, à la police ou à l’ASFC si des expéditions ou des renseignements liés au PEP peuvent être touchés.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "required",
      what: {
        en: "your cyber incident response plan",
        fr: "votre plan d’intervention en cas de cyberincident",
      },
    },
  },
  {
    id: "CY-7",
    area: "corporate",
    category: "cybersecurity",
    text: {
      en: "Do you protect your employees against phishing, for example by filtering email and flagging messages from outside the company?",
      fr: "Protégez-vous vos employés contre l’hameçonnage, par exemple en filtrant les courriels et en signalant les messages provenant de l’extérieur de l’entreprise?",
    },
    guidance: {
      en: "Technical filters reduce the number of fraudulent messages that reach people, and an easy way to report a suspicious message helps stop an attack early.",
      fr: "Les filtres techniques réduisent le nombre de messages frauduleux qui parviennent aux employés, et un moyen simple de signaler un message suspect aide à stopper une attaque rapidement.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: YES_NO,
    evidence: { rule: "none" },
  },
  {
    id: "CY-8",
    area: "corporate",
    category: "cybersecurity",
    text: {
      en: "How often are your systems tested for security weaknesses, for example by a vulnerability scan or a penetration test?",
      fr: "À quelle fréquence vos systèmes font-ils l’objet de tests visant à déceler des vulnérabilités, par exemple une analyse de vulnérabilités ou un test d’intrusion?",
    },
    guidance: {
      en: "Testing at least once a year, and after major changes to your systems, is expected; the weaknesses found should be fixed and the fixes checked.",
      fr: "Des tests au moins une fois par année, et après tout changement majeur à vos systèmes, sont attendus. Les vulnérabilités relevées devraient être corrigées et les correctifs vérifiés.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: {
      kind: "choice",
      options: [
        { id: "quarterly", label: { en: "Every three months or more often", fr: "Tous les trois mois ou plus souvent" } },
        { id: "yearly", label: { en: "Once or twice a year", fr: "Une ou deux fois par année" } },
        { id: "less-than-yearly", label: { en: "Less than once a year", fr: "Moins d’une fois par année" } },
        { id: "never", label: { en: "Not tested yet", fr: "Aucun test pour l’instant" } },
      ],
    },
    evidence: {
      rule: "optional",
      what: {
        en: "a summary of your latest vulnerability scan or penetration test",
        fr: "un résumé de votre dernière analyse de vulnérabilités ou de votre dernier test d’intrusion",
      },
    },
  },
  {
    id: "CY-9",
    area: "corporate",
    category: "cybersecurity",
    text: {
      en: "Is each person's access to systems and data limited to what their work requires, and reviewed regularly?",
      fr: "L’accès de chaque personne aux systèmes et aux données est-il limité à ce qu’exige son travail et revu régulièrement?",
    },
    guidance: {
      en: "Access to shipping, customs and financial data is granted by role, and a manager confirms at least once a year that each person still needs the access they have.",
      fr: "L’accès aux données d’expédition, de douane et financières est accordé selon le rôle, et un gestionnaire confirme au moins une fois par année que chaque personne a toujours besoin de l’accès dont elle dispose.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: YES_NO,
    evidence: { rule: "none" },
  },

  // ---- Personnel security (PS) ----------------------------------------------------------------
  {
    id: "PS-1",
    area: "corporate",
    category: "personnel-security",
    text: {
      en: "Before hiring someone, do you verify their identity and their right to work in the country?",
      fr: "Avant d’embaucher une personne, vérifiez-vous son identité et son droit de travailler au pays?",
    },
    guidance: {
      en: "Original identity documents and work authorization are checked before the first day, and a record is kept that the check was done.",
      fr: "Les pièces d’identité originales et l’autorisation de travail sont vérifiées avant le premier jour de travail, et une trace de cette vérification est conservée.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "PS-2",
    area: "corporate",
    category: "personnel-security",
    text: {
      en: "Do you carry out background checks on applicants, as the law allows, matched to the sensitivity of the position?",
      fr: "Effectuez-vous une vérification des antécédents des candidats, dans la mesure permise par la loi, en fonction de la sensibilité du poste?",
    },
    guidance: {
      en: "For example checks of employment history and references, and a criminal record check for positions with access to goods, conveyances, sensitive information or systems.",
      fr: "Par exemple la vérification des antécédents professionnels et des références, ainsi qu’une vérification du casier judiciaire pour les postes donnant accès aux marchandises, aux moyens de transport, à des renseignements de nature délicate ou aux systèmes.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "required",
      what: {
        en: "your written hiring and screening procedure (do not attach employees' personal information)",
        fr: "votre procédure écrite d’embauche et de vérification (ne joignez pas les renseignements personnels des employés)",
      },
    },
  },
  {
    id: "PS-3",
    area: "corporate",
    category: "personnel-security",
    text: {
      en: "Are employees in sensitive positions screened again periodically, or when there is cause?",
      fr: "Les employés qui occupent des postes sensibles font-ils l’objet d’une nouvelle vérification à intervalles réguliers ou lorsque la situation le justifie?",
    },
    guidance: {
      en: "Positions with access to cargo, seals, shipping documents or key systems are listed, and the people in them are checked again on a set schedule, as the law allows.",
      fr: "Les postes donnant accès au fret, aux scellés, aux documents d’expédition ou aux systèmes essentiels sont répertoriés, et leurs titulaires font l’objet d’une nouvelle vérification selon un calendrier établi, dans la mesure permise par la loi.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: YES_NO,
    evidence: { rule: "none" },
  },
  {
    id: "PS-4",
    area: "corporate",
    category: "personnel-security",
    text: {
      en: "When an employee leaves, do you follow a written procedure to recover their identification badge, keys, access cards and equipment, and to close their accounts?",
      fr: "Lorsqu’un employé quitte l’entreprise, suivez-vous une procédure écrite pour récupérer son insigne d’identité, ses clés, ses cartes d’accès et son équipement, et pour fermer ses comptes?",
    },
    guidance: {
      en: "A checklist completed for every departure, on the last day, shows that nothing was missed; lost keys or cards lead to locks or codes being changed.",
      fr: "Une liste de contrôle remplie pour chaque départ, le dernier jour de travail, montre que rien n’a été oublié. La perte de clés ou de cartes entraîne le changement des serrures ou des codes.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "optional",
      what: {
        en: "your exit procedure or checklist",
        fr: "votre procédure ou liste de contrôle de départ",
      },
    },
  },
  {
    id: "PS-5",
    area: "corporate",
    category: "personnel-security",
    text: {
      en: "Do you have a code of conduct that every employee acknowledges, setting out expected behaviour and the consequences of breaking it?",
      fr: "Avez-vous un code de conduite dont chaque employé atteste avoir pris connaissance, qui énonce le comportement attendu et les conséquences en cas de manquement?",
    },
    guidance: {
      en: "Employees sign or confirm electronically that they have read the code when hired and when it changes, and the acknowledgements are kept.",
      fr: "Les employés signent le code ou confirment électroniquement l’avoir lu à l’embauche et à chaque modification, et ces attestations sont conservées.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "optional",
      what: {
        en: "your code of conduct",
        fr: "votre code de conduite",
      },
    },
  },
  {
    id: "PS-6",
    area: "corporate",
    category: "personnel-security",
    text: {
      en: "Are contract and temporary workers screened to the same standard as employees, either by you or by their agency?",
      fr: "Les travailleurs contractuels et temporaires font-ils l’objet d’une vérification équivalente à celle des employés, effectuée par vous ou par leur agence?",
    },
    guidance: {
      en: "When an agency does the screening, your contract with it says what checks are done and lets you confirm they were.",
      fr: "Lorsqu’une agence effectue la vérification, votre contrat avec elle précise les vérifications faites et vous permet de confirmer qu’elles ont eu lieu.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: { kind: "yes-no-explain", explainWhen: "no" },
    evidence: { rule: "none" },
  },
  {
    id: "PS-7",
    area: "corporate",
    category: "personnel-security",
    text: {
      en: "Do you check each commercial driver's licence and driving record before hiring, and again at least once a year?",
      fr: "Vérifiez-vous le permis de conduire et le dossier de conduite de chaque conducteur commercial avant l’embauche, puis au moins une fois par année?",
    },
    guidance: {
      en: "The licence must be valid for the vehicles driven and the record free of offences that raise security concerns; the dates of the checks are kept in the driver's file.",
      fr: "Le permis doit être valide pour les véhicules conduits et le dossier exempt d’infractions qui soulèvent des préoccupations en matière de sécurité. Les dates des vérifications sont consignées au dossier du conducteur.",
    },
    level: "should",
    lines: ["highway-carrier"],
    answer: YES_NO,
    evidence: { rule: "none" },
  },

  // ---- Education, training and awareness (TA) -------------------------------------------------
  {
    id: "TA-1",
    area: "corporate",
    category: "training-awareness",
    text: {
      en: "Do all employees receive security awareness training when they are hired and at least once a year after that?",
      fr: "Tous les employés reçoivent-ils une formation de sensibilisation à la sécurité à leur embauche, puis au moins une fois par année?",
    },
    guidance: {
      en: "The training explains the company's security policy and procedures, the threats to the supply chain, and how and to whom to report a problem.",
      fr: "La formation présente la politique et les procédures de sécurité de l’entreprise, les menaces qui pèsent sur la chaîne d’approvisionnement, et la façon de signaler un problème et à qui.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "optional",
      what: {
        en: "your security awareness training material or program",
        fr: "votre matériel ou programme de formation de sensibilisation à la sécurité",
      },
    },
  },
  {
    id: "TA-2",
    area: "corporate",
    category: "training-awareness",
    text: {
      en: "Does the training teach employees to recognize signs of an internal conspiracy and how to report suspicious activity?",
      fr: "La formation apprend-elle aux employés à reconnaître les signes d’un complot interne et la façon de signaler une activité suspecte?",
    },
    guidance: {
      en: "Smugglers often rely on people inside a company. Employees should know the warning signs, such as unexplained interest in shipments or schedules, and feel safe reporting them.",
      fr: "Les contrebandiers comptent souvent sur des complices à l’intérieur de l’entreprise. Les employés devraient connaître les signes avant-coureurs, comme un intérêt inexpliqué pour les expéditions ou les horaires, et se sentir en sécurité pour les signaler.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "TA-3",
    area: "corporate",
    category: "training-awareness",
    text: {
      en: "Do employees who use your computer systems receive training on cybersecurity, including how to recognize phishing and protect their passwords?",
      fr: "Les employés qui utilisent vos systèmes informatiques reçoivent-ils une formation en cybersécurité, notamment pour reconnaître l’hameçonnage et protéger leurs mots de passe?",
    },
    guidance: {
      en: "Training is given at hire and at least once a year, and covers safe use of email, the Internet, removable media and remote access.",
      fr: "La formation est donnée à l’embauche et au moins une fois par année, et porte sur l’utilisation sécuritaire du courriel, d’Internet, des supports amovibles et de l’accès à distance.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: { rule: "none" },
  },
  {
    id: "TA-4",
    area: "corporate",
    category: "training-awareness",
    text: {
      en: "Do employees who inspect conveyances, instruments of international traffic or seals receive specialised training, with regular refreshers?",
      fr: "Les employés qui inspectent les moyens de transport, les instruments de trafic international ou les scellés reçoivent-ils une formation spécialisée, mise à jour régulièrement?",
    },
    guidance: {
      en: "They learn the inspection points, how to spot hidden compartments, tampering and pests, how to check a seal, and what to do when something is wrong.",
      fr: "Ils apprennent les points d’inspection, comment repérer les compartiments cachés, les signes d’altération et les organismes nuisibles, comment vérifier un scellé et quoi faire en cas d’anomalie.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "optional",
      what: {
        en: "your inspection training material",
        fr: "votre matériel de formation sur l’inspection",
      },
    },
  },
  {
    id: "TA-5",
    area: "corporate",
    category: "training-awareness",
    text: {
      en: "Do you keep records of the security training each employee has received, with the dates and topics?",
      fr: "Tenez-vous un registre de la formation en sécurité reçue par chaque employé, avec les dates et les sujets?",
    },
    guidance: {
      en: "Records show who was trained, on what and when, so that you can see at a glance who is due for a refresher.",
      fr: "Le registre indique qui a été formé, sur quoi et à quel moment, afin que vous puissiez voir d’un coup d’œil qui doit suivre une mise à jour.",
    },
    level: "must",
    lines: PORTAL_LINES,
    answer: MUST_ANSWER,
    evidence: {
      rule: "required",
      what: {
        en: "your records of the security training given in the last 12 months, with dates, topics and attendees",
        fr: "votre registre de la formation en sécurité donnée au cours des 12 derniers mois, avec les dates, les sujets et les participants",
      },
    },
  },
  {
    id: "TA-6",
    area: "corporate",
    category: "training-awareness",
    text: {
      en: "Do you check that the training works, for example with a quiz, a practical test or a simulated phishing exercise?",
      fr: "Vérifiez-vous l’efficacité de la formation, par exemple au moyen d’un questionnaire, d’un test pratique ou d’un exercice simulé d’hameçonnage?",
    },
    guidance: {
      en: "The results show where people need more training, and the training is adjusted accordingly.",
      fr: "Les résultats montrent où une formation supplémentaire est nécessaire, et la formation est adaptée en conséquence.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: YES_NO,
    evidence: { rule: "none" },
  },
  {
    id: "TA-7",
    area: "corporate",
    category: "training-awareness",
    text: {
      en: "Do you keep security awareness high between training sessions, for example with posters, bulletins or short briefings?",
      fr: "Maintenez-vous la sensibilisation à la sécurité entre les séances de formation, par exemple au moyen d’affiches, de bulletins ou de courtes séances d’information?",
    },
    guidance: {
      en: "Regular reminders about current threats and recent incidents help employees keep security in mind in their daily work.",
      fr: "Des rappels réguliers sur les menaces actuelles et les incidents récents aident les employés à garder la sécurité à l’esprit dans leur travail quotidien.",
    },
    level: "should",
    lines: PORTAL_LINES,
    answer: YES_NO,
    evidence: { rule: "none" },
  },
];
