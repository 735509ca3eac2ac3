// Any other address under a language: the localized not-found page of app/[locale]/not-found.tsx.
import { notFound } from "next/navigation";

export default function UnknownPage(): never {
  notFound();
}
