// Pure helpers of the renderer and panels: the dash patch of the curved-edge shader,
// document highlighting, and the API helpers' messages and URLs.
import { addDashPattern, DASH_LENGTHS } from '../../../client/src/render/dashShader';
import { segmentText } from '../../../client/src/highlight';
import { exportUrl, problemMessage, strictStatuses } from '../../../client/src/api';

// The lines of @sigma/edge-curve's fragment shader that the patch hooks into.
const SHADER = `float det(vec2 a, vec2 b) { return a.x * b.y - b.x * a.y; }
void main(void) {
  float dist = distToQuadraticBezierCurve(gl_FragCoord.xy, v_cpA, v_cpB, v_cpC);
  float thickness = v_thickness;
  float halfThickness = thickness / 2.0;
}`;

describe('addDashPattern', () => {
  it('adds the curve parameter and leaves gaps by the pattern, arrow head solid', () => {
    const patched = addDashPattern(SHADER, 'dashed', true);
    expect(patched).toContain('float curveParameter(vec2 p, vec2 A, vec2 B, vec2 C)');
    expect(patched.indexOf('float curveParameter')).toBeLessThan(patched.indexOf('void main(void)'));
    expect(patched).toContain(
      `if (!(distToTarget < targetArrowLength) && mod(along, ${DASH_LENGTHS.dashed.on + DASH_LENGTHS.dashed.off}.0 * scale) > ${DASH_LENGTHS.dashed.on}.0 * scale)`,
    );
    expect(patched).toContain('#ifndef PICKING_MODE');
    expect(addDashPattern(SHADER, 'dotted', false)).toContain('if (!(false) && mod(along, 7.0 * scale) > 2.5 * scale)');
  });

  it('refuses a shader it does not recognise instead of drawing every edge solid', () => {
    expect(() => addDashPattern('void main() {}', 'dotted', false)).toThrow(
      'addDashPattern: the edge-curve fragment shader has no "void main(void) {"; update client/src/render/dashShader.ts for this @sigma/edge-curve version',
    );
  });
});

describe('segmentText', () => {
  it('cuts the text at quote edges and lists the claims over each piece', () => {
    expect(
      segmentText('Alpha beta gamma delta', [
        { claim: 'c1', start: 6, end: 16 },
        { claim: 'c2', start: 11, end: 22 },
      ]),
    ).toEqual([
      { text: 'Alpha ', claims: [] },
      { text: 'beta ', claims: ['c1'] },
      { text: 'gamma', claims: ['c1', 'c2'] },
      { text: ' delta', claims: ['c2'] },
    ]);
  });
  it('ignores spans outside the text', () => {
    expect(segmentText('abc', [{ claim: 'x', start: 2, end: 9 }])).toEqual([{ text: 'abc', claims: [] }]);
  });
});

describe('API helpers', () => {
  it('reads a problem+json body into the message a person sees', () => {
    expect(
      problemMessage(
        404,
        {
          type: 'x',
          title: 'No path found',
          status: 404,
          detail: 'no chain',
          errors: [{ path: 'to', message: 'not connected' }],
        },
        '/api/path',
      ),
    ).toBe('No path found: no chain (to: not connected)');
    expect(problemMessage(502, '<html>', '/api/graph')).toBe('The server answered 502 for /api/graph');
  });
  it('does not repeat a field the detail already names', () => {
    const detail = 'reason: a retraction needs a reason: say why the claim is taken back';
    expect(
      problemMessage(
        400,
        {
          type: 'x',
          title: 'Invalid request body',
          status: 400,
          detail,
          errors: [{ path: 'reason', message: 'a retraction needs a reason: say why the claim is taken back' }],
        },
        '/api/claims/c1/retract',
      ),
    ).toBe(`Invalid request body: ${detail}`);
  });
  it('keeps a strict path to reported or confirmed, within the view’s status filter', () => {
    expect(strictStatuses(undefined)).toEqual(['reported', 'confirmed']);
    expect(strictStatuses(['confirmed', 'alleged'])).toEqual(['confirmed']);
  });
  it('exports with the view’s filters', () => {
    expect(exportUrl('gexf', { nodeTypes: ['person'], knownAt: '2024-10-25' })).toBe(
      '/api/export?nodeTypes=person&knownAt=2024-10-25&format=gexf',
    );
  });
});
