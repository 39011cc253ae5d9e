// Small pictures that explain the drawing: a colour dot per node type, a line per edge
// type (with its arrow when directed), a line per status in its pattern, and a status
// badge. The patterns match the shader's (render/dashShader.ts) so the legend is honest.
import { DASH_LENGTHS } from '../render/dashShader';
import type { EdgeStyle, LinePattern } from '../edgeStyle';
import { el } from './dom';

const SVG = 'http://www.w3.org/2000/svg';

function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

export function dashArray(pattern: LinePattern): string | undefined {
  if (pattern === 'solid') return undefined;
  const { on, off } = DASH_LENGTHS[pattern];
  return `${on} ${off}`;
}

/** A short line in a colour and pattern, with an arrow head when directed. */
export function lineSample(
  colour: string,
  pattern: LinePattern,
  options: { directed?: boolean; width?: number; opacity?: number } = {},
): SVGSVGElement {
  const svg = svgElement('svg', {
    width: '34',
    height: '12',
    viewBox: '0 0 34 12',
    class: 'line-sample',
    'aria-hidden': 'true',
  });
  const width = String(options.width ?? 2);
  const line = svgElement('line', {
    x1: '1',
    y1: '6',
    x2: options.directed ? '26' : '33',
    y2: '6',
    stroke: colour,
    'stroke-width': width,
    'stroke-opacity': String(options.opacity ?? 1),
  });
  const dashes = dashArray(pattern);
  if (dashes) line.setAttribute('stroke-dasharray', dashes);
  svg.appendChild(line);
  if (options.directed)
    svg.appendChild(
      svgElement('path', { d: 'M25 1 L33 6 L25 11 Z', fill: colour, 'fill-opacity': String(options.opacity ?? 1) }),
    );
  return svg;
}

/** The status drawn as on the graph, in neutral grey so it reads apart from type colours. */
export function statusSample(style: EdgeStyle): SVGSVGElement {
  return lineSample('#3e4c59', style.pattern, { width: 2 * style.width, opacity: style.opacity });
}

export function statusBadge(status: string, styles: Map<string, EdgeStyle>): HTMLSpanElement {
  const style = styles.get(status);
  return el(
    'span',
    { className: `badge status-${status}`, attrs: { title: `status: ${style?.label ?? status}` } },
    style?.label ?? status,
  );
}

export function stanceBadge(stance: string): HTMLSpanElement {
  return el('span', { className: `badge stance-${stance}` }, stance);
}
