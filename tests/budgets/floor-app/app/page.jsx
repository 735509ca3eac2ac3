// Text like an event page's first screen, and nothing else: no client component, no picture.
export default function Page() {
  return (
    <main>
      <h1>Beethovens nionde symfoni</h1>
      <p>Konserthuset Stockholm, torsdag 22 april 2027 kl. 19.00</p>
      <p>Kungliga Filharmonikerna spelar Beethovens sista symfoni med kör och solister.</p>
      <a href="#biljetter">Köp biljetter</a>
    </main>
  );
}
