// A page's words as a person reads them, for HTTP tests: tags dropped, entities decoded, spaces
// collapsed. A notice's heading is drawn by gcds-notice from its notice-title attribute, so the
// title is read where the notice stands (a notice with nothing more to say is its title only).
// Identifiers and times keep their no-break characters (U+2011, U+00A0): tests expect them.
export function pageText(html: string): string {
  return html
    .replace(/<gcds-notice\b[^>]*?\snotice-title="([^"]*)"[^>]*>/g, " $1 ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
