"use client";
// The create/edit form of an event and its ticket types. A plain form posting to a server
// action, so it works without JavaScript; ticket types are numbered rows, and one empty row
// at the end adds a new type when filled in.
import { useActionState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/input";
import type { EventFormState, EventFormValues, TicketTypeFormValues } from "@/lib/organizers/event-form";
import { EVENT_TIME_ZONES } from "@/lib/organizers/event-form";

type EventFormProps = {
  action: (previous: EventFormState | null, formData: FormData) => Promise<EventFormState | null>;
  initial: EventFormValues;
  /** Ticket type id → true when it has orders and cannot be removed. */
  locked: Record<string, boolean>;
  mode: "create" | "save";
};

const emptyRow: TicketTypeFormValues = {
  id: "",
  name: "",
  price: "",
  capacity: "",
  salesStartAt: "",
  salesEndAt: "",
  maxPerOrder: "10",
  sortOrder: "",
  remove: false,
};

export function EventForm({ action, initial, locked, mode }: EventFormProps) {
  const t = useTranslations("OrganizerEvents");
  const [state, formAction, pending] = useActionState(action, null);
  const values = state?.values ?? initial;
  const errors = state?.fieldErrors ?? {};
  const counts = state?.counts ?? {};
  const message = (name: string) => {
    const key = errors[name];
    return key ? t(`errors.${key}` as "errors.required", { count: counts[name] ?? 0 }) : null;
  };
  const rows = [...values.ticketTypes, emptyRow];

  return (
    // The key remounts the fields after each answer, so they show the values that were posted.
    <form key={JSON.stringify(state)} action={formAction} noValidate className="flex flex-col gap-8">
      {state ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-semibold text-red-800">
          {t("fixErrors")}
          {errors.ticketTypes ? ` ${message("ticketTypes")}` : null}
        </p>
      ) : null}
      <fieldset className="flex flex-col gap-5">
        <legend className="mb-4 text-xl font-bold text-zinc-950">{t("eventSection")}</legend>
        <Field
          id="event-title"
          name="title"
          label={t("title")}
          defaultValue={values.title}
          error={message("title")}
          required
          maxLength={200}
        />
        <Field
          id="event-slug"
          name="slug"
          label={t("slug")}
          hint={t("slugHint")}
          defaultValue={values.slug}
          error={message("slug")}
          maxLength={80}
        />
        <Field id="event-description" name="description" label={t("description")} error={message("description")} required>
          {(control) => <textarea {...control} rows={6} defaultValue={values.description} className={inputClasses} />}
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="event-venue" name="venue" label={t("venue")} defaultValue={values.venue} error={message("venue")} required />
          <Field id="event-city" name="city" label={t("city")} defaultValue={values.city} error={message("city")} required />
        </div>
        <Field id="event-address" name="address" label={t("address")} defaultValue={values.address} error={message("address")} />
        <Field id="event-time-zone" name="timeZone" label={t("timeZone")} hint={t("timeZoneHint")} error={message("timeZone")}>
          {(control) => (
            <select {...control} defaultValue={values.timeZone} className={inputClasses}>
              {EVENT_TIME_ZONES.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            id="event-starts-at"
            name="startsAt"
            type="datetime-local"
            label={t("startsAt")}
            defaultValue={values.startsAt}
            error={message("startsAt")}
            required
          />
          <Field
            id="event-ends-at"
            name="endsAt"
            type="datetime-local"
            label={t("endsAt")}
            defaultValue={values.endsAt}
            error={message("endsAt")}
            required
          />
        </div>
      </fieldset>

      <section className="flex flex-col gap-4" aria-labelledby="ticket-types-heading">
        <h2 id="ticket-types-heading" className="text-xl font-bold text-zinc-950">
          {t("ticketTypesSection")}
        </h2>
        <p className="text-zinc-700">{t("ticketTypesHint")}</p>
        {rows.map((row, index) => {
          const name = (field: string) => `ticketTypes.${index}.${field}`;
          const id = (field: string) => `ticket-${index}-${field}`;
          const isLocked = row.id ? locked[row.id] === true : false;
          return (
            <fieldset key={`${row.id}-${index}`} className="flex flex-col gap-4 rounded-2xl border border-zinc-200 p-4">
              <legend className="px-1 font-semibold text-zinc-950">
                {row.id || index < values.ticketTypes.length ? t("ticketTypeLegend", { number: index + 1 }) : t("newTicketTypeLegend")}
              </legend>
              <input type="hidden" name={name("id")} value={row.id} />
              <div className="grid gap-4 sm:grid-cols-3">
                <Field
                  id={id("name")}
                  name={name("name")}
                  label={t("ticketName")}
                  defaultValue={row.name}
                  error={message(name("name"))}
                  maxLength={100}
                />
                <Field
                  id={id("price")}
                  name={name("price")}
                  label={t("price")}
                  inputMode="decimal"
                  defaultValue={row.price}
                  error={message(name("price"))}
                />
                <Field
                  id={id("capacity")}
                  name={name("capacity")}
                  label={t("capacity")}
                  inputMode="numeric"
                  defaultValue={row.capacity}
                  error={message(name("capacity"))}
                />
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field
                  id={id("sales-start")}
                  name={name("salesStartAt")}
                  type="datetime-local"
                  label={t("salesStartAt")}
                  defaultValue={row.salesStartAt}
                  error={message(name("salesStartAt"))}
                />
                <Field
                  id={id("sales-end")}
                  name={name("salesEndAt")}
                  type="datetime-local"
                  label={t("salesEndAt")}
                  defaultValue={row.salesEndAt}
                  error={message(name("salesEndAt"))}
                />
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field
                  id={id("max")}
                  name={name("maxPerOrder")}
                  label={t("maxPerOrder")}
                  inputMode="numeric"
                  defaultValue={row.maxPerOrder}
                  error={message(name("maxPerOrder"))}
                />
                <Field
                  id={id("sort")}
                  name={name("sortOrder")}
                  label={t("sortOrder")}
                  inputMode="numeric"
                  defaultValue={row.sortOrder}
                  error={message(name("sortOrder"))}
                />
              </div>
              {row.id ? (
                isLocked ? (
                  <p className="text-sm text-zinc-700">{t("removeLocked")}</p>
                ) : (
                  <label className="flex min-h-11 items-center gap-3 self-start">
                    <input type="checkbox" name={name("remove")} defaultChecked={row.remove} className="size-5 accent-indigo-700" />
                    {t("remove")}
                  </label>
                )
              ) : null}
            </fieldset>
          );
        })}
      </section>
      <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("saving") : t(mode)}
      </Button>
    </form>
  );
}
