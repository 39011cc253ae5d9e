// The sigma edge programs, one per line pattern, with and without an arrow head: all
// curved (@sigma/edge-curve) so parallel relations bend apart. The reducers pick one by
// key (edgeProgramKey in edgeStyle.ts).
import { createEdgeCurveProgram } from '@sigma/edge-curve';
import type { EdgeProgram, EdgeProgramType } from 'sigma/rendering';
import type { LinePattern } from '../edgeStyle';
import { edgeProgramKey } from '../edgeStyle';
import { addDashPattern } from './dashShader';

interface ProgramWithDefinition {
  getDefinition(): ReturnType<EdgeProgram['getDefinition']>;
}

const ARROW_HEAD = { extremity: 'target' as const, lengthToThicknessRatio: 2.5, widenessToThicknessRatio: 2 };

function patternProgram(pattern: LinePattern, arrow: boolean): EdgeProgramType {
  const Curve = createEdgeCurveProgram({ arrowHead: arrow ? ARROW_HEAD : null });
  if (pattern === 'solid') return Curve;
  // EdgeProgramType hides the program's methods; the class behind it is an EdgeProgram.
  const Base = Curve as unknown as new (...args: ConstructorParameters<EdgeProgramType>) => ProgramWithDefinition;
  return class PatternedEdgeProgram extends Base {
    override getDefinition() {
      const definition = super.getDefinition();
      return {
        ...definition,
        FRAGMENT_SHADER_SOURCE: addDashPattern(definition.FRAGMENT_SHADER_SOURCE, pattern, arrow),
      };
    }
  } as unknown as EdgeProgramType;
}

export function edgePrograms(): Record<string, EdgeProgramType> {
  const programs: Record<string, EdgeProgramType> = {};
  for (const pattern of ['solid', 'dashed', 'dotted'] as const) {
    for (const arrow of [false, true]) programs[edgeProgramKey(pattern, arrow)] = patternProgram(pattern, arrow);
  }
  return programs;
}
