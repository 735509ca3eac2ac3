/** Dates and times are shown in the site's time zone unless an event says otherwise. */
export const siteTimeZone = "Europe/Stockholm";
