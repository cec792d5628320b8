/** The per-value lines of an import summary: the first `limit` kept, the rest only counted. */
export class Notes {
  readonly lines: string[] = [];
  more = 0;
  constructor(private readonly limit: number) {}

  add(line: string): void {
    if (this.lines.length < this.limit) this.lines.push(line);
    else this.more += 1;
  }

  toJSON() {
    return { lines: this.lines, more: this.more };
  }
}
