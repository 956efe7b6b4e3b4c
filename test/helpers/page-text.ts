// A page's words as a person reads them, for HTTP tests: tags dropped, entities decoded, spaces
// collapsed. A notice's heading is drawn by gcds-notice from its notice-title attribute, so the
// title is read where the notice stands (a notice with nothing more to say is its title only).
// Identifiers and times keep their no-break characters (U+2011, U+00A0): tests expect them.
// unescapeHtml is the entity decoding alone, for an attribute's value (data-options).
export function pageText(html: string): string {
  const words = html.replace(/<gcds-notice\b[^>]*?\snotice-title="([^"]*)"[^>]*>/g, " $1 ").replace(/<[^>]+>/g, " ");
  return unescapeHtml(words).replace(/\s+/g, " ");
}

/** An attribute's or a text's HTML entities decoded (the five our pages write). */
export function unescapeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
