// Writes an import as a data folder: entities.json, claims.json, vocabulary.json, the
// file's own positions as layout.json when they are kept, and the source files under sources/, with import.json recording what was imported and how. Atomic: everything is written to a temporary sibling folder, loaded back with the
// real loader, and only then renamed into place, so an error never leaves a half-written
// or invalid folder behind.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadDataset } from '../load/loadDataset';
import type { Dataset } from '../model/dataset';
import { LAYOUT_FILE, type LayoutFile } from '../model/layoutFile';
import type { ImportedData } from './types';

export interface SourceFileRecord {
  /** Where the file was read from. */
  path: string;
  /** Its name in sources/ and in the claims' record.file. */
  name: string;
  /** The bytes, when there is no file to copy (standard input). */
  bytes?: Buffer;
}

export interface ImportManifest {
  format: string;
  options: Record<string, string>;
  notes: string[];
}

export class OutputFolderError extends Error {}

function isEmptyFolder(dir: string): boolean {
  return fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes the folder and returns the dataset loaded back from it. `replace` allows an
 * existing non-empty folder to be replaced (it is swapped out only after success).
 */
export function writeDataFolder(
  outDir: string,
  data: ImportedData,
  sources: SourceFileRecord[],
  manifest: ImportManifest,
  replace = false,
): Dataset {
  const target = path.resolve(outDir);
  if (fs.existsSync(target) && !isEmptyFolder(target) && !replace) {
    throw new OutputFolderError(
      `${outDir} already exists and is not empty; choose a new --out folder or pass --force to replace it`,
    );
  }
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const temporary = path.join(
    parent,
    `.${path.basename(target)}.import-${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
  );
  let previous: string | undefined;
  let dataset: Dataset;
  try {
    fs.mkdirSync(temporary);
    fs.writeFileSync(path.join(temporary, 'vocabulary.json'), json(data.vocabulary));
    fs.writeFileSync(path.join(temporary, 'entities.json'), json(data.entities));
    fs.writeFileSync(path.join(temporary, 'claims.json'), json(data.claims));
    if (data.positions) {
      const names = sources.map((source) => source.name).join(', ');
      const layout: LayoutFile = { ...(names.length <= 500 && { source: names }), positions: data.positions };
      fs.writeFileSync(path.join(temporary, LAYOUT_FILE), json(layout));
    }
    fs.mkdirSync(path.join(temporary, 'sources'));
    const files = sources.map((source) => {
      const destination = path.join(temporary, 'sources', source.name);
      if (source.bytes !== undefined) fs.writeFileSync(destination, source.bytes);
      else fs.copyFileSync(source.path, destination);
      // A read-only input stays readable but should not make the copy hard to delete.
      fs.chmodSync(destination, 0o644);
      const bytes = fs.readFileSync(destination);
      return {
        file: source.name,
        bytes: bytes.length,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      };
    });
    fs.writeFileSync(
      path.join(temporary, 'import.json'),
      json({ ...manifest, files, entities: data.entities.length, claims: data.claims.length }),
    );
    // Load it back with the loader `validate` and `serve` use: what we write must pass.
    dataset = loadDataset(temporary);
    if (fs.existsSync(target)) {
      if (isEmptyFolder(target)) fs.rmdirSync(target);
      else {
        previous = `${temporary}.previous`;
        fs.renameSync(target, previous);
      }
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    if (previous !== undefined && !fs.existsSync(target)) fs.renameSync(previous, target);
    throw error;
  }
  if (previous !== undefined) fs.rmSync(previous, { recursive: true, force: true });
  // The content hash covers relative paths and contents only, so it holds after the rename.
  return { ...dataset, dataDir: target };
}
