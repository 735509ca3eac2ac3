// The framework's floor for the Lighthouse budget: a Next.js app of one page with no code of
// ours, built and served by `npm run budgets` beside the real pages (tests/budgets/floor.ts).
// What it scores on a host is the best any App Router page of this Next.js and React can score
// there.
export const metadata = { title: "Beethovens nionde symfoni" };

export default function RootLayout({ children }) {
  return (
    <html lang="sv">
      <body>{children}</body>
    </html>
  );
}
