// The headings of catalogue version 2026-1: the name and a short description of each of the
// four PIP areas and of their categories (APP-4), in both official languages.
import type { AreaId, CategoryId, Heading } from "../types.ts";

export const AREAS: Readonly<Record<AreaId, Heading>> = {
  corporate: {
    name: { en: "Corporate security", fr: "Sécurité de l’entreprise" },
    description: {
      en: "How your company leads, plans and staffs its security: management's commitment, risk assessment, business continuity, cybersecurity, personnel and training.",
      fr: "La façon dont votre entreprise dirige, planifie et organise sa sécurité : engagement de la direction, évaluation des risques, continuité des activités, cybersécurité, personnel et formation.",
    },
  },
  "cargo-conveyance": {
    name: { en: "Cargo and conveyance security", fr: "Sécurité du fret et des moyens de transport" },
    description: {
      en: "How cargo, and the conveyances and containers used to move it, are protected from tampering from loading to delivery.",
      fr: "La protection du fret, ainsi que des moyens de transport et des conteneurs utilisés pour le déplacer, contre toute manipulation, du chargement à la livraison.",
    },
  },
  physical: {
    name: { en: "Physical security", fr: "Sécurité physique" },
    description: {
      en: "How your facilities keep unauthorized people away from the places where cargo is handled and stored: buildings, fences, gates, lighting, alarms, cameras and access controls.",
      fr: "La façon dont vos installations tiennent les personnes non autorisées à l’écart des lieux où le fret est manutentionné et entreposé : bâtiments, clôtures, portails, éclairage, alarmes, caméras de surveillance et contrôle de l’accès.",
    },
  },
  partners: {
    name: { en: "Supply chain partner security", fr: "Sécurité des partenaires de la chaîne d’approvisionnement" },
    description: {
      en: "How you choose, screen and monitor the business partners that have access to your goods or your information.",
      fr: "La façon dont vous choisissez, évaluez et surveillez les partenaires commerciaux qui ont accès à vos marchandises ou à vos renseignements.",
    },
  },
};

export const CATEGORIES: Readonly<Record<CategoryId, Heading>> = {
  // corporate security
  "vision-responsibility": {
    name: { en: "Security vision and responsibility", fr: "Vision et responsabilité en matière de sécurité" },
    description: {
      en: "Management's commitment to supply chain security, set out in a statement of support signed by a senior official, and the people responsible for your security program.",
      fr: "L’engagement de la direction envers la sécurité de la chaîne d’approvisionnement, exprimé dans une déclaration d’appui signée par un cadre supérieur, et les personnes responsables de votre programme de sécurité.",
    },
  },
  "risk-assessment": {
    name: { en: "Risk assessment", fr: "Évaluation des risques" },
    description: {
      en: "A written assessment of the security risks in your operations and your supply chain, reviewed at least once a year.",
      fr: "Une évaluation écrite des risques pour la sécurité de vos activités et de votre chaîne d’approvisionnement, revue au moins une fois par année.",
    },
  },
  "business-continuity": {
    name: { en: "Business continuity", fr: "Continuité des activités" },
    description: {
      en: "Your plans to keep goods moving securely, or to resume quickly, after a disruption such as a fire, a system outage or a security breach.",
      fr: "Vos plans pour continuer à acheminer les marchandises en toute sécurité, ou pour reprendre rapidement vos activités, après une perturbation comme un incendie, une panne informatique ou une atteinte à la sécurité.",
    },
  },
  cybersecurity: {
    name: { en: "Cybersecurity", fr: "Cybersécurité" },
    description: {
      en: "How you protect the systems and data used to manage your shipments: accounts and passwords, software updates, backups and your response to a breach.",
      fr: "La protection des systèmes et des données qui servent à gérer vos expéditions : comptes et mots de passe, mises à jour des logiciels, copies de sauvegarde et intervention en cas d’atteinte.",
    },
  },
  "personnel-security": {
    name: { en: "Personnel security", fr: "Sécurité du personnel" },
    description: {
      en: "Checking the background of job applicants and of employees in sensitive positions, and removing a person's access when they leave.",
      fr: "La vérification des antécédents des candidats et des employés qui occupent des postes sensibles, et le retrait des accès d’une personne à son départ.",
    },
  },
  "training-awareness": {
    name: { en: "Education, training and awareness", fr: "Éducation, formation et sensibilisation" },
    description: {
      en: "Teaching employees about the threats to the supply chain, how to recognize and report a problem, and their part in your security program.",
      fr: "La formation des employés sur les menaces qui pèsent sur la chaîne d’approvisionnement, sur la façon de reconnaître et de signaler un problème, et sur leur rôle dans votre programme de sécurité.",
    },
  },
  // cargo and conveyance security
  "conveyance-iit": {
    name: {
      en: "Conveyances and instruments of international traffic",
      fr: "Moyens de transport et instruments de trafic international",
    },
    description: {
      en: "Inspecting and protecting trucks, trailers, containers, rail cars and other conveyances and instruments of international traffic, so that nothing can be hidden in them.",
      fr: "L’inspection et la protection des camions, des remorques, des conteneurs, des wagons et des autres moyens de transport et instruments de trafic international, afin que rien ne puisse y être dissimulé.",
    },
  },
  "seal-security": {
    name: { en: "Seal security", fr: "Sécurité des scellés" },
    description: {
      en: "Controlling high-security seals: who orders, stores, applies and verifies them, and what happens when a seal is found broken or not as recorded.",
      fr: "Le contrôle des scellés de haute sécurité : qui les commande, les garde, les appose et les vérifie, et ce qui se passe lorsqu’un scellé est trouvé brisé ou non conforme au registre.",
    },
  },
  "procedural-security": {
    name: { en: "Procedural security", fr: "Sécurité des procédures" },
    description: {
      en: "Keeping shipping documents accurate and protected, controlling cargo as it is shipped and received, and reporting shortages, overages and other discrepancies.",
      fr: "L’exactitude et la protection des documents d’expédition, le contrôle du fret à l’expédition et à la réception, et le signalement des manques, des excédents et des autres écarts.",
    },
  },
  "agricultural-security": {
    name: { en: "Agricultural security", fr: "Sécurité agricole" },
    description: {
      en: "Keeping conveyances, containers, packaging and wood packing material free of pests, soil, plants and other contaminants.",
      fr: "Les mesures qui gardent les moyens de transport, les conteneurs, les emballages et les matériaux d’emballage en bois exempts d’organismes nuisibles, de terre, de végétaux et d’autres contaminants.",
    },
  },
  // physical security
  "perimeter-buildings": {
    name: { en: "Buildings and perimeter", fr: "Bâtiments et périmètre" },
    description: {
      en: "The buildings, fences and gates that keep intruders out of cargo areas, and the lighting, alarms and video surveillance that let you see a problem and respond to it.",
      fr: "Les bâtiments, les clôtures et les portails qui empêchent les intrus d’atteindre les aires de fret, ainsi que l’éclairage, les alarmes et les caméras de surveillance qui permettent de voir un problème et d’y réagir.",
    },
  },
  "physical-access": {
    name: { en: "Physical access controls", fr: "Contrôle de l’accès physique" },
    description: {
      en: "Controlling who enters your facilities and where they may go: employee identification, visitors, deliveries and drivers, keys and access cards, and unauthorized persons.",
      fr: "Le contrôle des personnes qui entrent dans vos installations et des endroits où elles peuvent aller : identification des employés, visiteurs, livraisons et conducteurs, clés et cartes d’accès, et personnes non autorisées.",
    },
  },
  // supply chain partner security
  "partner-security": {
    name: { en: "Business partner security", fr: "Sécurité des partenaires commerciaux" },
    description: {
      en: "Choosing business partners with care, checking their security or their certification, writing your requirements into contracts and reassessing partners over time.",
      fr: "Le choix rigoureux des partenaires commerciaux, la vérification de leur sécurité ou de leur certification, l’inscription de vos exigences dans les contrats et la réévaluation des partenaires au fil du temps.",
    },
  },
};
