// Finding a notice on a page by its title. A notice with nothing more to say is its heading only
// (issue 15): gcds-notice draws the notice-title after the role a screen reader hears first
// ("Success"), so the heading's text is not the title alone and getByText(title, exact) misses it.
import type { Locator, Page } from "playwright-core";

/** A CSS string's contents: backslashes and double quotes escaped. */
function cssString(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}

/** The notice titled exactly `text`, or else an element whose whole text is `text`. */
export function noticeOrText(page: Page, text: string): Locator {
  return page.locator(`gcds-notice[notice-title="${cssString(text)}"]`).or(page.getByText(text, { exact: true }));
}
