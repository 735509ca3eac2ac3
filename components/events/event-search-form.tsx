import Form from "next/form";
import { useLocale, useTranslations } from "next-intl";
import { asLocale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input";

export type EventSearchFormProps = {
  query: string | null;
  city: string | null;
  cities: string[];
  /** The search was refused (control characters): said under the box. */
  queryProblem?: "control_characters" | null;
};

/**
 * Search and city filter for /events. A GET form, so it works without JavaScript and the result
 * is a shareable address; with JavaScript next/form turns the submit into a client navigation.
 * A new search starts on page 1, since the page number is not one of its fields.
 */
export function EventSearchForm({ query, city, cities, queryProblem }: EventSearchFormProps) {
  const t = useTranslations("EventsPage");
  const locale = useLocale();
  // A city given in the address but no longer in the list still shows as chosen.
  const options = city && !cities.includes(city) ? [city, ...cities] : cities;
  return (
    <Form
      action={localizePath("/events", asLocale(locale))}
      role="search"
      aria-label={t("searchFormLabel")}
      className="flex flex-col gap-4 sm:flex-row sm:items-end"
    >
      <div className="flex flex-1 flex-col gap-1.5">
        <label htmlFor="event-search" className="text-sm font-semibold text-zinc-900">
          {t("searchLabel")}
        </label>
        <input
          id="event-search"
          type="search"
          name="q"
          defaultValue={query ?? ""}
          maxLength={100}
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby={queryProblem ? "event-search-hint event-search-error" : "event-search-hint"}
          aria-invalid={queryProblem ? true : undefined}
          className={inputClasses}
        />
        <p id="event-search-hint" className="text-sm text-zinc-700">
          {t("searchHint")}
        </p>
        {queryProblem ? (
          <p id="event-search-error" className="text-sm font-medium text-red-700">
            {t("searchControlCharacters")}
          </p>
        ) : null}
      </div>
      {/* The hint under the search box would push the controls beside it down: line them up at the top. */}
      <div className="flex flex-col gap-1.5 sm:w-56 sm:self-start">
        <label htmlFor="event-city" className="text-sm font-semibold text-zinc-900">
          {t("cityLabel")}
        </label>
        <select id="event-city" name="city" defaultValue={city ?? ""} className={inputClasses}>
          <option value="">{t("allCities")}</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="sm:self-start sm:pt-7">
        <Button type="submit" className="w-full sm:w-auto">
          {t("submit")}
        </Button>
      </div>
    </Form>
  );
}
