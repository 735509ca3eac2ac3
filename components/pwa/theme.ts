// The colours an installed app shows around the page: white like the header and the page
// (app/globals.css), so the phone's status bar runs straight into the site.
export const PWA_BACKGROUND_COLOR = "#ffffff";
export const PWA_THEME_COLOR = "#ffffff";
