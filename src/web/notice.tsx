// The GC Design System notice, one way for every page: a titled box (h2) for a success,
// information, warning or danger message. A notice with nothing more to say than its title has
// the title only — a body repeating it was read twice by screen readers (issue 15).
import type { Child } from "hono/jsx";

export type NoticeRole = "info" | "success" | "warning" | "danger";

export function Notice(props: { role: NoticeRole; title: string; children?: Child }) {
  return (
    <gcds-notice notice-role={props.role} notice-title-tag="h2" notice-title={props.title}>
      {/* gcds-notice renders nothing without content: an empty element stands for "no body". */}
      {props.children ?? <span></span>}
    </gcds-notice>
  );
}
