/**
 * The site's one time zone: dates and times are shown in it unless an event says otherwise, and
 * a new event (or a demo one) happens in it. Pages format dates through lib/i18n/format.
 */
export const siteTimeZone = "Europe/Stockholm";
