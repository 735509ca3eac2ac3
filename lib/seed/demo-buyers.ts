// People who bought tickets on the demo site. Each has one address; at checkout some of
// them typed it with capitals, which is kept on the order while their User row holds the
// normalised form.

export type DemoBuyer = { name: string; email: string };

const names = [
  "Anna Lindqvist",
  "Erik Johansson",
  "Maria Andersson",
  "Lars Nilsson",
  "Emma Karlsson",
  "Oskar Eriksson",
  "Sara Larsson",
  "Mikael Olsson",
  "Elin Persson",
  "Henrik Svensson",
  "Ida Gustafsson",
  "Peter Pettersson",
  "Linnéa Jonsson",
  "Anders Lindberg",
  "Maja Bergström",
  "Fredrik Sandberg",
  "Hanna Holm",
  "Daniel Lundgren",
  "Ebba Engström",
  "Gustav Ekström",
  "Klara Wallin",
  "Nils Forsberg",
  "Wilma Åberg",
  "Frida Hedlund",
  "Axel Strand",
  "Malin Nyström",
  "Viktor Björk",
  "Astrid Lund",
  "Olle Sjögren",
  "Ingrid Blom",
  "Per Hägglund",
  "Sofia Dahlberg",
  "Björn Falk",
  "Åsa Öberg",
  "Mats Lindström",
  "Lena Sundberg",
  "Emil Håkansson",
  "Ahmed Hassan",
  "Fatima Ali",
  "Mehmet Yilmaz",
  "Yasmin Karimi",
  "Dragan Petrović",
  "Nadia Haddad",
  "Tomasz Kowalski",
  "Leyla Demir",
  "Johanna Mäkelä",
  "Rasmus Berg",
  "Alva Sundqvist",
  "Hugo Nordström",
  "Tove Jakobsson",
  "Samuel Ek",
  "Agnes Vikström",
  "Lukas Fransson",
  "Moa Lindholm",
  "Jakob Öhman",
  "Stina Brännström",
  "Kristoffer Dahl",
  "Elsa Nordin",
  "Sebastian Holmberg",
  "Amanda Isaksson",
];

const toAscii = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** Addresses people really use: first.last, firstlast, initial.last, with or without a year. */
function addressFor(name: string, index: number): string {
  const [first, last] = name.split(" ").map(toAscii);
  const domain = index % 3 === 1 ? "example.com" : "example.se";
  switch (index % 5) {
    case 0:
      return `${first}.${last}@${domain}`;
    case 1:
      return `${first}${last}@${domain}`;
    case 2:
      return `${first[0]}.${last}@${domain}`;
    case 3:
      return `${first}.${last}${70 + ((index * 7) % 30)}@${domain}`;
    default:
      return `${first}_${last}@${domain}`;
  }
}

export const demoBuyers: DemoBuyer[] = names.map((name, index) => ({
  name,
  email: addressFor(name, index),
}));

/** The address as the buyer typed it at checkout: now and then with capitals. */
export function emailAsTyped(email: string, style: number): string {
  if (style !== 0) return email;
  const [local, domain] = email.split("@");
  const capitalised = local.replace(/(^|[._])([a-z])/g, (_, separator: string, letter: string) => separator + letter.toUpperCase());
  return `${capitalised}@${domain}`;
}
