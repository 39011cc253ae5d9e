// FollowTheMoney JSON lines → FtM entities, one per line, in the OpenSanctions export
// shape ({id, schema, properties, caption?, datasets?…}) or the yente delta envelope
// ({op: ADD|MOD|DEL, entity}). Later lines win: MOD replaces, DEL removes.
import { z } from 'zod';
import { formatFieldPath } from '../load/problems';
import { ImportError } from './importError';

const ftmEntitySchema = z.looseObject({
  id: z.string().min(1),
  schema: z.string().min(1),
  caption: z.string().optional(),
  properties: z.record(z.string(), z.array(z.unknown())),
});

const deltaSchema = z.object({
  op: z.enum(['ADD', 'MOD', 'DEL']),
  entity: z.looseObject({ id: z.string().min(1) }),
});

export type FtmEntity = z.infer<typeof ftmEntitySchema>;

export interface LocatedFtmEntity {
  entity: FtmEntity;
  file: string;
  line: number;
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = formatFieldPath(issue.path);
  return `${field ? `field "${field}": ` : ''}${issue.message}`;
}

/** Reads one file's lines into `entities` (keyed by FtM id), applying delta operations in order. */
export function readFtmLines(file: string, text: string, entities: Map<string, LocatedFtmEntity>): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineText = raw.trim();
    if (lineText === '') return;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (error) {
      throw new ImportError(
        { file, line },
        `not a JSON line: ${(error as Error).message} (FtM files hold one JSON entity per line)`,
      );
    }
    const record =
      value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string'
        ? (value as { id: string }).id
        : undefined;
    if (value && typeof value === 'object' && 'op' in value) {
      const delta = deltaSchema.safeParse(value);
      if (!delta.success)
        throw new ImportError(
          { file, line, record: (value as { entity?: { id?: string } }).entity?.id },
          `not a yente delta operation: ${issueText(delta.error)}`,
        );
      if (delta.data.op === 'DEL') {
        entities.delete(delta.data.entity.id);
        return;
      }
      value = delta.data.entity;
    }
    const parsed = ftmEntitySchema.safeParse(value);
    if (!parsed.success)
      throw new ImportError({ file, line, record }, `not a FollowTheMoney entity: ${issueText(parsed.error)}`);
    // The line itself, now that it is checked: zod's copy would drop an own "__proto__" key without a word.
    entities.set(parsed.data.id, { entity: value as FtmEntity, file, line });
  });
}
