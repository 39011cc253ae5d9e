// Dashed and dotted curved edges. @sigma/edge-curve draws a quadratic Bézier in its
// fragment shader from the distance to the curve; we add the curve parameter t, turn it
// into a distance along the curve, and leave gaps by pattern. The arrow head stays solid
// and picking (hover, click) still sees the whole line. Pure string work, no sigma import.
import type { LinePattern } from '../edgeStyle';

/** Dash and gap lengths in device pixels for an edge 2 px wide (wider edges scale them). */
export const DASH_LENGTHS: Record<Exclude<LinePattern, 'solid'>, { on: number; off: number }> = {
  dashed: { on: 9, off: 6 },
  dotted: { on: 2.5, off: 4.5 },
};

const CURVE_PARAMETER = `
float curveParameter(vec2 p, vec2 A, vec2 B, vec2 C) {
  vec2 b0 = A - p, b1 = B - p, b2 = C - p;
  float a = det(b0, b2), b = 2.0 * det(b1, b0), d = 2.0 * det(b2, b1);
  float f = b * d - a * a;
  vec2 d21 = b2 - b1, d10 = b1 - b0, d20 = b2 - b0;
  vec2 gf = 2.0 * (b * d21 + d * d10 + a * d20);
  gf = vec2(gf.y, -gf.x);
  vec2 pp = -f * gf / dot(gf, gf);
  vec2 d0p = b0 - pp;
  float ap = det(d0p, d20), bp = 2.0 * det(d10, d0p);
  return clamp((ap + bp) / (2.0 * a + b + d), 0.0, 1.0);
}
`;

const MAIN_ANCHOR = 'void main(void) {';
const BODY_ANCHOR = 'float halfThickness = thickness / 2.0;';

function glslFloat(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/**
 * Adds the dash pattern to edge-curve's fragment shader. Throws when the shader does not
 * have the lines the patch hooks into (a changed @sigma/edge-curve), rather than drawing
 * every edge solid without saying so.
 */
export function addDashPattern(
  fragmentShader: string,
  pattern: Exclude<LinePattern, 'solid'>,
  hasTargetArrow: boolean,
): string {
  for (const anchor of [MAIN_ANCHOR, BODY_ANCHOR]) {
    if (!fragmentShader.includes(anchor))
      throw new Error(
        `addDashPattern: the edge-curve fragment shader has no "${anchor}"; update client/src/render/dashShader.ts for this @sigma/edge-curve version`,
      );
  }
  const { on, off } = DASH_LENGTHS[pattern];
  const inArrow = hasTargetArrow ? 'distToTarget < targetArrowLength' : 'false';
  const dash = `
  #ifndef PICKING_MODE
  {
    float scale = max(1.0, v_thickness / 2.0);
    float along = curveParameter(gl_FragCoord.xy, v_cpA, v_cpB, v_cpC) * (length(v_cpB - v_cpA) + length(v_cpC - v_cpB));
    if (!(${inArrow}) && mod(along, ${glslFloat(on + off)} * scale) > ${glslFloat(on)} * scale) {
      gl_FragColor = transparent;
      return;
    }
  }
  #endif
  `;
  return fragmentShader
    .replace(MAIN_ANCHOR, `${CURVE_PARAMETER}\n${MAIN_ANCHOR}`)
    .replace(BODY_ANCHOR, `${dash}\n  ${BODY_ANCHOR}`);
}
