import { csvBytes, csvField, csvResponse, safeCsvFilename } from "@/lib/csv";
import { attendeeCsvRows, marketingCsvRows } from "@/lib/organizers/exports";

describe("csvBytes", () => {
  it("writes a BOM, semicolons, CRLF, quoted fields and neutralised formulas, byte for byte", () => {
    const bytes = csvBytes([
      ["Namn", "E-post", "Anteckning"],
      ["Åsa Ängström", "asa@example.se", '=HYPERLINK("http://x")'],
      ["Örjan Öberg; ÄÖ", "orjan@example.se", "rad ett\nrad två"],
      ["-5", "+46", "@summa"],
      [42, null, "\tflik"],
    ]);
    const expected = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        "Namn;E-post;Anteckning\r\n" +
          'Åsa Ängström;asa@example.se;"\'=HYPERLINK(""http://x"")"\r\n' +
          '"Örjan Öberg; ÄÖ";orjan@example.se;"rad ett\nrad två"\r\n' +
          "'-5;'+46;'@summa\r\n" +
          "42;;'\tflik\r\n",
        "utf8",
      ),
    ]);
    expect(bytes.equals(expected)).toBe(true);
    // Å and Ö are the two-byte UTF-8 sequences Excel expects after the BOM.
    expect([...bytes.subarray(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0x4e, 0x61]);
    expect(bytes.includes(Buffer.from([0xc3, 0x85]))).toBe(true); // Å
    expect(bytes.includes(Buffer.from([0xc3, 0x96]))).toBe(true); // Ö
  });

  it("leaves ordinary text and numbers as they are", () => {
    expect(csvField("Stora salen")).toBe("Stora salen");
    expect(csvField(0)).toBe("0");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("\rx")).toBe('"\'\rx"');
  });
});

describe("csvResponse", () => {
  it("sends a private, uncached attachment with a safe name", async () => {
    const response = csvResponse('Deltagare Vårkonsert i Örebro "/..\\', [["a"]]);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="deltagare-varkonsert-i-orebro.csv"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from("\uFEFFa\r\n"))).toBe(true);
  });

  it("falls back to a generic name", () => {
    expect(safeCsvFilename("???")).toBe("export.csv");
  });
});

describe("attendeeCsvRows", () => {
  it("writes one line per ticket with local times, byte for byte", () => {
    const rows = attendeeCsvRows(
      ["Namn", "E-post", "Biljettyp", "Ordernummer", "Beställd", "Biljettkod", "Incheckad"],
      [
        {
          ticketId: "t1",
          code: "ABCDEFGHJKMNPQRS",
          holderName: "=Ärla Öst",
          holderEmail: "arla@example.se",
          ticketTypeName: "Ståplats",
          orderId: "o1",
          orderNumber: "K7Q2M9XA",
          orderedAt: new Date("2026-07-01T08:05:00Z"),
          checkedInAt: null,
        },
      ],
      "Europe/Stockholm",
    );
    expect(
      csvBytes(rows).equals(
        Buffer.from(
          "\uFEFFNamn;E-post;Biljettyp;Ordernummer;Beställd;Biljettkod;Incheckad\r\n'=Ärla Öst;arla@example.se;Ståplats;K7Q2M9XA;2026-07-01 10:05;ABCDEFGHJKMNPQRS;\r\n",
          "utf8",
        ),
      ),
    ).toBe(true);
  });
});

describe("marketingCsvRows", () => {
  it("writes one line per consent with when it was given, byte for byte", () => {
    const rows = marketingCsvRows(
      ["E-post", "Namn", "Samtycke givet", "Källa"],
      [
        { id: "c1", email: "bjorn@example.se", name: "Björn Åström", givenAt: new Date("2026-12-24T14:30:00Z"), source: "checkout" },
        { id: "c2", email: "+46@example.se", name: null, givenAt: new Date("2026-06-01T22:15:00Z"), source: "checkout" },
      ],
    );
    expect(
      csvBytes(rows).equals(
        Buffer.from(
          "\uFEFFE-post;Namn;Samtycke givet;Källa\r\nbjorn@example.se;Björn Åström;2026-12-24 15:30;checkout\r\n'+46@example.se;;2026-06-02 00:15;checkout\r\n",
          "utf8",
        ),
      ),
    ).toBe(true);
  });
});
