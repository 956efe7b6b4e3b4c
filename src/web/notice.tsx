// The GC Design System notice, one way for every page: a titled box (h2) for a success,
// information, warning or danger message, with the title repeated as text unless a body is given.
import type { Child } from "hono/jsx";

export type NoticeRole = "info" | "success" | "warning" | "danger";

export function Notice(props: { role: NoticeRole; title: string; children?: Child }) {
  return (
    <gcds-notice notice-role={props.role} notice-title-tag="h2" notice-title={props.title}>
      {props.children ?? <gcds-text>{props.title}</gcds-text>}
    </gcds-notice>
  );
}
