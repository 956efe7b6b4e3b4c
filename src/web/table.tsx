// Every table of the portal (issue 15): a data table keeps its rows and columns on a narrow
// screen — read across, a row means something — so it scrolls sideways inside its own region
// rather than widening the page (WCAG 1.4.10 allows two-dimensional scrolling for data tables).
// The region is named by the table's caption and takes focus, so that a keyboard user can scroll
// it with the arrow keys (axe: scrollable-region-focusable), and a screen reader announces it.
import type { Child } from "hono/jsx";

export interface TableProps {
  /** The table's title: its caption, and the name of the region that scrolls. */
  caption: string;
  /** The caption is for screen readers only (the heading above already says it). */
  hideCaption?: boolean;
  /** More classes for the table itself (beside ttp-table). */
  class?: string;
  testid?: string;
  /** thead and tbody. */
  children: Child;
}

export function Table(props: TableProps) {
  // The caption is as wide as the table: inside the region it scrolled out of sight with the
  // columns. Its visible copy stands above the region, on the page's width; the caption itself
  // stays in the table for screen readers (the copy is hidden from them, so it is read once).
  return (
    <>
      {props.hideCaption ? null : (
        <p class="ttp-table-caption" aria-hidden="true">
          {props.caption}
        </p>
      )}
      <div class="ttp-table-scroll" role="region" aria-label={props.caption} tabindex={0}>
        <table class={props.class ? `ttp-table ${props.class}` : "ttp-table"} data-testid={props.testid}>
          <caption class="ttp-visually-hidden">{props.caption}</caption>
          {props.children}
        </table>
      </div>
    </>
  );
}
