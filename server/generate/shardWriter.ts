// Writes records of one kind as JSON arrays, one record per line: `NAME.json` when they
// fit in one shard, else `NAME/00000.json`, `NAME/00001.json`… so that no single JSON
// text gets near V8's string limit and the loader can parse file by file.
import fs from 'node:fs';
import path from 'node:path';

export class ShardWriter {
  private lines: string[] = [];
  private shards = 0;
  readonly files: string[] = [];

  constructor(
    private readonly outDir: string,
    private readonly name: string,
    private readonly shardSize: number,
    /** Known up front: decides between one file and shards before the first write. */
    private readonly total: number,
  ) {}

  add(record: unknown): void {
    this.lines.push(JSON.stringify(record));
    if (this.lines.length >= this.shardSize) this.flush();
  }

  /** Writes what is left; call once at the end. */
  close(): void {
    if (this.lines.length > 0 || this.files.length === 0) this.flush();
  }

  private flush(): void {
    const single = this.total <= this.shardSize;
    const relative = single ? `${this.name}.json` : `${this.name}/${String(this.shards).padStart(5, '0')}.json`;
    const file = path.join(this.outDir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, this.lines.length === 0 ? '[]\n' : `[\n${this.lines.join(',\n')}\n]\n`);
    this.files.push(relative);
    this.shards += 1;
    this.lines = [];
  }
}
