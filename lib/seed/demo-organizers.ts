// The organizers of the demo site, each with the one person who runs its account.

export type DemoOrganizer = {
  slug: string;
  name: string;
  description: string;
  email: string;
  website: string;
  owner: { name: string; email: string };
};

export const demoOrganizers: DemoOrganizer[] = [
  {
    slug: "nordljus-konserter",
    name: "Nordljus Konserter",
    description:
      "Vi arrangerar klassiska konserter och visaftnar i konserthus och kyrkor i Mälardalen och Bergslagen – nära musiken och till rimliga priser.",
    email: "konserter@example.se",
    website: "https://nordljus.example.se",
    owner: { name: "Karin Sjöberg", email: "karin.sjoberg@example.se" },
  },
  {
    slug: "glashuset-jazzklubb",
    name: "Glashuset Jazzklubb",
    description:
      "Malmös vardagsrum för jazz sedan 1987. Fyrtio platser, en flygel och konserter fem kvällar i veckan – och storbandet på gästspel i Lund.",
    email: "jazz@example.se",
    website: "https://glashuset.example.se",
    owner: { name: "Jonas Bergström", email: "jonas.bergstrom@example.se" },
  },
  {
    slug: "teater-fyren",
    name: "Teater Fyren",
    description:
      "Fri teatergrupp i Göteborg som spelar klassiker och nyskriven dramatik för vuxna och barn, på hemmascenen i Majorna och på turné i landet.",
    email: "biljettkontoret@example.com",
    website: "https://teaterfyren.example.com",
    owner: { name: "Amira Haddad", email: "amira.haddad@example.com" },
  },
  {
    slug: "foreningen-alvsbrus",
    name: "Föreningen Älvsbrus",
    description:
      "Ideell kulturförening i Umeå som gör festival, gratiskonserter och folkmusikkvällar vid Umeälven. Drivs av ett hundratal volontärer.",
    email: "alvsbrus@example.com",
    website: "https://alvsbrus.example.com",
    owner: { name: "Erik Lundmark", email: "erik.lundmark@example.com" },
  },
  {
    slug: "uppsala-stjarnor",
    name: "Uppsala Stjärnor Basket",
    description:
      "Basketklubb från Uppsala med herrlag i Basketligan och en ungdomsverksamhet med över 400 spelare. Hemmamatcherna spelas i Fyrishov.",
    email: "kansliet@example.se",
    website: "https://stjarnorna.example.se",
    owner: { name: "Johan Nyberg", email: "johan.nyberg@example.se" },
  },
];
