// How an edge's status looks, so an allegation never looks like a confirmed fact:
// the line pattern comes from the vocabulary (solid, dashed, dotted), and opacity and
// width set confirmed > reported > disputed > alleged > denied apart. The legend draws
// its samples from the same table, so what it explains is what the graph shows.
import type { Status } from '../../server/model/vocabulary';

export type LinePattern = 'solid' | 'dashed' | 'dotted';

export interface EdgeStyle {
  pattern: LinePattern;
  /** Multiplies the type colour's opacity. */
  opacity: number;
  /** Multiplies the edge's width. */
  width: number;
  /** Prefix of the display label: "alleged" + "contact". */
  labelPrefix: string;
  label: string;
}

/** Emphasis by status id; a status the client does not know gets its pattern's default. */
const EMPHASIS = new Map<string, { opacity: number; width: number }>(
  Object.entries({
    confirmed: { opacity: 1, width: 1.6 },
    reported: { opacity: 0.9, width: 1.2 },
    disputed: { opacity: 0.9, width: 1.2 },
    alleged: { opacity: 0.85, width: 1 },
    denied: { opacity: 0.4, width: 0.8 },
  }),
);
const DEFAULT_EMPHASIS: Record<LinePattern, { opacity: number; width: number }> = {
  solid: { opacity: 0.9, width: 1.2 },
  dashed: { opacity: 0.75, width: 1 },
  dotted: { opacity: 0.6, width: 1 },
};

export function edgeStyles(
  statuses: readonly Pick<Status, 'id' | 'style' | 'labelPrefix' | 'label'>[],
): Map<string, EdgeStyle> {
  const styles = new Map<string, EdgeStyle>();
  for (const status of statuses) {
    const emphasis = EMPHASIS.get(status.id) ?? DEFAULT_EMPHASIS[status.style];
    styles.set(status.id, { pattern: status.style, ...emphasis, labelPrefix: status.labelPrefix, label: status.label });
  }
  return styles;
}

/** The sigma edge program drawing this pattern, with an arrow head for directed types. */
export function edgeProgramKey(pattern: LinePattern, directed: boolean): string {
  return directed ? `${pattern}Arrow` : pattern;
}

/** "#e15759" at 0.5 → "rgba(225,87,89,0.5)". */
export function withOpacity(hex: string, opacity: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return hex;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16));
  return `rgba(${r},${g},${b},${Math.round(opacity * 1000) / 1000})`;
}

/** "alleged" + "contact" → "alleged contact"; an empty prefix shows the bare type label. */
export function edgeDisplayLabel(style: EdgeStyle | undefined, typeLabel: string): string {
  return style && style.labelPrefix ? `${style.labelPrefix} ${typeLabel}` : typeLabel;
}
