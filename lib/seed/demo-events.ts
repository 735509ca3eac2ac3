// The demo events. Dates are given relative to the moment the seed runs, so the site
// always has something coming up; `sold` is how many admissions paid orders already hold.

export type DemoTicketType = {
  name: string;
  description?: string;
  /** Öre (SEK minor units). */
  priceMinor: number;
  capacity: number;
  maxPerOrder?: number;
  sold: number;
  /** Sales open at 10:00 Stockholm time this many days from now (negative: already open). */
  salesStartDay?: number;
  /** Sales close at 23:59 Stockholm time this many days from now (negative: already closed). */
  salesEndDay?: number;
};

export type DemoEvent = {
  slug: string;
  organizer: string;
  status: "PUBLISHED" | "DRAFT";
  title: string;
  paragraphs: string[];
  venue: string;
  address: string;
  city: string;
  /** Days from now to the event's date, moved forward to `weekday` (0 = Sunday) if given. */
  day: number;
  weekday?: number;
  /** Local Stockholm time, "HH:MM". */
  startTime: string;
  durationMinutes: number;
  /** When it was published; the paid orders fall between then and now. */
  publishedDaysAgo?: number;
  /** Share of its tickets already scanned at the door (past events). */
  checkedInShare?: number;
  ticketTypes: DemoTicketType[];
};

const SUNDAY = 0,
  MONDAY = 1,
  THURSDAY = 4,
  FRIDAY = 5,
  SATURDAY = 6;
const kr = (kronor: number) => kronor * 100;

export const demoEvents: DemoEvent[] = [
  {
    slug: "beethovens-nionde-symfoni",
    organizer: "nordljus-konserter",
    status: "PUBLISHED",
    title: "Beethovens nionde symfoni",
    paragraphs: [
      "Få verk har fått en hel konsertsal att resa sig som Beethovens nionde. Mälardalens kammarorkester och Nordljuskören – sammanlagt över hundra musiker och sångare – tar sig an symfonin under ledning av dirigenten Johanna Ekström.",
      "Kvällen inleds med uvertyren till Egmont. Efter paus följer den nionde symfonin i sin helhet, med Maria Forsberg (sopran), Elin Dahl (alt), Anders Wikström (tenor) och Petter Granlund (bas) i den avslutande körfinalen, den som bär Schillers ”An die Freude”.",
      "Konserten är cirka två timmar inklusive paus. Foajébaren öppnar en timme före konsertstart, och klockan 18.15 berättar Johanna Ekström om verket i Lilla salen – fri entré med konsertbiljett.",
    ],
    venue: "Konserthuset Stockholm",
    address: "Hötorget 8",
    city: "Stockholm",
    day: 24,
    weekday: THURSDAY,
    startTime: "19:00",
    durationMinutes: 120,
    ticketTypes: [
      { name: "Parkett", description: "Numrerad plats på parkett.", priceMinor: kr(495), capacity: 150, maxPerOrder: 8, sold: 18 },
      { name: "Läktare", description: "Numrerad plats på läktaren.", priceMinor: kr(345), capacity: 90, maxPerOrder: 8, sold: 7 },
      {
        name: "Student",
        description: "Giltig studentlegitimation visas vid entrén.",
        priceMinor: kr(195),
        capacity: 30,
        maxPerOrder: 2,
        sold: 3,
      },
    ],
  },
  {
    slug: "schubert-i-skymningen",
    organizer: "nordljus-konserter",
    status: "PUBLISHED",
    title: "Schubert i skymningen – stråkkvintetten i C-dur",
    paragraphs: [
      "Schuberts stråkkvintett i C-dur skrevs under hans sista sommar och räknas av många som det vackraste som skrivits för stråkar. Med en extra cello i stället för den vanliga andra altfiolen får musiken en mörk, varm botten som bär de långa melodierna.",
      "Kvintetten Fyris – fem musiker från orkestrarna i Uppsala och Stockholm – spelar verket i sin helhet och inleder med Haydns stråkkvartett op. 76 nr 4, ”Soluppgången”. Konserten hålls i den intima Sal B, där ingen plats ligger mer än femton meter från scenen.",
      "Konserten pågår i cirka en och en halv timme med en kort paus. Barn under 16 år går för 60 kronor i sällskap med vuxen.",
    ],
    venue: "Uppsala Konsert & Kongress, Sal B",
    address: "Vaksala torg 1",
    city: "Uppsala",
    day: 10,
    weekday: SUNDAY,
    startTime: "16:00",
    durationMinutes: 90,
    ticketTypes: [
      { name: "Ordinarie", priceMinor: kr(280), capacity: 120, sold: 16 },
      {
        name: "Student",
        description: "Giltig studentlegitimation visas vid entrén.",
        priceMinor: kr(120),
        capacity: 30,
        maxPerOrder: 2,
        sold: 5,
      },
      { name: "Barn", description: "Under 16 år, i sällskap med vuxen.", priceMinor: kr(60), capacity: 20, maxPerOrder: 4, sold: 2 },
    ],
  },
  {
    slug: "visor-vid-vattnet",
    organizer: "nordljus-konserter",
    status: "PUBLISHED",
    title: "Visor vid vattnet – en kväll med Evert Taube",
    paragraphs: [
      "Calle Schewens vals, Så skimrande var aldrig havet, Flickan i Havanna – Evert Taubes visor har sjungits i skärgården, på skolavslutningar och runt köksbord i snart hundra år. Den här kvällen får de nytt liv med sångerskan Lina Ekholm och Mälardalens visensemble.",
      "Mellan sångerna berättar Lina om Taubes år till sjöss, om resorna till Argentina och om vännerna som blev visor. Arrangemangen för fiol, dragspel, kontrabas och gitarr är skrivna för kvällen, men melodierna känner du igen – och i allsången på slutet är alla välkomna att sjunga med.",
      "Föreställningen är cirka två och en halv timme inklusive paus. Pensionärsbiljetten gäller dig som har fyllt 65 år.",
    ],
    venue: "Mälarscenen",
    address: "Strandgatan 12",
    city: "Västerås",
    day: 38,
    weekday: SATURDAY,
    startTime: "18:00",
    durationMinutes: 150,
    ticketTypes: [
      { name: "Ordinarie", priceMinor: kr(320), capacity: 180, sold: 11 },
      { name: "Pensionär", description: "Från 65 år.", priceMinor: kr(260), capacity: 60, sold: 6 },
    ],
  },
  {
    slug: "orgelnatt-i-stadskyrkan",
    organizer: "nordljus-konserter",
    status: "PUBLISHED",
    title: "Orgelnatt i Stadskyrkan",
    paragraphs: [
      "När staden har somnat tänds ljusen i Stadskyrkan för en sen kväll med orgelmusik. Organisten Magnus Ferm spelar Bachs Passacaglia i c-moll, Widors berömda toccata och improvisationer över svenska folkmelodier.",
      "Kyrkorummet lyses bara upp av levande ljus, och mellan verken läser skådespelaren Eva Rydén dikter av Karin Boye och Tomas Tranströmer. Ta gärna med en extra tröja – kyrkan är sval sena kvällar.",
      "Dörrarna öppnas 21.30. Konserten pågår i knappt två timmar utan paus. Du som är under 20 år går gratis men behöver en biljett, eftersom antalet platser är begränsat.",
    ],
    venue: "Stadskyrkan",
    address: "Kyrkogatan 4",
    city: "Örebro",
    day: 52,
    weekday: FRIDAY,
    startTime: "22:00",
    durationMinutes: 100,
    ticketTypes: [
      { name: "Ordinarie", priceMinor: kr(180), capacity: 250, sold: 9 },
      { name: "Under 20 år", description: "Fri entré, men biljett krävs.", priceMinor: 0, capacity: 50, maxPerOrder: 4, sold: 3 },
    ],
  },
  {
    slug: "ellen-ahlgren-kvartett",
    organizer: "glashuset-jazzklubb",
    status: "PUBLISHED",
    title: "Ellen Ahlgren Kvartett – skivsläpp",
    paragraphs: [
      "Saxofonisten Ellen Ahlgren har på några år blivit en av de mest omtalade rösterna i svensk jazz. Nu släpper hennes kvartett sitt andra album, Ljus över Öresund, och firar på scenen där bandet en gång gjorde sin första spelning.",
      "Musiken rör sig mellan skandinavisk melankoli och hårt svängande hardbop. Med sig har Ellen pianisten Oskar Lindh, basisten Samira Yousef och trummisen Viktor Ström – ett band som lyssnar på varandra så som bara år av turnéer lär en.",
      "Två set med paus. Köket serverar en mindre meny från klockan 18, och albumet finns att köpa i baren under kvällen. Åldersgräns 18 år.",
    ],
    venue: "Glashuset Jazzklubb",
    address: "Davidshallsgatan 18",
    city: "Malmö",
    day: 6,
    weekday: FRIDAY,
    startTime: "20:00",
    durationMinutes: 150,
    ticketTypes: [
      { name: "Ordinarie", priceMinor: kr(260), capacity: 32, maxPerOrder: 4, sold: 32 },
      {
        name: "Student",
        description: "Giltig studentlegitimation visas vid entrén.",
        priceMinor: kr(160),
        capacity: 8,
        maxPerOrder: 2,
        sold: 8,
      },
    ],
  },
  {
    slug: "mandagsjam-med-husbandet",
    organizer: "glashuset-jazzklubb",
    status: "PUBLISHED",
    title: "Måndagsjam med husbandet",
    paragraphs: [
      "Varje måndag öppnar vi scenen för alla som vill spela. Husbandet – Henrik Sand på piano, Amanda Kroon på kontrabas och Ola Persson på trummor – spelar första set, och sedan är det fritt fram att ta med sitt instrument och skriva upp sig på listan vid scenen.",
      "Här möts musikhögskolestudenter, yrkesmusiker som vill prova något nytt och amatörer som har spelat standards i trettio år. Vi utgår från Real Book, men det brukar bli både blues och latin innan kvällen är slut.",
      "Medlemspriset gäller dig som är medlem i Glashusets vänförening. Åldersgräns 18 år.",
    ],
    venue: "Glashuset Jazzklubb",
    address: "Davidshallsgatan 18",
    city: "Malmö",
    day: 4,
    weekday: MONDAY,
    startTime: "19:30",
    durationMinutes: 180,
    ticketTypes: [
      { name: "Entré", priceMinor: kr(100), capacity: 60, sold: 9 },
      { name: "Medlem", description: "För medlemmar i Glashusets vänförening.", priceMinor: kr(60), capacity: 40, maxPerOrder: 2, sold: 6 },
    ],
  },
  {
    slug: "swing-i-lund",
    organizer: "glashuset-jazzklubb",
    status: "PUBLISHED",
    title: "Swing i Lund – Glashusets storband",
    paragraphs: [
      "Sjutton musiker, en sångerska och ett dansgolv: Glashusets storband tar med sig Count Basie, Duke Ellington och Glenn Miller till Lund för en kväll i swingerans tecken.",
      "Bandet leds av trumpetaren Fredrik Malm och har Nora Al-Khatib som gästande sångerska, med Ella Fitzgeralds klassiker i repertoaren. Golvet framför scenen hålls fritt för den som vill dansa – Lindy hop-klubben Swingkatten håller en nybörjarlektion klockan 18.30.",
      "Sittplatserna är vid bord och fördelas efter ankomst. Ståplatser finns längs salens bakre del och vid baren.",
    ],
    venue: "Tegnérsalen",
    address: "Kyrkogatan 13",
    city: "Lund",
    day: 17,
    weekday: SATURDAY,
    startTime: "19:00",
    durationMinutes: 180,
    ticketTypes: [
      { name: "Sittplats", description: "Plats vid bord.", priceMinor: kr(340), capacity: 48, maxPerOrder: 6, sold: 45 },
      { name: "Ståplats", priceMinor: kr(220), capacity: 30, maxPerOrder: 6, sold: 5 },
    ],
  },
  {
    slug: "froken-julie",
    organizer: "teater-fyren",
    status: "PUBLISHED",
    title: "Fröken Julie",
    paragraphs: [
      "Midsommarnatt på ett gods i slutet av 1800-talet. Grevens dotter Julie och betjänten Jean dras till varandra över alla gränser som klass och kön har dragit upp – och när natten är slut finns det ingen väg tillbaka.",
      "Teater Fyren spelar Strindbergs mest spelade pjäs i en avskalad och intensiv uppsättning i regi av Hanna Öberg, med Ida Sandberg som Julie, Kalle Mäkinen som Jean och Fatima Rahimi som Kristin.",
      "Föreställningen är cirka en timme och fyrtio minuter utan paus och passar från 15 år. Studentbiljetten kräver giltig studentlegitimation, pensionärsbiljetten gäller från 65 år.",
    ],
    venue: "Scenen i Majorna",
    address: "Allmänna vägen 9",
    city: "Göteborg",
    day: 13,
    weekday: THURSDAY,
    startTime: "19:00",
    durationMinutes: 100,
    ticketTypes: [
      { name: "Ordinarie", priceMinor: kr(300), capacity: 140, sold: 18 },
      {
        name: "Student",
        description: "Giltig studentlegitimation visas vid entrén.",
        priceMinor: kr(150),
        capacity: 30,
        maxPerOrder: 2,
        sold: 5,
      },
      { name: "Pensionär", description: "Från 65 år.", priceMinor: kr(220), capacity: 30, sold: 6 },
    ],
  },
  {
    slug: "skattjakten-pa-hisingen",
    organizer: "teater-fyren",
    status: "PUBLISHED",
    title: "Skattjakten på Hisingen",
    paragraphs: [
      "Tioåriga Majken hittar en gammal karta i morfars verktygslåda. Någonstans på Hisingen ska en sjökapten ha gömt en skatt för hundra år sedan – och nu har Majken och lillebror Sixten bara en dag på sig att hitta den innan morfars hus säljs.",
      "En familjeföreställning full av musik, gåtor och ett skepp som seglar rakt in i salongen. Publiken hjälper till att lösa ledtrådarna, och ingen behöver kunna läsa kartor för att vara med.",
      "Föreställningen är 55 minuter lång och passar barn från fyra år. Barnbiljetten gäller barn 3–12 år; barn under tre år sitter gratis i knät och behöver ingen biljett.",
    ],
    venue: "Scenen i Majorna",
    address: "Allmänna vägen 9",
    city: "Göteborg",
    day: 20,
    weekday: SUNDAY,
    startTime: "14:00",
    durationMinutes: 55,
    ticketTypes: [
      { name: "Vuxen", priceMinor: kr(180), capacity: 80, maxPerOrder: 6, sold: 9 },
      { name: "Barn", description: "3–12 år.", priceMinor: kr(120), capacity: 80, maxPerOrder: 6, sold: 12 },
    ],
  },
  {
    slug: "ett-dromspel-umea",
    organizer: "teater-fyren",
    status: "PUBLISHED",
    title: "Ett drömspel – gästspel i Umeå",
    paragraphs: [
      "Guden Indras dotter stiger ner till jorden för att ta reda på om människornas klagan är befogad. Hon möter officeren som väntar förgäves utanför teatern, advokaten som tar på sig världens skuld och en dörr som ingen får öppna.",
      "Strindbergs Ett drömspel från 1901 är en av den moderna teaterns grundtexter. Teater Fyren har gjort en lekfull och musikalisk tolkning där sex skådespelare gör ett trettiotal roller och scenografin förvandlas framför publikens ögon.",
      "Föreställningen är cirka två timmar och femton minuter inklusive paus. Efteråt samtalar ensemblen med publiken i foajén.",
    ],
    venue: "Kulturhuset Forsen, Stora scenen",
    address: "Skolgatan 31",
    city: "Umeå",
    day: 45,
    weekday: SATURDAY,
    startTime: "19:00",
    durationMinutes: 135,
    ticketTypes: [
      { name: "Ordinarie", priceMinor: kr(320), capacity: 200, sold: 5 },
      {
        name: "Student",
        description: "Giltig studentlegitimation visas vid entrén.",
        priceMinor: kr(160),
        capacity: 40,
        maxPerOrder: 2,
        sold: 2,
      },
    ],
  },
  {
    slug: "alvsbrus-festival",
    organizer: "foreningen-alvsbrus",
    status: "PUBLISHED",
    title: "Älvsbrus – två dagar vid älven",
    paragraphs: [
      "Älvsbrus är festivalen som fyller Kulturhuset Forsen vid Umeälven under två dagar. Tre scener, ett trettiotal akter och ett mattorg med lokala krögare – allt ett stenkast från centrum.",
      "Programmet blandar indiepop, elektronika och joik med nordnorsk rock och folkmusik från Västerbotten. Fredagen avslutas med en sen akustisk konsert i den stora foajén med utsikt över älven, och på lördagen har familjeområdet öppet fram till klockan 18.",
      "Festivalpasset gäller båda dagarna. Early bird-passen är slutsålda, och när släpp 1 tar slut släpps de sista passen. VIP-biljetten ger tillgång till lounge med egen bar och utsikt över stora scenen. Åldersgräns 13 år utan vuxen i sällskap.",
    ],
    venue: "Kulturhuset Forsen",
    address: "Skolgatan 31",
    city: "Umeå",
    day: 70,
    weekday: FRIDAY,
    startTime: "16:00",
    durationMinutes: 33 * 60,
    publishedDaysAgo: 80,
    ticketTypes: [
      {
        name: "Early bird festivalpass",
        description: "Båda dagarna.",
        priceMinor: kr(695),
        capacity: 15,
        maxPerOrder: 2,
        sold: 15,
        salesStartDay: -75,
        salesEndDay: -21,
      },
      {
        name: "Festivalpass – släpp 1",
        description: "Båda dagarna.",
        priceMinor: kr(895),
        capacity: 120,
        maxPerOrder: 6,
        sold: 10,
        salesStartDay: -20,
      },
      {
        name: "Festivalpass – släpp 2",
        description: "Båda dagarna.",
        priceMinor: kr(995),
        capacity: 200,
        maxPerOrder: 6,
        sold: 0,
        salesStartDay: 9,
      },
      { name: "Dagbiljett fredag", priceMinor: kr(495), capacity: 150, maxPerOrder: 6, sold: 4, salesStartDay: -20 },
      { name: "Dagbiljett lördag", priceMinor: kr(545), capacity: 150, maxPerOrder: 6, sold: 6, salesStartDay: -20 },
      {
        name: "VIP",
        description: "Båda dagarna, med lounge och egen bar.",
        priceMinor: kr(1495),
        capacity: 40,
        maxPerOrder: 4,
        sold: 2,
        salesStartDay: -20,
      },
    ],
  },
  {
    slug: "umea-blasorkester-gratiskonsert",
    organizer: "foreningen-alvsbrus",
    status: "PUBLISHED",
    title: "Umeå blåsorkester och gäster – gratiskonsert",
    paragraphs: [
      "Föreningen Älvsbrus bjuder in till en eftermiddag med fri musik i Kulturhuset Forsens stora foajé. Umeå blåsorkester spelar allt från marscher till filmmusik, kören Norrsång sjunger nordiska körklassiker, och som avslutning kommer singer-songwritern Moa Lindqvist.",
      "Konserten är gratis, men vi ber dig boka biljett så att vi vet hur många som kommer – foajén rymmer ett begränsat antal. Sittplatserna närmast scenen är få och passar dig som har svårt att stå länge.",
      "Kaféet i foajén har öppet med varm dryck och fika. Barn är varmt välkomna, och hörselkåpor finns att låna vid entrén.",
    ],
    venue: "Kulturhuset Forsen, Foajén",
    address: "Skolgatan 31",
    city: "Umeå",
    day: 27,
    weekday: SATURDAY,
    startTime: "15:00",
    durationMinutes: 180,
    ticketTypes: [
      { name: "Fri entré", description: "Ståplats.", priceMinor: 0, capacity: 250, maxPerOrder: 6, sold: 18 },
      { name: "Sittplats nära scenen", description: "Begränsat antal.", priceMinor: 0, capacity: 60, maxPerOrder: 4, sold: 8 },
    ],
  },
  {
    slug: "folkmusikkvall-nyckelharpa-och-kulning",
    organizer: "foreningen-alvsbrus",
    status: "PUBLISHED",
    title: "Folkmusikkväll – nyckelharpa och kulning",
    paragraphs: [
      "En kväll med musik från Norrlands fäbodar och spelmanslag. Nyckelharpisten Sara Nordin och sångerskan Linnea Öhman, känd för sin kulning, möts i ett program med polskor, vallåtar och nyskrivna låtar i gammal stil.",
      "I pausen serveras kaffe och tunnbrödsrulle, och efter konserten är golvet fritt för den som vill dansa – Umeå spelmanslag leder polskedansen.",
      "Medlemspriset gäller medlemmar i Föreningen Älvsbrus.",
    ],
    venue: "Tallbackens föreningslokal",
    address: "Västra Esplanaden 14",
    city: "Umeå",
    day: 33,
    weekday: THURSDAY,
    startTime: "19:00",
    durationMinutes: 150,
    ticketTypes: [
      { name: "Ordinarie", priceMinor: kr(200), capacity: 80, sold: 6 },
      { name: "Medlem", description: "För medlemmar i Föreningen Älvsbrus.", priceMinor: kr(150), capacity: 40, maxPerOrder: 2, sold: 3 },
    ],
  },
  {
    slug: "uppsala-stjarnor-sundsvall-vargar",
    organizer: "uppsala-stjarnor",
    status: "PUBLISHED",
    title: "Uppsala Stjärnor – Sundsvall Vargar",
    paragraphs: [
      "Hemmamatch i Fyrishov när Uppsala Stjärnor tar emot Sundsvall Vargar. Lagen har mötts tre gånger de senaste två säsongerna, och två av matcherna avgjordes med mindre än fem poäng.",
      "Före matchen visar klubbens ungdomslag upp sig, och i halvtid tävlar publiken om att sätta skottet från mittlinjen. Matchprogrammet ingår i biljetten.",
      "Dörrarna öppnar en timme före matchstart. Barnbiljetten gäller barn 7–15 år; barn under sju år går gratis i sällskap med vuxen. Ståplatserna finns på kortsidan bakom korgen.",
    ],
    venue: "Fyrishov",
    address: "Idrottsgatan 2",
    city: "Uppsala",
    day: 8,
    weekday: SATURDAY,
    startTime: "17:00",
    durationMinutes: 120,
    ticketTypes: [
      { name: "Sittplats", priceMinor: kr(180), capacity: 600, sold: 12 },
      { name: "Ståplats", priceMinor: kr(120), capacity: 300, sold: 7 },
      { name: "Barn", description: "7–15 år.", priceMinor: kr(60), capacity: 150, sold: 5 },
    ],
  },
  {
    slug: "uppsala-stjarnor-jamtland-algar",
    organizer: "uppsala-stjarnor",
    status: "PUBLISHED",
    title: "Uppsala Stjärnor – Jämtland Älgar",
    paragraphs: [
      "Hemmamatch i Fyrishov när Uppsala Stjärnor möter Jämtland Älgar. Gästerna från Östersund har vunnit sina fyra senaste matcher, och Stjärnorna behöver vinna för att hålla kontakt med toppen av tabellen.",
      "I halvtid delar klubben ut stipendier till ungdomsledare. Matchprogrammet ingår i biljetten.",
      "Dörrarna öppnar en timme före matchstart. Barnbiljetten gäller barn 7–15 år.",
    ],
    venue: "Fyrishov",
    address: "Idrottsgatan 2",
    city: "Uppsala",
    day: -5,
    startTime: "17:00",
    durationMinutes: 120,
    checkedInShare: 0.85,
    ticketTypes: [
      { name: "Sittplats", priceMinor: kr(180), capacity: 600, sold: 14 },
      { name: "Ståplats", priceMinor: kr(120), capacity: 300, sold: 6 },
      { name: "Barn", description: "7–15 år.", priceMinor: kr(60), capacity: 150, sold: 4 },
    ],
  },
  {
    slug: "vildanden",
    organizer: "teater-fyren",
    status: "DRAFT",
    title: "Vildanden",
    paragraphs: [
      "Gregers Werle kommer hem efter många år och bestämmer sig för att befria sin barndomsvän Hjalmar Ekdal från livslögnen han lever i. Men sanningen visar sig vara farligare än lögnen – och det är familjens fjortonåriga dotter Hedvig som får betala priset.",
      "Henrik Ibsens drama från 1884 i ny översättning och regi av Hanna Öberg. Premiär på Scenen i Majorna.",
      "Rollbesättning och fler speldatum presenteras inom kort.",
    ],
    venue: "Scenen i Majorna",
    address: "Allmänna vägen 9",
    city: "Göteborg",
    day: 95,
    weekday: FRIDAY,
    startTime: "19:00",
    durationMinutes: 150,
    ticketTypes: [
      { name: "Ordinarie", priceMinor: kr(320), capacity: 140, sold: 0 },
      {
        name: "Student",
        description: "Giltig studentlegitimation visas vid entrén.",
        priceMinor: kr(160),
        capacity: 30,
        maxPerOrder: 2,
        sold: 0,
      },
    ],
  },
];
