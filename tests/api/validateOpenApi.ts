// Validates a document as OpenAPI with @seriousme/openapi-schema-validator. The
// validator is an ES module and jest runs CommonJS, so it runs in a child Node process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export function validateOpenApi(document: unknown): { valid: boolean; errors?: unknown; version?: string } {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let text = '';
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', async () => {
      const validator = new Validator();
      const result = await validator.validate(JSON.parse(text));
      process.stdout.write(JSON.stringify({ version: validator.version, ...result }));
    });`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(document),
    cwd: path.join(__dirname, '..', '..'),
  });
  return JSON.parse(out.toString()) as { valid: boolean; errors?: unknown; version?: string };
}
